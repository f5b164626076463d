import db from "../db.server";
import { env } from "../env.server";
import { unauthenticated } from "../shopify.server";
import { runDueSteps } from "../features/returns/steps.server";
import { syncDueRequests } from "../features/returns/sync.server";

/**
 * Carries returns on in the background of the app process, with the shop's offline session:
 * requests stored while Shopify was throttled or down, and steps after approval that are due
 * (retries, automatic processing). One loop per process; each step is claimed in the database.
 */
export function startReturnsWorker(): void {
  if (globalThis.harborReturnsWorker) return;
  let running = false;
  globalThis.harborReturnsWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const shops = await db.returnRequest.findMany({
        where: { nextSyncAt: { lte: now }, OR: [{ status: "received" }, { pendingStep: { not: null } }] },
        distinct: ["shop"],
        select: { shop: true },
      });
      for (const { shop } of shops) {
        const { admin } = await unauthenticated.admin(shop);
        const ctx = { shop, graphql: admin.graphql, db };
        await syncDueRequests(ctx);
        await runDueSteps(ctx);
      }
    } catch (error) {
      console.warn("[returns] retry pass failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, env.RETURNS_SYNC_INTERVAL_MS);
  // The loop alone never keeps the process alive.
  globalThis.harborReturnsWorker.unref();
}

declare global {
  var harborReturnsWorker: NodeJS.Timeout | undefined;
}
