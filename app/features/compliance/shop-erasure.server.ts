import { flushErasure, type Db } from "../../db-client.server";
import type { Tx } from "../webhooks/deliveries.server";
import { parseFor, ShopRedactSchema } from "./compliance.server";

/**
 * shop/redact at any shop size (docs/decisions/0024). Shopify wants an answer within 5 seconds,
 * and erasing a large shop in one transaction took longer, so the webhook only records that the
 * shop is to be erased (`requestShopErasure`, in the delivery's transaction) and answers; the
 * maintenance loop (app/jobs/maintenance.server.ts) then erases a batch of rows per transaction
 * (`runRedactBatch`) until a last check finds nothing left and marks the erasure finished.
 *
 * Resumable: the state is the database itself (the rows still there, the ShopErasure record), so a
 * process that stops midway leaves a valid state and the next pass, in any process, carries on.
 * A lease on the record keeps two processes from working on the same shop at once.
 */

/** The rows the shop keeps, children before their parents so each delete cascades to little. */
export const SHOP_TABLES = [
  "ticketMessage",
  "returnEvent",
  "returnPhoto",
  "returnLabel",
  "returnRequest",
  "ticket",
  "faqTranslation",
  "faqVote",
  "faqArticle",
  "faqCategory",
  "supportEvent",
  "outboxMessage",
  "macro",
  "policyVersion",
  "complianceRequest",
  "staffMember",
  "orderState",
  "orderClaim",
  "tokenRefreshClaim",
  "session",
  "webhookDelivery",
] as const;

type ShopTable = (typeof SHOP_TABLES)[number];

/** The column that names a row within the shop, for tables whose key is not `id`. */
const ROW_KEYS: Partial<Record<ShopTable, string>> = { orderState: "orderId", orderClaim: "orderId", tokenRefreshClaim: "shop" };
const rowKey = (table: ShopTable) => ROW_KEYS[table] ?? "id";

type Delegate = {
  findMany(args: { where: object; select: Record<string, true>; take: number }): Promise<Record<string, string>[]>;
  deleteMany(args: { where: object }): Promise<{ count: number }>;
  count(args: { where: object }): Promise<number>;
};

export const REDACT_TOPIC = "SHOP_REDACT";

/** A table's rows of the shop; the shop/redact deliveries themselves stay, so a repeat is recognised. */
function rowsOf(table: ShopTable, shop: string): object {
  return table === "webhookDelivery" ? { shop, topic: { not: REDACT_TOPIC } } : { shop };
}

const delegate = (db: Db | Tx, table: ShopTable) => db[table] as unknown as Delegate;

export const ERASURE_BATCH_SIZE = 500;
const LEASE_MS = 60_000;

/** shop/redact's handler: the erasure to carry out, recorded with the delivery. A repeat after it finished starts it again. */
export async function requestShopErasure(tx: Tx, shop: string, payload: unknown, now = new Date()): Promise<void> {
  parseFor(ShopRedactSchema, shop, payload);
  await tx.shopErasure.upsert({
    where: { shop },
    create: { shop, requestedAt: now },
    update: { requestedAt: now, finishedAt: null },
  });
}

export type BatchOutcome = { deleted: number; finished: boolean };

/**
 * One step of a shop's erasure, in one transaction: up to `batchSize` rows of the first table that
 * still has some; when none has, the check that every table is empty for the shop, and the
 * record marked finished (with the shop's own row deleted).
 */
export async function runRedactBatch(db: Db, shop: string, batchSize = ERASURE_BATCH_SIZE, now = new Date()): Promise<BatchOutcome> {
  return db.$transaction(async (tx) => {
    const erasure = await tx.shopErasure.findUnique({ where: { shop } });
    if (!erasure || erasure.finishedAt) return { deleted: 0, finished: true };
    for (const table of SHOP_TABLES) {
      const key = rowKey(table);
      const keys = (await delegate(tx, table).findMany({ where: rowsOf(table, shop), select: { [key]: true }, take: batchSize })).map((r) => r[key]!);
      if (keys.length === 0) continue;
      const { count } = await delegate(tx, table).deleteMany({ where: { shop, [key]: { in: keys } } });
      await tx.shopErasure.update({ where: { shop }, data: { deleted: { increment: count }, batches: { increment: 1 } } });
      return { deleted: count, finished: false };
    }
    const shopRow = await tx.shop.deleteMany({ where: { domain: shop } });
    // Proven complete: every table counted empty for the shop in the transaction that says so.
    for (const table of SHOP_TABLES) {
      if ((await delegate(tx, table).count({ where: rowsOf(table, shop) })) > 0) return { deleted: shopRow.count, finished: false };
    }
    await tx.shopErasure.update({
      where: { shop },
      data: { deleted: { increment: shopRow.count }, finishedAt: now, leaseUntil: null },
    });
    return { deleted: shopRow.count, finished: true };
  });
}

/**
 * The maintenance loop's entry point: carries on every unfinished erasure whose lease is free, for
 * at most `budgetMs` per call so other work gets its turn; the next call resumes. Returns the shops
 * whose erasure finished.
 */
export async function runPendingErasures(db: Db, opts: { budgetMs?: number; batchSize?: number; now?: () => Date } = {}): Promise<string[]> {
  const clock = opts.now ?? (() => new Date());
  const deadline = Date.now() + (opts.budgetMs ?? 2_000);
  const pending = await db.shopErasure.findMany({ where: { finishedAt: null }, select: { shop: true }, orderBy: { requestedAt: "asc" } });
  const finished: string[] = [];
  for (const { shop } of pending) {
    const now = clock();
    const claimed = await db.shopErasure.updateMany({
      where: { shop, finishedAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    let outcome: BatchOutcome = { deleted: 0, finished: false };
    while (!outcome.finished && Date.now() < deadline) outcome = await runRedactBatch(db, shop, opts.batchSize, clock());
    if (outcome.finished) {
      finished.push(shop);
      await flushErasure(db);
    } else {
      await db.shopErasure.updateMany({ where: { shop }, data: { leaseUntil: null } });
    }
    if (Date.now() >= deadline) break;
  }
  return finished;
}
