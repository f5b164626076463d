import { describe, expect, it } from "vitest";
import { deriveTracking } from "../../../../../../app/features/tracking/domain/derive";
import { TRACKING_STEPS, type OrderSnapshot } from "../../../../../../app/features/tracking/domain/types";
import {
  createStore,
  currentQuantity,
  DEMO_SHOP_DOMAIN,
  orderDisplayFulfillmentStatus,
  readFixture,
  unfulfilledQuantity,
  type Order,
} from "../../../../../../simulator/store";
import { onlyShipment, reachedSteps, timelineAt } from "../../../../../helpers/tracking-builders";

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
