// `npm run bench`: order-tracking figures on this machine, all through the simulated shop, whose
// Admin API enforces Shopify's calculated query cost and its standard bucket (2,000 points, 100 a
// second restored):
// - requested and actual cost of each Admin call per storefront step (lookup, returns view);
// - lookups per second a shop sustains, cache cold, with 40 offered a second: orders the app holds
//   from webhooks (no Admin call) against orders it does not (one Admin call each);
// - a lookup of a held order against a bare Remix resource route (/healthz) of the same build, in
//   the same run, as requests per second at the same concurrency;
// - the HTML the Help launcher adds to every storefront page, raw and gzipped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createDb } from "../app/db-client.server";
import { FULL_RETURN_ORDER, RETURN_ORDER_QUERY } from "../app/shopify/returns.server";
import { DEMO_CREDENTIALS, ensureBuilt, migrateDeploy, startStack } from "../simulator/stack";
import { appProxySignature } from "../simulator/signing";

const dir = mkdtempSync(join(tmpdir(), "harbor-bench-"));
const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
ensureBuilt();
migrateDeploy(databaseUrl);
const stack = await startStack({ databaseUrl, env: { TRACKING_LOOKUP_LIMIT: "1000000" } });
const { store, graphqlLog } = stack.shop;
const shop = store.shops()[0]!.domain;
await fetch(stack.shop.embeddedAppUrl(shop), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });
const db = createDb(databaseUrl);

const proxy = (path: string, init?: RequestInit) => fetch(`${stack.shop.url}${stack.shop.proxyPath}${path}`, init);
const post = (path: string, body: unknown) =>
  proxy(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const lookup = (order: string, email: string) => post("/tracking/lookup", { order, email });

/** Runs a storefront step and prints the Admin calls it made with their requested and actual cost. */
async function step(label: string, run: () => Promise<Response>) {
  const from = graphqlLog.length;
  const response = await run();
  const text = await response.text();
  const calls = graphqlLog.slice(from);
  const costs = calls.map((c) => `${c.operation} ${c.requestedCost ?? "-"}/${c.actualCost ?? "-"}`).join(", ");
  console.log(`  ${label.padEnd(46)} ${String(response.status).padEnd(4)} ${calls.length ? costs : "no Admin call"}`);
  return text;
}

// --- cost per storefront step ----------------------------------------------------------------
console.log("Admin calls per storefront step (operation requested/actual points):");
await step("lookup #1013, not held (Shopify read)", () => lookup("#1013", "lucas.silva@example.com"));
const held = await step("lookup #1013 again (held)", () => lookup("#1013", "lucas.silva@example.com"));
const { token } = JSON.parse(held) as { token: string };
await step("returns view of #1013 (by token)", () => proxy(`/returns/order?token=${encodeURIComponent(token)}`));
await step("returns lookup #1008 (two carriers)", () => post("/returns/lookup", { order: "#1008", email: "maya.chen@example.com" }));
await step("order by token (held)", () => proxy(`/tracking/order?token=${encodeURIComponent(token)}`));
const full = (await stack.shop.adminApi.execute(shop, { query: RETURN_ORDER_QUERY, variables: { id: "gid://shopify/Order/5013", ...FULL_RETURN_ORDER } })) as {
  body: { extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } };
};
console.log(`  ReturnOrder at staff sizes (${FULL_RETURN_ORDER.lines} lines, ${FULL_RETURN_ORDER.fulfillments} fulfillments): requested ${full.body.extensions.cost.requestedQueryCost}, actual ${full.body.extensions.cost.actualQueryCost}`);

// --- sustained lookups per second, bucket enforced, cache cold ------------------------------
const OFFERED_PER_SECOND = 40;
const SECONDS = 10;
const TEE_M = "gid://shopify/ProductVariant/45009";
const address = { firstName: "B", lastName: "Ench", address1: "1 Bench St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" };

/** Orders created, shipped and scanned in the shop, their webhooks delivered (a few at a time: the simulator does not retry). */
async function newOrders(count: number, tag: string) {
  const orders: { id: string; name: string; email: string }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `bench-${tag}-${i}@example.com`;
    const order = store.createOrder(shop, { email, lineItems: [{ variantId: TEE_M, quantity: 1 }], shippingAddress: address });
    const fulfillment = store.createFulfillment(shop, order.id, { trackingInfo: [{ company: "UPS", number: `1Z${i}`, url: null }] });
    store.addFulfillmentEvent(shop, fulfillment.id, { status: "IN_TRANSIT" });
    orders.push({ id: order.id, name: order.name, email });
    if (i % 10 === 9) await stack.shop.settled();
  }
  return orders;
}

