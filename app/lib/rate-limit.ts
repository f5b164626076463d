/**
 * A fixed-window counter per key (e.g. shop + client): at most `limit` hits per `windowMs`.
 * Pure apart from its own map; the clock is passed in.
 */
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;

  function prune(now: number) {
    for (const [key, window] of windows) if (now - window.start >= options.windowMs) windows.delete(key);
  }

  return {
    hit(key: string, now: Date): RateLimitResult {
      const t = now.getTime();
      let window = windows.get(key);
      if (!window || t - window.start >= options.windowMs) {
        // Old windows are dropped when the map grows, so memory stays bounded under a flood of keys.
        if (windows.size >= maxKeys) prune(t);
        window = { start: t, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      const allowed = window.count <= options.limit;
      return {
        allowed,
        remaining: Math.max(0, options.limit - window.count),
        retryAfterSeconds: allowed ? 0 : Math.ceil((window.start + options.windowMs - t) / 1000),
      };
    },
    size: () => windows.size,
  };
}

