import { describe, expect, it } from "vitest";
import { nextActions, safeHttpsUrl, settlementView, shopifyRecord, stepState } from "../../../../../../app/features/returns/domain/progress";

const TORONTO = "America/Toronto";

describe("stepState", () => {
  it("GIVEN no pending step THEN nothing is on its way", () => {
    expect(stepState({ pendingStep: null, lastSyncError: null, nextSyncAt: null }, TORONTO)).toBeNull();
  });

  it("GIVEN a step Shopify refused THEN it is refused with Shopify's words and no next try", () => {
    expect(stepState({ pendingStep: "label", lastSyncError: "Tracking number is invalid", nextSyncAt: null }, TORONTO)).toEqual({
      step: "label",
      doing: "attaching the return label",
      refused: true,
      error: "Tracking number is invalid",
      nextTry: null,
    });
  });

  it("GIVEN a step Shopify was too busy for THEN it is on its way with its next try", () => {
    expect(stepState({ pendingStep: "process", lastSyncError: null, nextSyncAt: new Date("2026-10-14T13:05:00Z") }, TORONTO)).toEqual({
      step: "process",
      doing: "issuing the money",
      refused: false,
      error: null,
      nextTry: "Oct 14, 2026, 9:05 AM",
    });
  });
});

describe("nextActions", () => {
  const request = (overrides: Partial<Parameters<typeof nextActions>[0]> = {}) =>
    nextActions({ status: "approved", pendingStep: null, keepItems: false, reverseDeliveryId: null, settlement: null, ...overrides });

  it("GIVEN a requested return THEN only the decision", () => {
    expect(request({ status: "requested" })).toEqual({ decide: true, attachLabel: false, markReturned: false, receiveItems: false, issueMoney: false });
  });

  it("GIVEN an approved return without a label THEN attach label, parcel arrived and receive items", () => {
    expect(request()).toEqual({ decide: false, attachLabel: true, markReturned: true, receiveItems: true, issueMoney: false });
  });

  it("GIVEN an approved return whose label is in Shopify THEN no second label is offered", () => {
    expect(request({ reverseDeliveryId: "gid://shopify/ReverseDelivery/1" }).attachLabel).toBe(false);
  });

  it("GIVEN the shopper keeps the items THEN nothing to ship or receive", () => {
    expect(request({ keepItems: true })).toMatchObject({ attachLabel: false, markReturned: false, receiveItems: false });
  });

  it("GIVEN the parcel arrived THEN only receiving", () => {
    expect(request({ status: "returned" })).toEqual({ decide: false, attachLabel: false, markReturned: false, receiveItems: true, issueMoney: false });
  });

  it("GIVEN an inspected return with its settlement THEN only issuing the money", () => {
    expect(request({ status: "inspected", settlement: "{}" })).toEqual({ decide: false, attachLabel: false, markReturned: false, receiveItems: false, issueMoney: true });
  });

  it("GIVEN a step with Shopify (on its way or refused) THEN no form at all: another step would be refused", () => {
    expect(Object.values(request({ pendingStep: "label" }))).toEqual([false, false, false, false, false]);
    expect(Object.values(request({ status: "requested", pendingStep: "exchange" }))).toEqual([false, false, false, false, false]);
  });
});

