import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { saveReturnPolicy } from "../../app/features/policies/repo.server";
import type * as Decide from "../../app/features/returns/decide.server";
import type * as Fulfilment from "../../app/features/returns/fulfilment.server";
import type * as ShopifyServer from "../../app/shopify.server";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { returnsLookup, submitReturn, waitForStatus } from "../helpers/returns";
import { postWebhook } from "../helpers/webhooks";

/**
 * A return from request to closed, through the built app and the simulated shop: label, arrival,
 * receiving with dispositions, money (refund; store credit with its bonus), exchange — each
 * Shopify call also tried with its answer lost after Shopify acted, which must never do the work
 * twice. Staff actions run the app's own use cases in this process, on the same database.
 */

let harness: Harness;
let shopify: typeof ShopifyServer;
let decide: typeof Decide;
let fulfilment: typeof Fulfilment;
const CUSTOMER = "gid://shopify/Customer/6001";
const CARRIER_WEBHOOK_SECRET = "carrier-secret-for-the-tests-0001";
const RAIN_SHELL_M = "gid://shopify/ProductVariant/45002";
const RAIN_SHELL_L = "gid://shopify/ProductVariant/45003";
const BEANIE = "gid://shopify/ProductVariant/45011";
const BEANIE_BLUE = "gid://shopify/ProductVariant/45012";

beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200", CARRIER_WEBHOOK_SECRET } });
  await installApp(harness);
  shopify = await import("../../app/shopify.server");
  decide = await import("../../app/features/returns/decide.server");
  fulfilment = await import("../../app/features/returns/fulfilment.server");
  // Staff review every request, the shopper pays 7.95 return shipping, store credit earns 10 %.
  const { version: _version, ...policy } = structuredClone(DEFAULT_RETURN_POLICY);
  await saveReturnPolicy(harness.db, DEMO_SHOP, { ...policy, autoApprove: { ...policy.autoApprove, enabled: false } }, "test");
});
afterAll(() => harness?.close());

async function ctx() {
  const { admin } = await shopify.unauthenticated.admin(DEMO_SHOP);
  return { shop: DEMO_SHOP, graphql: admin.graphql, db: harness.db };
}

const store = () => harness.shop.store;

