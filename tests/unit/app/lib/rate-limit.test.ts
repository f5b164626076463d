import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../../../../app/lib/rate-limit";

describe("rate limiter (memory, the embedded default)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-22T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("GIVEN 10 a minute THEN the 10th hit passes and the 11th is refused with the seconds left", async () => {
    const limiter = createRateLimiter({ name: "t1", limit: 10, windowMs: 60_000 });
    for (let i = 0; i < 9; i++) {
      await limiter.hit("shop|ip");
      vi.advanceTimersByTime(1000);
    }
    expect(await limiter.hit("shop|ip")).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    vi.advanceTimersByTime(6_500);
    expect(await limiter.hit("shop|ip")).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
  });

  it("GIVEN a full window THEN the next window starts fresh", async () => {
    const limiter = createRateLimiter({ name: "t2", limit: 1, windowMs: 60_000 });
    await limiter.hit("k");
    vi.advanceTimersByTime(59_000);
    expect((await limiter.hit("k")).allowed).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect((await limiter.hit("k")).allowed).toBe(true);
  });

  it("GIVEN two keys THEN each has its own count", async () => {
    const limiter = createRateLimiter({ name: "t3", limit: 1, windowMs: 60_000 });
    await limiter.hit("a");
    expect((await limiter.hit("b")).allowed).toBe(true);
    expect((await limiter.hit("a")).allowed).toBe(false);
  });
});

// Two limiters over one Redis stand for two app processes: the limit is counted once for both.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
const reachable = await redis.connect().then(
  () => true,
  () => false,
);
if (!reachable) console.log(`Skipping the shared rate limit test: no Redis at ${REDIS_URL}`);
afterAll(() => redis.disconnect());

describe.skipIf(!reachable)("rate limiter (Redis, scaled out)", () => {
  it("GIVEN two processes sharing Redis THEN 10 a minute is 10 over both, the 11th refused", async () => {
    const name = `shared-${Date.now()}-${Math.random()}`;
    const instances = [0, 1].map(() => createRateLimiter({ name, limit: 10, windowMs: 60_000, redis: () => redis }));
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await instances[i % 2]!.hit("shop|shopper")).allowed);
    expect(answers).toEqual([...Array(10).fill(true), false, false]);
  });
});
