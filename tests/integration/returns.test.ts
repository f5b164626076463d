import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { BEANIE, deliveredOrder, PNG, returnsLookup, submitReturn, TEE, waitForStatus } from "../helpers/returns";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const DELIVERED = { order: "#1013", email: "lucas.silva@example.com" };
const RAIN_SHELL = "gid://shopify/LineItem/12131";
const STORM_CAP = "gid://shopify/LineItem/12132";

async function freshToken(lookup = DELIVERED) {
  const { status, body } = await returnsLookup(harness, lookup);
  expect(status).toBe(200);
  return body;
}

describe("returns: what can be returned", () => {
  it("GIVEN a recently delivered order THEN every line shows its returnable quantity and the policy's options", async () => {
    const body = await freshToken();
    expect(body.order).toEqual({ name: "#1013", currency: "CAD" });
    expect(body.lines.map((l: { lineItemId: string; returnable: number }) => [l.lineItemId, l.returnable])).toEqual([
      [RAIN_SHELL, 1],
      [STORM_CAP, 1],
    ]);
    expect(body.policy.resolutions).toEqual(["refund", "store_credit", "exchange"]);
    expect(body.policy.reasons.find((r: { handle: string }) => r.handle === "damaged").photoRequired).toBe(true);
  });

  it("GIVEN an order delivered long ago THEN its lines say the window passed", async () => {
    const body = await freshToken({ order: "#1001", email: "maya.chen@example.com" });
    expect(body.lines.every((l: { returnable: number; reasons: string[] }) => l.returnable === 0 && l.reasons.includes("window_passed"))).toBe(true);
  });

  it("GIVEN a final-sale item THEN it is not returnable and says why", async () => {
    const body = await freshToken({ order: "#1011", email: "chloe.tremblay@example.ca" });
    const vest = body.lines.find((l: { title: string }) => l.title === "Sample Sale Down Vest");
    expect(vest.returnable).toBe(0);
    expect(vest.reasons).toContain("final_sale");
  });

  it("GIVEN a selection THEN the quote shows fees before submitting", async () => {
    const { token } = await freshToken();
    const response = await fetch(`${harness.shop.url}/apps/support/returns/quote`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token, resolution: "store_credit", items: [{ lineItemId: STORM_CAP, quantity: 1, reason: "changed-mind" }] }),
    });
    expect((await response.json()).quote).toEqual({
      currency: "CAD",
      itemsValue: 38,
      restockingFee: 0,
      shippingFee: 7.95,
      storeCreditBonus: 3.8,
      expected: 33.85,
      restockingFeePercent: 0,
      storeCreditBonusPercent: 10,
    });
  });
});

describe("returns: requests", () => {
  it("GIVEN a damaged item with a photo THEN the request is stored, created in Shopify, and waits for staff", async () => {
    const { token } = await freshToken();
    const response = await submitReturn(harness, {
      token,
      items: [{ lineItemId: RAIN_SHELL, quantity: 1, reason: "damaged", note: "Seam torn" }],
      photos: { [RAIN_SHELL]: [PNG] },
    });
    expect(response.status).toBe(201);
    const { request } = await response.json();
    expect(request.status).toBe("requested");
    const row = await harness.db.returnRequest.findFirstOrThrow({ where: { reference: request.reference }, include: { photos: true, items: true } });
    expect(row.photos).toHaveLength(1);
    expect(row.photos[0]!.contentType).toBe("image/png");
    expect(row.items[0]).toMatchObject({ reason: "damaged", note: "Seam torn", quantity: 1 });
    expect(harness.shop.store.getReturn(DEMO_SHOP, row.shopifyReturnId!)?.return.status).toBe("REQUESTED");
  });

  it("GIVEN the damaged reason without a photo THEN the request is refused naming the photos", async () => {
    const { token } = await freshToken();
    const response = await submitReturn(harness, { token, items: [{ lineItemId: STORM_CAP, quantity: 1, reason: "damaged" }] });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].field).toBe("photos");
  });

  it("GIVEN a file that is not an image THEN it is refused by its content, whatever its name", async () => {
    const { token } = await freshToken();
    const response = await submitReturn(harness, {
      token,
      items: [{ lineItemId: STORM_CAP, quantity: 1, reason: "damaged" }],
      photos: { [STORM_CAP]: [new TextEncoder().encode("<?php echo 'x';")] },
    });
    expect(response.status).toBe(415);
  });

});