/** A delivered order of the customer's, then a return request for all of it, reviewed and approved. */
async function approvedRequest(variantId: string, quantity: number, resolution: "refund" | "store_credit" | "exchange", exchangeVariantId?: string) {
  const email = `shopper-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const order = store().createOrder(DEMO_SHOP, {
    email,
    customerId: CUSTOMER,
    lineItems: [{ variantId, quantity }],
    shippingAddress: { firstName: "Maya", lastName: "Chen", address1: "1 Water St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" },
  });
  store().markDelivered(DEMO_SHOP, store().createFulfillment(DEMO_SHOP, order.id).id);
  const lookup = await returnsLookup(harness, { order: order.name, email });
  expect(lookup.status).toBe(200);
  const response = await submitReturn(harness, {
    token: lookup.body.token,
    resolution,
    items: [{ lineItemId: order.lineItems[0]!.id, quantity, reason: "size-too-small", ...(exchangeVariantId ? { exchangeVariantId } : {}) }],
  });
  expect(response.status).toBe(201);
  const { request } = await response.json();
  const row = await waitForStatus(harness, request.reference, "requested");
  expect(await decide.decide(await ctx(), row.id, "Sam (support)", { kind: "approve" })).toEqual({ ok: true });
  const approved = await waitForStatus(harness, request.reference, "approved");
  return { order, row: approved };
}

const shopifyOrder = (name: string) => store().findOrderByName(DEMO_SHOP, name)!;

async function events(requestId: string) {
  return (await harness.db.returnEvent.findMany({ where: { requestId }, orderBy: { at: "asc" } })).map((e) => e.type);
}

async function receiveAll(id: string, how: "restocked" | "notRestocked" = "restocked", missing = 0) {
  const row = await harness.db.returnRequest.findUniqueOrThrow({ where: { id }, include: { items: true } });
  const lines = row.items.map((item) => ({
    itemId: item.id,
    restocked: how === "restocked" ? item.quantity - missing : 0,
    notRestocked: how === "notRestocked" ? item.quantity - missing : 0,
    missing,
  }));
  return fulfilment.receiveItems(await ctx(), id, "Sam (support)", { lines, note: "Tags still on" });
}

async function waitForClosed(id: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await harness.db.returnRequest.findUniqueOrThrow({ where: { id } });
    if (row.status === "closed" && !row.pendingStep) return row;
    if (Date.now() > deadline) throw new Error(`still ${row.status}, step ${row.pendingStep} (${row.lastSyncError ?? "no error"})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("returns end to end: refund", () => {
  it("GIVEN an approved refund WHEN staff attach a label, receive the items and issue the money THEN Shopify holds the delivery, the dispositions and exactly the quoted refund, and the return closes", async () => {
    const { order, row } = await approvedRequest(RAIN_SHELL_M, 1, "refund");
    const quote = JSON.parse(row.quote) as { expected: number };

    const label = await fulfilment.attachLabel(await ctx(), row.id, "Sam (support)", {
      labelUrl: "https://labels.example.com/r/abc.pdf",
      trackingNumber: "1Z999AA10123456784",
      trackingUrl: "https://carrier.example.com/t/1Z999AA10123456784",
    });
    expect(label.ok).toBe(true);
    const shopifyReturn = shopifyOrder(order.name).returns[0]!;
    const afterLabel = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterLabel.reverseDeliveryId).toMatch(/^gid:\/\/shopify\/ReverseDelivery\//);

    expect(await receiveAll(row.id)).toMatchObject({ ok: true });
    const inspected = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(inspected.status).toBe("inspected");
    expect(JSON.parse(inspected.settlement!).refundCents).toBe(Math.round(quote.expected * 100));

    expect(await fulfilment.issueSettlement(await ctx(), row.id, "Sam (support)", {})).toMatchObject({ ok: true });
    const closed = await waitForClosed(row.id);
    const refunded = shopifyOrder(order.name);
    expect(refunded.returns).toHaveLength(1);
    expect(refunded.returns[0]!.id).toBe(shopifyReturn.id);
    expect(refunded.returns[0]!.status).toBe("CLOSED");
    expect(Math.round(Number(refunded.totalRefunded) * 100)).toBe(Math.round(quote.expected * 100));
    expect(closed.refundId).toMatch(/^gid:\/\/shopify\/Refund\//);
    expect(await events(row.id)).toEqual(expect.arrayContaining(["approved", "label_attached", "returned", "inspected", "refunded", "closed"]));
    const emails = await harness.db.outboxMessage.findMany({ where: { relatedId: row.id } });
    const kinds = emails.map((e) => e.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(expect.arrayContaining(["return_received", "return_label", "return_items_received", "return_refunded"]));
  });

  it("GIVEN staff upload the label file THEN Shopify's delivery and the shopper get a signed link that serves it, and nothing else", async () => {
    const { order, row } = await approvedRequest(BEANIE, 1, "refund");
    const pdf = new TextEncoder().encode("%PDF-1.7\n% return label\n");
    expect(await fulfilment.attachLabel(await ctx(), row.id, "Sam (support)", { labelFile: pdf, trackingNumber: "LBL-UPLOAD-1" })).toMatchObject({ ok: true });
    const stored = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.labelUrl).toMatch(/\/labels\/[A-Za-z0-9_-]+\?shop=/);
    const served = await fetch(stored.labelUrl!.replace(/^https?:\/\/[^/]+/, harness.app.url));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(pdf);
    const forged = stored.labelUrl!.replace(/^https?:\/\/[^/]+/, harness.app.url).replace(/sig=[^&]+/, "sig=" + "A".repeat(43));
    expect((await fetch(forged)).status).toBe(403);
    const delivery = shopifyOrder(order.name).returns[0]!;
    expect(JSON.stringify(delivery)).toContain(stored.labelUrl!);

    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const second = await approvedRequest(BEANIE, 1, "refund");
    expect(await fulfilment.attachLabel(await ctx(), second.row.id, "Sam (support)", { labelFile: html })).toMatchObject({ ok: false, status: 415 });
  });

  it("GIVEN one of two units never arrived THEN the refund leaves that unit out", async () => {
    const second = await approvedRequest(BEANIE, 2, "refund");
    const items = (await harness.db.returnRequest.findUniqueOrThrow({ where: { id: second.row.id }, include: { items: true } })).items;
    const result = await fulfilment.receiveItems(await ctx(), second.row.id, "Sam (support)", {
      lines: [{ itemId: items[0]!.id, restocked: 1, notRestocked: 0, missing: 1 }],
    });
    expect(result).toMatchObject({ ok: true });
    const settlement = JSON.parse((await harness.db.returnRequest.findUniqueOrThrow({ where: { id: second.row.id } })).settlement!);
    // One beanie (32.00) less the 7.95 return shipping.
    expect(settlement.refundCents).toBe(3200 - 795);
  });
});

describe("returns end to end: the carrier's delivered scan", () => {
  const scan = (body: string, secret = CARRIER_WEBHOOK_SECRET) =>
    fetch(`${harness.app.url}/carriers/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Harbor-Carrier-Hmac": createHmac("sha256", secret).update(body).digest("base64") },
      body,
    });

  it("GIVEN a signed delivered scan on the return's tracking THEN the parcel is marked arrived once; a forged one changes nothing", async () => {
    const { row } = await approvedRequest(BEANIE, 1, "refund");
    await fulfilment.attachLabel(await ctx(), row.id, "Sam (support)", { trackingNumber: "SCAN-ME-1" });
    const transit = JSON.stringify({ tracking_number: "SCAN-ME-1", status: "in_transit" });
    expect(await (await scan(transit)).json()).toEqual({ ok: true, moved: 0 });
    const body = JSON.stringify({ tracking_number: "SCAN-ME-1", status: "delivered" });
    expect((await scan(body, "not-the-carrier-secret-000000")).status).toBe(401);
    expect((await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("approved");
    expect(await (await scan(body)).json()).toEqual({ ok: true, moved: 1 });
    expect(await (await scan(body)).json()).toEqual({ ok: true, moved: 0 });
    const arrived = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(arrived.status).toBe("returned");
    expect((await events(row.id)).filter((type) => type === "returned")).toHaveLength(1);
    expect((await scan("{not json")).status).toBe(400);
  });
});

describe("returns end to end: store credit with its bonus", () => {
  it("GIVEN store credit WHEN processed THEN the customer's account grows by the credit plus the bonus, credited separately", async () => {
    const { fetchStoreCredit } = await import("../../app/shopify/return-steps.server");
    const before = (await fetchStoreCredit((await ctx()).graphql, CUSTOMER)).balances.CAD ?? 0;
    const { row } = await approvedRequest(RAIN_SHELL_M, 1, "store_credit");
    expect(await receiveAll(row.id)).toMatchObject({ ok: true });
    expect(await fulfilment.issueSettlement(await ctx(), row.id, "Sam (support)", {})).toMatchObject({ ok: true });
    const closed = await waitForClosed(row.id);
    const settlement = JSON.parse(closed.settlement!);
    // 189.00 + 10 % bonus − 7.95 shipping: 18,900 − 795 credit and 1,890 bonus.
    expect(settlement).toMatchObject({ storeCreditCents: 18_900 - 795, bonusCents: 1_890, refundCents: 0 });
    const after = (await fetchStoreCredit((await ctx()).graphql, CUSTOMER)).balances.CAD ?? 0;
    expect(after - before).toBe(18_900 - 795 + 1_890);
    expect(closed.bonusTransactionId).toBeTruthy();
    expect(await events(row.id)).toEqual(expect.arrayContaining(["store_credit_issued", "bonus_issued", "closed"]));
    // Shopify closes the return as it processes it; the request closes only after its bonus (once).
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for the returns/close webhook
    expect((await events(row.id)).slice(-3)).toEqual(["store_credit_issued", "bonus_issued", "closed"]);
  });
});

describe("returns end to end: exchange", () => {
  it("GIVEN an exchange for another size at the same price THEN approval makes a Shopify return with the exchange line, and processing makes its fulfillment order", async () => {
    const { order, row } = await approvedRequest(RAIN_SHELL_M, 1, "exchange", RAIN_SHELL_L);
    const held = shopifyOrder(order.name).returns;
    expect(held).toHaveLength(1);
    expect(held[0]!.status).toBe("OPEN");
    expect(await events(row.id)).toContain("exchange_created");
    expect(await receiveAll(row.id)).toMatchObject({ ok: true });
    expect(await fulfilment.issueSettlement(await ctx(), row.id, "Sam (support)", {})).toMatchObject({ ok: true });
    const closed = await waitForClosed(row.id);
    const after = shopifyOrder(order.name);
    const exchanged = after.lineItems.find((line) => line.variantId === RAIN_SHELL_L);
    expect(exchanged).toBeDefined();
    expect(closed.exchangeLineItemId).toBe(exchanged!.id);
    expect(Number(after.totalRefunded)).toBe(0);

    // The merchant ships the new size: the fulfillments/create webhook carries its tracking to the shopper, once.
    store().createFulfillment(DEMO_SHOP, order.id, {
      lineItems: [{ lineItemId: exchanged!.id, quantity: 1 }],
      trackingInfo: [{ company: "Canada Post", number: "EXCH123456CA", url: "https://tracking.example/EXCH123456CA" }],
    });
    await expect.poll(async () => (await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } })).exchangeTrackingNumber, { timeout: 10_000 }).toBe("EXCH123456CA");
    await expect.poll(async () => harness.db.outboxMessage.count({ where: { relatedId: row.id, kind: "return_exchange_shipped" } }), { timeout: 10_000 }).toBe(1);
    expect((await events(row.id)).filter((type) => type === "exchange_shipped")).toHaveLength(1);
  });
});

describe("returns end to end: an exchange that sold out before approval", () => {
  it("GIVEN the exchange variant sold out THEN staff are told, and approving it as store credit makes a plain Shopify return and tells the shopper", async () => {
    const email = `shopper-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const order = store().createOrder(DEMO_SHOP, {
      email,
      customerId: CUSTOMER,
      lineItems: [{ variantId: BEANIE, quantity: 1 }],
      shippingAddress: { firstName: "Maya", lastName: "Chen", address1: "1 Water St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" },
    });
    store().markDelivered(DEMO_SHOP, store().createFulfillment(DEMO_SHOP, order.id).id);
    const lookup = await returnsLookup(harness, { order: order.name, email });
    const response = await submitReturn(harness, {
      token: lookup.body.token,
      resolution: "exchange",
      items: [{ lineItemId: order.lineItems[0]!.id, quantity: 1, reason: "size-too-small", exchangeVariantId: BEANIE_BLUE }],
    });
    expect(response.status).toBe(201);
    const row = await waitForStatus(harness, (await response.json()).request.reference, "requested");
    const blue = store().getVariant(DEMO_SHOP, BEANIE_BLUE)!.variant;
    const stock = blue.inventoryQuantity;
    blue.inventoryQuantity = 0;
    try {
      const refused = await decide.decide(await ctx(), row.id, "Sam (support)", { kind: "approve" });
      expect(refused).toMatchObject({ ok: false, status: 409 });
      expect(refused.ok ? "" : refused.error).toContain("sold out");
      expect(shopifyOrder(order.name).returns).toHaveLength(0);

      expect(await decide.decide(await ctx(), row.id, "Sam (support)", { kind: "approve", fallback: "store_credit" })).toEqual({ ok: true });
      const approved = await waitForStatus(harness, row.reference, "approved");
      expect(approved.resolution).toBe("store_credit");
      expect(approved.exchangeVariantId).toBeNull();
      const held = shopifyOrder(order.name).returns;
      expect(held).toHaveLength(1);
      expect(held[0]!.exchangeLineItems).toHaveLength(0);
      const quote = JSON.parse(approved.quote);
      expect(quote.storeCreditBonus).toBeGreaterThan(0);
      const mails = await harness.db.outboxMessage.findMany({ where: { relatedId: row.id } });
      expect(mails.map((m) => m.kind)).toContain("return_approved_ship");
    } finally {
      blue.inventoryQuantity = stock;
    }
  });
});

describe("returns end to end: every answer lost once", () => {
  it("GIVEN each step's answer lost after Shopify acted THEN one return, one delivery, one refund — linked to our record", async () => {
    harness.shop.faults.loseNextMutation = 0;
    const { order, row } = await approvedRequest(BEANIE, 1, "refund");
    const lostBefore = harness.shop.stats.answersLost;

    harness.shop.faults.loseNextMutation = 1;
    await fulfilment.attachLabel(await ctx(), row.id, "Sam (support)", { trackingNumber: "LOST-LABEL-1" });
    harness.shop.faults.loseNextMutation = 1;
    // The label step finishes in the background; receiving waits until it has.
    for (let i = 0; i < 100 && (await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } })).pendingStep; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    harness.shop.faults.loseNextMutation = 0;
    expect(await receiveAll(row.id)).toMatchObject({ ok: true });
    harness.shop.faults.loseNextMutation = 1;
    await fulfilment.issueSettlement(await ctx(), row.id, "Sam (support)", {});
    const closed = await waitForClosed(row.id);

    expect(harness.shop.stats.answersLost - lostBefore).toBeGreaterThanOrEqual(2);
    const held = shopifyOrder(order.name);
    expect(held.returns).toHaveLength(1);
    expect(held.refunds).toHaveLength(1);
    expect(Math.round(Number(held.totalRefunded) * 100)).toBe(JSON.parse(closed.settlement!).refundCents);
    expect(closed.reverseDeliveryId).toBeTruthy();
    expect(closed.refundId).toBeTruthy();
  });
});

