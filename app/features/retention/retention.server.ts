import type { Db } from "../../db-client.server";

/**
 * How long the app keeps rows that only grow (docs/decisions/0024, README "Data retention"), and
 * the pass that deletes what is older, a batch per statement so no write lock is held for long.
 * Run hourly by the maintenance loop (app/jobs/maintenance.server.ts); safe to run in several
 * processes at once (a row deleted twice is deleted once).
 */
export const RETENTION_DAYS = {
  /**
   * The dashboard's longest view reads 2 × 90 local days back (the period and the one before);
   * older events count nowhere. The margin covers a time zone's day boundary.
   */
  supportEvent: 190,
  /**
   * Webhook ids are kept to recognise a redelivery. Shopify retries a failed delivery 8 times over
   * 4 hours (shopify.dev/changelog/updates-to-webhook-retry-mechanism, 2024-09-10); a week covers
   * that with room for an outage on either side. An id forgotten after that and delivered again
   * is handled again, which every handler tolerates (they never move a record backwards).
   */
  webhookDelivery: 7,
  /** The Outbox page is a log of what was sent to shoppers (their addresses and text); 90 days of it. */
  outboxMessage: 90,
} as const;

export const RETENTION_BATCH_SIZE = 1_000;

const DAY_MS = 86_400_000;

type Prunable = keyof typeof RETENTION_DAYS;

type Delegate = {
  findMany(args: { where: object; select: { id: true }; take: number }): Promise<{ id: string }[]>;
  deleteMany(args: { where: object }): Promise<{ count: number }>;
};

/** The age column each table is pruned by (each has an index on it). */
const OLDER_THAN: Record<Prunable, (cutoff: Date) => object> = {
  supportEvent: (cutoff) => ({ at: { lt: cutoff } }),
  webhookDelivery: (cutoff) => ({ receivedAt: { lt: cutoff } }),
  outboxMessage: (cutoff) => ({ createdAt: { lt: cutoff } }),
};

/** The maintenance loop's entry point: deletes every row past its retention, in every shop; returns the counts. */
export async function pruneRetention(db: Db, now = new Date(), batchSize = RETENTION_BATCH_SIZE): Promise<Record<Prunable, number>> {
  const deleted = { supportEvent: 0, webhookDelivery: 0, outboxMessage: 0 };
  for (const table of Object.keys(RETENTION_DAYS) as Prunable[]) {
    const rows = db[table] as unknown as Delegate;
    const where = OLDER_THAN[table](new Date(now.getTime() - RETENTION_DAYS[table] * DAY_MS));
    for (;;) {
      const ids = (await rows.findMany({ where, select: { id: true }, take: batchSize })).map((r) => r.id);
      if (ids.length === 0) break;
      deleted[table] += (await rows.deleteMany({ where: { id: { in: ids } } })).count;
      if (ids.length < batchSize) break;
    }
  }
  return deleted;
}
