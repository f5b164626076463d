import db from "../db.server";
import { env } from "../env.server";
import { unauthenticated } from "../shopify.server";
import { syncDueRequests } from "../features/returns/sync.server";

/**
 * Retries return requests stored while Shopify was throttled or down, in the background of the
 * app process, with the shop's offline session. One loop per process.
 */
export function startReturnsWorker(): void {
  if (globalThis.harborReturnsWorker) return;
  let running = false;
  globalThis.harborReturnsWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const shops = await db.returnRequest.findMany({
        where: { status: "received", nextSyncAt: { lte: new Date() } },
        distinct: ["shop"],
        select: { shop: true },
      });
      for (const { shop } of shops) {
        const { admin } = await unauthenticated.admin(shop);
        await syncDueRequests({ shop, graphql: admin.graphql, db });
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
