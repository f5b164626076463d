/**
 * Order tracking, derived: turns what Shopify tells us about an order (OrderSnapshot) into what a
 * shopper is shown (TrackingView). Pure and framework-free: no clock, no I/O, the same snapshot
 * always gives the same view. Shopify lists events in any order, and fields it may leave blank
 * are treated as unknown rather than trusted.
 */
import { TRACKING_STEPS, type OrderSnapshot, type ShipmentNotice, type TrackingStep, type TrackingView } from "./types";

type Fulfillment = OrderSnapshot["fulfillments"][number];
type FulfillmentEvent = Fulfillment["events"][number];
type LineItem = OrderSnapshot["lineItems"][number];
type Shipment = TrackingView["shipments"][number];
type ItemView = TrackingView["items"][number];

// ---------------------------------------------------------------------------------------------
// Status families. Shopify's display statuses and event statuses share most names; each set
// below is what moves a shipment to a step (or raises a notice).
// ---------------------------------------------------------------------------------------------

/** Fulfillments that never went out (voided or errored) are not shipments. */
const DISCARDED_FULFILLMENT_STATUSES = new Set(["CANCELLED", "ERROR"]);
/** Shopify spells the cancelled *display* status with one L. */
const DISCARDED_DISPLAY_STATUSES = new Set(["CANCELED"]);

const OUT_FOR_DELIVERY_STATUSES = new Set(["OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY"]);
const IN_TRANSIT_DISPLAY_STATUSES = new Set(["IN_TRANSIT", "CARRIER_PICKED_UP", "DELAYED", "PICKED_UP"]);
const IN_TRANSIT_EVENT_STATUSES = new Set(["IN_TRANSIT", "CARRIER_PICKED_UP", "DELAYED"]);
/** A DELAYED scan says the parcel is moving but late; it proves in-transit, not *when* it left. */
const IN_TRANSIT_TIMED_EVENT_STATUSES = new Set(["IN_TRANSIT", "CARRIER_PICKED_UP"]);
const FAILED_STATUSES = new Set(["FAILURE", "NOT_DELIVERED"]);

/**
 * Notices by severity: when signals disagree (say the display status still says DELAYED but the
 * latest scan is a failed delivery), the shopper is told the thing that most needs their action.
 */
const NOTICE_BY_SEVERITY: { notice: ShipmentNotice; statuses: ReadonlySet<string> }[] = [
  { notice: "failed", statuses: FAILED_STATUSES },
  { notice: "attempted_delivery", statuses: new Set(["ATTEMPTED_DELIVERY"]) },
  { notice: "delayed", statuses: new Set(["DELAYED"]) },
  { notice: "ready_for_pickup", statuses: new Set(["READY_FOR_PICKUP"]) },
];

const stepIndex = (step: TrackingStep): number => TRACKING_STEPS.indexOf(step);

// ---------------------------------------------------------------------------------------------
// Small value helpers
// ---------------------------------------------------------------------------------------------

/** Milliseconds since the epoch; an unparseable time sorts as the oldest possible. */
function timeValue(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** The earliest (or latest) of some ISO times, compared as instants since offsets may differ. */
function earliest(times: readonly string[]): string | null {
  return times.reduce<string | null>((best, t) => (best === null || timeValue(t) < timeValue(best) ? t : best), null);
}
function latest(times: readonly string[]): string | null {
  return times.reduce<string | null>((best, t) => (best === null || timeValue(t) > timeValue(best) ? t : best), null);
}

/** Blank strings carry no information; show nothing rather than an empty label. */
function nonBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Only web links reach the storefront: a `javascript:` or `data:` "tracking URL" must never be a link. */
function safeWebUrl(value: string | null | undefined): string | null {
  const candidate = nonBlank(value);
  if (candidate === null) return null;
  try {
    const { protocol } = new URL(candidate);
    return protocol === "https:" || protocol === "http:" ? candidate : null;
  } catch {
    return null;
  }
}

/** Newest first; equal times keep the later-recorded event first (Shopify appends scans). */
function newestFirst(events: readonly FulfillmentEvent[]): FulfillmentEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => timeValue(b.event.happenedAt) - timeValue(a.event.happenedAt) || b.index - a.index)
    .map(({ event }) => event);
}

const eventTimes = (events: readonly FulfillmentEvent[], statuses: ReadonlySet<string>): string[] =>
  events.filter((event) => statuses.has(event.status)).map((event) => event.happenedAt);

