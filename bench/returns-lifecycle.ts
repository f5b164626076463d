// `npm run bench` (returns, end to end): 200 return requests — refunds, store credit with a bonus,
// exchanges — carried from request to closed while Shopify refuses 20 % of mutations before doing
// anything and loses the answer of 10 % after doing the work. Then what Shopify holds is compared
// with what each shopper was quoted: returns created, lost (a request with no Shopify return or
// never closed), duplicated (two returns, refunds or bonus credits for one request) and amounts
// that differ from the settlement. All but "created" must be 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../app/db-client.server";
import { ensureBuilt, migrateDeploy, startStack } from "../simulator/stack";

const REQUESTS = 200;
const dir = mkdtempSync(join(tmpdir(), "harbor-bench-"));
const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
ensureBuilt();
migrateDeploy(databaseUrl);
const stack = await startStack({ databaseUrl, env: { TRACKING_LOOKUP_LIMIT: "1000000", RETURNS_SYNC_INTERVAL_MS: "100", RETURNS_RETRY_BASE_MS: "50" } });
const { store } = stack.shop;
const shop = store.shops()[0]!.domain;
const db = createDb(databaseUrl);
await fetch(stack.shop.embeddedAppUrl(shop), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });

// The app's own use cases, in this process, on the same database and simulated shop (as staff).
const { unauthenticated } = await import("../app/shopify.server");
const { saveReturnPolicy } = await import("../app/features/policies/repo.server");
const { DEFAULT_RETURN_POLICY } = await import("../app/features/policies/domain/returns");
const { decide } = await import("../app/features/returns/decide.server");
const fulfilment = await import("../app/features/returns/fulfilment.server");
const { fetchStoreCredit } = await import("../app/shopify/return-steps.server");
const ctx = async () => ({ shop, graphql: (await unauthenticated.admin(shop)).admin.graphql, db });

const { version: _version, ...policy } = structuredClone(DEFAULT_RETURN_POLICY);
await saveReturnPolicy(db, shop, { ...policy, autoApprove: { ...policy.autoApprove, enabled: false } }, "bench");

const CUSTOMERS = store.customers(shop).map((c) => c.id);
const SHELL_M = "gid://shopify/ProductVariant/45002";
const SHELL_L = "gid://shopify/ProductVariant/45003";
const BEANIE = "gid://shopify/ProductVariant/45011";
// Enough of the exchange size in stock for every exchange the run makes.
store.getVariant(shop, SHELL_L)!.variant.inventoryQuantity = REQUESTS;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Staff press the button again while Shopify answers "busy" (a 503 before any work, or its rate
 * limit: the bench asks far faster than people do). Any other refusal is counted.
 */
let refusals = 0;
async function untilDone<T extends { ok: boolean; status?: number; error?: string }>(action: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    const result = await action();
    if (result.ok) return result;
    if (result.status !== 503 || i > 600) {
      refusals++;
      console.log(`  refused: ${result.status} ${result.error ?? ""}`);
      return result;
    }
    await sleep(100);
  }
}

async function waitFor(id: string, done: (row: { status: string; pendingStep: string | null }) => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const row = await db.returnRequest.findUniqueOrThrow({ where: { id } });
    if (done(row)) return row;
    if (Date.now() > deadline) return row;
    await sleep(50);
  }
}

type Made = { id: string; orderId: string; customerId: string; resolution: string };
const made: Made[] = [];
const creditBefore = new Map<string, number>();
for (const customerId of CUSTOMERS) creditBefore.set(customerId, (await fetchStoreCredit((await ctx()).graphql, customerId)).balances.CAD ?? 0);

