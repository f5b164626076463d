import { describe, expect, it } from "vitest";
import {
  shopperMoney,
  shopperRequest,
  shopperSteps,
  webUrl,
  type ReturnShippingSettings,
  type StoredReturn,
} from "../../../../../../app/features/returns/domain/shopper-status";

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));
const SHIPS: ReturnShippingSettings = { method: "shopper_ships", returnAddress: "Harbor Returns\n12 Wharf Rd\nHalifax NS B3H 1A1", instructions: "Use a padded envelope." };

const settlement = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    currency: "CAD",
    resolution: "refund",
    itemsCents: 5400,
    restockingCents: 0,
    shippingCents: 795,
    refundCents: 4605,
    storeCreditCents: 0,
    bonusCents: 0,
    adjusted: false,
    ...overrides,
  });

/** A request as the database holds it: every column, internal ones included, as findMany returns them. */
function row(overrides: Partial<StoredReturn> & Record<string, unknown> = {}) {
  return {
    id: "cjld2cjxh0000qzrmn831i7rn",
    shop: "harbor-demo.myshopify.com",
    reference: "R-7KQ2MX",
    idempotencyKey: "3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b",
    orderId: "gid://shopify/Order/1013",
    orderName: "#1013",
    customerId: "gid://shopify/Customer/77",
    customerEmail: "lucas.silva@example.com",
    status: "approved",
    shopifyReturnId: "gid://shopify/Return/555",
    resolution: "refund",
    exchangeVariantId: null,
    policyVersion: 3,
    quote: "{}",
    rules: "[]",
    decidedBy: "Sam Staffer",
    decisionNote: null,
    declineReason: null,
    overrideReason: "VIP customer",
    lastSyncError: "THROTTLED: try later",
    locale: "fr",
    pendingStep: "label",
    keepItems: false,
    reverseFulfillmentOrderId: "gid://shopify/ReverseFulfillmentOrder/9",
    reverseDeliveryId: "gid://shopify/ReverseDelivery/10",
    labelUrl: null,
    trackingNumber: null,
    trackingUrl: null,
    carrierName: null,
    receivedAt: null,
    inspectionNote: "Seam torn on the left sleeve, customer's fault?",
    settlement: null,
    settlementReason: "Goodwill after the delay",
    refundId: "gid://shopify/Refund/321",
    bonusTransactionId: "gid://shopify/StoreCreditAccountCreditTransaction/4",
    exchangeVariantTitle: null,
    exchangeLineItemId: null,
    exchangeTrackingNumber: null,
    exchangeTrackingUrl: null,
    createdAt: at(2, 9),
    items: [{ id: "item1", title: "Merino Trail Tee", quantity: 1, reason: "changed-mind", note: "Too tight", sources: "[]" }],
    events: [
      { id: "e1", actor: "shopper", type: "received", detail: null, at: at(2, 9) },
      { id: "e2", actor: "system", type: "requested", detail: "Shopify return #1013-R1", at: at(2, 10) },
      { id: "e3", actor: "Sam Staffer", type: "approved", detail: "Looks fine", at: at(3) },
    ],
    ...overrides,
  };
}

describe("shopperSteps", () => {
  it("GIVEN repeated and late events THEN each step appears once, at its first occurrence, oldest first", () => {
    const steps = shopperSteps([
      { type: "approved", at: at(5) },
      { type: "requested", at: at(2) },
      { type: "approved", at: at(3) }, // a webhook delivered twice, out of order
      { type: "returned", at: at(9) },
      { type: "returned", at: at(10) },
      { type: "closed", at: at(12) },
    ]);
    expect(steps).toEqual([
      { type: "requested", at: at(2).toISOString() },
      { type: "approved", at: at(3).toISOString() },
      { type: "returned", at: at(9).toISOString() },
      { type: "closed", at: at(12).toISOString() },
    ]);
  });

  it("GIVEN the shopper's own submission and Shopify's request THEN \"requested\" is dated when the shopper sent it", () => {
    expect(shopperSteps([{ type: "requested", at: at(2, 11) }, { type: "received", at: at(2, 9) }])).toEqual([{ type: "requested", at: at(2, 9).toISOString() }]);
  });

  it("GIVEN staff-only events THEN none of them is a step", () => {
    const internal = ["failed", "step_failed", "amount_adjusted", "inspected", "something_new"].map((type, i) => ({ type, at: at(3 + i) }));
    expect(shopperSteps([{ type: "received", at: at(2) }, ...internal]).map((s) => s.type)).toEqual(["requested"]);
  });

  it("GIVEN the money steps THEN refund, store credit, bonus and exchange steps each show", () => {
    const types = ["refunded", "store_credit_issued", "bonus_issued", "exchange_created", "exchange_shipped", "label_attached"];
    expect(shopperSteps(types.map((type, i) => ({ type, at: at(3 + i) }))).map((s) => s.type)).toEqual(types);
  });
});

