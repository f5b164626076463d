/**
 * Customer segments shown next to a ticket or return request, so staff see at a glance who they
 * are helping.
 */
import { type SegmentThresholds } from "./types";

export type CustomerSegment = "new" | "repeat" | "vip";

/**
 * "new" with at most one order, whatever it cost (staff should know it is a first purchase);
 * otherwise "vip" from `vipOrders` orders or `vipSpend` spent, "repeat" from `repeatOrders` orders.
 * Missing or malformed numbers (NaN, negative) never promote a customer.
 */
export function customerSegment(
  customer: { orderCount: number; totalSpent: number },
  thresholds: SegmentThresholds,
): CustomerSegment {
  const { orderCount, totalSpent } = customer;
  if (!(orderCount > 1)) return "new";
  if (orderCount >= thresholds.vipOrders || totalSpent >= thresholds.vipSpend) return "vip";
  if (orderCount >= thresholds.repeatOrders) return "repeat";
  return "new";
}