/** Offers OFFERED_PER_SECOND lookups a second for SECONDS, each a different order, answers awaited at the end. */
async function offer(orders: { name: string; email: string }[]) {
  stack.shop.adminApi.resetBucket(shop);
  const from = graphqlLog.length;
  const started = performance.now();
  const answers: Promise<number>[] = [];
  for (let i = 0; i < orders.length; i++) {
    const due = started + (i * 1000) / OFFERED_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(lookup(orders[i]!.name, orders[i]!.email).then(async (r) => (await r.arrayBuffer(), r.status)));
  }
  const statuses = await Promise.all(answers);
  const seconds = (performance.now() - started) / 1000;
  const ok = statuses.filter((s) => s === 200).length;
  const calls = graphqlLog.slice(from);
  const throttled = calls.filter((c) => c.actualCost === null).length;
  return { ok, failed: statuses.length - ok, perSecond: ok / seconds, calls: calls.length, throttled, points: calls.reduce((sum, c) => sum + (c.actualCost ?? 0), 0) };
}

const count = OFFERED_PER_SECOND * SECONDS;
const heldOrders = await newOrders(count, "held");
const unheldOrders = await newOrders(count, "unheld");
await stack.shop.settled();
const undelivered = stack.shop.deliveries.filter((d) => d.status !== 200).length;
if (undelivered) console.log(`(${undelivered} webhook deliveries failed: their orders are read from Shopify)`);
// The second set as an app that never received their webhooks sees them.
await db.orderState.deleteMany({ where: { shop, orderId: { in: unheldOrders.map((o) => o.id) } } });

console.log(`\nLookups, ${OFFERED_PER_SECOND} a second offered for ${SECONDS} s, each a different order (cache cold), bucket 2000 / 100 a second:`);
for (const [label, orders] of [
  ["orders held from webhooks", heldOrders],
  ["orders not held (Shopify read each)", unheldOrders],
] as const) {
  const r = await offer(orders);
  console.log(
    `  ${label.padEnd(38)} ${r.perSecond.toFixed(1).padStart(5)} lookups/s answered, ${String(r.failed).padStart(3)} failed; ` +
      `${r.calls} Admin calls (${r.throttled} throttled), ${r.points} points charged`,
  );
}

// --- a held lookup against a bare Remix route, same build, same run -------------------------
const CONCURRENCY = 8;
const RUN_MS = 2000;
const ROUNDS = 5;

function signed(path: string): string {
  const params = new URLSearchParams({ shop, logged_in_customer_id: "", path_prefix: "/apps/support", timestamp: String(Math.floor(Date.now() / 1000)) });
  params.set("signature", appProxySignature(params, DEMO_CREDENTIALS.apiSecret));
  return `${stack.app.url}/proxy${path}?${params}`;
}

async function throughput(request: () => Promise<Response>): Promise<number> {
  const until = performance.now() + RUN_MS;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const response = await request();
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        done++;
      }
    }),
  );
  return done / (RUN_MS / 1000);
}

const sample = heldOrders[0]!;
const lookupUrl = signed("/tracking/lookup");
const body = JSON.stringify({ order: sample.name, email: sample.email });
const bare = () => fetch(`${stack.app.url}/healthz`);
const heldLookup = () => fetch(lookupUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body });
await throughput(bare); // warm-up of both paths
await throughput(heldLookup);
// Alternating rounds, median ratio: the machine's load drifts during a run.
const rounds: { bare: number; lookup: number }[] = [];
for (let i = 0; i < ROUNDS; i++) rounds.push({ bare: await throughput(bare), lookup: await throughput(heldLookup) });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`\nHeld-order lookup vs bare Remix route (/healthz), ${CONCURRENCY} concurrent, ${ROUNDS} alternating rounds of ${RUN_MS / 1000} s, straight to the app:`);
console.log(
  `  bare route ${median(rounds.map((r) => r.bare)).toFixed(0)} req/s, lookup ${median(rounds.map((r) => r.lookup)).toFixed(0)} req/s (medians): ` +
    `ratio ${median(rounds.map((r) => r.lookup / r.bare)).toFixed(2)}× (rounds: ${rounds.map((r) => (r.lookup / r.bare).toFixed(2)).join(", ")})`,
);

// --- the launcher's weight on every page -----------------------------------------------------
const page = await (await fetch(stack.shop.storefrontUrl)).text();
const launcher = page.match(/<harbor-help-launcher[\s\S]*?<\/harbor-help-launcher>/)?.[0] ?? "";
console.log(`\nHelp launcher HTML on every page: ${launcher.length} bytes raw, ${gzipSync(launcher).length} bytes gzipped (goal ≤ 2048 gzipped)`);

await db.$disconnect();
await stack.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
