import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../../app/lib/rate-limit";

const t0 = new Date("2026-11-22T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("rate limiter", () => {
  it("GIVEN 10 a minute THEN the 10th hit passes and the 11th is refused with the seconds left", () => {
    const limiter = createRateLimiter({ limit: 10, windowMs: 60_000 });
    for (let i = 0; i < 9; i++) limiter.hit("shop|ip", at(i * 1000));
    expect(limiter.hit("shop|ip", at(9_000))).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(limiter.hit("shop|ip", at(15_500))).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
  });

  it("GIVEN a full window THEN the next window starts fresh", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.hit("k", at(0));
    expect(limiter.hit("k", at(59_999)).allowed).toBe(false);
    expect(limiter.hit("k", at(60_000)).allowed).toBe(true);
  });

  it("GIVEN two keys THEN each has its own count", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.hit("a", at(0));
    expect(limiter.hit("b", at(0)).allowed).toBe(true);
    expect(limiter.hit("a", at(0)).allowed).toBe(false);
  });

  it("GIVEN a flood of distinct keys THEN expired windows are dropped and memory stays bounded", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.hit(`ip-${i}`, at(i * 100));
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});
