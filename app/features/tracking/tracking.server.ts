import { z } from "zod";
import { createRateLimiter } from "../../lib/rate-limit";
import { shopperAddress } from "../../lib/shopper-address";
import { deriveTracking } from "./domain/derive";
import { issueOrderAccessToken, verifyOrderAccessToken } from "./domain/order-access";
import type { OrderSnapshot } from "./domain/types";
import { contactMatches, normalizeOrderName, remainingDelay, type Contact } from "./domain/verify";
import { env } from "../../env.server";
import type { AdminGraphql } from "../../shopify.server";
import { searchOrders, searchValue } from "../../shopify/orders.server";
import { BODY_LIMITS, readForm, readJson } from "../../lib/body.server";
import { orderCache } from "./order-cache.server";

/**
 * Order tracking for shoppers, behind the app proxy. Every answer is JSON with a `code` the
 * storefront block translates; failures never say which detail was wrong.
 */

export type TrackingContext = { shop: string; graphql: AdminGraphql };

/** Every failed lookup takes at least this long, hiding what the server did (see verify.ts). */
const FAILED_LOOKUP_FLOOR_MS = 400;
/** A signed-in customer sees this many of their most recent orders. */
const RECENT_ORDERS = 3;

const lookupLimiter = createRateLimiter({
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

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  // Answers carry an order's details or a token: never cached by a shared cache.
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store", ...headers } });
}

const NOT_FOUND = { code: "not_found", error: "We couldn't find an order with those details." };
export const UNAVAILABLE = { code: "unavailable", error: "Order tracking is unavailable right now. Please try again shortly." };

/** The lookup, as JSON (the blocks) or a form; a few short fields, so the small body limit. */
async function readInput(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return Object((await readJson(request, BODY_LIMITS.small)) ?? {}) as Record<string, unknown>;
  return Object.fromEntries(await readForm(request, BODY_LIMITS.small));
}

async function search(ctx: TrackingContext, query: string, first: number): Promise<OrderSnapshot[]> {
  const now = Date.now();
  const cached = orderCache.get(ctx.shop, query, now);
  if (cached) return cached;
  const orders = await searchOrders(ctx.graphql, query, first);
  orderCache.set(ctx.shop, query, orders, now);
  return orders;
}

export function grant(ctx: TrackingContext, order: OrderSnapshot) {
  const { token, expiresAt } = issueOrderAccessToken(env.SHOPIFY_API_SECRET, { shop: ctx.shop, orderId: order.id }, new Date());
  return { order: deriveTracking(order), token, expiresAt: expiresAt.toISOString() };
}

/**
 * Checks a shopper's "order number + email (or phone)" against Shopify: rate-limited per shop and
 * shopper, the same answer and the same minimum time for every failure. Returns the order, or the
 * Response to send. Shared by tracking and returns.
 */
export async function verifyShopperLookup(request: Request, ctx: TrackingContext): Promise<{ order: OrderSnapshot } | Response> {
  const startedAt = Date.now();
  const limit = lookupLimiter.hit(`${ctx.shop}|${shopperAddress(request)}`, new Date(startedAt));
  if (!limit.allowed) {
    return json(
      { code: "rate_limited", error: "Too many lookups. Please wait a minute and try again.", retryAfter: limit.retryAfterSeconds },
      429,
      { "Retry-After": String(limit.retryAfterSeconds) },
    );
  }
  const parsed = LookupSchema.safeParse(await readInput(request));
  const orderName = parsed.success ? normalizeOrderName(parsed.data.order) : null;
  if (!parsed.success || !orderName) {
    const fields = parsed.success
      ? { order: "Enter your order number, for example #1001." }
      : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0] === "email" || i.path[0] === "phone" ? "contact" : i.path[0], i.message]));
    return json({ code: "invalid", error: "Check the highlighted fields.", fields }, 400);
  }
  const contact: Contact = parsed.data.email ? { email: parsed.data.email } : { phone: parsed.data.phone! };

  let orders: OrderSnapshot[];
  try {
    orders = await search(ctx, `name:${searchValue(orderName)}`, 1);
  } catch (error) {
    console.warn("[tracking] lookup failed", ctx.shop, error instanceof Error ? error.message : error);
    return json(UNAVAILABLE, 503, { "Retry-After": "5" });
  }
  // Search matching is loose; the name must match exactly, and the contact is always compared
  // (against nothing when there is no order) so both failures do the same work.
  const order = orders.find((o) => o.name.toLowerCase() === orderName.toLowerCase());
  const matches = contactMatches(order ?? { email: null, phone: null }, contact);
  if (!order || !matches) {
    await new Promise((resolve) => setTimeout(resolve, remainingDelay(startedAt, Date.now(), FAILED_LOOKUP_FLOOR_MS)));
    return json(NOT_FOUND, 404);
  }
  return { order };
}

