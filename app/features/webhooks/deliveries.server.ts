import type { Db } from "../../db-client.server";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** One delivery: its X-Shopify-Webhook-Id (the same on Shopify's retries) and X-Shopify-Event-Id, when sent. */
export type Delivery = { id: string; shop: string; topic: string; eventId?: string | null; triggeredAt?: Date | null };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002";
}

/**
 * Records a delivery with its body before anything is done with it; false when its webhook id was
 * recorded already (Shopify retries under the same id until it sees a 2xx), or its event was for
 * this topic: Shopify may send one event twice under two webhook ids with the same
 * X-Shopify-Event-Id ("Ignore duplicate webhooks"); the unique (shop, topic, eventId) index decides.
 */
export async function recordDelivery(db: Db, delivery: Delivery, payload: unknown): Promise<boolean> {
  try {
    await db.webhookDelivery.create({ data: { ...delivery, eventId: delivery.eventId ?? null, payload: JSON.stringify(payload) ?? "null" } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Runs `work` once per recorded delivery, however many workers pick it up: the delivery is marked
 * processed (its body dropped) in the same transaction as the work's writes, by an update that
 * only one transaction can make (PostgreSQL makes a second wait on the row, then finds it done;
 * SQLite runs one writer at a time). A try that fails rolls back whole and is retried in full.
 * Work that clears the shop's rows (shop/redact) clears this mark too; it is written again after, so
 * the delivery still leaves its own.
 */
export async function processOnce(
  db: Db,
  deliveryId: string,
  work: (tx: Tx, delivery: Delivery & { payload: string | null }) => Promise<void>,
): Promise<"processed" | "duplicate"> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId } });
    if (!delivery || delivery.processedAt) return "duplicate";
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, processedAt: null },
      data: { processedAt: new Date(), payload: null, attempts: { increment: 1 }, error: null },
    });
    if (count === 0) return "duplicate";
    await work(tx, delivery);
    const { id, shop, topic, eventId, triggeredAt, receivedAt } = delivery;
    const mark = { id, shop, topic, eventId, triggeredAt, receivedAt, processedAt: new Date(), attempts: delivery.attempts + 1 };
    await tx.webhookDelivery.upsert({ where: { id: deliveryId }, create: mark, update: {} });
    return "processed";
  });
}
