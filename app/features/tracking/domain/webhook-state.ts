import { z } from "zod";
import type { OrderSnapshot } from "./types";

/**
 * The shipment state a shopper sees, from Shopify's order, fulfillment and fulfillment-event
 * webhooks (REST shapes: snake_case, numeric ids beside `admin_graphql_api_id`). Pure: the caller
 * reads what is stored, applies one of these, and writes back. Webhooks arrive late, twice and out
 * of order, so each step keeps what is newer: an order payload older than the stored one changes
 * nothing, a fulfillment older than the stored one is skipped, events merge by id.
 * Webhook payloads carry no product images; those a Shopify read stored are kept by line item.
 */

const gid = (kind: string, id: number | string) => `gid://shopify/${kind}/${id}`;
const upper = (value: string | null | undefined) => (value ? value.toUpperCase() : null);

export const RestFulfillmentSchema = z.object({
  id: z.number(),
  admin_graphql_api_id: z.string().optional(),
  order_id: z.number(),
  status: z.string(),
  shipment_status: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_numbers: z.array(z.string().nullable()).default([]),
  tracking_urls: z.array(z.string().nullable()).default([]),
  line_items: z.array(z.object({ id: z.number(), admin_graphql_api_id: z.string().optional(), quantity: z.number() })).default([]),
});

