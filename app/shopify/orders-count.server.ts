import type { AdminGraphql } from "../shopify.server";
import type { OrdersCountQuery } from "../types/admin.generated";
import { runQuery } from "./graphql.server";

/**
 * How many orders a shop received in two time ranges (a dashboard period and the one before it),
 * in one request. `limit: null` lifts Shopify's default cap of 10,000 so a busy shop's count is
 * exact rather than "at least".
 */
export const ORDERS_COUNT_QUERY = `#graphql
  query OrdersCount($current: String!, $previous: String!) {
    current: ordersCount(query: $current, limit: null) {
      count
      precision
    }
    previous: ordersCount(query: $previous, limit: null) {
      count
      precision
    }
  }
`;

export type InstantRange = { from: Date; to: Date };

/** Shopify's search filter for orders created in a range, both ends included. */
export function createdInRange(range: InstantRange): string {
  // The upper bound as "before the next millisecond": search dates compare as whole instants.
  const end = new Date(range.to.getTime() + 1);
  return `created_at:>='${range.from.toISOString()}' created_at:<'${end.toISOString()}'`;
}

/** Order counts for both ranges; a count Shopify reports only as a lower bound reads as null. */
export async function countOrders(
  graphql: AdminGraphql,
  ranges: { current: InstantRange; previous: InstantRange },
): Promise<{ current: number | null; previous: number | null }> {
  const data = await runQuery<OrdersCountQuery>(graphql, "OrdersCount", ORDERS_COUNT_QUERY, {
    current: createdInRange(ranges.current),
    previous: createdInRange(ranges.previous),
  });
  const exact = (count: OrdersCountQuery["current"]) => (count?.precision === "EXACT" ? count.count : null);
  return { current: exact(data.current), previous: exact(data.previous) };
}
