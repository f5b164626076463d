import db from "../db.server";
import { env } from "../env.server";
import { runPendingErasures } from "../features/compliance/shop-erasure.server";
import { pruneRetention } from "../features/retention/retention.server";

/**
 * Housekeeping in the background of the app process: shop erasures (shop/redact) a few seconds of
 * batches per pass, and the retention pass once an hour. Both keep their state in the database and
 * are safe in several processes at once, so the loop holds nothing that matters in memory (the
 * hour is per process: an extra pass deletes nothing new). The two entry points are plain
 * functions, ready to run from a job queue instead.
 */
const RETENTION_EVERY_MS = 60 * 60_000;

export function startMaintenanceWorker(): void {
  if (globalThis.harborMaintenanceWorker) return;
  let running = false;
  let lastPruned = 0;
  globalThis.harborMaintenanceWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await runPendingErasures(db);
      if (Date.now() - lastPruned >= RETENTION_EVERY_MS) {
        lastPruned = Date.now();
        const deleted = await pruneRetention(db);
        if (Object.values(deleted).some((n) => n > 0)) console.info("[retention] pruned", deleted);
      }
    } catch (error) {
      console.warn("[maintenance] pass failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, env.MAINTENANCE_INTERVAL_MS);
  // The loop alone never keeps the process alive.
  globalThis.harborMaintenanceWorker.unref();
}

declare global {
  var harborMaintenanceWorker: NodeJS.Timeout | undefined;
}
