import type { Db } from "../../db-client.server";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** One delivery: its X-Shopify-Webhook-Id (the same on Shopify's retries) and X-Shopify-Event-Id, when sent. */
export type Delivery = { id: string; shop: string; topic: string; eventId?: string | null };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002";
}

/**
 * Runs `work` once per webhook id and once per event of a topic. The delivery row and the work's
 * writes commit together, so a delivery that failed half-way is retried in full, and a repeated one
 * changes nothing: Shopify retries under the same webhook id until it sees a 2xx, and may send one
 * event twice under two webhook ids with the same X-Shopify-Event-Id ("Ignore duplicate webhooks"). The row is written after the
 * work so that work which clears the shop's rows (shop/redact) still leaves its own mark; two
 * copies racing both pass the check, and the second one's insert fails and rolls it back.
 */
export async function processOnce(
  db: Db,
  delivery: Delivery,
  work: (tx: Tx) => Promise<void>,
): Promise<"processed" | "duplicate"> {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.webhookDelivery.findUnique({ where: { id: delivery.id }, select: { id: true } })) return "duplicate";
      const { shop, topic, eventId } = delivery;
      if (eventId && (await tx.webhookDelivery.findUnique({ where: { shop_topic_eventId: { shop, topic, eventId } }, select: { id: true } }))) return "duplicate";
      await work(tx);
      await tx.webhookDelivery.create({ data: { ...delivery, eventId: delivery.eventId ?? null } });
      return "processed";
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
