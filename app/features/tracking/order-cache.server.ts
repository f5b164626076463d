import type { OrderSnapshot } from "./domain/types";

/**
 * Recent order searches, per shop and query, for a short while: a shopper reloading the tracking
 * page costs one Admin API call. Empty results are kept too, so an unknown order answers as fast
 * as a known one. Order, fulfillment and fulfillment-event webhooks drop an order's entries.
 * In memory: each app process keeps its own (a short TTL bounds how stale a missed webhook leaves it).
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

export type OrderCache = ReturnType<typeof createOrderCache>;

export const orderCache = createOrderCache({ ttlMs: 60_000, maxEntries: 10_000 });
