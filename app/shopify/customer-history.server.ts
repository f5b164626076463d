import type { AdminGraphql } from "../shopify.server";
import type { CustomerHistoryQuery } from "../types/admin.generated";
import { runQuery } from "./graphql.server";
import { searchValue } from "./orders.server";

/** Orders counted per shopper: enough for any sensible VIP threshold, at about 100 query points. */
export const HISTORY_ORDER_CAP = 50;

/**
 * A shopper's order count and spend, for the new / repeat / VIP segment. Orders are matched by
 * email (read_customers is not requested), totals are what the orders are worth now (after
 * refunds), in the shop's currency; only orders the app may read count (the last 60 days without
 * read_all_orders).
 */
export const CUSTOMER_HISTORY_QUERY = `#graphql
  query CustomerHistory($query: String!, $first: Int!) {
    orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        currentTotalPriceSet {
          shopMoney {
            amount
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;

export type CustomerHistory = { orderCount: number; totalSpent: number; capped: boolean };

export async function customerHistory(graphql: AdminGraphql, email: string): Promise<CustomerHistory> {
  const data = await runQuery<CustomerHistoryQuery>(graphql, "CustomerHistory", CUSTOMER_HISTORY_QUERY, {
    query: `email:${searchValue(email)}`,
    first: HISTORY_ORDER_CAP,
  });
  const totals = data.orders.nodes.map((order) => Number(order.currentTotalPriceSet.shopMoney.amount));
  return {
    orderCount: totals.length,
    totalSpent: Math.round(totals.reduce((sum, amount) => sum + amount, 0) * 100) / 100,
    capped: data.orders.pageInfo.hasNextPage,
  };
}

/** The shopper's orders and spend for the segment, or null when Shopify does not answer. */
export async function customerHistoryOrNull(graphql: AdminGraphql, email: string): Promise<CustomerHistory | null> {
  try {
    return await customerHistory(graphql, email);
  } catch (error) {
    console.warn("[customers] order history unavailable", error instanceof Error ? error.message : error);
    return null;
  }
}
