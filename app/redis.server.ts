import { Redis } from "ioredis";
import { env } from "./env.server";

/**
 * The Redis every app and worker process shares when scaled out (REDIS_URL), or none in the
 * embedded default, where limits, caches and jobs stay in the one process (docs/decisions/0023).
 */
declare global {
  var harborRedis: Redis | undefined;
}

export function sharedRedis(): Redis | undefined {
  if (!env.REDIS_URL) return undefined;
  globalThis.harborRedis ??= newRedisConnection(`${env.REDIS_KEY_PREFIX}:`);
  return globalThis.harborRedis;
}

/**
 * A connection of its own (BullMQ's workers block on theirs). Commands wait for a reconnect
 * instead of failing after a few tries, as BullMQ requires; BullMQ prefixes its keys itself.
 */
export function newRedisConnection(keyPrefix?: string): Redis {
  const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null, enableReadyCheck: true, keyPrefix });
  redis.on("error", (error: Error) => console.warn(JSON.stringify({ kind: "redis", outcome: "error", error: error.message })));
  return redis;
}
