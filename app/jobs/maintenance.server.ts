import db from "../db.server";
import { env } from "../env.server";
import { runPendingErasures } from "../features/compliance/shop-erasure.server";
import { pruneRetention } from "../features/retention/retention.server";
import { defineJob } from "./registry.server";

/**
 * Housekeeping: shop erasures (shop/redact), a few seconds of batches per pass, and the retention
 * pass once an hour. Both keep their state in the database (an erasure's lease and progress; ages
 * for retention), so a pass that runs twice or dies midway is finished by the next one.
 */
export const shopErasureJob = defineJob<void>({
  name: "shop-erasure",
  attempts: 1,
  backoffMs: 1_000,
  everyMs: env.MAINTENANCE_INTERVAL_MS,
  describe: () => ({}),
  async run() {
    await runPendingErasures(db);
  },
});

export const retentionJob = defineJob<void>({
  name: "retention",
  attempts: 1,
  backoffMs: 60_000,
  everyMs: 60 * 60_000,
  describe: () => ({}),
  async run() {
    const deleted = await pruneRetention(db);
    if (Object.values(deleted).some((n) => n > 0)) console.info(JSON.stringify({ at: new Date().toISOString(), kind: "retention", deleted }));
  },
});
