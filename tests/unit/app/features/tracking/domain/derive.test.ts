import { describe, expect, it } from "vitest";
import { deriveTracking } from "../../../../../../app/features/tracking/domain/derive";
import { TRACKING_STEPS, type OrderSnapshot, type TrackingStep, type TrackingView } from "../../../../../../app/features/tracking/domain/types";
import {
  createStore,
  currentQuantity,
  DEMO_SHOP_DOMAIN,
  orderDisplayFulfillmentStatus,
  readFixture,
  unfulfilledQuantity,
  type Order,
} from "../../../../../../simulator/store";

// ---------------------------------------------------------------------------------------------
// Builders: a small, fully shipped order; each test changes only what it is about.
// ---------------------------------------------------------------------------------------------

type Fulfillment = OrderSnapshot["fulfillments"][number];
type FulfillmentEvent = Fulfillment["events"][number];
type LineItem = OrderSnapshot["lineItems"][number];
type Shipment = TrackingView["shipments"][number];

const BOOTS = "gid://shopify/LineItem/1";
const SHELL = "gid://shopify/LineItem/2";
const PROCESSED_AT = "2026-10-01T10:00:00Z";
const EMAIL = "maya.chen@example.com";
const PHONE = "+14165550123";

function lineItem(overrides: Partial<LineItem> = {}): LineItem {
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

const shell = (overrides: Partial<LineItem> = {}) =>
  lineItem({ id: SHELL, title: "Harbor Rain Shell", variantTitle: "M", image: null, ...overrides });

function event(status: string, happenedAt: string, overrides: Partial<FulfillmentEvent> = {}): FulfillmentEvent {
  return { status, happenedAt, message: null, city: null, country: null, ...overrides };
}

function fulfillment(overrides: Partial<Fulfillment> = {}): Fulfillment {
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

function order(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
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
const shippedIn = (...fulfillments: Fulfillment[]) => deriveTracking(order({ fulfillments }));

function onlyShipment(view: TrackingView): Shipment {
  expect(view.shipments).toHaveLength(1);
  const [shipment] = view.shipments;
  if (!shipment) throw new Error("no shipment");
  return shipment;
}

const shipmentOf = (f: Fulfillment) => onlyShipment(shippedIn(f));
const timelineAt = (view: TrackingView, step: TrackingStep) => view.timeline.find((entry) => entry.step === step)?.at;
const reachedSteps = (view: TrackingView) => view.timeline.filter((entry) => entry.reached).map((entry) => entry.step);
const currentSteps = (view: TrackingView) => view.timeline.filter((entry) => entry.current).map((entry) => entry.step);

/** Freezes a snapshot all the way down, so any write to the input throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Order state
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: order state", () => {
  it("GIVEN a cancelled order with a reason WHEN derived THEN the state is cancelled and the reason lower-case", () => {
    const view = deriveTracking(order({ cancelledAt: "2026-10-02T09:00:00Z", cancelReason: "CUSTOMER" }));
    expect(view.state).toBe("cancelled");
    expect(view.cancelReason).toBe("customer");
  });

  it("GIVEN a cancelled order without a reason WHEN derived THEN cancelReason is null", () => {
    const view = deriveTracking(order({ cancelledAt: "2026-10-02T09:00:00Z", cancelReason: null }));
    expect(view).toMatchObject({ state: "cancelled", cancelReason: null });
  });

  it("GIVEN a cancelled order that was also refunded WHEN derived THEN cancelled wins over refunded", () => {
    const view = deriveTracking(order({ cancelledAt: "2026-10-02T09:00:00Z", cancelReason: "FRAUD", financialStatus: "REFUNDED" }));
    expect(view.state).toBe("cancelled");
  });

  it("GIVEN an order that is not cancelled but carries a stray cancelReason WHEN derived THEN cancelReason is null", () => {
    expect(deriveTracking(order({ cancelReason: "STAFF" })).cancelReason).toBeNull();
  });

  it("GIVEN a fully refunded order with a delivered shipment WHEN derived THEN the state is refunded", () => {
    const view = deriveTracking(
      order({ financialStatus: "REFUNDED", fulfillments: [fulfillment({ displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z" })] }),
    );
    expect(view.state).toBe("refunded");
    expect(view.cancelReason).toBeNull();
  });

  it("GIVEN a partially refunded delivered order WHEN derived THEN the state is its step, not refunded", () => {
    const view = deriveTracking(
      order({
        financialStatus: "PARTIALLY_REFUNDED",
        fulfillments: [fulfillment({ displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z" })],
      }),
    );
    expect(view.state).toBe("delivered");
  });

  it("GIVEN a paid order with no fulfillments WHEN derived THEN the state is placed", () => {
    expect(deriveTracking(order({ lineItems: [lineItem({ unfulfilledQuantity: 1 })] })).state).toBe("placed");
  });

  it("GIVEN an order with a null financial status WHEN derived THEN it is tracked normally", () => {
    expect(deriveTracking(order({ financialStatus: null, fulfillments: [fulfillment()] })).state).toBe("fulfilled");
  });
});

// ---------------------------------------------------------------------------------------------
// Which fulfillments are shipments
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: which fulfillments are shipments", () => {
  it.each(["CANCELLED", "ERROR"])("GIVEN a fulfillment with status %s WHEN derived THEN it is not a shipment", (status) => {
    const view = shippedIn(fulfillment({ status, displayStatus: "IN_TRANSIT" }));
    expect(view.shipments).toEqual([]);
    expect(view.state).toBe("placed");
  });

  it("GIVEN a SUCCESS fulfillment whose display status is CANCELED WHEN derived THEN it is not a shipment", () => {
    expect(shippedIn(fulfillment({ displayStatus: "CANCELED" })).shipments).toEqual([]);
  });

  it("GIVEN a cancelled fulfillment next to a live one WHEN derived THEN only the live one shows and sets the step", () => {
    const view = shippedIn(
      fulfillment({ id: "gid://shopify/Fulfillment/1", status: "CANCELLED", displayStatus: "CANCELED" }),
      fulfillment({ id: "gid://shopify/Fulfillment/2", displayStatus: "IN_TRANSIT" }),
    );
    expect(view.shipments.map((s) => s.id)).toEqual(["gid://shopify/Fulfillment/2"]);
    expect(view.state).toBe("in_transit");
  });

  it("GIVEN a fulfillment with status FAILURE WHEN derived THEN it stays as a shipment with a failed notice", () => {
    const shipment = shipmentOf(fulfillment({ status: "FAILURE", displayStatus: "IN_TRANSIT" }));
    expect(shipment).toMatchObject({ step: "in_transit", notice: "failed" });
  });
});

// ---------------------------------------------------------------------------------------------
// A shipment's step
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: a shipment's step", () => {
  it("GIVEN only deliveredAt is set WHEN derived THEN the shipment is delivered", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "IN_TRANSIT", deliveredAt: "2026-10-05T14:00:00Z" })).step).toBe("delivered");
  });

  it("GIVEN display status DELIVERED without deliveredAt WHEN derived THEN the shipment is delivered", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "DELIVERED" })).step).toBe("delivered");
  });

  it("GIVEN a DELIVERED event behind a stale IN_TRANSIT display status WHEN derived THEN the shipment is delivered", () => {
    const f = fulfillment({ displayStatus: "IN_TRANSIT", events: [event("DELIVERED", "2026-10-05T14:00:00Z")] });
    expect(shipmentOf(f).step).toBe("delivered");
  });

  it("GIVEN a DELIVERED event that is not the latest scan WHEN derived THEN the shipment is still delivered", () => {
    const f = fulfillment({
      displayStatus: "OUT_FOR_DELIVERY",
      events: [event("OUT_FOR_DELIVERY", "2026-10-06T08:00:00Z"), event("DELIVERED", "2026-10-05T14:00:00Z")],
    });
    expect(shipmentOf(f).step).toBe("delivered");
  });

  it.each(["OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY"])(
    "GIVEN display status %s WHEN derived THEN the shipment is out for delivery",
    (displayStatus) => {
      expect(shipmentOf(fulfillment({ displayStatus })).step).toBe("out_for_delivery");
    },
  );

  it.each(["OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY"])(
    "GIVEN the latest event is %s behind an IN_TRANSIT display status WHEN derived THEN the shipment is out for delivery",
    (status) => {
      const f = fulfillment({
        displayStatus: "IN_TRANSIT",
        events: [event(status, "2026-10-05T09:00:00Z"), event("IN_TRANSIT", "2026-10-03T09:00:00Z")],
      });
      expect(shipmentOf(f).step).toBe("out_for_delivery");
    },
  );

  it("GIVEN an old OUT_FOR_DELIVERY event followed by an IN_TRANSIT scan WHEN derived THEN the shipment is back in transit", () => {
    const f = fulfillment({
      displayStatus: "IN_TRANSIT",
      events: [event("IN_TRANSIT", "2026-10-06T09:00:00Z"), event("OUT_FOR_DELIVERY", "2026-10-05T09:00:00Z")],
    });
    expect(shipmentOf(f).step).toBe("in_transit");
  });

  it("GIVEN only inTransitAt is set WHEN derived THEN the shipment is in transit", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "FULFILLED", inTransitAt: "2026-10-03T06:00:00Z" })).step).toBe("in_transit");
  });

  it.each(["IN_TRANSIT", "CARRIER_PICKED_UP", "DELAYED", "PICKED_UP"])(
    "GIVEN display status %s WHEN derived THEN the shipment is in transit",
    (displayStatus) => {
      expect(shipmentOf(fulfillment({ displayStatus })).step).toBe("in_transit");
    },
  );

  it.each(["IN_TRANSIT", "CARRIER_PICKED_UP", "DELAYED"])(
    "GIVEN any %s event behind a FULFILLED display status WHEN derived THEN the shipment is in transit",
    (status) => {
      const f = fulfillment({
        displayStatus: "FULFILLED",
        // The in-transit evidence is not the latest scan: any such event counts.
        events: [event(status, "2026-10-03T09:00:00Z"), event("CONFIRMED", "2026-10-04T09:00:00Z")],
      });
      expect(shipmentOf(f).step).toBe("in_transit");
    },
  );

  it.each([
    "CONFIRMED",
    "LABEL_PRINTED",
    "LABEL_PURCHASED",
    "FULFILLED",
    "MARKED_AS_FULFILLED",
    "SUBMITTED",
    "READY_FOR_PICKUP",
    "LABEL_VOIDED",
    "SOMETHING_SHOPIFY_ADDS_LATER",
    null,
  ])("GIVEN display status %s and no carrier scans WHEN derived THEN the shipment is fulfilled", (displayStatus) => {
    expect(shipmentOf(fulfillment({ displayStatus })).step).toBe("fulfilled");
  });

  it("GIVEN only CONFIRMED and LABEL_PRINTED events WHEN derived THEN the shipment is fulfilled", () => {
    const f = fulfillment({
      displayStatus: "CONFIRMED",
      events: [event("LABEL_PRINTED", "2026-10-02T13:00:00Z"), event("CONFIRMED", "2026-10-02T12:00:00Z")],
    });
    expect(shipmentOf(f).step).toBe("fulfilled");
  });
});

// ---------------------------------------------------------------------------------------------
// A shipment's notice
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: a shipment's notice", () => {
  it("GIVEN display status DELAYED WHEN derived THEN the notice is delayed", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "DELAYED" })).notice).toBe("delayed");
  });

  it("GIVEN the latest event is DELAYED behind an IN_TRANSIT display status WHEN derived THEN the notice is delayed", () => {
    const f = fulfillment({
      displayStatus: "IN_TRANSIT",
      events: [event("IN_TRANSIT", "2026-10-03T09:00:00Z"), event("DELAYED", "2026-10-04T09:00:00Z")],
    });
    expect(shipmentOf(f).notice).toBe("delayed");
  });

  it("GIVEN an old DELAYED event followed by an IN_TRANSIT scan WHEN derived THEN there is no notice", () => {
    const f = fulfillment({
      displayStatus: "IN_TRANSIT",
      events: [event("DELAYED", "2026-10-03T09:00:00Z"), event("IN_TRANSIT", "2026-10-04T09:00:00Z")],
    });
    expect(shipmentOf(f).notice).toBeNull();
  });

  it("GIVEN display status ATTEMPTED_DELIVERY WHEN derived THEN the notice is attempted_delivery", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "ATTEMPTED_DELIVERY" })).notice).toBe("attempted_delivery");
  });

  it("GIVEN the latest event is ATTEMPTED_DELIVERY WHEN derived THEN the notice is attempted_delivery", () => {
    const f = fulfillment({ displayStatus: "OUT_FOR_DELIVERY", events: [event("ATTEMPTED_DELIVERY", "2026-10-05T17:00:00Z")] });
    expect(shipmentOf(f).notice).toBe("attempted_delivery");
  });

  it.each(["FAILURE", "NOT_DELIVERED"])("GIVEN display status %s WHEN derived THEN the shipment stays with a failed notice", (displayStatus) => {
    expect(shipmentOf(fulfillment({ displayStatus }))).toMatchObject({ notice: "failed", step: "fulfilled" });
  });

  it("GIVEN the latest event is FAILURE after a scan in transit WHEN derived THEN it is in transit with a failed notice", () => {
    const f = fulfillment({
      displayStatus: "FAILURE",
      events: [event("FAILURE", "2026-10-05T17:00:00Z"), event("IN_TRANSIT", "2026-10-03T09:00:00Z")],
    });
    expect(shipmentOf(f)).toMatchObject({ step: "in_transit", notice: "failed" });
  });

  it("GIVEN display status READY_FOR_PICKUP WHEN derived THEN the notice is ready_for_pickup", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "READY_FOR_PICKUP" })).notice).toBe("ready_for_pickup");
  });

  it("GIVEN a FAILURE fulfillment whose display status still says DELAYED WHEN derived THEN the more serious failed notice wins", () => {
    expect(shipmentOf(fulfillment({ status: "FAILURE", displayStatus: "DELAYED" })).notice).toBe("failed");
  });

  it("GIVEN a delivered shipment that was delayed on the way WHEN derived THEN it has no notice", () => {
    const f = fulfillment({
      displayStatus: "DELAYED",
      events: [event("DELAYED", "2026-10-06T09:00:00Z"), event("DELIVERED", "2026-10-05T14:00:00Z")],
    });
    expect(shipmentOf(f)).toMatchObject({ step: "delivered", notice: null });
  });

  it("GIVEN an ordinary shipment in transit WHEN derived THEN it has no notice", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "IN_TRANSIT" })).notice).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// A shipment's details
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: a shipment's details", () => {
  it("GIVEN events in arbitrary order WHEN derived THEN the view lists them newest first", () => {
    const f = fulfillment({
      displayStatus: "OUT_FOR_DELIVERY",
      events: [
        event("IN_TRANSIT", "2026-10-03T06:00:00Z"),
        event("OUT_FOR_DELIVERY", "2026-10-05T09:00:00Z"),
        event("CONFIRMED", "2026-10-02T12:00:00Z"),
        event("IN_TRANSIT", "2026-10-04T06:00:00Z"),
      ],
    });
    expect(shipmentOf(f).events.map((e) => e.at)).toEqual([
      "2026-10-05T09:00:00Z",
      "2026-10-04T06:00:00Z",
      "2026-10-03T06:00:00Z",
      "2026-10-02T12:00:00Z",
    ]);
  });

  it("GIVEN events with different UTC offsets WHEN derived THEN they are ordered by instant, not by text", () => {
    // 09:00-05:00 is 14:00Z, later than 12:00Z although it sorts first as text.
    const f = fulfillment({
      events: [event("IN_TRANSIT", "2026-10-03T12:00:00Z"), event("OUT_FOR_DELIVERY", "2026-10-03T09:00:00-05:00")],
    });
    const shipment = shipmentOf(f);
    expect(shipment.events.map((e) => e.status)).toEqual(["OUT_FOR_DELIVERY", "IN_TRANSIT"]);
    expect(shipment.step).toBe("out_for_delivery");
  });

  it("GIVEN two events at the same instant WHEN derived THEN the one recorded later comes first", () => {
    const f = fulfillment({ events: [event("IN_TRANSIT", "2026-10-03T12:00:00Z"), event("DELAYED", "2026-10-03T12:00:00Z")] });
    expect(shipmentOf(f).events.map((e) => e.status)).toEqual(["DELAYED", "IN_TRANSIT"]);
  });

  it("GIVEN an event with an unparseable time WHEN derived THEN it sorts last and does not count as the latest scan", () => {
    const f = fulfillment({
      displayStatus: "IN_TRANSIT",
      events: [event("OUT_FOR_DELIVERY", "not a date"), event("IN_TRANSIT", "2026-10-03T12:00:00Z")],
    });
    const shipment = shipmentOf(f);
    expect(shipment.events.map((e) => e.at)).toEqual(["2026-10-03T12:00:00Z", "not a date"]);
    expect(shipment.step).toBe("in_transit");
  });

  it("GIVEN an event's status, time and message WHEN derived THEN they are carried into the view", () => {
    const f = fulfillment({ events: [event("IN_TRANSIT", "2026-10-03T12:00:00Z", { message: "Departed facility" })] });
    expect(shipmentOf(f).events).toEqual([
      { status: "IN_TRANSIT", at: "2026-10-03T12:00:00Z", message: "Departed facility", location: null },
    ]);
  });

  it.each([
    ["Winnipeg", "Canada", "Winnipeg, Canada"],
    [null, "Canada", "Canada"],
    ["Winnipeg", null, "Winnipeg"],
    [null, null, null],
    ["", "Canada", "Canada"],
    ["  ", "  ", null],
  ])("GIVEN an event in city %j, country %j WHEN derived THEN its location is %j", (city, country, location) => {
    const f = fulfillment({ events: [event("IN_TRANSIT", "2026-10-03T12:00:00Z", { city, country })] });
    expect(shipmentOf(f).events[0]?.location).toBe(location);
  });

  it("GIVEN several tracking entries WHEN derived THEN carrier, number and URL come from the first", () => {
    const f = fulfillment({
      tracking: [
        { company: "Canada Post", number: "7324811055602841", url: "https://www.canadapost-postescanada.ca/track?n=7324811055602841" },
        { company: "UPS", number: "1Z999", url: "https://www.ups.com/track?tracknum=1Z999" },
      ],
    });
    expect(shipmentOf(f)).toMatchObject({
      carrier: "Canada Post",
      trackingNumber: "7324811055602841",
      trackingUrl: "https://www.canadapost-postescanada.ca/track?n=7324811055602841",
    });
  });

  it("GIVEN no tracking entries WHEN derived THEN carrier, number and URL are null", () => {
    expect(shipmentOf(fulfillment({ tracking: [] }))).toMatchObject({ carrier: null, trackingNumber: null, trackingUrl: null });
  });

  it("GIVEN a tracking entry with blank fields WHEN derived THEN they are null rather than empty", () => {
    const shipment = shipmentOf(fulfillment({ tracking: [{ company: " ", number: "", url: "" }] }));
    expect(shipment).toMatchObject({ carrier: null, trackingNumber: null, trackingUrl: null });
  });

  it.each(["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "not a url", "/relative/path"])(
    "GIVEN a hostile or malformed tracking URL %j WHEN derived THEN trackingUrl is null but the number still shows",
    (url) => {
      const shipment = shipmentOf(fulfillment({ tracking: [{ company: "UPS", number: "1Z999", url }] }));
      expect(shipment).toMatchObject({ trackingUrl: null, trackingNumber: "1Z999", carrier: "UPS" });
    },
  );

  it("GIVEN a fulfillment WHEN derived THEN shippedAt is when it was created", () => {
    expect(shipmentOf(fulfillment({ createdAt: "2026-10-02T12:34:00Z" })).shippedAt).toBe("2026-10-02T12:34:00Z");
  });

  it("GIVEN a shipment in transit WHEN derived THEN it keeps its own estimated delivery and has no deliveredAt", () => {
    const shipment = shipmentOf(fulfillment({ displayStatus: "IN_TRANSIT", estimatedDeliveryAt: "2026-10-07T20:00:00Z" }));
    expect(shipment).toMatchObject({ estimatedDeliveryAt: "2026-10-07T20:00:00Z", deliveredAt: null });
  });

  it("GIVEN a delivered shipment known only from its DELIVERED event WHEN derived THEN deliveredAt is that event's time and the estimate is dropped", () => {
    const f = fulfillment({
      displayStatus: "DELIVERED",
      estimatedDeliveryAt: "2026-10-07T20:00:00Z",
      events: [event("DELIVERED", "2026-10-05T14:00:00Z")],
    });
    expect(shipmentOf(f)).toMatchObject({ deliveredAt: "2026-10-05T14:00:00Z", estimatedDeliveryAt: null });
  });

  it("GIVEN a delivered shipment without any delivery time WHEN derived THEN deliveredAt is null", () => {
    expect(shipmentOf(fulfillment({ displayStatus: "DELIVERED" })).deliveredAt).toBeNull();
  });

  it("GIVEN fulfilled line items WHEN derived THEN the shipment shows them with the order's titles, variants and images", () => {
    const f = fulfillment({ lineItems: [{ lineItemId: BOOTS, quantity: 1 }, { lineItemId: SHELL, quantity: 1 }] });
    expect(shipmentOf(f).items).toEqual([
      {
        lineItemId: BOOTS,
        title: "Coastline Hiking Boot",
        variantTitle: "10",
        quantity: 1,
        imageUrl: "https://cdn.example.com/boot.jpg",
        imageAlt: "A brown leather hiking boot",
      },
      { lineItemId: SHELL, title: "Harbor Rain Shell", variantTitle: "M", quantity: 1, imageUrl: null, imageAlt: null },
    ]);
  });

  it("GIVEN a fulfillment line's own quantity WHEN derived THEN the shipment item uses it, not the ordered quantity", () => {
    const view = deriveTracking(
      order({
        lineItems: [lineItem({ quantity: 3, unfulfilledQuantity: 1 })],
        fulfillments: [fulfillment({ lineItems: [{ lineItemId: BOOTS, quantity: 2 }] })],
      }),
    );
    expect(onlyShipment(view).items.map((item) => item.quantity)).toEqual([2]);
  });

  it("GIVEN a fulfillment naming a line item the order does not have WHEN derived THEN that item is skipped", () => {
    const f = fulfillment({
      lineItems: [
        { lineItemId: "gid://shopify/LineItem/999", quantity: 1 },
        { lineItemId: BOOTS, quantity: 1 },
      ],
    });
    expect(shipmentOf(f).items.map((item) => item.lineItemId)).toEqual([BOOTS]);
  });

  it("GIVEN several shipments WHEN derived THEN they keep Shopify's order", () => {
    const view = shippedIn(
      fulfillment({ id: "gid://shopify/Fulfillment/7", lineItems: [{ lineItemId: BOOTS, quantity: 1 }] }),
      fulfillment({ id: "gid://shopify/Fulfillment/3", lineItems: [{ lineItemId: SHELL, quantity: 1 }] }),
    );
    expect(view.shipments.map((s) => s.id)).toEqual(["gid://shopify/Fulfillment/7", "gid://shopify/Fulfillment/3"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Overall step
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: the overall step", () => {
  const bootsBy = (company: string, overrides: Partial<Fulfillment>) =>
    fulfillment({
      id: `gid://shopify/Fulfillment/${company.length}`,
      tracking: [{ company, number: `${company}-1`, url: null }],
      lineItems: [{ lineItemId: BOOTS, quantity: 1 }],
      ...overrides,
    });
  const shellBy = (company: string, overrides: Partial<Fulfillment>) =>
    bootsBy(company, { lineItems: [{ lineItemId: SHELL, quantity: 1 }], ...overrides });

  it("GIVEN two carriers, one delivered and one in transit WHEN derived THEN the order is in transit (the least advanced)", () => {
    const view = shippedIn(
      bootsBy("Canada Post", { displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z" }),
      shellBy("UPS", { displayStatus: "IN_TRANSIT" }),
    );
    expect(view.shipments.map((s) => [s.carrier, s.step])).toEqual([
      ["Canada Post", "delivered"],
      ["UPS", "in_transit"],
    ]);
    expect(view.state).toBe("in_transit");
  });

  it("GIVEN one shipment only fulfilled and one out for delivery WHEN derived THEN the order is fulfilled", () => {
    const view = shippedIn(bootsBy("Canada Post", { displayStatus: "OUT_FOR_DELIVERY" }), shellBy("UPS", { displayStatus: "LABEL_PRINTED" }));
    expect(view.state).toBe("fulfilled");
  });

  it("GIVEN every shipment delivered and nothing waiting WHEN derived THEN the order is delivered", () => {
    const view = shippedIn(
      bootsBy("Canada Post", { displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z" }),
      shellBy("UPS", { displayStatus: "DELIVERED", deliveredAt: "2026-10-06T14:00:00Z" }),
    );
    expect(view.state).toBe("delivered");
  });

  it("GIVEN a delivered shipment but an item still waiting WHEN derived THEN the order is placed, and the shipment shows delivered", () => {
    const view = deriveTracking(
      order({
        fulfillmentStatus: "PARTIALLY_FULFILLED",
        lineItems: [lineItem(), shell({ unfulfilledQuantity: 1 })],
        fulfillments: [bootsBy("Canada Post", { displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z" })],
      }),
    );
    expect(view.state).toBe("placed");
    expect(onlyShipment(view).step).toBe("delivered");
    expect(view.waitingItems.map((item) => [item.lineItemId, item.quantity])).toEqual([[SHELL, 1]]);
  });

  it("GIVEN items fulfilled only by cancelled fulfillments WHEN derived THEN the order is placed", () => {
    const view = deriveTracking(
      order({ lineItems: [lineItem({ unfulfilledQuantity: 1 })], fulfillments: [fulfillment({ status: "CANCELLED" })] }),
    );
    expect(view.state).toBe("placed");
  });
});

// ---------------------------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: the timeline", () => {
  const delivered = (overrides: Partial<Fulfillment> = {}) =>
    fulfillment({
      displayStatus: "DELIVERED",
      createdAt: "2026-10-02T12:00:00Z",
      inTransitAt: "2026-10-03T06:00:00Z",
      deliveredAt: "2026-10-05T14:00:00Z",
      events: [
        event("DELIVERED", "2026-10-05T14:00:00Z"),
        event("CARRIER_PICKED_UP", "2026-10-02T22:00:00Z"),
        event("OUT_FOR_DELIVERY", "2026-10-05T09:00:00Z"),
        event("IN_TRANSIT", "2026-10-03T06:00:00Z"),
      ],
      ...overrides,
    });

  it("GIVEN any order WHEN derived THEN the timeline has one entry per tracking step, in order", () => {
    expect(deriveTracking(order()).timeline.map((entry) => entry.step)).toEqual([...TRACKING_STEPS]);
  });

  it("GIVEN an order in transit WHEN derived THEN steps up to in transit are reached and in transit alone is current", () => {
    const view = shippedIn(fulfillment({ displayStatus: "IN_TRANSIT" }));
    expect(reachedSteps(view)).toEqual(["placed", "fulfilled", "in_transit"]);
    expect(currentSteps(view)).toEqual(["in_transit"]);
  });

  it("GIVEN a delivered order WHEN derived THEN each step is dated from the shipment's records", () => {
    const view = shippedIn(delivered());
    expect(view.timeline.map((entry) => [entry.step, entry.at])).toEqual([
      ["placed", PROCESSED_AT],
      ["fulfilled", "2026-10-02T12:00:00Z"],
      ["in_transit", "2026-10-03T06:00:00Z"],
      ["out_for_delivery", "2026-10-05T09:00:00Z"],
      ["delivered", "2026-10-05T14:00:00Z"],
    ]);
  });

  it("GIVEN no inTransitAt WHEN derived THEN in transit is dated by the earliest IN_TRANSIT or CARRIER_PICKED_UP event", () => {
    expect(timelineAt(shippedIn(delivered({ inTransitAt: null })), "in_transit")).toBe("2026-10-02T22:00:00Z");
  });

  it("GIVEN inTransitAt and an earlier pickup scan WHEN derived THEN inTransitAt dates in transit", () => {
    expect(timelineAt(shippedIn(delivered()), "in_transit")).toBe("2026-10-03T06:00:00Z");
  });

  it("GIVEN in transit known only from a DELAYED scan WHEN derived THEN the in transit time is unknown", () => {
    const view = shippedIn(fulfillment({ displayStatus: "DELAYED", events: [event("DELAYED", "2026-10-04T09:00:00Z")] }));
    expect(view.state).toBe("in_transit");
    expect(timelineAt(view, "in_transit")).toBeNull();
  });

  it("GIVEN two OUT_FOR_DELIVERY scans WHEN derived THEN out for delivery is dated by the earlier", () => {
    const f = delivered({
      events: [event("OUT_FOR_DELIVERY", "2026-10-06T09:00:00Z"), event("OUT_FOR_DELIVERY", "2026-10-05T09:00:00Z")],
    });
    expect(timelineAt(shippedIn(f), "out_for_delivery")).toBe("2026-10-05T09:00:00Z");
  });

  it("GIVEN no deliveredAt WHEN derived THEN delivered is dated by the DELIVERED event", () => {
    expect(timelineAt(shippedIn(delivered({ deliveredAt: null })), "delivered")).toBe("2026-10-05T14:00:00Z");
  });

  it("GIVEN two shipments WHEN derived THEN each step is dated when the LAST shipment reached it", () => {
    const view = shippedIn(
      delivered({ id: "gid://shopify/Fulfillment/1", lineItems: [{ lineItemId: BOOTS, quantity: 1 }] }),
      delivered({
        id: "gid://shopify/Fulfillment/2",
        lineItems: [{ lineItemId: SHELL, quantity: 1 }],
        createdAt: "2026-10-03T12:00:00Z",
        inTransitAt: "2026-10-04T06:00:00Z",
        deliveredAt: "2026-10-04T16:00:00Z",
        events: [event("OUT_FOR_DELIVERY", "2026-10-04T10:00:00Z")],
      }),
    );
    expect(view.timeline.map((entry) => [entry.step, entry.at])).toEqual([
      ["placed", PROCESSED_AT],
      ["fulfilled", "2026-10-03T12:00:00Z"],
      ["in_transit", "2026-10-04T06:00:00Z"],
      ["out_for_delivery", "2026-10-05T09:00:00Z"],
      ["delivered", "2026-10-05T14:00:00Z"],
    ]);
  });

  it("GIVEN one shipment with no OUT_FOR_DELIVERY scan WHEN derived THEN the order's out for delivery time is unknown", () => {
    const view = shippedIn(
      delivered({ id: "gid://shopify/Fulfillment/1", lineItems: [{ lineItemId: BOOTS, quantity: 1 }] }),
      delivered({ id: "gid://shopify/Fulfillment/2", lineItems: [{ lineItemId: SHELL, quantity: 1 }], events: [] }),
    );
    expect(view.state).toBe("delivered");
    expect(timelineAt(view, "out_for_delivery")).toBeNull();
    expect(timelineAt(view, "delivered")).toBe("2026-10-05T14:00:00Z");
  });

  it("GIVEN a delivered shipment without any delivery time WHEN derived THEN delivered is reached but undated", () => {
    const view = shippedIn(fulfillment({ displayStatus: "DELIVERED" }));
    expect(view.timeline.find((entry) => entry.step === "delivered")).toEqual({ step: "delivered", reached: true, current: true, at: null });
  });

  it("GIVEN an order in transit WHEN derived THEN the unreached steps have no time, even if scans exist for them", () => {
    const view = shippedIn(delivered({ id: "gid://shopify/Fulfillment/1" }), fulfillment({ id: "gid://shopify/Fulfillment/2", displayStatus: "IN_TRANSIT" }));
    expect(view.state).toBe("in_transit");
    expect(timelineAt(view, "out_for_delivery")).toBeNull();
    expect(timelineAt(view, "delivered")).toBeNull();
  });

  it("GIVEN an order waiting on items WHEN derived THEN only placed is reached and current", () => {
    const view = deriveTracking(order({ lineItems: [lineItem({ unfulfilledQuantity: 1 })], fulfillments: [] }));
    expect(view.timeline).toEqual([
      { step: "placed", reached: true, current: true, at: PROCESSED_AT },
      { step: "fulfilled", reached: false, current: false, at: null },
      { step: "in_transit", reached: false, current: false, at: null },
      { step: "out_for_delivery", reached: false, current: false, at: null },
      { step: "delivered", reached: false, current: false, at: null },
    ]);
  });

  it.each([
    ["cancelled", { cancelledAt: "2026-10-02T09:00:00Z", cancelReason: "CUSTOMER" }],
    ["refunded", { financialStatus: "REFUNDED" }],
  ] as const)("GIVEN a %s delivered order WHEN derived THEN only placed is reached and no step is current", (_, overrides) => {
    const view = deriveTracking(order({ ...overrides, fulfillments: [delivered()] }));
    expect(reachedSteps(view)).toEqual(["placed"]);
    expect(currentSteps(view)).toEqual([]);
    expect(timelineAt(view, "placed")).toBe(PROCESSED_AT);
    expect(timelineAt(view, "delivered")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Estimated delivery
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: estimated delivery", () => {
  const boots = { lineItems: [{ lineItemId: BOOTS, quantity: 1 }] };
  const shellLine = { lineItems: [{ lineItemId: SHELL, quantity: 1 }] };

  it("GIVEN two shipments not yet delivered WHEN derived THEN the order's estimate is the earliest", () => {
    const view = shippedIn(
      fulfillment({ ...boots, displayStatus: "IN_TRANSIT", estimatedDeliveryAt: "2026-10-09T20:00:00Z" }),
      fulfillment({ ...shellLine, displayStatus: "IN_TRANSIT", estimatedDeliveryAt: "2026-10-07T20:00:00Z" }),
    );
    expect(view.estimatedDeliveryAt).toBe("2026-10-07T20:00:00Z");
  });

  it("GIVEN the earliest estimate belongs to a delivered shipment WHEN derived THEN it is ignored", () => {
    const view = shippedIn(
      fulfillment({ ...boots, displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z", estimatedDeliveryAt: "2026-10-05T20:00:00Z" }),
      fulfillment({ ...shellLine, displayStatus: "IN_TRANSIT", estimatedDeliveryAt: "2026-10-09T20:00:00Z" }),
    );
    expect(view.estimatedDeliveryAt).toBe("2026-10-09T20:00:00Z");
  });

  it("GIVEN every shipment delivered WHEN derived THEN there is no estimate", () => {
    const view = shippedIn(
      fulfillment({ displayStatus: "DELIVERED", deliveredAt: "2026-10-05T14:00:00Z", estimatedDeliveryAt: "2026-10-05T20:00:00Z" }),
    );
    expect(view.estimatedDeliveryAt).toBeNull();
  });

  it("GIVEN shipments without estimates WHEN derived THEN there is no estimate", () => {
    expect(shippedIn(fulfillment({ displayStatus: "IN_TRANSIT" })).estimatedDeliveryAt).toBeNull();
  });

  it("GIVEN a cancelled order with a shipment still in transit WHEN derived THEN there is no estimate", () => {
    const view = deriveTracking(
      order({
        cancelledAt: "2026-10-03T09:00:00Z",
        fulfillments: [fulfillment({ displayStatus: "IN_TRANSIT", estimatedDeliveryAt: "2026-10-07T20:00:00Z" })],
      }),
    );
    expect(view.estimatedDeliveryAt).toBeNull();
  });

  it("GIVEN the only estimate is on a cancelled fulfillment WHEN derived THEN there is no estimate", () => {
    const view = shippedIn(fulfillment({ status: "CANCELLED", estimatedDeliveryAt: "2026-10-07T20:00:00Z" }));
    expect(view.estimatedDeliveryAt).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: items and waiting items", () => {
  it("GIVEN line items WHEN derived THEN items list each with its current quantity", () => {
    const view = deriveTracking(order({ lineItems: [lineItem({ quantity: 2 }), shell()] }));
    expect(view.items.map((item) => [item.lineItemId, item.quantity])).toEqual([
      [BOOTS, 2],
      [SHELL, 1],
    ]);
  });

  it("GIVEN a removed or fully refunded line item (quantity 0) WHEN derived THEN it is not among the items", () => {
    const view = deriveTracking(order({ lineItems: [lineItem(), shell({ quantity: 0 })] }));
    expect(view.items.map((item) => item.lineItemId)).toEqual([BOOTS]);
  });

  it("GIVEN a line item with unfulfilled units WHEN derived THEN it waits with the unfulfilled quantity", () => {
    const view = deriveTracking(order({ lineItems: [lineItem({ quantity: 3, unfulfilledQuantity: 2 }), shell()] }));
    expect(view.waitingItems).toEqual([
      {
        lineItemId: BOOTS,
        title: "Coastline Hiking Boot",
        variantTitle: "10",
        quantity: 2,
        imageUrl: "https://cdn.example.com/boot.jpg",
        imageAlt: "A brown leather hiking boot",
      },
    ]);
  });

  it("GIVEN a removed line item still reporting unfulfilled units WHEN derived THEN nothing waits and it does not hold the order at placed", () => {
    const view = deriveTracking(
      order({
        lineItems: [lineItem(), shell({ quantity: 0, unfulfilledQuantity: 1 })],
        fulfillments: [fulfillment({ displayStatus: "IN_TRANSIT", lineItems: [{ lineItemId: BOOTS, quantity: 1 }] })],
      }),
    );
    expect(view.waitingItems).toEqual([]);
    expect(view.state).toBe("in_transit");
  });

  it("GIVEN more unfulfilled units than are on the order WHEN derived THEN the wait is capped at the current quantity", () => {
    const view = deriveTracking(order({ lineItems: [lineItem({ quantity: 1, unfulfilledQuantity: 5 })] }));
    expect(view.waitingItems.map((item) => item.quantity)).toEqual([1]);
  });

  it("GIVEN a cancelled order with unfulfilled units WHEN derived THEN nothing waits", () => {
    const view = deriveTracking(order({ cancelledAt: "2026-10-02T09:00:00Z", lineItems: [lineItem({ unfulfilledQuantity: 1 })] }));
    expect(view.waitingItems).toEqual([]);
  });

  it("GIVEN a fully shipped order WHEN derived THEN nothing waits", () => {
    expect(shippedIn(fulfillment()).waitingItems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Order details and privacy
// ---------------------------------------------------------------------------------------------

describe("deriveTracking: order details and privacy", () => {
  it("GIVEN an order WHEN derived THEN orderName and placedAt come from name and processedAt", () => {
    const view = deriveTracking(order({ name: "#1099", createdAt: "2026-09-30T23:00:00Z", processedAt: "2026-09-29T08:00:00Z" }));
    expect(view).toMatchObject({ orderName: "#1099", placedAt: "2026-09-29T08:00:00Z" });
  });

  it("GIVEN a shipping destination WHEN derived THEN shipTo is passed through", () => {
    expect(deriveTracking(order()).shipTo).toEqual({ city: "Toronto", provinceCode: "ON", countryCode: "CA" });
  });

  it("GIVEN no shipping destination WHEN derived THEN shipTo is null", () => {
    expect(deriveTracking(order({ shipTo: null })).shipTo).toBeNull();
  });

  it("GIVEN a shipTo object carrying extra personal fields at runtime WHEN derived THEN only city, province and country reach the view", () => {
    const shipTo = { city: "Toronto", provinceCode: "ON", countryCode: "CA", address1: "1 Harbour St", phone: PHONE };
    const view = deriveTracking(order({ shipTo }));
    expect(view.shipTo).toEqual({ city: "Toronto", provinceCode: "ON", countryCode: "CA" });
  });

  it("GIVEN an order with the shopper's email and phone WHEN derived THEN neither appears anywhere in the view", () => {
    const view = deriveTracking(
      order({ fulfillments: [fulfillment({ displayStatus: "IN_TRANSIT", events: [event("IN_TRANSIT", "2026-10-03T06:00:00Z")] })] }),
    );
    const json = JSON.stringify(view);
    expect(json).not.toContain(EMAIL);
    expect(json).not.toContain(PHONE);
    expect(Object.keys(view)).not.toContain("email");
    expect(Object.keys(view)).not.toContain("phone");
  });

  it("GIVEN a deeply frozen snapshot WHEN derived THEN the input is not modified", () => {
    const snapshot = deepFreeze(
      order({
        fulfillments: [
          fulfillment({ events: [event("IN_TRANSIT", "2026-10-03T06:00:00Z"), event("OUT_FOR_DELIVERY", "2026-10-05T09:00:00Z")] }),
        ],
      }),
    );
    const before = JSON.stringify(snapshot);
    expect(() => deriveTracking(snapshot)).not.toThrow();
    expect(JSON.stringify(snapshot)).toBe(before);
  });

  it("GIVEN the same snapshot twice WHEN derived THEN the views are equal", () => {
    const snapshot = order({ fulfillments: [fulfillment({ displayStatus: "IN_TRANSIT" })] });
    expect(deriveTracking(snapshot)).toEqual(deriveTracking(snapshot));
  });
});

// ---------------------------------------------------------------------------------------------
// The seeded demo shop, read through the simulator store
// ---------------------------------------------------------------------------------------------

/** What the tracking query would return for a simulator order. */
function toSnapshot(o: Order): OrderSnapshot {
  return {
    id: o.id,
    name: o.name,
    email: o.email,
    phone: o.phone,
    createdAt: o.createdAt,
    processedAt: o.processedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    financialStatus: o.financialStatus,
    fulfillmentStatus: orderDisplayFulfillmentStatus(o),
    shipTo: o.shippingAddress && {
      city: o.shippingAddress.city,
      provinceCode: o.shippingAddress.provinceCode,
      countryCode: o.shippingAddress.countryCode,
    },
    lineItems: o.lineItems.map((line) => ({
      id: line.id,
      title: line.title,
      variantTitle: line.variantTitle,
      quantity: currentQuantity(line),
      unfulfilledQuantity: unfulfilledQuantity(o, line),
      image: line.imageUrl ? { url: line.imageUrl, altText: null } : null,
    })),
    fulfillments: o.fulfillments.map((f) => ({
      id: f.id,
      status: f.status,
      displayStatus: f.displayStatus,
      createdAt: f.createdAt,
      inTransitAt: f.inTransitAt,
      deliveredAt: f.deliveredAt,
      estimatedDeliveryAt: f.estimatedDeliveryAt,
      tracking: f.trackingInfo.map((info) => ({ company: info.company, number: info.number, url: info.url })),
      events: f.events.map((e) => ({ status: e.status, happenedAt: e.happenedAt, message: e.message, city: e.city, country: e.country })),
      lineItems: f.fulfillmentLineItems.map((item) => ({ lineItemId: item.lineItemId, quantity: item.quantity })),
    })),
  };
}

describe("deriveTracking over the seeded demo shop", () => {
  const fixture = readFixture();
  // Loading at the fixture's anchor keeps every timestamp exactly as written in the fixture.
  const store = createStore({ now: () => new Date(fixture.anchor) });
  store.loadShop(fixture);
  const orders = store.orders(DEMO_SHOP_DOMAIN);
  const demo = (name: string) => {
    const found = store.findOrderByName(DEMO_SHOP_DOMAIN, name);
    if (!found) throw new Error(`demo order ${name} missing`);
    return { order: found, view: deriveTracking(toSnapshot(found)) };
  };
  const demoNote = (key: string) => (fixture._demoOrders as Record<string, { name: string }>)[key]?.name ?? "";

  it("GIVEN every demo order WHEN derived THEN none throws and each view has a well-formed timeline", () => {
    expect(orders.length).toBeGreaterThanOrEqual(22);
    for (const o of orders) {
      const view = deriveTracking(toSnapshot(o));
      expect(view.timeline.map((entry) => entry.step)).toEqual([...TRACKING_STEPS]);
      const reached = view.timeline.map((entry) => entry.reached);
      expect(reached).toEqual([...reached].sort((a, b) => Number(b) - Number(a))); // reached steps form a prefix
      expect(view.timeline.filter((entry) => entry.current).length).toBe(view.state === "cancelled" || view.state === "refunded" ? 0 : 1);
    }
  });

  it("GIVEN every demo order WHEN derived THEN no view contains the shopper's email or phone", () => {
    for (const o of orders) {
      const json = JSON.stringify(deriveTracking(toSnapshot(o)));
      if (o.email) expect(json).not.toContain(o.email);
      if (o.phone) expect(json).not.toContain(o.phone);
    }
  });

  it("GIVEN the demo notes WHEN read THEN they name the in-transit, delivered and partially fulfilled orders pinned below", () => {
    expect([demoNote("inTransit"), demoNote("deliveredReturnable"), demoNote("partiallyFulfilled")]).toEqual(["#1017", "#1013", "#1018"]);
  });

  it("GIVEN #1017 WHEN derived THEN it is in transit with UPS, its tracking number and an estimated delivery", () => {
    const { view } = demo("#1017");
    expect(view.state).toBe("in_transit");
    expect(onlyShipment(view)).toMatchObject({
      step: "in_transit",
      notice: null,
      carrier: "UPS",
      trackingNumber: "1Z7R4V420398457325",
      trackingUrl: "https://www.ups.com/track?loc=en_CA&tracknum=1Z7R4V420398457325",
    });
    expect(view.estimatedDeliveryAt).toBe("2026-10-17T20:00:00Z");
    expect(timelineAt(view, "in_transit")).toBe("2026-10-13T18:00:00Z");
    expect(onlyShipment(view).events.map((e) => e.location)).toEqual(["Calgary, Canada", "Winnipeg, Canada", "Mississauga, Canada"]);
  });

  it("GIVEN #1016 WHEN derived THEN it is out for delivery", () => {
    const { view } = demo("#1016");
    expect(view.state).toBe("out_for_delivery");
    expect(onlyShipment(view)).toMatchObject({ carrier: "USPS", notice: null });
    expect(timelineAt(view, "out_for_delivery")).toBe("2026-10-15T13:00:00Z");
    expect(view.estimatedDeliveryAt).toBe("2026-10-15T22:00:00Z");
  });

  it("GIVEN #1013 WHEN derived THEN it is delivered, every step dated and no estimate left", () => {
    const { view } = demo("#1013");
    expect(view.state).toBe("delivered");
    expect(onlyShipment(view)).toMatchObject({ carrier: "Canada Post", deliveredAt: "2026-10-12T14:00:00Z", estimatedDeliveryAt: null });
    expect(view.timeline.map((entry) => entry.at)).toEqual([
      "2026-10-08T10:00:00Z",
      "2026-10-09T18:00:00Z",
      "2026-10-10T06:24:00Z",
      "2026-10-12T10:00:00Z",
      "2026-10-12T14:00:00Z",
    ]);
    expect(view.estimatedDeliveryAt).toBeNull();
  });

  it("GIVEN #1018 WHEN derived THEN it is placed, the rain shell waits and the boots are in transit with Canada Post", () => {
    const { view } = demo("#1018");
    expect(view.state).toBe("placed");
    expect(view.waitingItems.map((item) => [item.title, item.variantTitle, item.quantity])).toEqual([["Harbor Rain Shell", "M", 1]]);
    const shipment = onlyShipment(view);
    expect(shipment).toMatchObject({ step: "in_transit", carrier: "Canada Post" });
    expect(shipment.items.map((item) => item.title)).toEqual(["Coastline Hiking Boot"]);
    expect(view.estimatedDeliveryAt).toBe("2026-10-16T20:00:00Z");
  });

  it("GIVEN #1008 WHEN derived THEN it has two delivered shipments with different carriers, dated by the later one", () => {
    const { view } = demo("#1008");
    expect(view.shipments.map((s) => [s.carrier, s.step])).toEqual([
      ["Canada Post", "delivered"],
      ["UPS", "delivered"],
    ]);
    expect(view.state).toBe("delivered");
    expect(timelineAt(view, "fulfilled")).toBe("2026-09-26T17:00:00Z");
    expect(timelineAt(view, "delivered")).toBe("2026-09-29T14:00:00Z");
  });

  it("GIVEN #1005 WHEN derived THEN it is cancelled by the customer, with nothing waiting", () => {
    const { view } = demo("#1005");
    expect(view).toMatchObject({ state: "cancelled", cancelReason: "customer", waitingItems: [], shipments: [], estimatedDeliveryAt: null });
    // The one line was refunded in full on cancellation, so no item is left on the order.
    expect(view.items).toEqual([]);
  });

  it("GIVEN #1007 WHEN derived THEN it is refunded, with only placed reached", () => {
    const { view } = demo("#1007");
    expect(view).toMatchObject({ state: "refunded", cancelReason: null });
    expect(reachedSteps(view)).toEqual(["placed"]);
    expect(onlyShipment(view).step).toBe("delivered");
  });

  it("GIVEN #1010 WHEN derived THEN its FedEx shipment is in transit with a delayed notice", () => {
    const { view } = demo("#1010");
    expect(view.state).toBe("in_transit");
    expect(onlyShipment(view)).toMatchObject({ carrier: "FedEx", step: "in_transit", notice: "delayed" });
    expect(onlyShipment(view).events[0]).toMatchObject({ status: "DELAYED", location: "Narita, Japan" });
  });

  it("GIVEN #1019 WHEN derived THEN the untracked gift card shipment holds the order at fulfilled", () => {
    const { view } = demo("#1019");
    expect(view.shipments.map((s) => [s.carrier, s.trackingNumber, s.step])).toEqual([
      [null, null, "fulfilled"],
      ["Canada Post", "7324811055671928", "in_transit"],
    ]);
    expect(view.state).toBe("fulfilled");
    expect(view.estimatedDeliveryAt).toBe("2026-10-17T20:00:00Z");
  });

  it("GIVEN #1009, partially refunded after delivery WHEN derived THEN it is delivered and shows the units still on the order", () => {
    const { view } = demo("#1009");
    expect(view.state).toBe("delivered");
    expect(view.items.map((item) => [item.title, item.quantity])).toEqual([
      ["Trailhead Merino Socks (3-Pack)", 1],
      ["Merino Trail Tee", 1],
    ]);
    expect(view.waitingItems).toEqual([]);
  });

  it("GIVEN #1001, delivered long ago (outside the return window) WHEN derived THEN it is still shown as delivered", () => {
    const { view } = demo("#1001");
    expect(view.state).toBe("delivered");
    expect(timelineAt(view, "delivered")).toBe("2026-08-24T14:00:00Z");
  });

  it("GIVEN the unfulfilled demo orders WHEN derived THEN each is placed with every item waiting and no shipment", () => {
    const unfulfilled = orders.filter((o) => orderDisplayFulfillmentStatus(o) === "UNFULFILLED" && o.cancelledAt === null);
    expect(unfulfilled.map((o) => o.name)).toEqual(expect.arrayContaining(["#1020", "#1021", "#1022", "#1023"]));
    for (const o of unfulfilled) {
      const view = deriveTracking(toSnapshot(o));
      expect(view).toMatchObject({ state: "placed", shipments: [], estimatedDeliveryAt: null });
      expect(view.waitingItems).toEqual(view.items);
    }
  });

  it("GIVEN #1021, only authorized WHEN derived THEN it is tracked as placed", () => {
    expect(demo("#1021").view.state).toBe("placed");
  });
});
