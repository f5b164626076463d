/**
 * Returns, framework-free: the merchant's policy, the order as eligibility needs it, and what the
 * engine decides. Money is in the order's currency as decimal numbers rounded to cents; times are
 * ISO-8601 strings; the shop's IANA time zone decides calendar days.
 */

export const RESOLUTIONS = ["refund", "store_credit", "exchange"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type ReturnReason = {
  handle: string;
  label: string;
  photoRequired: boolean;
  /** The Shopify return reason definition it is sent as (that definition's handle). */
  shopifyHandle: string;
};

export type ReturnPolicy = {
  /** Increases with every saved change; a request records the version it was judged by. */
  version: number;
  windowDays: number;
  /** Where the window starts; "delivery" falls back to fulfillment when no delivery date is known. */
  windowStartsAt: "delivery" | "fulfillment";
  /** Product tags that make an item final sale (compared case-insensitively). */
  finalSaleTags: string[];
  /** Product types that cannot be returned (compared case-insensitively), e.g. Gift Card. */
  excludedProductTypes: string[];
  resolutions: Resolution[];
  storeCreditBonusPercent: number;
  /** Percent of the returned items' price kept by the merchant (refund and store credit; not exchanges). */
  restockingFeePercent: number;
  returnShipping: {
    paidBy: "customer" | "merchant";
    fee: number;
    /** Shoppers post the parcel to returnAddress themselves, or staff provide a label. */
    method: "shopper_ships" | "label";
    /** Multi-line, as printed on a parcel; "" when not set. */
    returnAddress: string;
    instructions: string;
  };
  /**
   * A refund or store-credit return worth at most this (items value) is approved without the items
   * coming back; 0 = always send them back. Never for exchanges.
   */
  keepItemsBelow: number;
  /** Issue the money without staff: when the items are received, and when a keep-it return is approved. */
  processing: { automatic: boolean };
  /** Count the items as received when the carrier reports the parcel delivered. */
  receiveOnCarrierDelivery: boolean;
  reasons: ReturnReason[];
  autoApprove: { enabled: boolean; maxValue: number; excludedReasons: string[] };
  /** Staff should answer a return request within this many hours (P2 by default). */
  responseTargetHours: number;
  /** How shoppers hear about their request: Shopify's own emails, and ours (with staff's words). */
  notifications: { shopifyEmails: boolean; appEmails: boolean };
};

/** The order as Shopify describes it for returns. */
export type ReturnableOrder = {
  id: string;
  name: string;
  currency: string;
  processedAt: string;
  cancelledAt: string | null;
  lineItems: {
    id: string;
    title: string;
    variantTitle: string | null;
    /** Current quantity (after removals and refunds). */
    quantity: number;
    unitPrice: number;
    productType: string | null;
    productTags: string[];
    imageUrl: string | null;
  }[];
  fulfillments: {
    id: string;
    /** Only SUCCESS fulfillments count. */
    status: string;
    createdAt: string;
    deliveredAt: string | null;
    lineItems: { fulfillmentLineItemId: string; lineItemId: string; quantity: number }[];
  }[];
  /** Shopify's returnableFulfillments: what can still be returned per fulfillment line item. */
  returnable: { fulfillmentLineItemId: string; lineItemId: string; quantity: number }[];
  /** Our own requests stored but not yet accepted by Shopify (kept while Shopify is unavailable). */
  pending: { lineItemId: string; quantity: number }[];
};

export type IneligibleReason = "not_fulfilled" | "window_passed" | "final_sale" | "excluded_type" | "already_returned";

export type RuleResult = { rule: "fulfilled" | "window" | "final_sale" | "product_type" | "quantity"; passed: boolean; detail: string };

export type LineEligibility = {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  unitPrice: number;
  purchased: number;
  returnable: number;
  /** Why some or all units cannot be returned; empty when every purchased unit can be. */
  reasons: IneligibleReason[];
  /** The last moment a return can be requested, or null when the item was not fulfilled. */
  windowEndsAt: string | null;
  rules: RuleResult[];
  /** Where the returnable units are, for Shopify's returnRequest (fulfillment line item ids). */
  sources: { fulfillmentLineItemId: string; quantity: number }[];
};

export type Eligibility = { policyVersion: number; lines: LineEligibility[]; anyReturnable: boolean };

export type ReturnSelection = { lineItemId: string; quantity: number; reason: string };

export type ReturnQuote = {
  currency: string;
  itemsValue: number;
  restockingFee: number;
  shippingFee: number;
  storeCreditBonus: number;
  /** What the shopper gets back: money for refund, credit (with bonus) for store credit, 0 for exchange. */
  expected: number;
  /**
   * The policy's percents as this quote applied them (0 where not applied: no restocking fee on an
   * exchange, no bonus unless store credit). Quotes stored before these existed lack them: read
   * them with quotePercents(), which derives them from the amounts.
   */
  restockingFeePercent?: number;
  storeCreditBonusPercent?: number;
};