/** POST /apps/support/tracking/lookup — { order, email } or { order, phone }. */
export async function lookup(request: Request, ctx: TrackingContext): Promise<Response> {
  const verified = await verifyShopperLookup(request, ctx);
  return verified instanceof Response ? verified : json(grant(ctx, verified.order));
}

/** The order a token grants in this shop, or the 401 to send. */
export function requireOrderAccess(token: string | null, shop: string): string | Response {
  const orderId = verifyOrderAccessToken(env.SHOPIFY_API_SECRET, token ?? "", shop, new Date());
  return orderId ?? json({ code: "expired", error: "This link has expired. Look up your order again." }, 401);
}

/** GET /apps/support/tracking/mine — the signed-in customer's recent orders, without typing. */
export async function recentOrders(request: Request, ctx: TrackingContext): Promise<Response> {
  const customerId = new URL(request.url).searchParams.get("logged_in_customer_id") ?? "";
  if (!/^\d+$/.test(customerId)) return json({ signedIn: false, orders: [] });
  try {
    const orders = await search(ctx, `customer_id:${customerId}`, RECENT_ORDERS);
    return json({ signedIn: true, orders: orders.map((order) => grant(ctx, order)) });
  } catch (error) {
    console.warn("[tracking] recent orders failed", ctx.shop, error instanceof Error ? error.message : error);
    return json(UNAVAILABLE, 503, { "Retry-After": "5" });
  }
}

/** GET /apps/support/tracking/order?token=… — the order a token grants, fresh. */
export async function orderByToken(request: Request, ctx: TrackingContext): Promise<Response> {
  const orderId = requireOrderAccess(new URL(request.url).searchParams.get("token"), ctx.shop);
  if (orderId instanceof Response) return orderId;
  const numericId = orderId.split("/").pop()!;
  try {
    const [order] = await search(ctx, `id:${numericId}`, 1);
    return order?.id === orderId ? json(grant(ctx, order)) : json(NOT_FOUND, 404);
  } catch (error) {
    console.warn("[tracking] order by token failed", ctx.shop, error instanceof Error ? error.message : error);
    return json(UNAVAILABLE, 503, { "Retry-After": "5" });
  }
}

// orders/* name the order by admin_graphql_api_id; fulfillments/* and fulfillment_events/* by order_id.
const OrderRefSchema = z.object({ order_id: z.number().optional(), admin_graphql_api_id: z.string().optional() });

/** Webhooks about an order or its fulfillments: the next lookup reads Shopify again. */
export function forgetOrder(shop: string, payload: unknown): void {
  const ref = OrderRefSchema.parse(payload);
  const orderId = ref.order_id ? `gid://shopify/Order/${ref.order_id}` : ref.admin_graphql_api_id?.startsWith("gid://shopify/Order/") ? ref.admin_graphql_api_id : undefined;
  if (orderId) orderCache.invalidateOrder(shop, orderId);
  else orderCache.invalidateShop(shop);
}