describe("returns: nothing lost, nothing twice", () => {
  it("GIVEN the order-access token and the visitor in the signed query THEN the request is stored and counted for that visitor", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const response = await submitReturn(harness, { token, visitor: "visitor-integration", items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "changed-mind" }] });
    expect(response.status).toBe(201);
    const { request } = await response.json();
    expect(await harness.db.returnRequest.count({ where: { reference: request.reference } })).toBe(1);
    expect(await harness.db.supportEvent.count({ where: { shop: DEMO_SHOP, type: "return_started", visitor: "visitor-integration" } })).toBe(1);
  });

  it("GIVEN a small change-of-mind return THEN the policy approves it on arrival", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const response = await submitReturn(harness, { token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "changed-mind" }] });
    const { request } = await response.json();
    const row = await waitForStatus(harness, request.reference, "approved");
    expect(row).toMatchObject({ autoApproved: true, decidedBy: "auto-approve" });
    expect(harness.shop.store.getReturn(DEMO_SHOP, row.shopifyReturnId!)?.return.status).toBe("OPEN");
  });

  it("GIVEN the same form sent twice THEN one request and one Shopify return exist", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 2 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const form = { token, idempotencyKey: crypto.randomUUID(), items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } };
    const [first, second] = await Promise.all([submitReturn(harness, form), submitReturn(harness, form)]);
    const references = [(await first.json()).request.reference, (await second.json()).request.reference];
    expect(references[0]).toBe(references[1]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(await harness.db.returnRequest.count({ where: { orderName: order.name } })).toBe(1);
    expect(harness.shop.store.getOrder(DEMO_SHOP, orderIdOf(order.name))!.returns).toHaveLength(1);
  });

  it("GIVEN two tabs asking for the last unit at once THEN exactly one return is created", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const ask = () => submitReturn(harness, { token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } });
    const statuses = (await Promise.all([ask(), ask()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(harness.shop.store.getOrder(DEMO_SHOP, orderIdOf(order.name))!.returns).toHaveLength(1);
  });

  it("GIVEN Shopify failing with 503 THEN the request is kept as received and created once Shopify recovers", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    harness.shop.faults.failStatus = 503;
    // Reading the order and the first try to create the return both fail.
    harness.shop.faults.failNext = 2;
    const response = await submitReturn(harness, { token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } });
    expect(response.status).toBe(201);
    const { request } = await response.json();
    expect(request.status).toBe("received");
    const row = await waitForStatus(harness, request.reference, "requested");
    expect(row.syncAttempts).toBeGreaterThanOrEqual(2);
    expect(harness.shop.store.getOrder(DEMO_SHOP, orderIdOf(order.name))!.returns).toHaveLength(1);
  });

  it("GIVEN Shopify throttling THEN the request waits and goes through once the bucket refills", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    // Held empty: the submit's reads are cheap enough to fit in what a fraction of a second restores.
    harness.shop.adminApi.drainBucket(DEMO_SHOP, { untilReset: true });
    const response = await submitReturn(harness, { token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } });
    expect(response.status).toBe(201);
    const { request } = await response.json();
    expect(request.status).toBe("received");
    expect(harness.shop.store.getOrder(DEMO_SHOP, orderIdOf(order.name))!.returns).toHaveLength(0);
    harness.shop.adminApi.resetBucket(DEMO_SHOP);
    await waitForStatus(harness, request.reference, "requested");
    expect(harness.shop.store.getOrder(DEMO_SHOP, orderIdOf(order.name))!.returns).toHaveLength(1);
  });

  it("GIVEN a return declined in Shopify's admin THEN the webhook updates our record", async () => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const { request } = await (await submitReturn(harness, { token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }], photos: { [order.lineItemIds[0]!]: [PNG] } })).json();
    const row = await waitForStatus(harness, request.reference, "requested");
    harness.shop.store.declineReturn(DEMO_SHOP, { id: row.shopifyReturnId!, declineReason: "OTHER", declineNote: "Worn" });
    await harness.shop.settled();
    await waitForStatus(harness, request.reference, "declined");
  });
});

describe("returns: exchanges, same product at the same price", () => {
  /** A tee bought in M, after which S went up to 59.00: only L is an exchange. */
  async function teeOrderWithDearerSmall() {
    const order = deliveredOrder(harness, [{ variantId: TEE.M, quantity: 1 }]);
    const small = harness.shop.store.getVariant(DEMO_SHOP, TEE.S)!.variant;
    const price = small.price;
    small.price = "59.00";
    onTestFinished(() => {
      small.price = price;
    });
    const { token, lines } = await freshToken({ order: order.name, email: order.email });
    return { order, token, lines, lineItemId: order.lineItemIds[0]! };
  }
  const exchangeOf = (lineItemId: string, variantId: string) => [{ lineItemId, quantity: 1, reason: "size-too-small", exchangeVariantId: variantId }];

  it("GIVEN a variant at another price THEN the view does not offer it", async () => {
    const { lines } = await teeOrderWithDearerSmall();
    expect(lines[0].exchangeOptions).toEqual([{ variantId: TEE.L, title: "L" }]);
  });

  it("GIVEN an exchange for the dearer variant THEN it is refused on the exchange field and nothing is stored", async () => {
    const { order, token, lineItemId } = await teeOrderWithDearerSmall();
    const response = await submitReturn(harness, { token, resolution: "exchange", items: exchangeOf(lineItemId, TEE.S) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: "invalid", errors: [{ lineItemId, field: "exchange", message: expect.stringContaining("same price") }] });
    expect(await harness.db.returnRequest.count({ where: { orderName: order.name } })).toBe(0);
  });

  it("GIVEN an exchange for another product's variant THEN it is refused and nothing is stored", async () => {
    const { order, token, lineItemId } = await teeOrderWithDearerSmall();
    const response = await submitReturn(harness, { token, resolution: "exchange", items: exchangeOf(lineItemId, BEANIE) });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].field).toBe("exchange");
    expect(await harness.db.returnRequest.count({ where: { orderName: order.name } })).toBe(0);
  });

  it("GIVEN an exchange for a variant at the same price THEN it is stored with that variant and its title", async () => {
    const { order, token, lineItemId } = await teeOrderWithDearerSmall();
    const response = await submitReturn(harness, { token, resolution: "exchange", items: exchangeOf(lineItemId, TEE.L) });
    expect(response.status).toBe(201);
    const row = await harness.db.returnRequest.findFirstOrThrow({ where: { orderName: order.name } });
    expect(row).toMatchObject({ resolution: "exchange", exchangeVariantId: TEE.L, exchangeVariantTitle: "L" });
  });
});

