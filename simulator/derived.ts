import type { Fulfillment, FulfillmentLineItem, LineItem, Order, OrderTransaction, Return } from "./records";
import { fromCents, toCents } from "./records";

/**
 * Values Shopify derives from the records (fulfillment status, returnable quantities, …). They
 * are computed, never stored, so they can never drift from the records.
 */

const isActiveFulfillment = (fulfillment: Fulfillment) => fulfillment.status === "SUCCESS";
/** Declined and canceled returns give their items back to the returnable pool. */
const isActiveReturn = (ret: Return) => ret.status !== "DECLINED" && ret.status !== "CANCELED";

/** Units still on the order: `quantity` minus refunded and removed units. */
export function currentQuantity(lineItem: LineItem): number {
  return lineItem.quantity - lineItem.refundedQuantity - lineItem.removedQuantity;
}

export function fulfilledQuantity(order: Order, lineItemId: string): number {
  let total = 0;
  for (const fulfillment of order.fulfillments.filter(isActiveFulfillment)) {
    for (const item of fulfillment.fulfillmentLineItems) {
      if (item.lineItemId === lineItemId) total += item.quantity;
    }
  }
  return total;
}

export function unfulfilledQuantity(order: Order, lineItem: LineItem): number {
  return Math.max(0, currentQuantity(lineItem) - fulfilledQuantity(order, lineItem.id));
}

export function orderDisplayFulfillmentStatus(order: Order): "FULFILLED" | "PARTIALLY_FULFILLED" | "UNFULFILLED" {
  // Refunded units still count as fulfilled: a delivered-then-refunded order stays FULFILLED.
  const fulfilled = order.lineItems.reduce((sum, lineItem) => sum + fulfilledQuantity(order, lineItem.id), 0);
  const unfulfilled = order.lineItems.reduce((sum, lineItem) => sum + unfulfilledQuantity(order, lineItem), 0);
  if (fulfilled === 0) return "UNFULFILLED";
  return unfulfilled === 0 ? "FULFILLED" : "PARTIALLY_FULFILLED";
}

export function orderReturnStatus(order: Order): "IN_PROGRESS" | "NO_RETURN" | "RETURNED" | "RETURN_REQUESTED" {
  const statuses = new Set(order.returns.map((ret) => ret.status));
  if (statuses.has("OPEN")) return "IN_PROGRESS";
  if (statuses.has("REQUESTED")) return "RETURN_REQUESTED";
  if (statuses.has("CLOSED")) return "RETURNED";
  return "NO_RETURN";
}

export function currentTotalPrice(order: Order): string {
  return fromCents(toCents(order.totalPrice) - toCents(order.totalRefunded));
}

/**
 * Returnable units per fulfillment line item, as `returnableFulfillments` reports them: units in
 * successful fulfillments, minus units in requested/open/closed returns, minus refunded units.
 * Refunds are taken from unfulfilled units first, and a unit refunded through a return is not
 * counted twice (it is already in the return); the rest comes off the fulfillments in order. Gift
 * cards are never returnable.
 */
export function returnableQuantities(order: Order): Map<string, number> {
  const inReturns = new Map<string, number>();
  const refundedThroughReturns = new Map<string, number>();
  for (const ret of order.returns.filter(isActiveReturn)) {
    for (const item of ret.returnLineItems) {
      inReturns.set(item.fulfillmentLineItemId, (inReturns.get(item.fulfillmentLineItemId) ?? 0) + item.quantity);
      const lineItemId = fulfillmentLineItemOf(order, item.fulfillmentLineItemId)?.lineItemId;
      if (lineItemId) refundedThroughReturns.set(lineItemId, (refundedThroughReturns.get(lineItemId) ?? 0) + item.refundedQuantity);
    }
  }
  const refundLeft = new Map<string, number>();
  for (const lineItem of order.lineItems) {
    const neverFulfilled = lineItem.quantity - fulfilledQuantity(order, lineItem.id);
    const refundedFromFulfilled =
      lineItem.refundedQuantity + lineItem.removedQuantity - neverFulfilled - (refundedThroughReturns.get(lineItem.id) ?? 0);
    refundLeft.set(lineItem.id, Math.max(0, refundedFromFulfilled));
  }

  const result = new Map<string, number>();
  for (const fulfillment of order.fulfillments.filter(isActiveFulfillment)) {
    for (const item of fulfillment.fulfillmentLineItems) {
      const lineItem = order.lineItems.find((candidate) => candidate.id === item.lineItemId);
      if (!lineItem || lineItem.isGiftCard) continue;
      const refunded = Math.min(refundLeft.get(lineItem.id) ?? 0, item.quantity);
      refundLeft.set(lineItem.id, (refundLeft.get(lineItem.id) ?? 0) - refunded);
      result.set(item.id, Math.max(0, item.quantity - refunded - (inReturns.get(item.id) ?? 0)));
    }
  }
  return result;
}

export function fulfillmentLineItemOf(order: Order, fulfillmentLineItemId: string): FulfillmentLineItem | undefined {
  for (const fulfillment of order.fulfillments) {
    const found = fulfillment.fulfillmentLineItems.find((item) => item.id === fulfillmentLineItemId);
    if (found) return found;
  }
  return undefined;
}

export function returnTotalQuantity(ret: Return): number {
  return ret.returnLineItems.reduce((sum, item) => sum + item.quantity, 0);
}

// ---------------------------------------------------------------------------------------------
// Money, in integer cents of the order's currency
// ---------------------------------------------------------------------------------------------

/** A payment that took money: what refunds go back to. */
export const isCapturedPayment = (transaction: OrderTransaction) =>
  (transaction.kind === "SALE" || transaction.kind === "CAPTURE") && transaction.status === "SUCCESS";

export function capturedCents(order: Order): number {
  return order.transactions.filter(isCapturedPayment).reduce((sum, transaction) => sum + toCents(transaction.amount), 0);
}

/** What is left of one payment after the refunds made against it. */
export function unrefundedCents(order: Order, payment: OrderTransaction): number {
  const refunded = order.transactions
    .filter((t) => t.kind === "REFUND" && t.status === "SUCCESS" && t.parentTransactionId === payment.id)
    .reduce((sum, t) => sum + toCents(t.amount), 0);
  return toCents(payment.amount) - refunded;
}

/** What may still be refunded, in money and store credit together, without over-refunding. */
export function refundableCents(order: Order): number {
  return Math.max(0, capturedCents(order) - toCents(order.totalRefunded));
}

/** `percentage` of the units' price, rounded half up to the cent. */
export function restockingFeeCents(unitPrice: string, quantity: number, percentage: number): number {
  // toFixed(6) drops binary noise (284.49999…) before rounding.
  return Math.round(Number(((toCents(unitPrice) * quantity * percentage) / 100).toFixed(6)));
}