describe("returns end to end: store credit and exchange with their answers lost", () => {
  it("GIVEN returnProcess's and storeCreditAccountCredit's answers lost THEN the customer gets the credit and the bonus once each", async () => {
    const { fetchStoreCredit } = await import("../../app/shopify/return-steps.server");
    const before = (await fetchStoreCredit((await ctx()).graphql, CUSTOMER)).balances.CAD ?? 0;
    const { row } = await approvedRequest(BEANIE, 1, "store_credit");
    expect(await receiveAll(row.id)).toMatchObject({ ok: true });
    const lostBefore = harness.shop.stats.answersLost;
    harness.shop.faults.loseNextMutation = 2;
    await fulfilment.issueSettlement(await ctx(), row.id, "Sam (support)", {});
    const closed = await waitForClosed(row.id);
    harness.shop.faults.loseNextMutation = 0;
    expect(harness.shop.stats.answersLost - lostBefore).toBe(2);
    const settlement = JSON.parse(closed.settlement!);
    const after = (await fetchStoreCredit((await ctx()).graphql, CUSTOMER)).balances.CAD ?? 0;
    expect(after - before).toBe(settlement.storeCreditCents + settlement.bonusCents);
    expect(await events(row.id)).toEqual(expect.arrayContaining(["store_credit_issued", "bonus_issued", "closed"]));
  });

  it("GIVEN returnCreate's answer lost when an exchange is approved THEN Shopify holds one return with the exchange line, linked", async () => {
    harness.shop.faults.loseNextMutation = 1;
    const { order, row } = await approvedRequest(RAIN_SHELL_M, 1, "exchange", RAIN_SHELL_L);
    harness.shop.faults.loseNextMutation = 0;
    const held = shopifyOrder(order.name).returns;
    expect(held).toHaveLength(1);
    expect(row.shopifyReturnId).toBe(held[0]!.id);
    expect(held[0]!.exchangeLineItems).toHaveLength(1);
  });
});

describe("returns end to end: webhooks late, twice and out of order", () => {
  it("GIVEN a closed return WHEN an old returns/approve webhook arrives (twice) THEN it stays closed", async () => {
    const { row } = await approvedRequest(BEANIE, 1, "refund");
    await receiveAll(row.id, "notRestocked");
    await fulfilment.issueSettlement(await ctx(), row.id, "Sam (support)", {});
    const closed = await waitForClosed(row.id);
    const payload = { admin_graphql_api_id: closed.shopifyReturnId, status: "open" };
    for (const id of [crypto.randomUUID(), crypto.randomUUID()]) {
      const response = await postWebhook(harness.app.url, JSON.stringify(payload), { id, topic: "returns/approve" });
      expect(response.status).toBe(200);
    }
    const after = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("closed");
  });
});