describe("returns: the shopper's language", () => {
  it.each([
    ["fr-CA", "fr"],
    ["pt-BR", "en"],
  ])("GIVEN a request sent from a %s storefront THEN it is stored in %s", async (sent, stored) => {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const response = await submitReturn(harness, { token, locale: sent, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "changed-mind" }] });
    const { request } = await response.json();
    expect((await harness.db.returnRequest.findFirstOrThrow({ where: { reference: request.reference } })).locale).toBe(stored);
  });
});

describe("returns: the shopper's status page", () => {
  /** A small change-of-mind return, approved on arrival, and the view of its order. */
  async function approvedReturn() {
    const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
    const { token } = await freshToken({ order: order.name, email: order.email });
    const { request } = await (await submitReturn(harness, { token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "changed-mind" }] })).json();
    const row = await waitForStatus(harness, request.reference, "approved");
    const view = async () => (await freshToken({ order: order.name, email: order.email })).requests[0];
    return { row, view };
  }

  it("GIVEN an approved return THEN the shopper sees its steps and where to send the items, and nothing internal", async () => {
    const { row, view } = await approvedReturn();
    const shown = await view();
    expect(shown).toEqual({
      reference: row.reference,
      status: "approved",
      createdAt: row.createdAt.toISOString(),
      resolution: "refund",
      items: [{ title: "Bosun Wool Beanie", quantity: 1 }],
      steps: [
        { type: "requested", at: expect.any(String) },
        { type: "approved", at: expect.any(String) },
      ],
      // The policy has no return address yet: the block says it will come by email.
      next: { method: "shopper_ships", returnAddress: "", instructions: "" },
    });
    expect(JSON.stringify(shown)).not.toMatch(/gid:|auto-approve|Shopify return/);
  });

  it("GIVEN a label attached THEN the next step is its link and tracking", async () => {
    const { row, view } = await approvedReturn();
    await harness.db.returnRequest.update({
      where: { id: row.id },
      data: {
        labelUrl: "https://app.example/returns/labels/l1?sig=abc",
        trackingNumber: "7316500000421",
        trackingUrl: "https://carrier.example/track/7316500000421",
        carrierName: "Canada Post",
        events: { create: [{ shop: DEMO_SHOP, actor: "Sam Staffer", type: "label_attached", detail: "label.pdf" }] },
      },
    });
    const shown = await view();
    expect(shown.next).toEqual({
      method: "label",
      labelUrl: "https://app.example/returns/labels/l1?sig=abc",
      tracking: { number: "7316500000421", url: "https://carrier.example/track/7316500000421", carrier: "Canada Post" },
    });
    expect(shown.steps.map((s: { type: string }) => s.type)).toEqual(["requested", "approved", "label_attached"]);
    expect(JSON.stringify(shown)).not.toContain("Sam Staffer");
  });

  it("GIVEN a refunded and closed return THEN the money shows with each step once, however often it was recorded", async () => {
    const { row, view } = await approvedReturn();
    const settlement = { currency: "CAD", resolution: "refund", itemsCents: 3200, restockingCents: 0, shippingCents: 795, refundCents: 2405, storeCreditCents: 0, bonusCents: 0, adjusted: false };
    const event = (type: string) => ({ shop: DEMO_SHOP, actor: "system", type, detail: "internal detail" });
    await harness.db.returnRequest.update({
      where: { id: row.id },
      data: {
        status: "closed",
        settlement: JSON.stringify(settlement),
        inspectionNote: "Tag missing",
        refundId: "gid://shopify/Refund/1",
        events: { create: ["returned", "inspected", "refunded", "refunded", "step_failed", "closed"].map(event) },
      },
    });
    const shown = await view();
    expect(shown.status).toBe("closed");
    expect(shown.money).toEqual({ currency: "CAD", method: "original_payment", amount: 24.05, bonus: 0 });
    expect(shown).not.toHaveProperty("next");
    expect(shown.steps.map((s: { type: string }) => s.type)).toEqual(["requested", "approved", "returned", "refunded", "closed"]);
    expect(JSON.stringify(shown)).not.toMatch(/Tag missing|internal detail|gid:/);
  });
});

function orderIdOf(name: string): string {
  return harness.shop.store.findOrderByName(DEMO_SHOP, name)!.id;
}
