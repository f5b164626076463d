// `npm run bench`: order-tracking figures on this machine — the lookup query's cost as Shopify
// computes it, and end-to-end lookup latency through the simulated shop's signed app proxy
// (cold, cached, and failed lookups, which are held to a floor on purpose).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRACK_ORDERS_QUERY } from "../app/shopify/orders.server";
import { ensureBuilt, migrateDeploy, startStack } from "../simulator/stack";

const dir = mkdtempSync(join(tmpdir(), "harbor-bench-"));
const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
ensureBuilt();
migrateDeploy(databaseUrl);
const stack = await startStack({ databaseUrl, env: { TRACKING_LOOKUP_LIMIT: "1000000" } });
const shop = stack.shop.store.shops()[0]!.domain;
await fetch(stack.shop.embeddedAppUrl(shop), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });

async function lookup(order: string, email: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${stack.shop.url}${stack.shop.proxyPath}/tracking/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ order, email }),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`${label.padEnd(34)} n=${String(samples.length).padStart(3)}  p50 ${pick(0.5).padStart(6)} ms  p95 ${pick(0.95).padStart(6)} ms`);
}

const cost = (await stack.shop.adminApi.execute(shop, { query: TRACK_ORDERS_QUERY, variables: { query: 'name:"#1008"', first: 1 } })) as {
  body: { extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } };
};
console.log(`TrackOrders cost (first: 1)         requested ${cost.body.extensions.cost.requestedQueryCost}, actual ${cost.body.extensions.cost.actualQueryCost} points (single-query cap 1000)`);

const orders = stack.shop.store.orders(shop).filter((o) => o.email);
const cold: number[] = [];
for (const order of orders) cold.push((await lookup(order.name, order.email!)).ms);
summary("lookup, first time (Admin API call)", cold);

const cached: number[] = [];
for (let round = 0; round < 5; round++) for (const order of orders) cached.push((await lookup(order.name, order.email!)).ms);
summary("lookup, cached", cached);

const failed: number[] = [];
for (let i = 0; i < 20; i++) failed.push((await lookup(i % 2 ? "#1017" : `#9${i}`, "nobody@example.com")).ms);
summary("failed lookup (400 ms floor)", failed);

const calls = stack.shop.graphqlLog.filter((r) => r.operation === "TrackOrders").length;
console.log(`Admin API calls for ${cold.length + cached.length + failed.length} lookups: ${calls}`);

await stack.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
