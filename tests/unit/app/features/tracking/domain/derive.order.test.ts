import { describe, expect, it } from "vitest";
import { deriveTracking } from "../../../../../../app/features/tracking/domain/derive";
import { TRACKING_STEPS } from "../../../../../../app/features/tracking/domain/types";
import { BOOTS, EMAIL, type Fulfillment, PHONE, PROCESSED_AT, SHELL, currentSteps, deepFreeze, event, fulfillment, lineItem, onlyShipment, order, reachedSteps, shell, shippedIn, timelineAt } from "../../../../../helpers/tracking-builders";

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