function itemView(lineItem: LineItem, quantity: number): ItemView {
  return {
    lineItemId: lineItem.id,
    title: lineItem.title,
    variantTitle: lineItem.variantTitle,
    quantity,
    imageUrl: lineItem.image?.url ?? null,
    imageAlt: lineItem.image?.altText ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// One shipment
// ---------------------------------------------------------------------------------------------

function isShipment(fulfillment: Fulfillment): boolean {
  // A FAILURE fulfillment did go out (the delivery failed), so it stays, with a `failed` notice.
  if (DISCARDED_FULFILLMENT_STATUSES.has(fulfillment.status)) return false;
  return fulfillment.displayStatus === null || !DISCARDED_DISPLAY_STATUSES.has(fulfillment.displayStatus);
}

/** Where one shipment stands; the most advanced evidence wins, delivered first. */
function shipmentStep(fulfillment: Fulfillment, latestEvent: FulfillmentEvent | undefined): TrackingStep {
  const display = fulfillment.displayStatus ?? "";
  const events = fulfillment.events;

  // Any proof of delivery is final, even if a later scan (or a stale display status) disagrees.
  if (fulfillment.deliveredAt || display === "DELIVERED" || events.some((e) => e.status === "DELIVERED")) {
    return "delivered";
  }
  // Out for delivery is a *current* state: an old OUT_FOR_DELIVERY scan followed by a return to
  // the depot is no longer out for delivery, so only the display status or the latest scan count.
  if (OUT_FOR_DELIVERY_STATUSES.has(display) || (latestEvent && OUT_FOR_DELIVERY_STATUSES.has(latestEvent.status))) {
    return "out_for_delivery";
  }
  // Once the carrier has it, it has left: any such scan, ever, means in transit.
  if (
    fulfillment.inTransitAt ||
    IN_TRANSIT_DISPLAY_STATUSES.has(display) ||
    events.some((e) => IN_TRANSIT_EVENT_STATUSES.has(e.status))
  ) {
    return "in_transit";
  }
  // CONFIRMED, LABEL_PRINTED, LABEL_PURCHASED, FULFILLED, MARKED_AS_FULFILLED, SUBMITTED,
  // READY_FOR_PICKUP, null and anything Shopify adds later: packed, not yet with a carrier.
  return "fulfilled";
}

function shipmentNotice(fulfillment: Fulfillment, step: TrackingStep, latestEvent: FulfillmentEvent | undefined): ShipmentNotice | null {
  // Once delivered, an earlier delay or attempt no longer matters to the shopper.
  if (step === "delivered") return null;
  const signals = [fulfillment.status, fulfillment.displayStatus, latestEvent?.status];
  const match = NOTICE_BY_SEVERITY.find(({ statuses }) => signals.some((signal) => signal != null && statuses.has(signal)));
  return match?.notice ?? null;
}

/** When this shipment reached `step`; null when it has not, or the records do not say. */
function reachedAt(fulfillment: Fulfillment, step: TrackingStep): string | null {
  switch (step) {
    case "placed":
      return null; // the order's time, not a shipment's
    case "fulfilled":
      return fulfillment.createdAt;
    case "in_transit":
      return fulfillment.inTransitAt ?? earliest(eventTimes(fulfillment.events, IN_TRANSIT_TIMED_EVENT_STATUSES));
    case "out_for_delivery":
      return earliest(eventTimes(fulfillment.events, new Set(["OUT_FOR_DELIVERY"])));
    case "delivered":
      // The simulator and Shopify set deliveredAt from the last DELIVERED scan; do the same.
      return fulfillment.deliveredAt ?? latest(eventTimes(fulfillment.events, new Set(["DELIVERED"])));
  }
}

type DerivedShipment = { view: Shipment; fulfillment: Fulfillment };

function deriveShipment(fulfillment: Fulfillment, lineItemsById: ReadonlyMap<string, LineItem>): DerivedShipment {
  const events = newestFirst(fulfillment.events);
  const latestEvent = events[0];
  const step = shipmentStep(fulfillment, latestEvent);
  const delivered = step === "delivered";
  const tracking = fulfillment.tracking[0];

  const items: ItemView[] = [];
  for (const line of fulfillment.lineItems) {
    const lineItem = lineItemsById.get(line.lineItemId);
    // An id we cannot show (a line item not in the snapshot) is left out, not shown half-empty.
    if (lineItem) items.push(itemView(lineItem, line.quantity));
  }

  return {
    fulfillment,
    view: {
      id: fulfillment.id,
      step,
      notice: shipmentNotice(fulfillment, step, latestEvent),
      carrier: nonBlank(tracking?.company),
      trackingNumber: nonBlank(tracking?.number),
      trackingUrl: safeWebUrl(tracking?.url),
      shippedAt: fulfillment.createdAt,
      // A promise only matters until the parcel arrives.
      estimatedDeliveryAt: delivered ? null : fulfillment.estimatedDeliveryAt,
      deliveredAt: delivered ? reachedAt(fulfillment, "delivered") : null,
      events: events.map((event) => ({
        status: event.status,
        at: event.happenedAt,
        message: event.message,
        location: [nonBlank(event.city), nonBlank(event.country)].filter((part) => part !== null).join(", ") || null,
      })),
      items,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The order
// ---------------------------------------------------------------------------------------------

/** The order as a whole is only as far along as its slowest part. */
function overallStep(shipments: readonly DerivedShipment[], waitingItems: readonly ItemView[]): TrackingStep {
  // Items still to ship mean the order is not fulfilled as a whole, however far the shipments are;
  // each shipment shows its own progress.
  if (shipments.length === 0 || waitingItems.length > 0) return "placed";
  return shipments.reduce<TrackingStep>(
    (least, { view }) => (stepIndex(view.step) < stepIndex(least) ? view.step : least),
    "delivered",
  );
}

/** Time a step was reached by the whole order: when the LAST shipment got there; unknown if any is. */
function stepReachedAt(step: TrackingStep, order: OrderSnapshot, shipments: readonly DerivedShipment[]): string | null {
  if (step === "placed") return order.processedAt;
  const times = shipments.map(({ fulfillment }) => reachedAt(fulfillment, step));
  if (times.length === 0 || times.some((time) => time === null)) return null;
  return latest(times.filter((time): time is string => time !== null));
}

export function deriveTracking(order: OrderSnapshot): TrackingView {
  const cancelled = Boolean(order.cancelledAt);
  // PARTIALLY_REFUNDED orders are still on their way; only a full refund ends the journey.
  const refunded = !cancelled && order.financialStatus === "REFUNDED";

  const lineItemsById = new Map(order.lineItems.map((lineItem) => [lineItem.id, lineItem]));
  const shipments = order.fulfillments.filter(isShipment).map((f) => deriveShipment(f, lineItemsById));

  // Removed or fully refunded lines (current quantity 0) are no longer part of the order.
  const items = order.lineItems.filter((lineItem) => lineItem.quantity > 0).map((lineItem) => itemView(lineItem, lineItem.quantity));
  // Never wait for more units than are still on the order; a cancelled order waits for nothing.
  const waitingItems = cancelled
    ? []
    : order.lineItems
        .map((lineItem) => itemView(lineItem, Math.min(lineItem.unfulfilledQuantity, lineItem.quantity)))
        .filter((item) => item.quantity > 0);

  const step = overallStep(shipments, waitingItems);
  const state = cancelled ? "cancelled" : refunded ? "refunded" : step;
  // A cancelled or refunded order shows only that it was placed; its end replaces the timeline.
  const ended = cancelled || refunded;
  const currentIndex = ended ? stepIndex("placed") : stepIndex(step);

  const timeline = TRACKING_STEPS.map((timelineStep, index) => {
    const reached = index <= currentIndex;
    return {
      step: timelineStep,
      reached,
      current: !ended && timelineStep === step,
      at: reached ? stepReachedAt(timelineStep, order, shipments) : null,
    };
  });

  const pendingEstimates = shipments
    .filter(({ view }) => view.step !== "delivered")
    .map(({ view }) => view.estimatedDeliveryAt)
    .filter((at): at is string => at !== null);

  return {
    orderName: order.name,
    placedAt: order.processedAt,
    state,
    cancelReason: cancelled ? (nonBlank(order.cancelReason)?.toLowerCase() ?? null) : null,
    timeline,
    estimatedDeliveryAt: cancelled ? null : earliest(pendingEstimates),
    // Field by field, so nothing else a snapshot object might carry (a name, a phone) leaks through.
    shipTo: order.shipTo && {
      city: order.shipTo.city,
      provinceCode: order.shipTo.provinceCode,
      countryCode: order.shipTo.countryCode,
    },
    shipments: shipments.map(({ view }) => view),
    waitingItems,
    items,
  };
}
