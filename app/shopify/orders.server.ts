import type { OrderSnapshot } from "../features/tracking/domain/types";
import { orderNameMatches } from "../features/tracking/domain/verify";
import { legacyId } from "../lib/shopify-ids";
import type { AdminGraphql } from "../shopify.server";
import type { OrderCandidatesQuery, TrackOrdersQuery } from "../types/admin.generated";
import { runQuery } from "./graphql.server";

/**
 * The one query behind order tracking: a search (by name, by customer, or by id) returning only
 * what a shopper is shown, plus the order's email/phone to verify them. No street address, no
 * payment details. Page sizes are what the tracking view shows (3 shipments, their 5 latest scans),
 * which keeps the requested cost low (printed by bench/tracking.ts).
 */
export const TRACK_ORDERS_QUERY = `#graphql
  query TrackOrders($query: String!, $first: Int!) {
    orders(first: $first, query: $query, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        name
        updatedAt
        email
        phone
        createdAt
        processedAt
        cancelledAt
        cancelReason
        displayFinancialStatus
        displayFulfillmentStatus
        shippingAddress {
          city
          provinceCode
          countryCodeV2
        }
        lineItems(first: 20) {
          nodes {
            id
            title
            variantTitle
            currentQuantity
            unfulfilledQuantity
            image {
              url(transform: { maxWidth: 160 })
              altText
            }
          }
        }
        fulfillments(first: 3) {
          id
          status
          displayStatus
          createdAt
          updatedAt
          inTransitAt
          deliveredAt
          estimatedDeliveryAt
          trackingInfo(first: 1) {
            company
            number
            url
          }
          events(first: 5, sortKey: HAPPENED_AT, reverse: true) {
            nodes {
              id
              status
              happenedAt
              message
              city
              country
            }
          }
          fulfillmentLineItems(first: 10) {
            nodes {
              quantity
              lineItem {
                id
              }
            }
          }
        }
      }
    }
  }
`;

type OrderNode = TrackOrdersQuery["orders"]["nodes"][number];

/** Shopify search syntax: values are quoted, and `"` and `\` inside them escaped. */
export function searchValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export async function searchOrders(graphql: AdminGraphql, query: string, first: number): Promise<OrderSnapshot[]> {
  const data = await runQuery<TrackOrdersQuery>(graphql, "TrackOrders", TRACK_ORDERS_QUERY, { query, first });
  return data.orders.nodes.map(toSnapshot);
}

/**
 * Shopify's `name:` search is loose (`#1-A` also finds `#12-A`, `1001` finds `#10010`) and a
 * brand-new order is missing from search results for a while; only an unfiltered list shows it at
 * once. So a typed order number reads two short lists of names — what the search found, smallest
 * number first (where the exact number sorts before every longer one that starts with it), and
 * the newest orders — and compares each exactly (orderNameMatches). Names and numbers only:
 * about 25 cost points.
 */
export const ORDER_CANDIDATES_QUERY = `#graphql
  query OrderCandidates($query: String!, $first: Int!) {
    searched: orders(first: $first, query: $query, sortKey: ORDER_NUMBER) {
      nodes {
        id
        name
        number
      }
    }
    newest: orders(first: $first, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
        name
        number
      }
    }
  }
`;

/** How many names each list reads: enough for the loose matches of any typed number. */
const CANDIDATES = 10;

/** The orders whose name or number is exactly what was typed (usually one), as tracking reads them. */
export async function findOrdersByName(graphql: AdminGraphql, typed: string): Promise<OrderSnapshot[]> {
  const query = `name:${searchValue(typed.trim().replace(/^#\s*/, ""))}`;
  const data = await runQuery<OrderCandidatesQuery>(graphql, "OrderCandidates", ORDER_CANDIDATES_QUERY, { query, first: CANDIDATES });
  const ids = new Set([...data.searched.nodes, ...data.newest.nodes].filter((order) => orderNameMatches(typed, order)).map((order) => order.id));
  const orders: OrderSnapshot[] = [];
  for (const id of ids) {
    const [order] = await searchOrders(graphql, `id:${legacyId(id)}`, 1);
    if (order?.id === id) orders.push(order);
  }
  return orders;
}

export function toSnapshot(order: OrderNode): OrderSnapshot {
  return {
    id: order.id,
    name: order.name,
    updatedAt: order.updatedAt,
    email: order.email ?? null,
    phone: order.phone ?? null,
    createdAt: order.createdAt,
    processedAt: order.processedAt,
    cancelledAt: order.cancelledAt ?? null,
    cancelReason: order.cancelReason ?? null,
    financialStatus: order.displayFinancialStatus ?? null,
    fulfillmentStatus: order.displayFulfillmentStatus,
    shipTo: order.shippingAddress
      ? {
          city: order.shippingAddress.city ?? null,
          provinceCode: order.shippingAddress.provinceCode ?? null,
          countryCode: order.shippingAddress.countryCodeV2 ?? null,
        }
      : null,
    lineItems: order.lineItems.nodes.map((item) => ({
      id: item.id,
      title: item.title,
      variantTitle: item.variantTitle ?? null,
      quantity: item.currentQuantity,
      unfulfilledQuantity: item.unfulfilledQuantity,
      image: item.image ? { url: item.image.url, altText: item.image.altText ?? null } : null,
    })),
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      status: f.status,
      displayStatus: f.displayStatus ?? null,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      inTransitAt: f.inTransitAt ?? null,
      deliveredAt: f.deliveredAt ?? null,
      estimatedDeliveryAt: f.estimatedDeliveryAt ?? null,
      tracking: f.trackingInfo.map((t) => ({ company: t.company ?? null, number: t.number ?? null, url: t.url ?? null })),
      events: f.events.nodes.map((e) => ({
        id: e.id,
        status: e.status,
        happenedAt: e.happenedAt,
        message: e.message ?? null,
        city: e.city ?? null,
        country: e.country ?? null,
      })),
      lineItems: f.fulfillmentLineItems.nodes.map((n) => ({ lineItemId: n.lineItem.id, quantity: n.quantity ?? 0 })),
    })),
  };
}
