import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db-client.server";
import { API_VERSION } from "../../app/api-version";
import { startSimulator } from "../../simulator/server";
import { DEMO_CREDENTIALS } from "../../simulator/stack";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { browserFetch, DEMO_SHOP, type Harness } from "../helpers/harness";
import { testProvider } from "../helpers/postgres";
import { BEANIE, deliveredOrder, PNG, returnsLookup, submitReturn } from "../helpers/returns";
import { clearRedisPrefix, redisReachable, startRoundRobin, startWebInstance, startWorker, TEST_REDIS_URL, type Child } from "../helpers/scale-out";
import { lookupFrom } from "../helpers/tracking";

/**
 * Many app instances, one truth (issue 16): three web processes (`npm start`) and two workers
 * (`npm run worker`) behind a round-robin balancer, on PostgreSQL and Redis, with the simulated shop.
 * Consecutive requests reach different instances, so nothing here can pass on one process's memory.
 */
const reachable = await redisReachable();
const runs = testProvider() === "postgresql" && reachable;
if (testProvider() !== "postgresql") console.log("Skipping the scale-out test: it runs in the PostgreSQL pass (TEST_DATABASE=postgresql).");
else if (!reachable) console.log(`Skipping the scale-out test: no Redis at ${TEST_REDIS_URL}.`);

const PREFIX = `harbor-test-${process.pid}`;
let database: TestDatabase;
let db: Db;
let balancer: Awaited<ReturnType<typeof startRoundRobin>>;
let shop: Awaited<ReturnType<typeof startSimulator>>;
let webs: Child[] = [];
let workers: Child[] = [];
/** What the shared helpers read: the simulated shop and the database. */
let harness: Harness;

async function settledDeliveries() {
  await shop.settled();
  const deadline = Date.now() + 20_000;
  while ((await db.webhookDelivery.count({ where: { processedAt: null } })) > 0) {
    if (Date.now() > deadline) {
      const pending = await db.webhookDelivery.findMany({ where: { processedAt: null }, select: { topic: true, attempts: true, error: true } });
      throw new Error(`Webhook deliveries were not processed by the workers: ${JSON.stringify(pending)}\n${workers.map((w) => w.output().slice(-2000)).join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!runs)("scaled out: 3 web instances and 2 workers on PostgreSQL and Redis", () => {
  beforeAll(async () => {
    await clearRedisPrefix(PREFIX);
    database = await createTestDatabase();
    db = createDb(database.url);
    balancer = await startRoundRobin();
    shop = await startSimulator({ appUrl: balancer.url, ...DEMO_CREDENTIALS, apiVersion: API_VERSION });
    const env = {
      NODE_ENV: "production",
      SHOPIFY_API_KEY: DEMO_CREDENTIALS.apiKey,
      SHOPIFY_API_SECRET: DEMO_CREDENTIALS.apiSecret,
      SHOPIFY_APP_URL: balancer.url,
      SHOPIFY_SIMULATOR_URL: shop.url,
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
      RETURNS_SYNC_INTERVAL_MS: "300",
      RETURNS_RETRY_BASE_MS: "200",
      JOB_LOCK_MS: "4000",
      ORDER_CLAIM_LEASE_MS: "5000",
    };
    webs = await Promise.all([0, 1, 2].map(() => startWebInstance(env)));
    workers = await Promise.all([0, 1].map(() => startWorker(env)));
    balancer.setTargets(webs.map((w) => w.url!));
    harness = { shop, db } as unknown as Harness;
    expect((await browserFetch(shop.embeddedAppUrl(DEMO_SHOP))).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...webs, ...workers].map((child) => child.stop()));
    await balancer?.stop();
    await shop?.stop();
    await db?.$disconnect();
    await database?.drop();
    await clearRedisPrefix(PREFIX);
  });

  it("GIVEN every instance's /health THEN each reaches the database, Redis and the queue", async () => {
    for (const web of webs) {
      const health = await (await fetch(`${web.url}/health`)).json();
      expect(health).toMatchObject({ ok: true, database: "ok", redis: "ok", queue: "ok", jobs: { mode: "bullmq" } });
    }
  });

  it("GIVEN two requests for the last unit on different instances THEN one 201, one 409 and one Shopify return", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { body } = await returnsLookup(harness, { order: order.name, email: order.email });
    const ask = () => submitReturn(harness, { token: body.token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } });
    const statuses = (await Promise.all([ask(), ask()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(shop.store.findOrderByName(DEMO_SHOP, order.name)!.returns).toHaveLength(1);
    expect(await db.returnRequest.count({ where: { orderName: order.name } })).toBe(1);
  });

  it("GIVEN 15 lookups from one shopper over three instances THEN the 11th is refused", async () => {
    const lookup = { order: "#1017", email: "liam.oconnor@example.com" };
    const statuses = [];
    for (let i = 0; i < 15; i++) statuses.push((await lookupFrom(harness, "127.0.0.21", lookup)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429, 429]);
  });

  it("GIVEN a carrier 'delivered' event reaching one instance THEN the next lookup on every instance shows it", async () => {
    const lookup = { order: "#1016", email: shop.store.findOrderByName(DEMO_SHOP, "#1016")!.email! };
    // Each instance has looked the order up (and cached it) before the event.
    for (let i = 0; i < 3; i++) expect((await (await lookupFrom(harness, "127.0.0.22", lookup)).body).order).toMatchObject({ state: "out_for_delivery" });
    shop.store.markDelivered(DEMO_SHOP, shop.store.findOrderByName(DEMO_SHOP, "#1016")!.fulfillments[0]!.id);
    await settledDeliveries();
    for (let i = 0; i < 3; i++) expect((await lookupFrom(harness, "127.0.0.22", lookup)).body.order).toMatchObject({ state: "delivered" });
  });

  it("GIVEN an FAQ answer saved THEN every instance serves the new answer on its next request", async () => {
    const faq = async () => (await (await fetch(`${shop.url}/apps/support/faq?locale=en`)).json()) as { categories: { articles: { handle: string; answerText: string }[] }[] };
    for (let i = 0; i < 3; i++) await faq();
    const translation = await db.faqTranslation.findFirstOrThrow({ where: { shop: DEMO_SHOP, locale: "en", article: { published: true } }, include: { article: true } });
    await db.faqTranslation.update({ where: { id: translation.id }, data: { answer: "Saved on one instance, read on all." } });
    for (let i = 0; i < 3; i++) {
      const answer = (await faq()).categories.flatMap((c) => c.articles).find((a) => a.handle === translation.article.handle);
      expect(answer?.answerText).toBe("Saved on one instance, read on all.");
    }
  });
});
