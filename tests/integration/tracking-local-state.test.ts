import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { lookupOrder, trackOrdersCalls } from "../helpers/tracking";
import { postWebhook } from "../helpers/webhooks";

// Lookups answered from the shipment state kept from webhooks (tracking/shipment-state.server.ts):
// no Admin API call while it is fresh, Shopify when it is missing or stale, hashes only, erased on redact.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const ADDRESS = { firstName: "Noor", lastName: "Haddad", address1: "7 Pier Rd", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" };
const TEE_M = "gid://shopify/ProductVariant/45009";

/** A new order in the shop, its webhooks delivered to the app. */
async function newOrder(email: string, phone: string | null = null) {
  const order = harness.shop.store.createOrder(DEMO_SHOP, { email, phone: phone ?? undefined, lineItems: [{ variantId: TEE_M, quantity: 1 }], shippingAddress: ADDRESS });
  await harness.shop.settled();
  return order;
}

const held = (orderId: string) => harness.db.orderState.findUnique({ where: { shop_orderId: { shop: DEMO_SHOP, orderId } } });

describe("lookups from the shipment state kept from webhooks", () => {
  it("GIVEN an order created, shipped and scanned in Shopify THEN lookups follow it without any Admin API call", async () => {
    const order = await newOrder("noor.haddad@example.com");
    const before = trackOrdersCalls(harness);

    const placed = await lookupOrder(harness, { order: order.name, email: "Noor.Haddad@example.com" });
    expect(placed.status).toBe(200);
    expect((await placed.json()).order).toMatchObject({ orderName: order.name, state: "placed" });

    const fulfillment = harness.shop.store.createFulfillment(DEMO_SHOP, order.id, { trackingInfo: [{ company: "Canada Post", number: "CP123", url: "https://cp.example/CP123" }] });
    harness.shop.store.addFulfillmentEvent(DEMO_SHOP, fulfillment.id, { status: "IN_TRANSIT", message: "Departed", city: "Moncton", country: "Canada" });
    await harness.shop.settled();

    const inTransit = await (await lookupOrder(harness, { order: order.name, email: "noor.haddad@example.com" })).json();
    expect(inTransit.order).toMatchObject({ state: "in_transit" });
    expect(inTransit.order.shipments[0]).toMatchObject({ carrier: "Canada Post", trackingNumber: "CP123" });
    expect(inTransit.order.shipments[0].events[0]).toMatchObject({ status: "IN_TRANSIT", location: expect.stringContaining("Moncton") });
    expect(trackOrdersCalls(harness)).toBe(before);
  });

  it("GIVEN a successful lookup THEN its activity row is written after the answer, in a batch", async () => {
    const order = await newOrder("batch.visitor@example.com");
    const response = await fetch(`${harness.shop.url}/apps/support/tracking/lookup?visitor=visitor-batch-0001`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ order: order.name, email: "batch.visitor@example.com" }),
    });
    expect(response.status).toBe(200);
    await expect.poll(() => harness.db.supportEvent.count({ where: { shop: DEMO_SHOP, type: "tracking_lookup", visitor: "visitor-batch-0001" } })).toBe(1);
  });

  it("GIVEN a held order THEN its row keeps no email, phone or street, only keyed hashes", async () => {
    const order = await newOrder("rania.k@example.com", "+1 902 555 0199");
    const row = await held(order.id);
    expect(row).not.toBeNull();
    const text = JSON.stringify(row);
    for (const secret of ["rania.k@example.com", "9025550199", "+1 902 555 0199", "7 Pier Rd", "B3H 1A1", "Haddad"]) expect(text).not.toContain(secret);
    expect(row!.emailHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row!.phoneHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("GIVEN a wrong email or phone for a held order THEN the answer is the unknown order's, and Shopify is not asked", async () => {
    const order = await newOrder("ines.m@example.com", "+1 902 555 0142");
    // Any order read: a typed name is looked up with OrderCandidates, then read by id with TrackOrders.
    const orderReads = () => harness.shop.graphqlLog.filter((r) => r.operation === "TrackOrders" || r.operation === "OrderCandidates").length;
    const before = orderReads();
    expect((await lookupOrder(harness, { order: order.name, phone: "902-555-0142" })).status).toBe(200);
    const wrongEmail = await lookupOrder(harness, { order: order.name, email: "ines.x@example.com" });
    const wrongPhone = await lookupOrder(harness, { order: order.name, phone: "902-555-0143" });
    expect(wrongEmail.status).toBe(404);
    expect(wrongPhone.status).toBe(404);
    const unknown = await lookupOrder(harness, { order: "#99999", email: "ines.m@example.com" });
    const body = await unknown.text();
    expect(await wrongEmail.text()).toBe(body);
    expect(await wrongPhone.text()).toBe(body);
    // Only the unknown order (held by no one) was asked of Shopify: one candidates search, no match to read.
    expect(orderReads()).toBe(before + 1);
  });

  it("GIVEN an order never seen by a webhook THEN the first lookup asks Shopify and keeps the answer", async () => {
    const orderId = "gid://shopify/Order/5017"; // #1017, from the fixture: no webhook ever sent
    await harness.db.orderState.deleteMany({ where: { shop: DEMO_SHOP, orderId } });
    const before = trackOrdersCalls(harness);
    const response = await lookupOrder(harness, { order: "#1017", email: "liam.oconnor@example.com" });
    expect(response.status).toBe(200);
    expect(trackOrdersCalls(harness)).toBe(before + 1);
    const row = await held(orderId);
    expect(row).toMatchObject({ name: "#1017" });
    expect(JSON.parse(row!.snapshot).lineItems[0].image).not.toBeNull();
  });

  it("GIVEN a held order Shopify has not confirmed for hours THEN the lookup asks Shopify again and refreshes it", async () => {
    const order = await newOrder("omar.b@example.com");
    await harness.db.orderState.update({ where: { shop_orderId: { shop: DEMO_SHOP, orderId: order.id } }, data: { refreshedAt: new Date(Date.now() - 7 * 3600_000) } });
    const before = trackOrdersCalls(harness);
    expect((await lookupOrder(harness, { order: order.name, email: "omar.b@example.com" })).status).toBe(200);
    expect(trackOrdersCalls(harness)).toBe(before + 1);
    expect((await held(order.id))!.refreshedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("GIVEN an older orders/updated delivered late THEN the held order does not move backwards", async () => {
    const order = await newOrder("late.hook@example.com");
    harness.shop.store.cancelOrder(DEMO_SHOP, order.id, "CUSTOMER");
    await harness.shop.settled();
    const stale = JSON.stringify({
      id: Number(order.id.split("/").pop()),
      admin_graphql_api_id: order.id,
      name: order.name,
      email: "late.hook@example.com",
      created_at: order.createdAt,
      updated_at: "2020-01-01T00:00:00Z",
      line_items: [],
    });
    expect((await postWebhook(harness.app.url, stale, { id: crypto.randomUUID(), topic: "orders/updated" })).status).toBe(200);
    const body = await (await lookupOrder(harness, { order: order.name, email: "late.hook@example.com" })).json();
    expect(body.order.state).toBe("cancelled");
  });

  it("GIVEN customers/redact for the customer's orders THEN the held orders and their hashes are erased", async () => {
    const order = await newOrder("erase.me@example.com");
    expect(await held(order.id)).not.toBeNull();
    const body = JSON.stringify({
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      customer: { id: 987654, email: "erase.me@example.com", phone: null },
      orders_to_redact: [Number(order.id.split("/").pop())],
    });
    expect((await postWebhook(harness.app.url, body, { id: crypto.randomUUID(), topic: "customers/redact" })).status).toBe(200);
    expect(await held(order.id)).toBeNull();
    const before = trackOrdersCalls(harness);
    // Erased here, the order is Shopify's to answer again.
    expect((await lookupOrder(harness, { order: order.name, email: "erase.me@example.com" })).status).toBe(200);
    expect(trackOrdersCalls(harness)).toBe(before + 1);
  });
});