describe("shopifyRecord", () => {
  const base = {
    orderId: "gid://shopify/Order/5012",
    shopifyReturnId: "gid://shopify/Return/77",
    resolution: "refund",
    reverseDeliveryId: null,
    labelUrl: null,
    trackingNumber: null,
    trackingUrl: null,
    carrierName: null,
    refundId: null,
    bonusTransactionId: null,
    exchangeVariantTitle: null,
    exchangeLineItemId: null,
    exchangeTrackingNumber: null,
    exchangeTrackingUrl: null,
  };

  it("GIVEN an approved return with nothing shipped yet THEN the return and the order's admin link only", () => {
    expect(shopifyRecord(base)).toEqual({
      returnId: "77",
      orderUrl: "shopify://admin/orders/5012",
      delivery: null,
      refundId: null,
      bonusTransactionId: null,
      exchange: null,
    });
  });

  it("GIVEN a label, a refund and a bonus THEN each is shown from its stored id", () => {
    const record = shopifyRecord({
      ...base,
      reverseDeliveryId: "gid://shopify/ReverseDelivery/9",
      labelUrl: "https://labels.example.com/R-1001.pdf",
      trackingNumber: "1Z999",
      trackingUrl: "https://track.example.com/1Z999",
      carrierName: "UPS",
      refundId: "gid://shopify/Refund/31",
      bonusTransactionId: "gid://shopify/StoreCreditAccountCreditTransaction/44",
    });
    expect(record).toMatchObject({
      delivery: { id: "9", carrier: "UPS", trackingNumber: "1Z999", trackingUrl: "https://track.example.com/1Z999", labelUrl: "https://labels.example.com/R-1001.pdf" },
      refundId: "31",
      bonusTransactionId: "44",
    });
  });

  it("GIVEN a stored link that is not https THEN it is not offered as a link", () => {
    const record = shopifyRecord({ ...base, trackingNumber: "1Z999", trackingUrl: "javascript:alert(1)", labelUrl: "http://labels.example.com/a.pdf" });
    expect(record.delivery).toMatchObject({ trackingNumber: "1Z999", trackingUrl: null, labelUrl: null });
  });

  it("GIVEN an exchange THEN its variant and shipment", () => {
    const record = shopifyRecord({ ...base, resolution: "exchange", exchangeVariantTitle: "Rain Shell / M / Navy", exchangeLineItemId: "gid://shopify/LineItem/8", exchangeTrackingNumber: "1Z9", exchangeTrackingUrl: "https://carrier.example/1Z9" });
    expect(record.exchange).toEqual({ variantTitle: "Rain Shell / M / Navy", lineItemId: "8", trackingNumber: "1Z9", trackingUrl: "https://carrier.example/1Z9" });
  });

  it("GIVEN a request not in Shopify yet THEN no return id", () => {
    expect(shopifyRecord({ ...base, shopifyReturnId: null }).returnId).toBeNull();
  });
});

describe("safeHttpsUrl", () => {
  it.each([
    ["https://a.example/x", "https://a.example/x"],
    ["http://a.example/x", null],
    ["data:text/html,hi", null],
    ["not a url", null],
    [null, null],
  ])("GIVEN %j THEN %j", (url, expected) => {
    expect(safeHttpsUrl(url)).toBe(expected);
  });
});

describe("settlementView", () => {
  const settlement = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      currency: "CAD",
      resolution: "refund",
      itemsCents: 12000,
      restockingCents: 1200,
      shippingCents: 800,
      refundCents: 10000,
      storeCreditCents: 0,
      bonusCents: 0,
      adjusted: false,
      ...overrides,
    });

  it("GIVEN a refund THEN the breakdown and the refund as an editable amount in the order's currency", () => {
    expect(settlementView(settlement(), null)).toEqual({
      currency: "CAD",
      breakdown: [
        { label: "Items returned", amount: "CA$120.00" },
        { label: "Restocking fee", amount: "−CA$12.00" },
        { label: "Return shipping", amount: "−CA$8.00" },
      ],
      amounts: [{ field: "refund", label: "Refund to the original payment", cents: 10000, input: "100.00", text: "CA$100.00" }],
      reason: null,
    });
  });

  it("GIVEN store credit with a bonus THEN both amounts, store credit first; no refund field", () => {
    const view = settlementView(settlement({ resolution: "store_credit", refundCents: 0, storeCreditCents: 10000, bonusCents: 1000 }), "Loyal customer");
    expect(view?.amounts.map((a) => [a.field, a.input])).toEqual([
      ["storeCredit", "100.00"],
      ["bonus", "10.00"],
    ]);
    expect(view?.reason).toBe("Loyal customer");
  });

  it("GIVEN no fees THEN the breakdown is the items alone", () => {
    expect(settlementView(settlement({ restockingCents: 0, shippingCents: 0 }), null)?.breakdown).toEqual([{ label: "Items returned", amount: "CA$120.00" }]);
  });

  it("GIVEN an exchange with nothing to pay back THEN no amount to edit", () => {
    expect(settlementView(settlement({ resolution: "exchange", refundCents: 0 }), null)?.amounts).toEqual([]);
  });

  it.each([[null], ["not json"], ['{"currency":"CAD"}']])("GIVEN %j stored THEN no settlement, and the page still renders", (json) => {
    expect(settlementView(json, null)).toBeNull();
  });
});
