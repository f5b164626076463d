import { describe, expect, it } from "vitest";
import { deriveTracking } from "../../../../../../app/features/tracking/domain/derive";
import {
  RestFulfillmentEventSchema,
  RestFulfillmentSchema,
  RestOrderSchema,
  applyFulfillment,
  applyFulfillmentEvent,
  orderFromWebhook,
} from "../../../../../../app/features/tracking/domain/webhook-state";

// Shopify's REST shapes, trimmed to what the mapping reads (plus a few fields it must ignore).
const fulfillmentPayload = (overrides: Record<string, unknown> = {}) =>
  RestFulfillmentSchema.parse({
    id: 4017,
    admin_graphql_api_id: "gid://shopify/Fulfillment/4017",
    order_id: 5017,
    status: "success",
    shipment_status: null,
    created_at: "2026-11-01T10:00:00Z",
    updated_at: "2026-11-01T10:00:00Z",
    tracking_company: "UPS",
    tracking_number: "1Z1",
    tracking_numbers: ["1Z1"],
    tracking_url: "https://ups.example/1Z1",
    tracking_urls: ["https://ups.example/1Z1"],
    line_items: [
      { id: 1201, admin_graphql_api_id: "gid://shopify/LineItem/1201", quantity: 1 },
      { id: 1202, admin_graphql_api_id: "gid://shopify/LineItem/1202", quantity: 1 },
    ],
    ...overrides,
  });

const orderPayload = (overrides: Record<string, unknown> = {}) =>
  RestOrderSchema.parse({
    id: 5017,
    admin_graphql_api_id: "gid://shopify/Order/5017",
    name: "#1017",
    email: "liam@example.com",
    phone: "+16045550178",
    created_at: "2026-10-31T09:00:00Z",
    processed_at: "2026-10-31T09:00:00Z",
    updated_at: "2026-11-01T10:00:00Z",
    cancelled_at: null,
    cancel_reason: null,
    financial_status: "paid",
    fulfillment_status: "fulfilled",
    total_price: "272.16",
    customer: { id: 6017, email: "liam@example.com" },
    shipping_address: { address1: "1055 Homer St", city: "Vancouver", province_code: "BC", country_code: "CA", zip: "V6B 1G3" },
    line_items: [
      { id: 1201, admin_graphql_api_id: "gid://shopify/LineItem/1201", title: "Boot", variant_title: "10", quantity: 1, current_quantity: 1, fulfillable_quantity: 0 },
      { id: 1202, admin_graphql_api_id: "gid://shopify/LineItem/1202", title: "Shell", variant_title: null, quantity: 2, current_quantity: 1, fulfillable_quantity: 0 },
    ],
    fulfillments: [fulfillmentPayload()],
    ...overrides,
  });

const scan = (id: number, status: string, happenedAt: string, overrides: Record<string, unknown> = {}) =>
  RestFulfillmentEventSchema.parse({ id, fulfillment_id: 4017, order_id: 5017, status, message: status, happened_at: happenedAt, city: "Richmond", country: "Canada", ...overrides });

