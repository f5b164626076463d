import db from "../db.server";
import { env } from "../env.server";
import { unauthenticated } from "../shopify.server";
import { runDueSteps } from "../features/returns/steps.server";
import { syncDueRequests } from "../features/returns/sync.server";
import { defineJob } from "./registry.server";

/**
 * Carries returns on in the background, with the shop's offline session: requests stored while
 * Shopify was throttled or down, and steps after approval that are due (retries, automatic
 * processing). One pass per tick across every worker; each request is sent under its order's claim
 * and each step is claimed in the database, so two passes never send the same thing.
 */
export const returnsSyncJob = defineJob<void>({
  name: "returns-sync",
  attempts: 1,
  backoffMs: 1_000,
  everyMs: env.RETURNS_SYNC_INTERVAL_MS,
  describe: () => ({}),
  async run() {
    const shops = await db.returnRequest.findMany({
      where: { nextSyncAt: { lte: new Date() }, OR: [{ status: "received" }, { pendingStep: { not: null } }] },
      distinct: ["shop"],
      select: { shop: true },
    });
    for (const { shop } of shops) {
      const { admin } = await unauthenticated.admin(shop);
      const ctx = { shop, graphql: admin.graphql, db };
      await syncDueRequests(ctx);
      await runDueSteps(ctx);
    }
  },
});
