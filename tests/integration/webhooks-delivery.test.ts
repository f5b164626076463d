import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { saveReturnPolicy } from "../../app/features/policies/repo.server";
import { fulfillmentPayload } from "../../simulator/payloads";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { deliveredOrder, returnsLookup, submitReturn, waitForStatus } from "../helpers/returns";

/**
 * Webhooks as Shopify delivers them: at least once (one event may come twice under two webhook ids
 * with the same X-Shopify-Event-Id), not in order, sometimes late, in the payload shapes of
 * Shopify's webhook reference. The simulated shop holds its deliveries back, duplicates them and
 * releases them in another order; the records must end right and never move back.
 */

let harness: Harness;
const BEANIE = "gid://shopify/ProductVariant/45011";

beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
  // Staff review every request, so only Shopify's webhooks move it on.
  const { version: _version, ...policy } = structuredClone(DEFAULT_RETURN_POLICY);
  await saveReturnPolicy(harness.db, DEMO_SHOP, { ...policy, autoApprove: { ...policy.autoApprove, enabled: false } }, "test");
});
afterEach(async () => {
  harness.shop.faults.holdWebhooks = false;
  harness.shop.faults.webhookDuplicateRate = 0;
  await harness.shop.releaseWebhooks();
});
afterAll(() => harness?.close());

const store = () => harness.shop.store;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const ok = (deliveries: { status: number | "error" }[]) => deliveries.map((delivery) => delivery.status);

describe("webhooks delivered at least once", () => {
  it("GIVEN Shopify sends one customers/data_request twice under two webhook ids THEN it is handled once", async () => {
    harness.shop.faults.webhookDuplicateRate = 1;
    const deliveries = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/data_request", {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      orders_requested: [5001],
      customer: { id: 4242, email: "twice@example.com", phone: null },
      data_request: { id: 4242 },
    });
    expect(ok(deliveries)).toEqual([200, 200]);
    expect(new Set(deliveries.map((delivery) => delivery.id)).size).toBe(2);
    expect(new Set(deliveries.map((delivery) => delivery.eventId)).size).toBe(1);
    expect(await harness.db.complianceRequest.count({ where: { shop: DEMO_SHOP, dataRequestId: "4242" } })).toBe(1);
  });

  it("GIVEN one merchant action delivered under two topics with the same event id THEN each topic is handled", async () => {
    // X-Shopify-Event-Id is shared by every delivery one merchant action produces, whatever its topic.
    const event = { eventId: crypto.randomUUID() };
    const [request] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/data_request", {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      orders_requested: [],
      customer: { id: 4343, email: "both@example.com", phone: null },
      data_request: { id: 4343 },
    }, undefined, event);
    const [scopes] = await harness.shop.deliverWebhook(DEMO_SHOP, "app/scopes_update", { id: 1, previous: [], current: ["read_orders", "write_returns"], updated_at: minutesAgo(10) }, undefined, event);
    expect([request?.status, scopes?.status]).toEqual([200, 200]);
    expect(await harness.db.complianceRequest.count({ where: { shop: DEMO_SHOP, dataRequestId: "4343" } })).toBe(1);
    expect(await harness.db.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({ scopes: "read_orders,write_returns" });
  });
});

