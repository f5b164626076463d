/**
 * Order tracking, framework-free: what we read from Shopify (OrderSnapshot) and what a shopper is
 * shown (TrackingView). No Remix, Prisma or Shopify imports; times are ISO-8601 strings.
 */

/** The order as the tracking query returns it, reduced to what a shopper may see. */
export type OrderSnapshot = {
  id: string;
  name: string;
  /** Order.updatedAt: which of two snapshots is newer. */
  updatedAt?: string;
  /** Kept only to verify the shopper; never sent to the storefront. */
  email: string | null;
  phone: string | null;
  createdAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Order.displayFinancialStatus: AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED */
  financialStatus: string | null;
  /** Order.displayFulfillmentStatus: FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT RESTOCKED SCHEDULED UNFULFILLED … */
  fulfillmentStatus: string;
  shipTo: { city: string | null; provinceCode: string | null; countryCode: string | null } | null;
  lineItems: {
    id: string;
    title: string;
    variantTitle: string | null;
    /** LineItem.currentQuantity: after removals and refunds. */
    quantity: number;
    unfulfilledQuantity: number;
    image: { url: string; altText: string | null } | null;
  }[];
  fulfillments: {
    id: string;
    /** Fulfillment.status: CANCELLED ERROR FAILURE SUCCESS */
    status: string;
    /** Fulfillment.displayStatus: ATTEMPTED_DELIVERY CANCELED CARRIER_PICKED_UP CONFIRMED DELAYED DELIVERED FAILURE FULFILLED IN_TRANSIT LABEL_PRINTED LABEL_PURCHASED LABEL_VOIDED MARKED_AS_FULFILLED NOT_DELIVERED OUT_FOR_DELIVERY PICKED_UP READY_FOR_PICKUP SUBMITTED */
    displayStatus: string | null;
    createdAt: string;
    inTransitAt: string | null;
    deliveredAt: string | null;
    estimatedDeliveryAt: string | null;
    tracking: { company: string | null; number: string | null; url: string | null }[];
    /** FulfillmentEvent.status: ATTEMPTED_DELIVERY CARRIER_PICKED_UP CONFIRMED DELAYED DELIVERED FAILURE IN_TRANSIT LABEL_PRINTED LABEL_PURCHASED OUT_FOR_DELIVERY READY_FOR_PICKUP; any order. */
    events: { id?: string; status: string; happenedAt: string; message: string | null; city: string | null; country: string | null }[];
    lineItems: { lineItemId: string; quantity: number }[];
    /** Fulfillment.updatedAt, when known: which of two versions is newer. */
    updatedAt?: string | null;
  }[];
};

/** The steps every shopper sees, in order. */
export const TRACKING_STEPS = ["placed", "fulfilled", "in_transit", "out_for_delivery", "delivered"] as const;
export type TrackingStep = (typeof TRACKING_STEPS)[number];

/** Where the order stands overall: a step, or an end that replaces the timeline. */
export type OrderState = TrackingStep | "cancelled" | "refunded";

/** Something the shopper should notice about a shipment. */
export type ShipmentNotice = "delayed" | "attempted_delivery" | "failed" | "ready_for_pickup";

export type TrackingView = {
  orderName: string;
  placedAt: string;
  state: OrderState;
  /** Only for cancelled orders: Shopify's cancel reason, lower-case (customer, declined, fraud, inventory, other, staff). */
  cancelReason: string | null;
  timeline: { step: TrackingStep; reached: boolean; current: boolean; at: string | null }[];
  /** The earliest promised delivery among shipments not yet delivered. */
  estimatedDeliveryAt: string | null;
  shipTo: { city: string | null; provinceCode: string | null; countryCode: string | null } | null;
  shipments: {
    id: string;
    step: TrackingStep;
    notice: ShipmentNotice | null;
    carrier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    shippedAt: string;
    estimatedDeliveryAt: string | null;
    deliveredAt: string | null;
    /** Newest first. */
    events: { id?: string; status: string; at: string; message: string | null; location: string | null }[];
    items: { lineItemId: string; title: string; variantTitle: string | null; quantity: number; imageUrl: string | null; imageAlt: string | null }[];
  }[];
  /** Items not yet shipped (partially fulfilled or unfulfilled orders). */
  waitingItems: { lineItemId: string; title: string; variantTitle: string | null; quantity: number; imageUrl: string | null; imageAlt: string | null }[];
  /** Every item with its ordered quantity. */
  items: { lineItemId: string; title: string; variantTitle: string | null; quantity: number; imageUrl: string | null; imageAlt: string | null }[];
};
