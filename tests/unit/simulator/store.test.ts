import { describe, expect, it } from "vitest";
import {
  createStore,
  DEMO_SHOP_DOMAIN,
  legacyId,
  orderDisplayFulfillmentStatus,
  readFixture,
  returnableQuantities,
  SimulatorError,
  type ChangeEvent,
} from "../../../simulator/store";

const fixture = readFixture();
const DAY = 24 * 3600 * 1000;

/** A demo shop on a controllable clock, recording every change event. */
function demoShop(start = new Date(fixture.anchor)) {
  let now = start;
  const store = createStore({ now: () => now });
  store.loadShop(readFixture());
  const events: ChangeEvent[] = [];
  store.onChange((event) => events.push(event));
  return {
    store,
    events,
    topics: () => events.map((event) => event.topic),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    order: (name: string) => store.findOrderByName(DEMO_SHOP_DOMAIN, name)!,
  };
}

describe("simulator store: loading", () => {
  it("GIVEN a clock 100 days after the fixture anchor WHEN the shop loads THEN every timestamp moves 100 days", () => {
    const later = demoShop(new Date(Date.parse(fixture.anchor) + 100 * DAY));
    const original = fixture.orders![0]!;
    const loaded = later.order(original.name);
    expect(Date.parse(loaded.createdAt) - Date.parse(original.createdAt)).toBe(100 * DAY);
    const originalEvent = original.fulfillments![0]!.events![0]!;
    expect(Date.parse(loaded.fulfillments[0]!.events[0]!.happenedAt) - Date.parse(originalEvent.happenedAt)).toBe(100 * DAY);
  });

  it("GIVEN a fixture with a malformed order id WHEN loaded THEN loading fails", () => {
    const broken = readFixture();
    broken.orders![0]!.id = "5001";
    expect(() => createStore().loadShop(broken)).toThrow(/Order GID/);
  });

  it("GIVEN an unknown shop domain THEN getShop is undefined and getters throw", () => {
    const { store } = demoShop();
    expect(store.getShop("nope.myshopify.com")).toBeUndefined();
    expect(() => store.orders("nope.myshopify.com")).toThrow(SimulatorError);
  });

  it("GIVEN an order name with or without # THEN findOrderByName finds the same order", () => {
    const { store } = demoShop();
    expect(store.findOrderByName(DEMO_SHOP_DOMAIN, "1013")).toBe(store.findOrderByName(DEMO_SHOP_DOMAIN, "#1013"));
  });
});

