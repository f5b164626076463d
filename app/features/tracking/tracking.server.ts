import { z } from "zod";
import { createRateLimiter } from "../../lib/rate-limit";
import { deriveTracking } from "./domain/derive";
import { issueOrderAccessToken, verifyOrderAccessToken } from "./domain/order-access";
import type { OrderSnapshot } from "./domain/types";
import { contactMatches, hashMatches, normalizeOrderName, remainingDelay, type Contact } from "./domain/verify";
import { env } from "../../env.server";
import { sharedRedis } from "../../redis.server";
import type { AdminGraphql } from "../../shopify.server";
import { findOrdersByName, searchOrders } from "../../shopify/orders.server";
import { createMemoryOrderCache, createRedisOrderCache, type OrderCache } from "./order-cache.server";
import { OrderRefSchema } from "../webhooks/payloads";
import { contactHash, heldOrderById, heldOrderByName, keepReadOrder } from "./shipment-state.server";
import type { Db } from "../../db-client.server";

/**
 * Order tracking for shoppers, behind the app proxy (proxy.server.ts turns requests into these
 * calls and their results into answers); failures never say which detail was wrong.
 */

export type TrackingContext = { shop: string; graphql: AdminGraphql; db: Db };

/** Asks Shopify, and keeps what it answered so the next lookups of these orders need no call. */
async function readShopify(ctx: TrackingContext, key: string, read: () => Promise<OrderSnapshot[]>): Promise<OrderSnapshot[]> {
  const orders = await cached(ctx, key, read);
  const now = new Date();
  for (const order of orders) await keepReadOrder(ctx.db, ctx.shop, order, now);
  return orders;
}

/** Every failed lookup takes at least this long, hiding what the server did (see verify.ts). */
const FAILED_LOOKUP_FLOOR_MS = 400;
/** A signed-in customer sees this many of their most recent orders. */
const RECENT_ORDERS = 3;

const ORDER_CACHE = { ttlMs: 60_000, maxEntries: 10_000 };
const redis = sharedRedis();
const orderCache: OrderCache = redis ? createRedisOrderCache(redis, ORDER_CACHE) : createMemoryOrderCache(ORDER_CACHE);

const lookupLimiter = createRateLimiter({
  name: "tracking-lookup",
  redis: sharedRedis,
  limit: env.TRACKING_LOOKUP_LIMIT,
  windowMs: env.TRACKING_LOOKUP_WINDOW_SECONDS * 1000,
});

export const LookupSchema = z
  .object({
    order: z.string({ required_error: "Enter your order number." }).max(40, "That order number is too long."),
    email: z.string().trim().email("Enter the email address used for the order.").max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{7,20}$/, "Enter the phone number used for the order.")
      .optional(),
  })
  .refine((v) => Boolean(v.email) !== Boolean(v.phone), {
    message: "Enter the email address or the phone number used for the order.",
    path: ["contact"],
  });

/** The lookup fails for these, each answered the same way whichever detail was wrong. */
export type LookupFailure =
  | { ok: false; code: "invalid"; fields: Record<string, string> }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "unavailable" };

/** Orders read for a key (a search, or a typed name), kept a short while per shop (order-cache.server.ts). */
async function cached(ctx: TrackingContext, key: string, read: () => Promise<OrderSnapshot[]>): Promise<OrderSnapshot[]> {
  const hit = await orderCache.get(ctx.shop, key);
  if (hit) return hit;
  const orders = await read();
  await orderCache.set(ctx.shop, key, orders);
  return orders;
}

const search = (ctx: TrackingContext, query: string, first: number) => cached(ctx, query, () => searchOrders(ctx.graphql, query, first));

/** An order as the tracking block shows it, with a token that opens it again without a lookup. */
export type OrderAccess = ReturnType<typeof grant>;

function grant(ctx: TrackingContext, order: OrderSnapshot) {
  const { token, expiresAt } = issueOrderAccessToken(env.SHOPIFY_API_SECRET, { shop: ctx.shop, orderId: order.id }, new Date());
  return { order: deriveTracking(order), token, expiresAt: expiresAt.toISOString() };
}

/**
 * Counts a lookup against the shop's and shopper's limit. Called before the body is read, so a
 * shopper over the limit costs no reading; the failed-lookup floor counts from here.
 */
