import { randomUUID } from "node:crypto";
import type { Db } from "../../db-client.server";
import { env } from "../../env.server";

/**
 * One holder at a time per order, across every process: the claim is a row with the order's key as
 * its primary key, so the database lets one insert through. Whoever holds it judges, stores and
 * sends a return request for that order; the others wait for it. It is a lease, renewed while the
 * work goes on, so a process that died holding it blocks the order only until it expires.
 */

/** How long a request waits for another's claim before answering "unavailable". */
const WAIT_MS = 20_000;
const POLL_MS = 25;

export class OrderBusyError extends Error {
  constructor(orderId: string) {
    super(`Order ${orderId} stayed claimed by another request`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2002";
}

async function tryClaim(db: Db, shop: string, orderId: string, holder: string): Promise<boolean> {
  const expiresAt = new Date(Date.now() + env.ORDER_CLAIM_LEASE_MS);
  try {
    await db.orderClaim.create({ data: { shop, orderId, holder, expiresAt } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // Taken: over only when its holder let the lease run out (it died, or lost its database).
  const { count } = await db.orderClaim.updateMany({ where: { shop, orderId, expiresAt: { lt: new Date() } }, data: { holder, expiresAt } });
  return count === 1;
}

export async function withOrderClaim<T>(db: Db, shop: string, orderId: string, work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const deadline = Date.now() + WAIT_MS;
  while (!(await tryClaim(db, shop, orderId, holder))) {
    if (Date.now() > deadline) throw new OrderBusyError(orderId);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS + Math.random() * POLL_MS));
  }
  const renew = setInterval(() => {
    db.orderClaim
      .updateMany({ where: { shop, orderId, holder }, data: { expiresAt: new Date(Date.now() + env.ORDER_CLAIM_LEASE_MS) } })
      .catch(() => undefined);
  }, env.ORDER_CLAIM_LEASE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await db.orderClaim.deleteMany({ where: { shop, orderId, holder } });
  }
}
