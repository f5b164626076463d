import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * At most `limit` hits per key (e.g. shop + client) in each window, counted by rate-limiter-flexible:
 * in Redis when the app is scaled out, so 10 a minute means 10 over every instance together; in
 * this process's memory in the embedded default. Should Redis be unreachable, each process counts
 * on its own meanwhile (the library's insurance limiter) rather than refusing every shopper.
 */
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export type RateLimiterOptions = {
  /** Names the counters in the shared store; unique per limiter. */
  name: string;
  limit: number;
  windowMs: number;
  /** The shared store, read on first use (none: memory). */
  redis?: () => Redis | undefined;
};

export function createRateLimiter(options: RateLimiterOptions) {
  let limiter: RateLimiterAbstract | undefined;
  function current(): RateLimiterAbstract {
    if (limiter) return limiter;
    const base = { keyPrefix: `rl:${options.name}`, points: options.limit, duration: options.windowMs / 1000 };
    const redis = options.redis?.();
    limiter = redis ? new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) }) : new RateLimiterMemory(base);
    return limiter;
  }

  const result = (res: RateLimiterRes, allowed: boolean): RateLimitResult => ({
    allowed,
    remaining: res.remainingPoints,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });

  return {
    async hit(key: string): Promise<RateLimitResult> {
      try {
        return result(await current().consume(key), true);
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return result(refused, false);
        throw refused;
      }
    },
  };
}