describe("shopperMoney", () => {
  it("GIVEN a refund settlement THEN the amount goes to the original payment, in units of the currency", () => {
    expect(shopperMoney(settlement())).toEqual({ currency: "CAD", method: "original_payment", amount: 46.05, bonus: 0 });
  });

  it("GIVEN store credit with a bonus THEN the credit and the bonus come apart", () => {
    expect(shopperMoney(settlement({ resolution: "store_credit", refundCents: 0, storeCreditCents: 4605, bonusCents: 540 }))).toEqual({
      currency: "CAD",
      method: "store_credit",
      amount: 46.05,
      bonus: 5.4,
    });
  });

  it("GIVEN an exchange (nothing to pay) or no settlement THEN there is no money to show", () => {
    expect(shopperMoney(settlement({ resolution: "exchange", refundCents: 0 }))).toBeNull();
    expect(shopperMoney(null)).toBeNull();
  });

  it("GIVEN a settlement that is not one (bad JSON, negative cents, no currency) THEN it is ignored", () => {
    expect(shopperMoney("{not json")).toBeNull();
    expect(shopperMoney(settlement({ refundCents: -100 }))).toBeNull();
    expect(shopperMoney(settlement({ currency: undefined }))).toBeNull();
  });
});

describe("webUrl", () => {
  it.each([
    ["https://labels.example/l/abc.pdf?sig=1", "https://labels.example/l/abc.pdf?sig=1"],
    ["http://carrier.example/track?n=1", "http://carrier.example/track?n=1"],
    ["javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["/relative/label.pdf", null],
    ["", null],
    [null, null],
  ])("GIVEN %s THEN %s", (value, expected) => {
    expect(webUrl(value)).toBe(expected);
  });
});

describe("shopperRequest", () => {
  it("GIVEN a full database row THEN the shopper gets exactly the public fields, and no id, staff name, note or error", () => {
    const view = shopperRequest(
      row({ settlement: settlement(), exchangeVariantTitle: "L", exchangeVariantId: "gid://shopify/ProductVariant/45010", exchangeLineItemId: "gid://shopify/LineItem/8", exchangeTrackingNumber: "LX123" }),
      SHIPS,
    );
    expect(Object.keys(view).sort()).toEqual(["createdAt", "exchange", "items", "money", "next", "reference", "resolution", "status", "steps"]);
    expect(view.items).toEqual([{ title: "Merino Trail Tee", quantity: 1 }]);
    const text = JSON.stringify(view);
    for (const secret of ["cjld2", "gid://", "Sam Staffer", "Looks fine", "VIP", "THROTTLED", "Seam torn", "Goodwill", "Too tight", "changed-mind", "lucas.silva", "idempotency", "3f2b8c1e"]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it("GIVEN an approved request and a shop where shoppers ship it themselves THEN the next step is the address and the instructions", () => {
    const view = shopperRequest(row(), SHIPS);
    expect(view.next).toEqual({ method: "shopper_ships", returnAddress: SHIPS.returnAddress, instructions: "Use a padded envelope." });
    expect(view.steps.map((s) => s.type)).toEqual(["requested", "approved"]);
  });

  it("GIVEN a label attached THEN the next step links it, with the tracking number and its page", () => {
    const view = shopperRequest(
      row({ labelUrl: "https://app.example/labels/abc?sig=1", trackingNumber: "7316 5000 0042", trackingUrl: "https://carrier.example/t/7316", carrierName: "Canada Post" }),
      SHIPS,
    );
    expect(view.next).toEqual({
      method: "label",
      labelUrl: "https://app.example/labels/abc?sig=1",
      tracking: { number: "7316 5000 0042", url: "https://carrier.example/t/7316", carrier: "Canada Post" },
    });
  });

  it("GIVEN a label policy and no label yet THEN the next step says a label, without a link", () => {
    expect(shopperRequest(row(), { ...SHIPS, method: "label" }).next).toEqual({ method: "label", labelUrl: null, tracking: null });
  });

  it("GIVEN stored links that are not web links THEN they never reach the shopper", () => {
    const view = shopperRequest(row({ labelUrl: "javascript:alert(1)", trackingNumber: "1Z", trackingUrl: "javascript:alert(2)" }), { ...SHIPS, method: "label" });
    expect(view.next).toEqual({ method: "label", labelUrl: null, tracking: { number: "1Z", url: null, carrier: null } });
  });

  it("GIVEN items the shop lets the shopper keep THEN the next step is to keep them, whatever the shipping method", () => {
    expect(shopperRequest(row({ keepItems: true, labelUrl: "https://app.example/labels/abc" }), SHIPS).next).toEqual({ method: "keep_items" });
  });

  it("GIVEN the items arrived THEN there is nothing left for the shopper to do", () => {
    const view = shopperRequest(row({ status: "returned", events: [...row().events, { type: "returned", at: at(8) }] }), SHIPS);
    expect(view).not.toHaveProperty("next");
    expect(view.steps.map((s) => s.type)).toEqual(["requested", "approved", "returned"]);
  });

  it("GIVEN store credit issued with a bonus THEN the money and both steps show", () => {
    const events = [...row().events, { type: "returned", at: at(8) }, { type: "store_credit_issued", at: at(9) }, { type: "bonus_issued", at: at(9, 13) }, { type: "closed", at: at(9, 14) }];
    const view = shopperRequest(
      row({ status: "closed", resolution: "store_credit", events, settlement: settlement({ resolution: "store_credit", refundCents: 0, storeCreditCents: 4605, bonusCents: 540 }) }),
      SHIPS,
    );
    expect(view.money).toEqual({ currency: "CAD", method: "store_credit", amount: 46.05, bonus: 5.4 });
    expect(view.steps.map((s) => s.type)).toEqual(["requested", "approved", "returned", "store_credit_issued", "bonus_issued", "closed"]);
  });

  it("GIVEN an exchange shipped THEN the replacement's title and tracking show", () => {
    const view = shopperRequest(
      row({ status: "closed", resolution: "exchange", exchangeVariantTitle: "L", exchangeTrackingNumber: "LX123", exchangeTrackingUrl: "https://carrier.example/LX123" }),
      SHIPS,
    );
    expect(view.exchange).toEqual({ variantTitle: "L", tracking: { number: "LX123", url: "https://carrier.example/LX123", carrier: null } });
    expect(view).not.toHaveProperty("money");
  });

  it("GIVEN a declined request THEN its reason and note show, and no money or exchange even if some were stored", () => {
    const view = shopperRequest(
      row({ status: "declined", declineReason: "FINAL_SALE", decisionNote: "Sorry!", settlement: settlement(), exchangeVariantTitle: "L" }),
      SHIPS,
    );
    expect(view).toMatchObject({ status: "declined", declineReason: "final_sale", declineNote: "Sorry!" });
    expect(view).not.toHaveProperty("money");
    expect(view).not.toHaveProperty("exchange");
    expect(view).not.toHaveProperty("next");
  });

  it("GIVEN a request Shopify refused at first THEN the shopper reads it as received, and the failure is not a step", () => {
    const view = shopperRequest(row({ status: "failed", events: [{ type: "received", at: at(2) }, { type: "failed", at: at(2, 13) }] }), SHIPS);
    expect(view.status).toBe("received");
    expect(view.steps.map((s) => s.type)).toEqual(["requested"]);
  });
});
