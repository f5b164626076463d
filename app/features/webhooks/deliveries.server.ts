import type { Db } from "../../db-client.server";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type Delivery = { id: string; shop: string; topic: string };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002";
}

/**
 * Runs `work` once per webhook id. The delivery row and the work's writes commit together, so a
 * delivery that failed half-way is retried in full, and a repeated one (Shopify retries until it
 * sees a 2xx, and may send the same event twice) changes nothing. The row is written after the
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
      if (await tx.webhookDelivery.findUnique({ where: { id: delivery.id } })) return "duplicate";
      await work(tx);
      await tx.webhookDelivery.create({ data: delivery });
      return "processed";
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
