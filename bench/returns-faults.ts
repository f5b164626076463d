// `npm run bench` (second part): return requests while Shopify misbehaves. Every third submission
// meets a 5xx, every fifth a drained cost bucket, and a quarter of the forms are sent twice; then
// we count what Shopify ended up with: returns created, lost (a stored request with no Shopify
// return) and duplicated (two Shopify returns for one form).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../app/db-client.server";
import { ensureBuilt, migrateDeploy, startStack } from "../simulator/stack";

const FORMS = 40;
const dir = mkdtempSync(join(tmpdir(), "harbor-bench-"));
const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
ensureBuilt();
migrateDeploy(databaseUrl);
const stack = await startStack({ databaseUrl, env: { TRACKING_LOOKUP_LIMIT: "1000000", RETURNS_SYNC_INTERVAL_MS: "200" } });
const { store } = stack.shop;
const shop = store.shops()[0]!.domain;
const db = createDb(databaseUrl);
await fetch(stack.shop.embeddedAppUrl(shop), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const orders: { id: string; name: string }[] = [];
let submissions = 0;
const statuses: Record<string, number> = {};

for (let i = 0; i < FORMS; i++) {
  const email = `bench-${i}@example.com`;
  const order = store.createOrder(shop, {
    email,
    lineItems: [{ variantId: "gid://shopify/ProductVariant/45011", quantity: 1 }],
    shippingAddress: { firstName: "B", lastName: "S", address1: "1 Main", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", country: "Canada", countryCode: "CA", zip: "B3H 1A1" },
  });
  store.markDelivered(shop, store.createFulfillment(shop, order.id).id);
  orders.push(order);
  const lookup = await (
    await fetch(`${stack.shop.url}${stack.shop.proxyPath}/returns/lookup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ order: order.name, email }),
    })
  ).json();

  if (i % 3 === 0) stack.shop.faults.failNext = 2;
  if (i % 5 === 0) stack.shop.adminApi.drainBucket(shop);
  const form = new FormData();
  form.set("token", lookup.token);
  form.set("idempotencyKey", crypto.randomUUID());
  form.set("resolution", "refund");
  form.set("items", JSON.stringify([{ lineItemId: order.lineItems[0]!.id, quantity: 1, reason: "damaged" }]));
  form.append(`photo:${order.lineItems[0]!.id}`, new Blob([PNG]), "p.png");
  const sends = i % 4 === 0 ? 2 : 1;
  const answers = await Promise.all(
    Array.from({ length: sends }, () => fetch(`${stack.shop.url}${stack.shop.proxyPath}/returns/request`, { method: "POST", body: form })),
  );
  submissions += sends;
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  stack.shop.adminApi.resetBucket(shop);
}

// Let the retry loop finish what Shopify refused while it was failing.
const deadline = Date.now() + 60_000;
while ((await db.returnRequest.count({ where: { status: "received" } })) > 0 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 250));
}

const records = await db.returnRequest.findMany({ select: { orderId: true, status: true, syncAttempts: true } });
const shopifyReturns = orders.map((o) => store.getOrder(shop, o.id)!.returns.length);
const lost = orders.filter((o, i) => records.some((r) => r.orderId === o.id) && shopifyReturns[i] === 0).length;
const duplicated = shopifyReturns.filter((n) => n > 1).length;
console.log(`forms ${FORMS}, submissions sent ${submissions} (answers ${JSON.stringify(statuses)})`);
console.log(`faults injected: ${stack.shop.stats.faultsInjected} × 5xx, ${stack.shop.stats.throttled} × THROTTLED`);
console.log(`our records ${records.length}, still waiting ${records.filter((r) => r.status === "received").length}, retried ${records.filter((r) => r.syncAttempts > 1).length}`);
console.log(`Shopify returns created ${shopifyReturns.reduce((a, b) => a + b, 0)}, lost ${lost}, duplicated ${duplicated}`);

await db.$disconnect();
await stack.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(lost === 0 && duplicated === 0 ? 0 : 1);