describe("simulator store: fulfillments", () => {
  it("GIVEN an in-transit shipment WHEN a carrier event is added THEN fulfillment_events/create and fulfillments/update fire", () => {
    const shop = demoShop();
    const fulfillment = shop.order("#1017").fulfillments[0]!;
    shop.store.addFulfillmentEvent(DEMO_SHOP_DOMAIN, fulfillment.id, { status: "OUT_FOR_DELIVERY", city: "Vancouver" });
    expect(shop.topics()).toEqual(["fulfillment_events/create", "fulfillments/update"]);
    expect(shop.events[0]!.payload).toMatchObject({ status: "out_for_delivery", order_id: 5017, fulfillment_id: 4171 });
    expect(shop.events[1]!.payload).toMatchObject({ shipment_status: "out_for_delivery", tracking_company: "UPS" });
    expect(fulfillment.displayStatus).toBe("OUT_FOR_DELIVERY");
  });

  it("GIVEN an in-transit shipment WHEN marked delivered THEN deliveredAt is the event time", () => {
    const shop = demoShop();
    const fulfillment = shop.order("#1017").fulfillments[0]!;
    const event = shop.store.markDelivered(DEMO_SHOP_DOMAIN, fulfillment.id);
    expect(fulfillment.deliveredAt).toBe(event.happenedAt);
    expect(fulfillment.displayStatus).toBe("DELIVERED");
  });

  it("GIVEN a partially fulfilled order WHEN the waiting item ships THEN the order is fulfilled and events fire", () => {
    const shop = demoShop();
    const order = shop.order("#1018");
    shop.store.createFulfillment(DEMO_SHOP_DOMAIN, order.id, {
      trackingInfo: [{ company: "Canada Post", number: "7324811055699999", url: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=7324811055699999" }],
    });
    expect(orderDisplayFulfillmentStatus(order)).toBe("FULFILLED");
    expect(shop.topics()).toEqual(["fulfillments/create", "orders/updated"]);
    expect(shop.events[1]!.payload).toMatchObject({ name: "#1018", fulfillment_status: "fulfilled" });
  });

  it("GIVEN a fulfilled order WHEN asked to fulfill more THEN it is refused", () => {
    const shop = demoShop();
    expect(() => shop.store.createFulfillment(DEMO_SHOP_DOMAIN, shop.order("#1017").id)).toThrow(SimulatorError);
  });
});

describe("simulator store: orders", () => {
  it("GIVEN an unfulfilled paid order WHEN cancelled THEN its sale is refunded in full and refunds/create, orders/cancelled, orders/updated fire", () => {
    const shop = demoShop();
    const order = shop.store.cancelOrder(DEMO_SHOP_DOMAIN, shop.order("#1022").id, "CUSTOMER");
    expect(order).toMatchObject({ cancelReason: "CUSTOMER", financialStatus: "REFUNDED", totalRefunded: order.totalPrice });
    const [sale, refund] = order.transactions;
    expect(sale).toMatchObject({ kind: "SALE", amount: "97.18" });
    expect(refund).toMatchObject({ kind: "REFUND", amount: "97.18", parentTransactionId: sale!.id });
    expect(order.refunds).toEqual([
      expect.objectContaining({ transactionIds: [refund!.id], refundLineItems: [expect.objectContaining({ restockType: "CANCEL", quantity: 1 }), expect.objectContaining({ restockType: "CANCEL", quantity: 1 })] }),
    ]);
    expect(shop.topics()).toEqual(["refunds/create", "orders/cancelled", "orders/updated"]);
    expect(shop.events[0]!.payload).toMatchObject({ order_id: 5022, transactions: [{ kind: "refund", amount: "97.18", parent_id: legacyId(sale!.id) }] });
    expect(shop.events[1]!.payload).toMatchObject({
      id: 5022,
      admin_graphql_api_id: "gid://shopify/Order/5022",
      name: "#1022",
      email: "mateo.garcia@example.com",
      cancel_reason: "customer",
    });
  });

  it("GIVEN an authorized order WHEN cancelled THEN the authorization is voided", () => {
    const shop = demoShop();
    const order = shop.store.cancelOrder(DEMO_SHOP_DOMAIN, shop.order("#1021").id, "FRAUD");
    expect(order.financialStatus).toBe("VOIDED");
    expect(order.transactions.map((transaction) => transaction.kind)).toEqual(["AUTHORIZATION", "VOID"]);
    expect(order.refunds).toEqual([]);
  });

  it("GIVEN a delivered order WHEN cancelled THEN it stays fulfilled and nothing is returnable", () => {
    const shop = demoShop();
    const order = shop.store.cancelOrder(DEMO_SHOP_DOMAIN, shop.order("#1013").id);
    expect(order.cancelReason).toBe("OTHER");
    expect(orderDisplayFulfillmentStatus(order)).toBe("FULFILLED");
    expect([...returnableQuantities(order).values()]).toEqual([0, 0]);
  });

  it("GIVEN an order with a return in progress WHEN cancelled THEN it is refused", () => {
    const shop = demoShop();
    expect(() => shop.store.cancelOrder(DEMO_SHOP_DOMAIN, shop.order("#1012").id, "CUSTOMER")).toThrow(SimulatorError);
  });

  it("GIVEN a variant WHEN an order is created THEN it gets the next name, totals and an orders/create event", () => {
    const shop = demoShop();
    const variant = shop.store.products(DEMO_SHOP_DOMAIN)[0]!.variants[1]!;
    const order = shop.store.createOrder(DEMO_SHOP_DOMAIN, {
      email: "new.buyer@example.com",
      lineItems: [{ variantId: variant.id, quantity: 2 }],
      shippingAddress: null,
      shippingPrice: "12.00",
    });
    expect(order).toMatchObject({ name: "#1024", subtotalPrice: "378.00", totalPrice: "390.00", financialStatus: "PAID" });
    expect(shop.events).toEqual([
      expect.objectContaining({ shop: DEMO_SHOP_DOMAIN, topic: "orders/create", payload: expect.objectContaining({ name: "#1024" }) }),
    ]);
  });

  it("GIVEN an unsubscribed listener WHEN the shop changes THEN it hears nothing", () => {
    const shop = demoShop();
    const heard: ChangeEvent[] = [];
    const unsubscribe = shop.store.onChange((event) => heard.push(event));
    unsubscribe();
    shop.store.markDelivered(DEMO_SHOP_DOMAIN, shop.order("#1017").fulfillments[0]!.id);
    expect(heard).toEqual([]);
  });
});