describe("the order a webhook describes", () => {
  it("GIVEN an orders/updated payload THEN the snapshot has the GraphQL values the tracking view reads, and no street", () => {
    const order = orderFromWebhook(orderPayload(), null);
    expect(order).toMatchObject({
      id: "gid://shopify/Order/5017",
      name: "#1017",
      financialStatus: "PAID",
      fulfillmentStatus: "FULFILLED",
      shipTo: { city: "Vancouver", provinceCode: "BC", countryCode: "CA" },
    });
    expect(order.lineItems[1]).toEqual({ id: "gid://shopify/LineItem/1202", title: "Shell", variantTitle: null, quantity: 1, unfulfilledQuantity: 0, image: null });
    expect(order.fulfillments[0]).toMatchObject({ status: "SUCCESS", displayStatus: "FULFILLED", tracking: [{ company: "UPS", number: "1Z1", url: "https://ups.example/1Z1" }] });
    expect(JSON.stringify(order)).not.toContain("1055 Homer");
    expect(deriveTracking(order).state).toBe("fulfilled");
  });

  it("GIVEN an unfulfilled order (fulfillment_status null) THEN it shows as placed", () => {
    const unfulfilled = orderPayload().line_items.map((item) => ({ ...item, fulfillable_quantity: item.current_quantity }));
    const order = orderFromWebhook(orderPayload({ fulfillment_status: null, fulfillments: [], line_items: unfulfilled }), null);
    expect(order.fulfillmentStatus).toBe("UNFULFILLED");
    expect(deriveTracking(order).state).toBe("placed");
  });

  it("GIVEN a held snapshot with images and scans THEN an order payload keeps both (webhooks carry neither)", () => {
    const held = applyFulfillmentEvent(orderFromWebhook(orderPayload(), null), scan(1, "in_transit", "2026-11-02T08:00:00Z"))!;
    held.lineItems[0]!.image = { url: "https://cdn.example/boot.jpg", altText: null };
    const next = orderFromWebhook(orderPayload({ updated_at: "2026-11-03T10:00:00Z" }), held);
    expect(next.lineItems[0]!.image).toEqual({ url: "https://cdn.example/boot.jpg", altText: null });
    expect(next.fulfillments[0]!.events.map((e) => e.status)).toEqual(["IN_TRANSIT"]);
  });

  it("GIVEN a cancelled order THEN the cancel reason is Shopify's enum", () => {
    const order = orderFromWebhook(orderPayload({ cancelled_at: "2026-11-02T10:00:00Z", cancel_reason: "customer" }), null);
    expect(order.cancelReason).toBe("CUSTOMER");
    expect(deriveTracking(order).state).toBe("cancelled");
  });
});

describe("fulfillment and scan webhooks", () => {
  const held = orderFromWebhook(orderPayload(), null);

  it("GIVEN scans arriving out of order and twice THEN each is kept once and the newest decides the status", () => {
    let order = applyFulfillmentEvent(held, scan(2, "out_for_delivery", "2026-11-03T08:00:00Z", { estimated_delivery_at: "2026-11-03T18:00:00Z" }))!;
    order = applyFulfillmentEvent(order, scan(1, "in_transit", "2026-11-02T08:00:00Z"))!;
    order = applyFulfillmentEvent(order, scan(2, "out_for_delivery", "2026-11-03T08:00:00Z"))!;
    const fulfillment = order.fulfillments[0]!;
    expect(fulfillment.events).toHaveLength(2);
    expect(fulfillment.displayStatus).toBe("OUT_FOR_DELIVERY");
    expect(fulfillment.estimatedDeliveryAt).toBe("2026-11-03T18:00:00Z");
    expect(deriveTracking(order).state).toBe("out_for_delivery");
  });

  it("GIVEN a scan for a fulfillment not held THEN the answer is null (read the order again)", () => {
    expect(applyFulfillmentEvent(held, scan(3, "delivered", "2026-11-04T08:00:00Z", { fulfillment_id: 9999 }))).toBeNull();
  });

  it("GIVEN a new fulfillment THEN it is added; GIVEN an older version of it afterwards THEN nothing changes", () => {
    const second = fulfillmentPayload({ id: 4018, admin_graphql_api_id: "gid://shopify/Fulfillment/4018", updated_at: "2026-11-05T10:00:00Z", shipment_status: "delivered" });
    const added = applyFulfillment(held, second);
    expect(added.fulfillments.map((f) => f.id)).toEqual(["gid://shopify/Fulfillment/4017", "gid://shopify/Fulfillment/4018"]);
    expect(added.fulfillments[1]!.displayStatus).toBe("DELIVERED");
    const stale = applyFulfillment(added, { ...second, updated_at: "2026-11-04T10:00:00Z", shipment_status: "in_transit" });
    expect(stale).toBe(added);
  });
});
