import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db-client.server";
import { pruneRetention, RETENTION_DAYS } from "../../app/features/retention/retention.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

/**
 * The retention pass on a real database (no app running, so no maintenance loop prunes first):
 * rows past their table's retention go, in every shop and in batches; younger rows stay.
 */

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const DAY = 86_400_000;
const NOW = new Date("2026-12-03T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const SHOPS = ["a.myshopify.com", "b.myshopify.com"];

describe("retention", () => {
  it("GIVEN events, webhook ids and outbox messages on both sides of their retention THEN only the older ones are deleted, in every shop", async () => {
    const ages = (limit: number) => [limit + 30, limit + 0.01, limit - 0.01, 1];
    for (const shop of SHOPS) {
      await db.supportEvent.createMany({
        data: Array.from({ length: 2_500 }, (_, i) => ({ shop, type: "tracking_lookup", at: daysAgo(ages(RETENTION_DAYS.supportEvent)[i % 4]!) })),
      });
      await db.webhookDelivery.createMany({
        data: ages(RETENTION_DAYS.webhookDelivery).map((age, i) => ({ id: `${shop}-${i}`, shop, topic: "ORDERS_UPDATED", receivedAt: daysAgo(age) })),
      });
      await db.outboxMessage.createMany({
        data: ages(RETENTION_DAYS.outboxMessage).map((age) => ({ shop, to: "s@example.com", subject: "s", text: "t", kind: "ticket_reply", status: "sent", createdAt: daysAgo(age) })),
      });
    }

    // A batch smaller than the rows to delete: the pass keeps going until none is left.
    const deleted = await pruneRetention(db, NOW, 400);

    expect(deleted).toEqual({ supportEvent: 2 * 1_250, webhookDelivery: 2 * 2, outboxMessage: 2 * 2 });
    for (const shop of SHOPS) {
      expect(await db.supportEvent.count({ where: { shop } })).toBe(1_250);
      expect(await db.supportEvent.count({ where: { shop, at: { lt: daysAgo(RETENTION_DAYS.supportEvent) } } })).toBe(0);
      expect((await db.webhookDelivery.findMany({ where: { shop }, orderBy: { id: "asc" } })).map((d) => d.id)).toEqual([`${shop}-2`, `${shop}-3`]);
      expect(await db.outboxMessage.count({ where: { shop, createdAt: { gte: daysAgo(RETENTION_DAYS.outboxMessage) } } })).toBe(2);
    }
    // A second pass finds nothing more.
    expect(await pruneRetention(db, NOW)).toEqual({ supportEvent: 0, webhookDelivery: 0, outboxMessage: 0 });
  });

  it("GIVEN the dashboard's longest view THEN events are kept at least as long as it reads back", () => {
    // 90 days and the 90 before them, plus the day a time zone can add.
    expect(RETENTION_DAYS.supportEvent).toBeGreaterThan(2 * 90 + 1);
    // Shopify retries a delivery for 4 hours.
    expect(RETENTION_DAYS.webhookDelivery * 24).toBeGreaterThan(4);
  });
});
