import { describe, expect, it } from "vitest";
import {
  createStore,
  currentQuantity,
  DEMO_SHOP_DOMAIN,
  orderDisplayFulfillmentStatus,
  readFixture,
  returnableQuantities,
  type Order,
  type Store,
} from "../../../simulator/store";

// The demo and the tests rely on these situations existing in the demo shop, whenever it runs.
const fixture = readFixture();
const now = new Date(fixture.anchor);
const store: Store = createStore({ now: () => now });
const shop = store.loadShop(fixture);
const orders = shop.orders;

const DAY = 24 * 3600 * 1000;
const daysAgo = (iso: string | null) => (iso === null ? Number.NaN : (now.getTime() - Date.parse(iso)) / DAY);
const productOf = (id: string | null) => shop.products.find((product) => product.id === id);
const latestStatuses = (order: Order) => order.fulfillments.map((fulfillment) => fulfillment.displayStatus);
const demoOrder = (key: string) => (fixture._demoOrders as Record<string, { name: string; email: string }>)[key]!;

describe("demo shop fixture", () => {
  it("GIVEN the demo fixture WHEN loaded THEN it is the Harbor Demo Outfitters shop", () => {
    expect(shop.shop).toMatchObject({ domain: DEMO_SHOP_DOMAIN, name: "Harbor Demo Outfitters", currencyCode: "CAD" });
  });

  it("GIVEN the demo shop THEN it has at least 22 orders named #1001 onwards in creation order", () => {
    expect(orders.length).toBeGreaterThanOrEqual(22);
    expect(orders.map((order) => order.name)).toEqual(orders.map((_, index) => `#${1001 + index}`));
    const created = orders.map((order) => order.createdAt);
    expect(created).toEqual([...created].sort());
  });

  it("GIVEN the demo shop THEN every order is within Shopify's 60-day window", () => {
    for (const order of orders) expect(daysAgo(order.createdAt)).toBeLessThan(60);
  });

  it("GIVEN the demo shop THEN only the returning customer's email repeats, on at least 4 orders", () => {
    const counts = new Map<string, number>();
    for (const order of orders) counts.set(order.email ?? "", (counts.get(order.email ?? "") ?? 0) + 1);
    const repeated = [...counts].filter(([, count]) => count > 1);
    expect(repeated).toHaveLength(1);
    const [email, count] = repeated[0]!;
    expect(count).toBeGreaterThanOrEqual(4);
    const customer = shop.customers.find((candidate) => candidate.email === email)!;
    expect(store.customerOrders(DEMO_SHOP_DOMAIN, customer.id)).toHaveLength(count);
  });

  const cases: Array<[string, (order: Order) => boolean]> = [
    ["unfulfilled", (order) => orderDisplayFulfillmentStatus(order) === "UNFULFILLED" && order.cancelledAt === null],
    ["partially fulfilled", (order) => orderDisplayFulfillmentStatus(order) === "PARTIALLY_FULFILLED"],
    [
      "in transit with tracking, events and an estimated delivery",
      (order) =>
        order.fulfillments.some(
          (fulfillment) =>
            fulfillment.displayStatus === "IN_TRANSIT" &&
            fulfillment.estimatedDeliveryAt !== null &&
            fulfillment.events.length > 0 &&
            fulfillment.trackingInfo.some((info) => info.company && info.number && info.url),
        ),
    ],
    ["out for delivery", (order) => latestStatuses(order).includes("OUT_FOR_DELIVERY")],
    ["delivered 2 to 5 days ago", (order) => order.fulfillments.some((f) => daysAgo(f.deliveredAt) >= 2 && daysAgo(f.deliveredAt) <= 5)],
    ["delivered 30 to 60 days ago", (order) => order.fulfillments.some((f) => daysAgo(f.deliveredAt) > 30 && daysAgo(f.deliveredAt) < 60)],
    ["cancelled and refunded", (order) => order.cancelledAt !== null && order.cancelReason !== null && order.financialStatus === "REFUNDED"],
    ["fully refunded without cancellation", (order) => order.cancelledAt === null && order.financialStatus === "REFUNDED"],
    ["containing a final-sale item", (order) => order.lineItems.some((line) => productOf(line.productId)?.tags.includes("final-sale"))],
    [
      "fulfilled by two carriers",
      (order) => new Set(order.fulfillments.flatMap((f) => f.trackingInfo.map((info) => info.company))).size >= 2,
    ],
    ["with a requested return", (order) => order.returns.some((ret) => ret.status === "REQUESTED")],
    ["with an open return", (order) => order.returns.some((ret) => ret.status === "OPEN")],
    ["with a closed return", (order) => order.returns.some((ret) => ret.status === "CLOSED")],
    ["containing a gift card", (order) => order.lineItems.some((line) => line.isGiftCard && productOf(line.productId)?.productType === "Gift Card")],
  ];

  it.each(cases)("GIVEN the demo shop THEN it has an order %s", (_name, predicate) => {
    expect(orders.some(predicate)).toBe(true);
  });

  it("GIVEN the demo shop THEN orders ship to the UK, France, Germany, Japan and Australia", () => {
    const countries = new Set(orders.map((order) => order.shippingAddress?.countryCode));
    for (const code of ["GB", "FR", "DE", "JP", "AU"]) expect(countries).toContain(code);
  });

  it("GIVEN the demo shop THEN shipments use UPS, Canada Post, DHL Express, USPS and FedEx with https tracking URLs", () => {
    const tracking = orders.flatMap((order) => order.fulfillments.flatMap((fulfillment) => fulfillment.trackingInfo));
    expect(new Set(tracking.map((info) => info.company))).toEqual(new Set(["UPS", "Canada Post", "DHL Express", "USPS", "FedEx"]));
    for (const info of tracking) expect(info.url).toMatch(new RegExp(`^https://.*${info.number}`));
  });

  it("GIVEN the demo shop THEN return reasons use Shopify's handles, including its documented examples, and one is deleted", () => {
    const handles = shop.returnReasonDefinitions.filter((reason) => !reason.deleted).map((reason) => reason.handle);
    expect(handles).toEqual(
      expect.arrayContaining(["arrived-late", "comfort", "too-tight", "color-too-bright", "quality"]),
    );
    expect(handles).toEqual(
      expect.arrayContaining(["too-small", "too-large", "defective", "wrong-item", "not-as-described", "unwanted", "style", "other"]),
    );
    expect(shop.returnReasonDefinitions.filter((reason) => reason.deleted).map((reason) => reason.handle)).toEqual(["color"]);
  });

  it("GIVEN the demo shop THEN some products are final sale and one is a gift card", () => {
    expect(shop.products.length).toBeGreaterThanOrEqual(12);
    expect(shop.products.filter((product) => product.tags.includes("final-sale")).length).toBeGreaterThanOrEqual(1);
    expect(shop.products.filter((product) => product.productType === "Gift Card")).toHaveLength(1);
  });

  it("GIVEN the listed demo orders THEN the in-transit one is in transit", () => {
    const { name, email } = demoOrder("inTransit");
    const order = store.findOrderByName(DEMO_SHOP_DOMAIN, name)!;
    expect(order.email).toBe(email);
    expect(latestStatuses(order)).toEqual(["IN_TRANSIT"]);
  });

  it("GIVEN the listed demo orders THEN the delivered one was delivered days ago and every item is returnable", () => {
    const { name, email } = demoOrder("deliveredReturnable");
    const order = store.findOrderByName(DEMO_SHOP_DOMAIN, name)!;
    expect(order.email).toBe(email);
    expect(daysAgo(order.fulfillments[0]!.deliveredAt)).toBeLessThan(7);
    const returnable = [...returnableQuantities(order).values()].reduce((sum, quantity) => sum + quantity, 0);
    expect(returnable).toBe(order.lineItems.reduce((sum, line) => sum + currentQuantity(line), 0));
  });

  it("GIVEN the listed demo orders THEN the partially fulfilled one has an item waiting", () => {
    const { name, email } = demoOrder("partiallyFulfilled");
    const order = store.findOrderByName(DEMO_SHOP_DOMAIN, name)!;
    expect(order.email).toBe(email);
    expect(orderDisplayFulfillmentStatus(order)).toBe("PARTIALLY_FULFILLED");
  });
});
