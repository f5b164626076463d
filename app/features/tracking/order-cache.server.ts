import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { OrderSnapshot } from "./domain/types";

/**
 * Recent order searches, per shop and query, for a short while: a shopper reloading the tracking
 * page costs one Admin API call. Empty results are kept too, so an unknown order answers as fast
 * as a known one. Order, fulfillment and fulfillment-event webhooks drop an order's entries.
 * In this process's memory in the embedded default; in Redis when scaled out, so a webhook received
 * by any instance drops the entry every instance reads (docs/decisions/0023).
 */
export function createOrderCache(options: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, { orders: OrderSnapshot[]; expires: number }>();
  const keyOf = (shop: string, query: string) => `${shop}\n${query}`;

  return {
    get(shop: string, query: string, now: number): OrderSnapshot[] | undefined {
      const key = keyOf(shop, query);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires > now) return entry.orders;
      entries.delete(key);
      return undefined;
    },
    set(shop: string, query: string, orders: OrderSnapshot[], now: number): void {
      const key = keyOf(shop, query);
      entries.delete(key);
      // Maps iterate in insertion order: the first key is the oldest.
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { orders, expires: now + options.ttlMs });
    },
    /** Drops every cached search of the shop that returned this order. */
    invalidateOrder(shop: string, orderId: string): number {
      let dropped = 0;
      for (const [key, entry] of entries) {
        if (key.startsWith(`${shop}\n`) && entry.orders.some((o) => o.id === orderId)) {
          entries.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
    invalidateShop(shop: string): void {
      for (const key of entries.keys()) if (key.startsWith(`${shop}\n`)) entries.delete(key);
    },
  };
}

/** The cache as the app uses it, whichever store holds it. */
export type OrderCache = {
  get(shop: string, query: string): Promise<OrderSnapshot[] | undefined>;
  set(shop: string, query: string, orders: OrderSnapshot[]): Promise<void>;
  invalidateOrder(shop: string, orderId: string): Promise<void>;
  invalidateShop(shop: string): Promise<void>;
};

export function createMemoryOrderCache(options: { ttlMs: number; maxEntries: number }): OrderCache {
  const cache = createOrderCache(options);
  return {
    get: async (shop, query) => cache.get(shop, query, Date.now()),
    set: async (shop, query, orders) => cache.set(shop, query, orders, Date.now()),
    invalidateOrder: async (shop, orderId) => void cache.invalidateOrder(shop, orderId),
    invalidateShop: async (shop) => cache.invalidateShop(shop),
  };
}

/**
 * Each search is one key expiring with the TTL; a set per order and one per shop name the searches
 * that hold them, so a webhook drops exactly those.
 */
export function createRedisOrderCache(redis: Redis, options: { ttlMs: number }): OrderCache {
  const entryKey = (shop: string, query: string) => `oc:${shop}:${createHash("sha256").update(query).digest("base64url")}`;
  const shopKey = (shop: string) => `oc-shop:${shop}`;
  const orderKey = (shop: string, orderId: string) => `oc-order:${shop}:${orderId}`;
  async function dropAll(indexKey: string) {
    const keys = await redis.smembers(indexKey);
    await redis.del(indexKey, ...keys);
  }
  return {
    async get(shop, query) {
      const json = await redis.get(entryKey(shop, query));
      return json === null ? undefined : (JSON.parse(json) as OrderSnapshot[]);
    },
    async set(shop, query, orders) {
      const key = entryKey(shop, query);
      const batch = redis.multi().set(key, JSON.stringify(orders), "PX", options.ttlMs);
      for (const index of [shopKey(shop), ...orders.map((o) => orderKey(shop, o.id))]) batch.sadd(index, key).pexpire(index, options.ttlMs);
      await batch.exec();
    },
    invalidateOrder: (shop, orderId) => dropAll(orderKey(shop, orderId)),
    invalidateShop: (shop) => dropAll(shopKey(shop)),
  };
}

