import { expect } from "vitest";
import { deriveTracking } from "../../app/features/tracking/domain/derive";
import { type OrderSnapshot, type TrackingStep, type TrackingView } from "../../app/features/tracking/domain/types";

// ---------------------------------------------------------------------------------------------
// Builders: a small, fully shipped order; each test changes only what it is about.
// ---------------------------------------------------------------------------------------------
export type Fulfillment = OrderSnapshot["fulfillments"][number];
export type FulfillmentEvent = Fulfillment["events"][number];
export type LineItem = OrderSnapshot["lineItems"][number];
export type Shipment = TrackingView["shipments"][number];

export const BOOTS = "gid://shopify/LineItem/1";
export const SHELL = "gid://shopify/LineItem/2";
export const PROCESSED_AT = "2026-10-01T10:00:00Z";
export const EMAIL = "maya.chen@example.com";
export const PHONE = "+14165550123";

export function lineItem(overrides: Partial<LineItem> = {}): LineItem {
  return {
    id: BOOTS,
    title: "Coastline Hiking Boot",
    variantTitle: "10",
    quantity: 1,
    unfulfilledQuantity: 0,
    image: { url: "https://cdn.example.com/boot.jpg", altText: "A brown leather hiking boot" },
    ...overrides,
  };
}

export const shell = (overrides: Partial<LineItem> = {}) =>
  lineItem({ id: SHELL, title: "Harbor Rain Shell", variantTitle: "M", image: null, ...overrides });

export function event(status: string, happenedAt: string, overrides: Partial<FulfillmentEvent> = {}): FulfillmentEvent {
  return { status, happenedAt, message: null, city: null, country: null, ...overrides };
}

export function fulfillment(overrides: Partial<Fulfillment> = {}): Fulfillment {
  return {
    id: "gid://shopify/Fulfillment/1",
    status: "SUCCESS",
    displayStatus: "FULFILLED",
    createdAt: "2026-10-02T12:00:00Z",
    inTransitAt: null,
    deliveredAt: null,
    estimatedDeliveryAt: null,
    tracking: [{ company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }],
    events: [],
    lineItems: [
      { lineItemId: BOOTS, quantity: 1 },
      { lineItemId: SHELL, quantity: 1 },
    ],
    ...overrides,
  };
}

export function order(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: "gid://shopify/Order/1",
    name: "#1042",
    email: EMAIL,
    phone: PHONE,
    createdAt: PROCESSED_AT,
    processedAt: PROCESSED_AT,
    cancelledAt: null,
    cancelReason: null,
    financialStatus: "PAID",
    fulfillmentStatus: "FULFILLED",
    shipTo: { city: "Toronto", provinceCode: "ON", countryCode: "CA" },
    lineItems: [lineItem(), shell()],
    fulfillments: [],
    ...overrides,
  };
}

/** An order whose items all went out in the given fulfillments. */
export const shippedIn = (...fulfillments: Fulfillment[]) => deriveTracking(order({ fulfillments }));

export function onlyShipment(view: TrackingView): Shipment {
  expect(view.shipments).toHaveLength(1);
  const [shipment] = view.shipments;
  if (!shipment) throw new Error("no shipment");
  return shipment;
}

export const shipmentOf = (f: Fulfillment) => onlyShipment(shippedIn(f));
export const timelineAt = (view: TrackingView, step: TrackingStep) => view.timeline.find((entry) => entry.step === step)?.at;
export const reachedSteps = (view: TrackingView) => view.timeline.filter((entry) => entry.reached).map((entry) => entry.step);
export const currentSteps = (view: TrackingView) => view.timeline.filter((entry) => entry.current).map((entry) => entry.step);

/** Freezes a snapshot all the way down, so any write to the input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
