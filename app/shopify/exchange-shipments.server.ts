import type { AdminGraphql } from "../shopify.server";
import type { ExchangeShipmentsQuery } from "../types/admin.generated";
import { runQuery } from "./graphql.server";

/**
 * The tracking of exchanges already shipped: the merchant fulfills the exchange's fulfillment order
 * like any other, so its tracking is Shopify's, read when the shopper opens their returns.
 */
export const EXCHANGE_SHIPMENTS_QUERY = `#graphql
  query ExchangeShipments($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on FulfillmentOrder {
        id
        fulfillments(first: 1, reverse: true) {
          nodes {
            trackingInfo(first: 1) {
              number
              url
              company
            }
          }
        }
      }
    }
  }
`;

export type ShipmentTracking = { number: string | null; url: string | null; company: string | null };

/** The latest fulfillment's tracking per fulfillment order id; orders not shipped yet are left out. */
export async function fetchExchangeShipments(graphql: AdminGraphql, fulfillmentOrderIds: string[]): Promise<Record<string, ShipmentTracking>> {
  if (fulfillmentOrderIds.length === 0) return {};
  const data = await runQuery<ExchangeShipmentsQuery>(graphql, "ExchangeShipments", EXCHANGE_SHIPMENTS_QUERY, { ids: fulfillmentOrderIds });
  const found: Record<string, ShipmentTracking> = {};
  for (const node of data.nodes) {
    const info = node && "fulfillments" in node ? node.fulfillments.nodes[0]?.trackingInfo[0] : undefined;
    if (node && "id" in node && info) found[node.id] = { number: info.number ?? null, url: info.url ?? null, company: info.company ?? null };
  }
  return found;
}