describe("webhooks delivered late and out of order", () => {
  it("GIVEN two app/scopes_update deliveries, each twice, arriving last first THEN the later grant stands", async () => {
    harness.shop.faults.holdWebhooks = true;
    harness.shop.faults.webhookDuplicateRate = 1;
    const base = { id: 1, previous: ["read_orders"] };
    await harness.shop.deliverWebhook(DEMO_SHOP, "app/scopes_update", { ...base, current: ["read_orders"], updated_at: minutesAgo(2) });
    await harness.shop.deliverWebhook(DEMO_SHOP, "app/scopes_update", { ...base, current: ["read_orders", "read_returns"], updated_at: minutesAgo(1) });
    expect(harness.shop.heldWebhooks()).toBe(4);

    expect(ok(await harness.shop.releaseWebhooks("reverse"))).toEqual([200, 200, 200, 200]);

    expect(await harness.db.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({ scopes: "read_orders,read_returns" });
    expect(await harness.db.session.findUnique({ where: { id: `offline_${DEMO_SHOP}` } })).toMatchObject({ scope: "read_orders,read_returns" });
  });

  it("GIVEN a return approved then closed in Shopify, its webhooks twice and last first THEN the request ends closed and never went back", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const lookup = await returnsLookup(harness, { order: order.name, email: order.email });
    const response = await submitReturn(harness, { token: lookup.body.token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "size-too-small" }] });
    expect(response.status).toBe(201);
    const { request } = await response.json();
    const requested = await waitForStatus(harness, request.reference, "requested");

    harness.shop.faults.holdWebhooks = true;
    harness.shop.faults.webhookDuplicateRate = 1;
    expect(store().approveReturn(DEMO_SHOP, { id: requested.shopifyReturnId! }).userErrors).toEqual([]);
    expect(store().closeReturn(DEMO_SHOP, requested.shopifyReturnId!).userErrors).toEqual([]);
    const released = await harness.shop.releaseWebhooks("reverse");
    expect(released.filter((delivery) => delivery.topic.startsWith("returns/")).map((delivery) => [delivery.topic, delivery.status])).toEqual([
      ["returns/close", 200],
      ["returns/close", 200],
      ["returns/approve", 200],
      ["returns/approve", 200],
    ]);

    expect(await harness.db.returnRequest.findUniqueOrThrow({ where: { id: requested.id } })).toMatchObject({ status: "closed" });
    const timeline = (await harness.db.returnEvent.findMany({ where: { requestId: requested.id }, orderBy: { at: "asc" } })).map((event) => event.type);
    expect(timeline).toEqual(["received", "requested", "closed"]);
  });

  it("GIVEN an exchange's fulfillment whose tracking was corrected THEN the correction stands whichever delivery comes last, and the shopper hears once", async () => {
    const shipped = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const shopifyOrder = store().findOrderByName(DEMO_SHOP, shipped.name)!;
    const exchange = await harness.db.returnRequest.create({
      data: {
        shop: DEMO_SHOP, reference: "R-WEBHOOK-EXCH", idempotencyKey: "webhook-exchange", orderId: shopifyOrder.id, orderName: shopifyOrder.name,
        customerEmail: shipped.email, status: "closed", resolution: "exchange", policyVersion: 1, quote: "{}", rules: "[]", respondBy: new Date(),
        exchangeLineItemId: shipped.lineItemIds[0]!,
        items: { create: [{ lineItemId: shipped.lineItemIds[0]!, title: "Beanie", quantity: 1, reason: "size-too-small", sources: "[]" }] },
      },
    });
    const fulfillment = shopifyOrder.fulfillments.at(-1)!;
    const withTracking = (number: string, updatedAt: string) =>
      fulfillmentPayload(shopifyOrder, { ...fulfillment, updatedAt, trackingInfo: [{ company: "Canada Post", number, url: `https://tracking.example/${number}` }] }, 0);

    harness.shop.faults.holdWebhooks = true;
    harness.shop.faults.webhookDuplicateRate = 1;
    await harness.shop.deliverWebhook(DEMO_SHOP, "fulfillments/create", withTracking("WRONG123CA", minutesAgo(2)));
    await harness.shop.deliverWebhook(DEMO_SHOP, "fulfillments/update", withTracking("RIGHT456CA", minutesAgo(1)));
    expect(ok(await harness.shop.releaseWebhooks("sent"))).toEqual([200, 200, 200, 200]);
    expect(await harness.db.returnRequest.findUniqueOrThrow({ where: { id: exchange.id } })).toMatchObject({ exchangeTrackingNumber: "RIGHT456CA" });

    // The same two changes again, the earlier one arriving last: the correction stays.
    await harness.shop.deliverWebhook(DEMO_SHOP, "fulfillments/update", withTracking("RIGHT456CA", minutesAgo(1)));
    await harness.shop.deliverWebhook(DEMO_SHOP, "fulfillments/create", withTracking("WRONG123CA", minutesAgo(2)));
    expect(ok(await harness.shop.releaseWebhooks("shuffle"))).toEqual([200, 200, 200, 200]);
    expect(await harness.db.returnRequest.findUniqueOrThrow({ where: { id: exchange.id } })).toMatchObject({
      exchangeTrackingNumber: "RIGHT456CA",
      exchangeTrackingUrl: "https://tracking.example/RIGHT456CA",
    });
    const told = await harness.db.returnEvent.findMany({ where: { requestId: exchange.id, type: "exchange_shipped" } });
    expect(told).toHaveLength(1);
  });
});

describe("payloads in Shopify's shapes", () => {
  it("GIVEN fields the app never reads, nulls where Shopify sends null, and optional fields left out THEN each topic is answered 200", async () => {
    const payloads: Record<string, unknown> = {
      "orders/updated": { id: 5001, admin_graphql_api_id: "gid://shopify/Order/5001", name: "#1001", email: null, phone: null, note_attributes: [], brand_new_field: { nested: true } },
      "fulfillment_events/create": { id: 1, admin_graphql_api_id: "gid://shopify/FulfillmentEvent/1", fulfillment_id: 2, order_id: 5001, shop_id: 3, status: "in_transit", message: null, city: null, zip: null, latitude: null, longitude: null, estimated_delivery_at: null, happened_at: "2026-12-01T10:00:00-05:00" },
      "fulfillments/update": { id: 2, admin_graphql_api_id: "gid://shopify/Fulfillment/2", order_id: 5001, status: "success", tracking_number: null, tracking_url: null, tracking_numbers: [], line_items: null, updated_at: "2026-12-01T10:00:00-05:00" },
      "returns/cancel": { id: 9, admin_graphql_api_id: "gid://shopify/Return/9", order_id: 5001, status: "canceled" },
      "returns/process": { id: 9, admin_graphql_api_id: "gid://shopify/Return/9", return_line_items: [], exchange_line_items: [] },
      "returns/decline": { id: 9, admin_graphql_api_id: "gid://shopify/Return/9", status: "declined", decline: { reason: "return_period_ended", note: null } },
      "app/scopes_update": { id: 1, previous: [], current: ["read_orders", "read_returns"], updated_at: null },
    };
    for (const [topic, payload] of Object.entries(payloads)) {
      const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, topic, payload);
      expect([topic, delivery?.status]).toEqual([topic, 200]);
    }
  });
});
