import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { OrderSnapshot } from "../../../../../app/features/tracking/domain/types";
import { createOrderCache, createRedisOrderCache } from "../../../../../app/features/tracking/order-cache.server";

const order = (id: string) => ({ id, name: "#1" }) as OrderSnapshot;
const SHOP = "a.myshopify.com";

describe("order cache", () => {
  it("GIVEN a cached search THEN it is served until its TTL, then forgotten", () => {
    const cache = createOrderCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set(SHOP, "name:#1", [order("o1")], 0);
    expect(cache.get(SHOP, "name:#1", 999)).toHaveLength(1);
    expect(cache.get(SHOP, "name:#1", 1_000)).toBeUndefined();
  });

  it("GIVEN an empty result THEN it is cached as well", () => {
    const cache = createOrderCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set(SHOP, "name:#404", [], 0);
    expect(cache.get(SHOP, "name:#404", 1)).toEqual([]);
  });

  it("GIVEN an order changed THEN every search that returned it is dropped, and only in its shop", () => {
    const cache = createOrderCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set(SHOP, "name:#1", [order("o1")], 0);
    cache.set(SHOP, "customer_id:7", [order("o1"), order("o2")], 0);
    cache.set("b.myshopify.com", "name:#1", [order("o1")], 0);
    cache.set(SHOP, "name:#2", [order("o2")], 0);

    expect(cache.invalidateOrder(SHOP, "o1")).toBe(2);
    expect(cache.get(SHOP, "name:#2", 1)).toHaveLength(1);
    expect(cache.get("b.myshopify.com", "name:#1", 1)).toHaveLength(1);
  });

  it("GIVEN the cache full THEN the oldest entry makes room", () => {
    const cache = createOrderCache({ ttlMs: 1_000, maxEntries: 2 });
    cache.set(SHOP, "q1", [], 0);
    cache.set(SHOP, "q2", [], 0);
    cache.set(SHOP, "q3", [], 0);
    expect(cache.get(SHOP, "q1", 1)).toBeUndefined();
    expect(cache.get(SHOP, "q3", 1)).toEqual([]);
  });
});

// Two caches over one Redis stand for two app processes: a webhook on one drops the entry both read.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, keyPrefix: `order-cache-test-${process.pid}:` });
const reachable = await redis.connect().then(
  () => true,
  () => false,
);
if (!reachable) console.log(`Skipping the shared order cache test: no Redis at ${REDIS_URL}`);
afterAll(() => redis.disconnect());

describe.skipIf(!reachable)("order cache in Redis (scaled out)", () => {
  it("GIVEN an order cached by one instance THEN another serves it, and invalidating on either drops it for both", async () => {
    const [a, b] = [0, 1].map(() => createRedisOrderCache(redis, { ttlMs: 60_000 }));
    await a!.set(SHOP, "name:#1", [order("o1")]);
    await a!.set(SHOP, "name:#2", [order("o2")]);
    expect(await b!.get(SHOP, "name:#1")).toEqual([order("o1")]);
    await b!.invalidateOrder(SHOP, "o1");
    expect(await a!.get(SHOP, "name:#1")).toBeUndefined();
    expect(await a!.get(SHOP, "name:#2")).toEqual([order("o2")]);
    await a!.invalidateShop(SHOP);
    expect(await b!.get(SHOP, "name:#2")).toBeUndefined();
  });
});
