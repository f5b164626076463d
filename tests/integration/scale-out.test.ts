import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db-client.server";
import { startSmtpServer } from "../helpers/smtp";
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
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

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
    smtp = await startSmtpServer();
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
      SMTP_URL: smtp.url,
      EMAIL_RETRY_BASE_MS: "500",
      EMAIL_CLAIM_MS: "5000",
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
    await smtp?.stop();
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

  it("GIVEN 100 return requests while Shopify fails 30% of mutations and a worker is SIGKILLed midway THEN none lost, none twice in Shopify, every email sent once", async () => {
    const orders = Array.from({ length: 100 }, () => deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]));
    // Each shopper from an address of their own, as 100 shoppers would be.
    const tokens: string[] = [];
    // Shopify's bucket (2,000 points, 100 a second) cannot serve 100 shoppers at once: a throttled
    // answer (503) is tried again after a pause, as the shopper would.
    async function served<T extends { status: number }>(ask: () => Promise<T>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const answer = await ask();
        if (answer.status !== 503 || attempt >= 40) return answer;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    for (const [i, order] of orders.entries()) {
      const { status, body } = await served(() => lookupFrom(harness, `127.0.1.${i + 1}`, { order: order.name, email: order.email }));
      expect(status).toBe(200);
      tokens.push(body.token as string);
      // The returns block shows the order before its form can be sent; the view also lets a submit
      // that meets a throttled Shopify be judged on the order just shown, and stored.
      const view = await served(async () => {
        const response = await fetch(`${shop.url}/apps/support/returns/order?token=${encodeURIComponent(body.token as string)}`);
        await response.arrayBuffer();
        return response;
      });
      expect(view.status).toBe(200);
    }
    // Half fail before Shopify commits (503), half after (the answer is lost on the way back).
    shop.faults.mutationFailRate = 0.15;
    shop.faults.mutationLoseRate = 0.15;
    const refused: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      if (batch === 5) await workers[0]!.stop("SIGKILL");
      const answers = await Promise.all(
        orders.slice(batch * 10, batch * 10 + 10).map((order, j) =>
          submitReturn(harness, { token: tokens[batch * 10 + j]!, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } }),
        ),
      );
      for (const answer of answers) if (answer.status !== 201) refused.push(`${answer.status} ${(await answer.text()).slice(0, 200)}`);
    }
    expect(refused).toEqual([]);
    // Shopify recovers: what is still retrying (with back-off) goes through on its next try.
    shop.faults.mutationFailRate = 0;
    shop.faults.mutationLoseRate = 0;

    const names = orders.map((o) => o.name);
    // The longest back-off after ten failed tries is about 100 s (RETURNS_RETRY_BASE_MS 200, doubling).
    const deadline = Date.now() + 300_000;
    for (;;) {
      const waiting = await db.returnRequest.count({ where: { orderName: { in: names }, OR: [{ status: "received" }, { shopifyReturnId: null }] } });
      const unsent = await db.outboxMessage.count({ where: { status: { in: ["pending", "sending", "retrying"] } } });
      if (waiting === 0 && unsent === 0) break;
      if (Date.now() > deadline) {
        const stuck = await db.returnRequest.findMany({ where: { orderName: { in: names }, OR: [{ status: "received" }, { shopifyReturnId: null }] }, select: { status: true, syncAttempts: true, nextSyncAt: true, lastSyncError: true } });
        throw new Error(`${waiting} requests not in Shopify, ${unsent} emails not sent: ${JSON.stringify(stuck)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // 0 lost: every request stored and in Shopify; 0 duplicated: one Shopify return per order.
    const requests = await db.returnRequest.findMany({ where: { orderName: { in: names } } });
    expect(requests).toHaveLength(100);
    expect(requests.filter((r) => r.status === "failed")).toEqual([]);
    expect(orders.map((o) => shop.store.findOrderByName(DEMO_SHOP, o.name)!.returns.length)).toEqual(Array(100).fill(1));
    // Every email in the outbox reached the SMTP server under its own Message-ID. SMTP cannot say
    // whether a message arrived, so the one the killed worker may have been sending when it died
    // can arrive twice, under the same Message-ID (mail systems keep one): at most that one.
    const outbox = await db.outboxMessage.findMany({ where: { relatedId: { in: requests.map((r) => r.id) } } });
    expect(outbox.length).toBeGreaterThanOrEqual(100);
    expect(outbox.every((m) => m.status === "sent")).toBe(true);
    const delivered = smtp.received.map((mail) => mail.raw.match(/^Message-ID: <([^@]+)@/im)?.[1]);
    const copies = outbox.map((message) => delivered.filter((id) => id === message.id).length);
    expect(copies.every((n) => n >= 1)).toBe(true);
    expect(copies.filter((n) => n > 1).length).toBeLessThanOrEqual(1);
    expect(Math.max(...copies)).toBeLessThanOrEqual(2);
  }, 480_000);
});