const started = Date.now();
stack.shop.faults.faultSeed = 14;
for (let i = 0; i < REQUESTS; i++) {
  const resolution = (["refund", "store_credit", "exchange"] as const)[i % 3]!;
  const customerId = CUSTOMERS[i % CUSTOMERS.length]!;
  const email = `bench-${i}@example.com`;
  const variantId = resolution === "exchange" ? SHELL_M : i % 2 ? BEANIE : SHELL_M;
  const quantity = variantId === BEANIE ? 2 : 1;
  // Faults stay off while the shopper's request is stored (the earlier bench covers that step).
  stack.shop.faults.mutationFailRate = 0;
  stack.shop.faults.mutationLoseRate = 0;
  const order = store.createOrder(shop, {
    email,
    customerId,
    lineItems: [{ variantId, quantity }],
    shippingAddress: { firstName: "B", lastName: "S", address1: "1 Main", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", country: "Canada", countryCode: "CA", zip: "B3H 1A1" },
  });
  store.markDelivered(shop, store.createFulfillment(shop, order.id).id);
  // A shopper whose lookup meets Shopify's rate limit ("unavailable") tries again a moment later.
  let lookup: { token?: string; code?: string } = {};
  for (let attempt = 0; attempt < 40 && !lookup.token; attempt++) {
    if (attempt) await sleep(250);
    lookup = await (
      await fetch(`${stack.shop.url}${stack.shop.proxyPath}/returns/lookup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ order: order.name, email }) })
    ).json();
  }
  if (!lookup.token) throw new Error(`lookup ${i} refused: ${JSON.stringify(lookup)}`);
  const form = new FormData();
  form.set("idempotencyKey", crypto.randomUUID());
  form.set("resolution", resolution);
  form.set("items", JSON.stringify([{ lineItemId: order.lineItems[0]!.id, quantity, reason: "size-too-small", ...(resolution === "exchange" ? { exchangeVariantId: SHELL_L } : {}) }]));
  const answer = await fetch(`${stack.shop.url}${stack.shop.proxyPath}/returns/request?token=${encodeURIComponent(lookup.token!)}`, { method: "POST", body: form });
  const submitted = await answer.json();
  if (!submitted.request) throw new Error(`request ${i} (${resolution}) refused: ${answer.status} ${JSON.stringify(submitted)}`);
  const { request } = submitted;
  const row = await db.returnRequest.findFirstOrThrow({ where: { reference: request.reference } });
  await waitFor(row.id, (r) => r.status === "requested");
  made.push({ id: row.id, orderId: order.id, customerId, resolution });

  // From approval on, Shopify misbehaves.
  stack.shop.faults.mutationFailRate = 0.2;
  stack.shop.faults.mutationLoseRate = 0.1;
  await untilDone(async () => decide(await ctx(), row.id, "bench", { kind: "approve" }));
  await waitFor(row.id, (r) => r.status === "approved" && !r.pendingStep);
  await untilDone(async () => fulfilment.attachLabel(await ctx(), row.id, "bench", { trackingNumber: `BENCH${i}` }));
  const current = await waitFor(row.id, (r) => !r.pendingStep);
  const items = await db.returnRequestItem.findMany({ where: { requestId: current.id } });
  await untilDone(async () =>
    fulfilment.receiveItems(await ctx(), row.id, "bench", {
      lines: items.map((item) => ({ itemId: item.id, restocked: item.quantity - (i % 5 === 0 ? 1 : 0), notRestocked: 0, missing: i % 5 === 0 ? 1 : 0 })),
    }),
  );
  await untilDone(async () => fulfilment.issueSettlement(await ctx(), row.id, "bench", {}));
  if ((i + 1) % 25 === 0) console.log(`  … ${i + 1} requests through every stage (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
stack.shop.faults.mutationFailRate = 0;
stack.shop.faults.mutationLoseRate = 0;
for (const { id } of made) await waitFor(id, (r) => r.status === "closed" && !r.pendingStep, 60_000);
const seconds = (Date.now() - started) / 1000;

let created = 0;
let lost = 0;
let duplicated = 0;
let amountsOff = 0;
const creditExpected = new Map<string, number>();
for (const m of made) {
  const row = await db.returnRequest.findUniqueOrThrow({ where: { id: m.id } });
  const order = store.getOrder(shop, m.orderId)!;
  created += order.returns.length;
  if (order.returns.length === 0 || row.status !== "closed") lost++;
  const refunds = order.refunds.filter((refund) => order.returns.some((r) => r.id === refund.returnId));
  if (order.returns.length > 1 || refunds.length > 1) duplicated++;
  const settlement = row.settlement ? (JSON.parse(row.settlement) as { refundCents: number; storeCreditCents: number; bonusCents: number }) : null;
  if (!settlement) continue;
  // Where every unit came back, what was settled is what the shopper was quoted.
  const quoted = Math.round((JSON.parse(row.quote) as { expected: number }).expected * 100);
  const items = await db.returnRequestItem.findMany({ where: { requestId: row.id } });
  if (items.every((item) => item.missing === 0) && settlement.refundCents + settlement.storeCreditCents + settlement.bonusCents !== quoted) amountsOff++;
  const refundedCents = Math.round(Number(order.totalRefunded) * 100);
  if (m.resolution === "refund" && refundedCents !== settlement.refundCents) amountsOff++;
  if (m.resolution === "exchange" && refundedCents !== 0) amountsOff++;
  if (m.resolution === "store_credit") creditExpected.set(m.customerId, (creditExpected.get(m.customerId) ?? 0) + settlement.storeCreditCents + settlement.bonusCents);
}
// Store credit lands on the customer's account: each customer's growth must be exactly what was settled.
for (const customerId of CUSTOMERS) {
  const after = (await fetchStoreCredit((await ctx()).graphql, customerId)).balances.CAD ?? 0;
  const grew = after - (creditBefore.get(customerId) ?? 0);
  if (grew !== (creditExpected.get(customerId) ?? 0)) {
    amountsOff++;
    console.log(`  store credit of ${customerId}: grew ${grew} cents, settled ${creditExpected.get(customerId) ?? 0}`);
  }
}
const stats = stack.shop.stats;
console.log(`return lifecycle: ${made.length} requests (refund, store credit + bonus, exchange) from request to closed in ${seconds.toFixed(1)} s`);
console.log(`  Shopify mutations refused before acting: ${stats.faultsInjected}, answers lost after acting: ${stats.answersLost}`);
console.log(`  staff actions refused (other than "busy"): ${refusals}`);
console.log(`  Shopify returns created ${created}, lost ${lost}, duplicated ${duplicated}, amounts differing from the quote or settlement ${amountsOff}`);

await db.$disconnect();
await stack.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(lost === 0 && duplicated === 0 && amountsOff === 0 ? 0 : 1);
