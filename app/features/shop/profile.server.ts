import type { AdminGraphql } from "../../shopify.server";
import { fetchShopConnection } from "../../shopify/shop.server";
import { createSharedCache } from "../../shared-cache.server";

const MINUTE = 60_000;

/** Shop name, time zone and currency: one small query per shop every 10 minutes. */
export type ShopProfile = { name: string; contactEmail: string; timeZone: string; currency: string };

// Shared by every instance, so a shop is read once per 10 minutes however many serve it.
const profileCache = createSharedCache<ShopProfile>({ name: "shop-profile", ttlMs: 10 * MINUTE, maxEntries: 10_000 });

export async function shopProfile(graphql: AdminGraphql, shop: string): Promise<ShopProfile> {
  const cached = await profileCache.get(shop);
  if (cached) return cached;
  try {
    const connection = await fetchShopConnection(graphql);
    const profile = { name: connection.name, contactEmail: connection.contactEmail, timeZone: connection.timezone || "UTC", currency: connection.currency };
    await profileCache.set(shop, profile);
    return profile;
  } catch (error) {
    // Dates in UTC beat a page that does not load.
    console.warn("[returns-admin] shop profile unavailable", error instanceof Error ? error.message : error);
    return { name: shop, contactEmail: "", timeZone: "UTC", currency: "USD" };
  }
}

export async function shopTimeZone(graphql: AdminGraphql, shop: string): Promise<string> {
  return (await shopProfile(graphql, shop)).timeZone;
}
