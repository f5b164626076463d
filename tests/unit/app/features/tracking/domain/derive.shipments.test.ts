import { describe, expect, it } from "vitest";
import { deriveTracking } from "../../../../../../app/features/tracking/domain/derive";
import { BOOTS, SHELL, event, fulfillment, lineItem, onlyShipment, order, shipmentOf, shippedIn } from "../../../../../helpers/tracking-builders";

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
