import db from "../db.server";
import { queueStatus } from "../jobs/queue.server";
import { sharedRedis } from "../redis.server";

/**
 * For load balancers and the operator: whether this instance reaches its database, Redis and the
 * job queue, and how deep the queue is. Counts only; which jobs failed (and why) is for the
 * operator's `npm run jobs:status`, as failures name shops.
 */
type Check = "ok" | "not configured" | `error: ${string}`;

async function check(work: () => Promise<unknown>): Promise<Check> {
  try {
    await Promise.race([work(), new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000).unref())]);
    return "ok";
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200) as Check;
  }
}

export const loader = async () => {
  const redis = sharedRedis();
  let queue: Awaited<ReturnType<typeof queueStatus>> | undefined;
  const [database, redisCheck, queueCheck] = await Promise.all([
    check(() => db.$queryRawUnsafe("SELECT 1")),
    redis ? check(() => redis.ping()) : Promise.resolve<Check>("not configured"),
    check(async () => (queue = await queueStatus())),
  ]);
  const ok = database === "ok" && queueCheck === "ok" && (redisCheck === "ok" || redisCheck === "not configured");
  return Response.json(
    { ok, database, redis: redisCheck, queue: queueCheck, jobs: queue && { mode: queue.mode, ...queue.counts } },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
};
