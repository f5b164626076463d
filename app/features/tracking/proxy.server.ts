import { BODY_LIMITS, readFields } from "../../lib/body.server";
import { json, orderFailure } from "../../lib/http";
import { env } from "../../env.server";
import { shopperAddress } from "../../lib/shopper-address";
import { admitLookup, lookup, orderByToken, recentOrders, type TrackingContext } from "./tracking.server";

/** The tracking block's requests (through the app proxy) to use cases, and their results to JSON. */

/** POST /apps/support/tracking/lookup — { order, email } or { order, phone }, as JSON or a form. */
export async function postLookup(request: Request, ctx: TrackingContext): Promise<Response> {
  const admitted = await admitLookup(ctx, shopperAddress(request, env.TRUSTED_PROXY_HOPS));
  if (!admitted.ok) return orderFailure(admitted);
  // A few short fields, so the small body limit.
  const result = await lookup(ctx, admitted, await readFields(request, BODY_LIMITS.small));
  return result.ok ? json(result.access) : orderFailure(result);
}

/** GET /apps/support/tracking/mine — the signed-in customer's recent orders. */
export async function getRecentOrders(request: Request, ctx: TrackingContext): Promise<Response> {
  const result = await recentOrders(ctx, new URL(request.url).searchParams.get("logged_in_customer_id"));
  return result.ok ? json({ signedIn: result.signedIn, orders: result.orders }) : orderFailure(result);
}

/** GET /apps/support/tracking/order?token=… — the order a token grants, fresh. */
export async function getOrderByToken(request: Request, ctx: TrackingContext): Promise<Response> {
  const result = await orderByToken(ctx, new URL(request.url).searchParams.get("token"));
  return result.ok ? json(result.access) : orderFailure(result);
}