export async function admitLookup(
  ctx: TrackingContext,
  shopper: string,
): Promise<{ ok: true; startedAt: number } | { ok: false; code: "rate_limited"; retryAfterSeconds: number }> {
  const startedAt = Date.now();
  const limit = await lookupLimiter.hit(`${ctx.shop}|${shopper}`);
  return limit.allowed ? { ok: true, startedAt } : { ok: false, code: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
}

/**
 * Checks a shopper's "order number + email (or phone)" (the fields as sent) against Shopify, the
 * same answer and the same minimum time for every failure. Shared by tracking and returns.
 */
export async function verifyShopperLookup(
  ctx: TrackingContext,
  admitted: { startedAt: number },
  fields: Record<string, unknown>,
): Promise<{ ok: true; order: OrderSnapshot } | LookupFailure> {
  const parsed = LookupSchema.safeParse(fields);
  const orderName = parsed.success ? normalizeOrderName(parsed.data.order) : null;
  if (!parsed.success || !orderName) {
    const invalid = parsed.success
      ? { order: "Enter your order number, for example #1001." }
      : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0] === "email" || i.path[0] === "phone" ? "contact" : i.path[0], i.message]));
    return { ok: false, code: "invalid", fields: invalid };
  }
  const contact: Contact = parsed.data.email ? { email: parsed.data.email } : { phone: parsed.data.phone! };

  // The order as held from webhooks answers without an Admin call while Shopify confirmed it recently.
  const held = await heldOrderByName(ctx.db, ctx.shop, orderName, new Date());
  if (held?.fresh) {
    if (hashMatches(held, contactHash(ctx.shop, contact), contact)) return { ok: true, order: held.order };
    return notFound(admitted);
  }

  let orders: OrderSnapshot[];
  try {
    orders = await readShopify(ctx, `exact-name:${orderName.toLowerCase()}`, () => findOrdersByName(ctx.graphql, orderName));
  } catch (error) {
    console.warn("[tracking] lookup failed", ctx.shop, error instanceof Error ? error.message : error);
    return { ok: false, code: "unavailable" };
  }
  // Only orders named exactly as typed; the contact is always compared (against nothing when
  // there is no order) so both failures do the same work.
  const order = orders.find((o) => contactMatches(o, contact));
  const matches = contactMatches(order ?? { email: null, phone: null }, contact);
  if (!order || !matches) return notFound(admitted);
  return { ok: true, order };
}

/** Every failure answers alike, no sooner than the floor after the lookup was admitted. */
async function notFound(admitted: { startedAt: number }): Promise<LookupFailure> {
  await new Promise((resolve) => setTimeout(resolve, remainingDelay(admitted.startedAt, Date.now(), FAILED_LOOKUP_FLOOR_MS)));
  return { ok: false, code: "not_found" };
}

/** The lookup of the tracking block: the order and a token for it. */
export async function lookup(
  ctx: TrackingContext,
  admitted: { startedAt: number },
  fields: Record<string, unknown>,
): Promise<{ ok: true; access: OrderAccess } | LookupFailure> {
  const verified = await verifyShopperLookup(ctx, admitted, fields);
  return verified.ok ? { ok: true, access: grant(ctx, verified.order) } : verified;
}

/** The order a token grants in this shop; null when it is forged, altered, for another shop or expired. */
export function orderIdForToken(shop: string, token: string | null): string | null {
  return verifyOrderAccessToken(env.SHOPIFY_API_SECRET, token ?? "", shop, new Date());
}

/** The signed-in customer's recent orders, without typing; anyone else (or a malformed id) has none. */
export async function recentOrders(
  ctx: TrackingContext,
  customerId: string | null,
): Promise<{ ok: true; signedIn: boolean; orders: OrderAccess[] } | { ok: false; code: "unavailable" }> {
  if (!/^\d+$/.test(customerId ?? "")) return { ok: true, signedIn: false, orders: [] };
  try {
    const orders = await search(ctx, `customer_id:${customerId}`, RECENT_ORDERS);
    return { ok: true, signedIn: true, orders: orders.map((order) => grant(ctx, order)) };
  } catch (error) {
    console.warn("[tracking] recent orders failed", ctx.shop, error instanceof Error ? error.message : error);
    return { ok: false, code: "unavailable" };
  }
}

/** The order a token grants, fresh. */
export async function orderByToken(
  ctx: TrackingContext,
  token: string | null,
): Promise<{ ok: true; access: OrderAccess } | { ok: false; code: "expired" | "not_found" | "unavailable" }> {
  const orderId = orderIdForToken(ctx.shop, token);
  if (!orderId) return { ok: false, code: "expired" };
  const held = await heldOrderById(ctx.db, ctx.shop, orderId, new Date());
  if (held?.fresh) return { ok: true, access: grant(ctx, held.order) };
  const numericId = orderId.split("/").pop()!;
  try {
    const [order] = await readShopify(ctx, `id:${numericId}`, () => searchOrders(ctx.graphql, `id:${numericId}`, 1));
    return order?.id === orderId ? { ok: true, access: grant(ctx, order) } : { ok: false, code: "not_found" };
  } catch (error) {
    console.warn("[tracking] order by token failed", ctx.shop, error instanceof Error ? error.message : error);
    return { ok: false, code: "unavailable" };
  }
}

// orders/* name the order by admin_graphql_api_id; fulfillments/* and fulfillment_events/* by order_id.
/** Webhooks about an order or its fulfillments: the next lookup reads Shopify again. */
export async function forgetOrder(shop: string, payload: unknown): Promise<void> {
  const ref = OrderRefSchema.parse(payload);
  const orderId = ref.order_id ? `gid://shopify/Order/${ref.order_id}` : ref.admin_graphql_api_id?.startsWith("gid://shopify/Order/") ? ref.admin_graphql_api_id : undefined;
  if (orderId) await orderCache.invalidateOrder(shop, orderId);
  else await orderCache.invalidateShop(shop);
}