export const RestOrderSchema = z.object({
  id: z.number(),
  admin_graphql_api_id: z.string().optional(),
  name: z.string(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  created_at: z.string(),
  processed_at: z.string().nullish(),
  updated_at: z.string(),
  cancelled_at: z.string().nullish(),
  cancel_reason: z.string().nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  customer: z.object({ id: z.number() }).nullish(),
  shipping_address: z
    .object({ city: z.string().nullish(), province_code: z.string().nullish(), country_code: z.string().nullish() })
    .nullish(),
  line_items: z.array(
    z.object({
      id: z.number(),
      admin_graphql_api_id: z.string().optional(),
      title: z.string(),
      variant_title: z.string().nullish(),
      quantity: z.number(),
      current_quantity: z.number().optional(),
      fulfillable_quantity: z.number().nullish(),
    }),
  ),
  fulfillments: z.array(RestFulfillmentSchema).default([]),
});

export const RestFulfillmentEventSchema = z.object({
  id: z.number(),
  fulfillment_id: z.number(),
  order_id: z.number(),
  status: z.string(),
  message: z.string().nullish(),
  happened_at: z.string(),
  city: z.string().nullish(),
  country: z.string().nullish(),
  estimated_delivery_at: z.string().nullish(),
});

export type RestOrder = z.infer<typeof RestOrderSchema>;
export type RestFulfillment = z.infer<typeof RestFulfillmentSchema>;
export type RestFulfillmentEvent = z.infer<typeof RestFulfillmentEventSchema>;
type Fulfillment = OrderSnapshot["fulfillments"][number];

// REST fulfillment_status → GraphQL displayFulfillmentStatus; null means nothing shipped yet.
const FULFILLMENT_STATUS: Record<string, string> = { fulfilled: "FULFILLED", partial: "PARTIALLY_FULFILLED", restocked: "RESTOCKED" };

/** The order a webhook describes, as the tracking view needs it; email and phone stay for hashing. */
export function orderFromWebhook(payload: RestOrder, stored: OrderSnapshot | null): OrderSnapshot {
  const storedImages = new Map(stored?.lineItems.map((item) => [item.id, item.image]) ?? []);
  const storedFulfillments = new Map(stored?.fulfillments.map((f) => [f.id, f]) ?? []);
  const address = payload.shipping_address;
  return {
    id: payload.admin_graphql_api_id ?? gid("Order", payload.id),
    name: payload.name,
    email: payload.email ?? null,
    phone: payload.phone ?? null,
    createdAt: payload.created_at,
    processedAt: payload.processed_at ?? payload.created_at,
    cancelledAt: payload.cancelled_at ?? null,
    cancelReason: upper(payload.cancel_reason),
    financialStatus: upper(payload.financial_status),
    fulfillmentStatus: FULFILLMENT_STATUS[payload.fulfillment_status ?? ""] ?? "UNFULFILLED",
    shipTo: address ? { city: address.city ?? null, provinceCode: address.province_code ?? null, countryCode: address.country_code ?? null } : null,
    lineItems: payload.line_items.map((item) => {
      const id = item.admin_graphql_api_id ?? gid("LineItem", item.id);
      return {
        id,
        title: item.title,
        variantTitle: item.variant_title ?? null,
        quantity: item.current_quantity ?? item.quantity,
        unfulfilledQuantity: item.fulfillable_quantity ?? 0,
        image: storedImages.get(id) ?? null,
      };
    }),
    // The order payload lists fulfillments without their events: those stored are kept.
    fulfillments: payload.fulfillments.map((f) => fulfillmentFromWebhook(f, storedFulfillments.get(fulfillmentId(f)) ?? null)),
  };
}

const fulfillmentId = (f: RestFulfillment) => f.admin_graphql_api_id ?? gid("Fulfillment", f.id);

function fulfillmentFromWebhook(payload: RestFulfillment, stored: Fulfillment | null): Fulfillment {
  const numbers = payload.tracking_numbers;
  return {
    id: fulfillmentId(payload),
    status: payload.status.toUpperCase(),
    // The latest carrier scan (shipment_status) is what Shopify shows; before any, it is fulfilled.
    displayStatus: upper(payload.shipment_status) ?? (payload.status === "cancelled" ? "CANCELED" : stored?.displayStatus ?? "FULFILLED"),
    createdAt: payload.created_at,
    inTransitAt: stored?.inTransitAt ?? null,
    deliveredAt: stored?.deliveredAt ?? null,
    estimatedDeliveryAt: stored?.estimatedDeliveryAt ?? null,
    tracking: numbers.map((number, i) => ({
      company: payload.tracking_company ?? null,
      number,
      url: payload.tracking_urls[i] ?? null,
    })),
    events: stored?.events ?? [],
    lineItems: payload.line_items.map((item) => ({ lineItemId: item.admin_graphql_api_id ?? gid("LineItem", item.id), quantity: item.quantity })),
    updatedAt: payload.updated_at ?? stored?.updatedAt ?? null,
  };
}

/** fulfillments/create|update: the fulfillment added, or replaced unless the stored one is newer. */
export function applyFulfillment(order: OrderSnapshot, payload: RestFulfillment): OrderSnapshot {
  const id = fulfillmentId(payload);
  const stored = order.fulfillments.find((f) => f.id === id) ?? null;
  if (stored?.updatedAt && payload.updated_at && Date.parse(payload.updated_at) < Date.parse(stored.updatedAt)) return order;
  const next = fulfillmentFromWebhook(payload, stored);
  const fulfillments = stored ? order.fulfillments.map((f) => (f.id === id ? next : f)) : [...order.fulfillments, next];
  return { ...order, fulfillments };
}

/**
 * fulfillment_events/create: the scan joins its fulfillment (once, by id); the fulfillment shows the
 * newest scan's status. Null when the fulfillment is not held: the order must be read again.
 */
export function applyFulfillmentEvent(order: OrderSnapshot, payload: RestFulfillmentEvent): OrderSnapshot | null {
  const id = gid("Fulfillment", payload.fulfillment_id);
  const fulfillment = order.fulfillments.find((f) => f.id === id);
  if (!fulfillment) return null;
  const eventId = gid("FulfillmentEvent", payload.id);
  if (fulfillment.events.some((e) => e.id === eventId)) return order;
  const events = [
    ...fulfillment.events,
    {
      id: eventId,
      status: payload.status.toUpperCase(),
      happenedAt: payload.happened_at,
      message: payload.message ?? null,
      city: payload.city ?? null,
      country: payload.country ?? null,
    },
  ];
  const newest = events.reduce((a, b) => (Date.parse(b.happenedAt) >= Date.parse(a.happenedAt) ? b : a));
  const next: Fulfillment = {
    ...fulfillment,
    events,
    displayStatus: newest.status,
    estimatedDeliveryAt: newest.id === eventId && payload.estimated_delivery_at ? payload.estimated_delivery_at : fulfillment.estimatedDeliveryAt,
  };
  return { ...order, fulfillments: order.fulfillments.map((f) => (f.id === id ? next : f)) };
}
