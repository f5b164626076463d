import { z } from "zod";
import { centsToInput } from "../../../lib/cents";
import { formatDateTime, formatMoney } from "../../../lib/format";
import { legacyId } from "../../../lib/shopify-ids";

/**
 * A request after approval as its page shows it: the step on its way to Shopify (or refused),
 * what staff can do next, what Shopify holds, and the money proposed. Read from the request's own
 * columns: the page makes no extra call to Shopify for any of it.
 */

const STEP_LABELS: Record<string, string> = {
  approve: "approving the return",
  exchange: "creating the exchange return",
  label: "attaching the return label",
  process: "issuing the money",
  bonus: "crediting the store-credit bonus",
  close: "closing the return",
};
export const stepLabel = (step: string) => STEP_LABELS[step] ?? step;

export type StepState = { step: string; doing: string; refused: boolean; error: string | null; nextTry: string | null };

/**
 * The step waiting for Shopify. Refused means Shopify said no and nothing will retry it by itself
 * (steps.server keeps Shopify's words in lastSyncError); otherwise it is on its way.
 */
export function stepState(
  request: { pendingStep: string | null; lastSyncError: string | null; nextSyncAt: Date | null },
  timeZone: string,
): StepState | null {
  if (!request.pendingStep) return null;
  const refused = request.lastSyncError !== null;
  return {
    step: request.pendingStep,
    doing: stepLabel(request.pendingStep),
    refused,
    error: refused ? request.lastSyncError : null,
    nextTry: !refused && request.nextSyncAt ? formatDateTime(request.nextSyncAt, timeZone) : null,
  };
}

export type NextActions = { decide: boolean; attachLabel: boolean; markReturned: boolean; receiveItems: boolean; issueMoney: boolean };

/**
 * Which forms the page offers. None while a step is with Shopify: the use cases refuse another
 * one meanwhile, and a refused step is tried again from its banner instead.
 */
export function nextActions(request: {
  status: string;
  pendingStep: string | null;
  keepItems: boolean;
  reverseDeliveryId: string | null;
  settlement: string | null;
}): NextActions {
  const free = request.pendingStep === null;
  const waitingForItems = free && !request.keepItems;
  return {
    decide: free && request.status === "requested",
    attachLabel: waitingForItems && request.status === "approved" && request.reverseDeliveryId === null,
    markReturned: waitingForItems && request.status === "approved",
    receiveItems: waitingForItems && (request.status === "approved" || request.status === "returned"),
    issueMoney: free && request.status === "inspected" && request.settlement !== null,
  };
}

/** Only https links are rendered as links: anything else (javascript:, data:) stays text. */
export function safeHttpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

export type ShopifyRecord = {
  returnId: string | null;
  orderUrl: string | null;
  delivery: { id: string | null; carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; labelUrl: string | null } | null;
  refundId: string | null;
  bonusTransactionId: string | null;
  exchange: { variantTitle: string | null; lineItemId: string | null; trackingNumber: string | null; trackingUrl: string | null } | null;
};

/** What Shopify made for this request, from the ids stored as each step succeeded. */
export function shopifyRecord(request: {
  orderId: string;
  shopifyReturnId: string | null;
  resolution: string;
  reverseDeliveryId: string | null;
  labelUrl: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  carrierName: string | null;
  refundId: string | null;
  bonusTransactionId: string | null;
  exchangeVariantTitle: string | null;
  exchangeLineItemId: string | null;
  exchangeTrackingNumber: string | null;
  exchangeTrackingUrl: string | null;
}): ShopifyRecord {
  const order = legacyId(request.orderId);
  const hasDelivery = request.reverseDeliveryId || request.labelUrl || request.trackingNumber;
  return {
    returnId: request.shopifyReturnId && (legacyId(request.shopifyReturnId) ?? request.shopifyReturnId),
    // Shopify's admin shows a return on its order's page; App Bridge opens shopify:// links there.
    orderUrl: order ? `shopify://admin/orders/${order}` : null,
    delivery: hasDelivery
      ? {
          id: request.reverseDeliveryId && (legacyId(request.reverseDeliveryId) ?? request.reverseDeliveryId),
          carrier: request.carrierName,
          trackingNumber: request.trackingNumber,
          trackingUrl: safeHttpsUrl(request.trackingUrl),
          labelUrl: safeHttpsUrl(request.labelUrl),
        }
      : null,
    refundId: request.refundId && (legacyId(request.refundId) ?? request.refundId),
    bonusTransactionId: request.bonusTransactionId && (legacyId(request.bonusTransactionId) ?? request.bonusTransactionId),
    exchange:
      request.resolution === "exchange"
        ? {
            variantTitle: request.exchangeVariantTitle,
            lineItemId: request.exchangeLineItemId && (legacyId(request.exchangeLineItemId) ?? request.exchangeLineItemId),
            trackingNumber: request.exchangeTrackingNumber,
            trackingUrl: safeHttpsUrl(request.exchangeTrackingUrl),
          }
        : null,
  };
}

/** The stored settlement (domain/settlement.ts writes it), read defensively for display. */
const StoredSettlementSchema = z.object({
  currency: z.string(),
  resolution: z.string(),
  itemsCents: z.number().int(),
  restockingCents: z.number().int(),
  shippingCents: z.number().int(),
  refundCents: z.number().int(),
  storeCreditCents: z.number().int(),
  bonusCents: z.number().int(),
});

export const MONEY_FIELDS = ["refund", "storeCredit", "bonus"] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export type SettlementView = {
  currency: string;
  breakdown: { label: string; amount: string }[];
  /** The amounts staff confirm, each an editable field starting at the proposed value. */
  amounts: { field: MoneyField; label: string; cents: number; input: string; text: string }[];
  reason: string | null;
};

const AMOUNT_LABELS: Record<MoneyField, string> = {
  refund: "Refund to the original payment",
  storeCredit: "Store credit",
  bonus: "Store-credit bonus",
};

export function settlementView(json: string | null, reason: string | null): SettlementView | null {
  if (!json) return null;
  let parsed;
  try {
    parsed = StoredSettlementSchema.safeParse(JSON.parse(json));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const s = parsed.data;
  const money = (cents: number) => formatMoney(cents / 100, s.currency);
  const breakdown = [{ label: "Items returned", amount: money(s.itemsCents) }];
  if (s.restockingCents) breakdown.push({ label: "Restocking fee", amount: `−${money(s.restockingCents)}` });
  if (s.shippingCents) breakdown.push({ label: "Return shipping", amount: `−${money(s.shippingCents)}` });
  const cents: Record<MoneyField, number> = { refund: s.refundCents, storeCredit: s.storeCreditCents, bonus: s.bonusCents };
  // The resolution's own amount is always offered (even at 0); the others only when proposed.
  const shown: Record<MoneyField, boolean> = {
    refund: s.resolution === "refund" || s.refundCents > 0,
    storeCredit: s.resolution === "store_credit" || s.storeCreditCents > 0,
    bonus: s.bonusCents > 0,
  };
  return {
    currency: s.currency,
    breakdown,
    amounts: MONEY_FIELDS.filter((field) => shown[field]).map((field) => ({
      field,
      label: AMOUNT_LABELS[field],
      cents: cents[field],
      input: centsToInput(cents[field]),
      text: money(cents[field]),
    })),
    reason,
  };
}
