import type { AdminGraphql } from "../../shopify.server";
import { fetchShopConnection } from "../../shopify/shop.server";

const MINUTE = 60_000;

/** Shop name, time zone and currency: one small query per shop every 10 minutes. */
export type ShopProfile = { name: string; contactEmail: string; timeZone: string; currency: string };

const profileCache = new Map<string, { profile: ShopProfile; until: number }>();
const PROFILE_TTL_MS = 10 * MINUTE;

export async function shopProfile(graphql: AdminGraphql, shop: string, now = Date.now()): Promise<ShopProfile> {
  const cached = profileCache.get(shop);
  if (cached && cached.until > now) return cached.profile;
  try {
    const connection = await fetchShopConnection(graphql);
    const profile = { name: connection.name, contactEmail: connection.contactEmail, timeZone: connection.timezone || "UTC", currency: connection.currency };
    profileCache.set(shop, { profile, until: now + PROFILE_TTL_MS });
    return profile;
  } catch (error) {
    // Dates in UTC beat a page that does not load.
    console.warn("[returns-admin] shop profile unavailable", error instanceof Error ? error.message : error);
    return { name: shop, contactEmail: "", timeZone: "UTC", currency: "USD" };
  }
}

export async function shopTimeZone(graphql: AdminGraphql, shop: string, now = Date.now()): Promise<string> {
  return (await shopProfile(graphql, shop, now)).timeZone;
}
