// `npm run bench`: the app scaled out on PostgreSQL and Redis (docs/decisions/0023) — tracking
// lookups per second through 1 and then 3 web instances behind a round-robin balancer (same run,
// as a ratio), and how fast the webhook route acknowledges 16 deliveries at once. Skipped, with a
// line saying so, when Redis or PostgreSQL does not answer.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { API_VERSION } from "../app/api-version";
import { startSimulator } from "../simulator/server";
import { webhookHmac } from "../simulator/signing";
import { DEMO_CREDENTIALS, ensureBuilt, migrateDeploy } from "../simulator/stack";
import { clearRedisPrefix, redisReachable, startRoundRobin, startWebInstance, startWorker, TEST_REDIS_URL, type Child } from "../tests/helpers/scale-out";

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const admin = new pg.Client({ connectionString: POSTGRES_URL });
const postgresUp = await admin.connect().then(
  () => true,
  () => false,
);
if (!postgresUp || !(await redisReachable())) {
  console.log(`Scale-out bench skipped: needs PostgreSQL (${POSTGRES_URL}) and Redis (${TEST_REDIS_URL}).`);
  process.exit(0);
}

const name = `harbor_bench_${process.pid}`;
await admin.query(`CREATE DATABASE "${name}"`);
const databaseUrl = Object.assign(new URL(POSTGRES_URL), { pathname: `/${name}` }).toString();
const prefix = `harbor-bench-${process.pid}`;
ensureBuilt();
migrateDeploy(databaseUrl);

const balancer = await startRoundRobin();
const shop = await startSimulator({ appUrl: balancer.url, ...DEMO_CREDENTIALS, apiVersion: API_VERSION });
const domain = shop.store.shops()[0]!.domain;
const env = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: DEMO_CREDENTIALS.apiKey,
  SHOPIFY_API_SECRET: DEMO_CREDENTIALS.apiSecret,
  SHOPIFY_APP_URL: balancer.url,
  SHOPIFY_SIMULATOR_URL: shop.url,
  DATABASE_URL: databaseUrl,
  REDIS_URL: TEST_REDIS_URL,
  REDIS_KEY_PREFIX: prefix,
  TRACKING_LOOKUP_LIMIT: "100000000",
};
const children: Child[] = [];
const webs = await Promise.all([0, 1, 2].map(() => startWebInstance(env)));
children.push(...webs, await startWorker(env));
balancer.setTargets(webs.map((w) => w.url!));
await fetch(shop.embeddedAppUrl(domain), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });

const order = shop.store.orders(domain).find((o) => o.email)!;
async function lookup(): Promise<void> {
  const response = await fetch(`${shop.url}/apps/support/tracking/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ order: order.name, email: order.email }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`lookup answered ${response.status}`);
}

/** Completed lookups per second with `clients` shoppers asking in a loop for `ms`. */
async function lookupsPerSecond(clients: number, ms: number): Promise<number> {
  let done = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        await lookup();
        done++;
      }
    }),
  );
  return done / (ms / 1000);
}

for (let i = 0; i < 30; i++) await lookup(); // every instance's code warm, the order cached in Redis
balancer.setTargets([webs[0]!.url!]);
const one = await lookupsPerSecond(24, 8_000);
balancer.setTargets(webs.map((w) => w.url!));
const three = await lookupsPerSecond(24, 8_000);
console.log(`lookups/s, 1 web instance                 ${one.toFixed(0)}`);
console.log(`lookups/s, 3 web instances                ${three.toFixed(0)}  (×${(three / one).toFixed(2)}; ${24} clients, simulated shop in the same process, ${(await import("node:os")).availableParallelism()} cores)`);

/** One signed returns/approve delivery, as Shopify sends it; the time until its 200. */
async function deliver(): Promise<number> {
  const body = JSON.stringify({ admin_graphql_api_id: "gid://shopify/Return/999999", status: "OPEN" });
  const started = performance.now();
  const response = await fetch(`${balancer.url}/webhooks`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": webhookHmac(body, DEMO_CREDENTIALS.apiSecret),
      "X-Shopify-Topic": "returns/approve",
      "X-Shopify-Shop-Domain": domain,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": randomUUID(),
    },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  return performance.now() - started;
}

const acks: number[] = [];
for (let round = 0; round < 20; round++) acks.push(...(await Promise.all(Array.from({ length: 16 }, deliver))));
acks.sort((a, b) => a - b);
const pick = (q: number) => acks[Math.min(acks.length - 1, Math.floor(q * acks.length))]!.toFixed(1);
console.log(`webhook ack, 16 at once (${acks.length}, 3 web)   p50 ${pick(0.5)} ms  p99 ${pick(0.99)} ms`);

await Promise.all(children.map((child) => child.stop()));
await balancer.stop();
await shop.stop();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.end();
await clearRedisPrefix(prefix);
process.exit(0);
