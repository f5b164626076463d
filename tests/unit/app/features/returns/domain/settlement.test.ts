import { describe, expect, it } from "vitest";
import { quoteReturn } from "../../../../../../app/features/returns/domain/quote";
import { adjustSettlement, proposeSettlement, type Settlement, type SettlementLine } from "../../../../../../app/features/returns/domain/settlement";
import type { Resolution, ReturnPolicy, ReturnQuote } from "../../../../../../app/features/returns/domain/types";
import { fulfillment, line, order, policy } from "../../../../../helpers/return-builders";

/** Shirt 19.99 ×3, jacket 120.00 ×1, all delivered. */
const o = order({
  lineItems: [line("SHIRT", { quantity: 3, unitPrice: 19.99 }), line("JACKET", { quantity: 1, unitPrice: 120 })],
  fulfillments: [fulfillment("F1", { SHIRT: 3, JACKET: 1 })],
});

type Returned = { id: "SHIRT" | "JACKET"; quantity: number; missing?: number };

const PRICES = { SHIRT: 19.99, JACKET: 120 };

/** Quotes the returned lines under the policy, then settles them with the missing units. */
function settle(resolution: Resolution, returned: Returned[], p: ReturnPolicy = policy()): { quote: ReturnQuote; settlement: Settlement } {
  const quote = quoteReturn(
    p,
    o,
    returned.map((r) => ({ lineItemId: r.id, quantity: r.quantity, reason: "changed-mind" })),
    resolution,
  );
  const lines: SettlementLine[] = returned.map((r) => ({ lineItemId: r.id, quantity: r.quantity, unitPrice: PRICES[r.id], missing: r.missing ?? 0 }));
  return { quote, settlement: proposeSettlement(quote, resolution, lines) };
}

describe("proposeSettlement: nothing missing", () => {
  it("GIVEN a refund THEN the settlement is the quote: the refund is what the shopper was told", () => {
    const { quote, settlement } = settle("refund", [{ id: "SHIRT", quantity: 2 }]);
    expect(settlement).toEqual({
      currency: "CAD",
      resolution: "refund",
      itemsCents: 39_98,
      restockingCents: 0,
      shippingCents: 7_95,
      refundCents: 32_03,
      storeCreditCents: 0,
      bonusCents: 0,
      adjusted: false,
    });
    expect(settlement.refundCents).toBe(Math.round(quote.expected * 100));
  });

  it("GIVEN store credit with the 10 % bonus THEN credit + bonus is what the shopper was told, the bonus apart", () => {
    // 59.97 − 7.95 = 52.02 credit; 5.997 → 6.00 bonus; 58.02 quoted
    const { quote, settlement } = settle("store_credit", [{ id: "SHIRT", quantity: 3 }]);
    expect(settlement).toMatchObject({ itemsCents: 59_97, storeCreditCents: 52_02, bonusCents: 6_00, refundCents: 0 });
    expect(settlement.storeCreditCents + settlement.bonusCents).toBe(Math.round(quote.expected * 100));
  });

  it("GIVEN an exchange THEN no money moves, whatever the policy's fees and bonus", () => {
    const { settlement } = settle("exchange", [{ id: "JACKET", quantity: 1 }], policy({ restockingFeePercent: 15 }));
    expect(settlement).toMatchObject({ refundCents: 0, storeCreditCents: 0, bonusCents: 0, restockingCents: 0 });
  });
});

describe("proposeSettlement: units that never arrived", () => {
  it("GIVEN one of three shirts missing THEN only the two that came back are paid for", () => {
    const { settlement } = settle("refund", [{ id: "SHIRT", quantity: 3, missing: 1 }]);
    // 2 × 19.99 − 7.95
    expect(settlement).toMatchObject({ itemsCents: 39_98, shippingCents: 7_95, refundCents: 32_03 });
  });

  it("GIVEN a restocking fee and a missing unit THEN the fee is the policy's percent of what came back", () => {
    const { settlement } = settle("refund", [{ id: "SHIRT", quantity: 1 }, { id: "JACKET", quantity: 1, missing: 1 }], policy({ restockingFeePercent: 10 }));
    // 10 % of 19.99 = 1.999 → 2.00; 19.99 − 2.00 − 7.95
    expect(settlement).toMatchObject({ itemsCents: 19_99, restockingCents: 2_00, refundCents: 10_04 });
  });

  it("GIVEN store credit with a missing unit THEN the bonus is the policy's percent of what came back", () => {
    const { settlement } = settle("store_credit", [{ id: "SHIRT", quantity: 1 }, { id: "JACKET", quantity: 1, missing: 1 }]);
    // bonus 10 % of 19.99 = 2.00; credit 19.99 − 7.95
    expect(settlement).toMatchObject({ itemsCents: 19_99, storeCreditCents: 12_04, bonusCents: 2_00 });
  });

  it("GIVEN a fee that lands on half a cent after a missing unit THEN it rounds half-up", () => {
    const p = order({ lineItems: [line("A", { quantity: 2, unitPrice: 12.25 })], fulfillments: [fulfillment("F1", { A: 2 })] });
    const quote = quoteReturn(policy({ restockingFeePercent: 10, returnShipping: { ...policy().returnShipping, paidBy: "merchant" } }), p, [{ lineItemId: "A", quantity: 2, reason: "other" }], "refund");
    const settlement = proposeSettlement(quote, "refund", [{ lineItemId: "A", quantity: 2, unitPrice: 12.25, missing: 1 }]);
    // 10 % of 12.25 = 1.225 → 1.23
    expect(settlement).toMatchObject({ itemsCents: 12_25, restockingCents: 1_23, refundCents: 11_02 });
  });

  it("GIVEN some unit came back THEN the return shipping fee stays as quoted", () => {
    const { settlement } = settle("refund", [{ id: "SHIRT", quantity: 3, missing: 2 }]);
    expect(settlement.shippingCents).toBe(7_95);
  });

  it("GIVEN every unit missing THEN nothing is paid, nothing is charged", () => {
    const { settlement } = settle("store_credit", [{ id: "SHIRT", quantity: 3, missing: 3 }, { id: "JACKET", quantity: 1, missing: 1 }], policy({ restockingFeePercent: 5 }));
    expect(settlement).toMatchObject({ itemsCents: 0, restockingCents: 0, shippingCents: 0, refundCents: 0, storeCreditCents: 0, bonusCents: 0 });
  });

  it("GIVEN an exchange with a unit missing THEN still no money moves", () => {
    const { settlement } = settle("exchange", [{ id: "SHIRT", quantity: 2, missing: 1 }]);
    expect(settlement).toMatchObject({ itemsCents: 19_99, refundCents: 0, storeCreditCents: 0, bonusCents: 0 });
  });
});

describe("proposeSettlement: fees larger than what came back", () => {
  const cheap = order({ lineItems: [line("X", { quantity: 2, unitPrice: 5 })], fulfillments: [fulfillment("F1", { X: 2 })] });
  const quoteFor = (resolution: Resolution) => quoteReturn(policy(), cheap, [{ lineItemId: "X", quantity: 2, reason: "other" }], resolution);

  it("GIVEN a refund whose fees pass the items THEN the refund is 0, never negative", () => {
    const settlement = proposeSettlement(quoteFor("refund"), "refund", [{ lineItemId: "X", quantity: 2, unitPrice: 5, missing: 1 }]);
    expect(settlement).toMatchObject({ itemsCents: 5_00, shippingCents: 7_95, refundCents: 0 });
  });

  it("GIVEN store credit whose fees pass the items THEN the shortfall comes off the bonus, as in the quote", () => {
    // 10.00 + 1.00 bonus − 7.95 = 3.05 quoted: credit 2.05 and bonus 1.00
    const whole = proposeSettlement(quoteFor("store_credit"), "store_credit", [{ lineItemId: "X", quantity: 2, unitPrice: 5, missing: 0 }]);
    expect(whole).toMatchObject({ storeCreditCents: 2_05, bonusCents: 1_00 });
    // 5.00 + 0.50 − 7.95 < 0: nothing at all
    const half = proposeSettlement(quoteFor("store_credit"), "store_credit", [{ lineItemId: "X", quantity: 2, unitPrice: 5, missing: 1 }]);
    expect(half).toMatchObject({ storeCreditCents: 0, bonusCents: 0 });
  });

  it("GIVEN the shortfall is smaller than the bonus THEN the rest of the bonus is kept", () => {
    const quote: ReturnQuote = { currency: "CAD", itemsValue: 8, restockingFee: 0, shippingFee: 8.5, storeCreditBonus: 2, expected: 1.5 };
    const settlement = proposeSettlement(quote, "store_credit", []);
    expect(settlement).toMatchObject({ storeCreditCents: 0, bonusCents: 1_50 });
  });
});

describe("proposeSettlement: quotes stored before percents were recorded", () => {
  it("GIVEN an old quote and a missing unit THEN the percents are read back from the quote's amounts", () => {
    // Quoted under 10 % restocking and 20 % bonus on 120.00 + 19.99.
    const old: ReturnQuote = { currency: "CAD", itemsValue: 139.99, restockingFee: 14, shippingFee: 0, storeCreditBonus: 28, expected: 153.99 };
    const settlement = proposeSettlement(old, "store_credit", [
      { lineItemId: "JACKET", quantity: 1, unitPrice: 120, missing: 0 },
      { lineItemId: "SHIRT", quantity: 1, unitPrice: 19.99, missing: 1 },
    ]);
    expect(settlement).toMatchObject({ itemsCents: 120_00, restockingCents: 12_00, bonusCents: 24_00, storeCreditCents: 108_00 });
  });
});

describe("proposeSettlement: what it refuses", () => {
  const { quote } = settle("refund", [{ id: "SHIRT", quantity: 2 }]);

  it.each([
    ["more missing than returned", { quantity: 2, missing: 3 }],
    ["a negative missing count", { quantity: 2, missing: -1 }],
    ["a fractional missing count", { quantity: 2, missing: 0.5 }],
    ["a fractional quantity", { quantity: 1.5, missing: 0 }],
    ["a missing count that is not a number", { quantity: 2, missing: Number.NaN }],
  ])("GIVEN %s THEN it throws", (_, counts) => {
    expect(() => proposeSettlement(quote, "refund", [{ lineItemId: "SHIRT", unitPrice: 19.99, ...counts }])).toThrow(RangeError);
  });
});

describe("adjustSettlement", () => {
  const refund = settle("refund", [{ id: "SHIRT", quantity: 3 }], policy({ restockingFeePercent: 10 })).settlement;
  // items 59.97, restocking 6.00, shipping 7.95 → refund 46.02
  const credit = settle("store_credit", [{ id: "SHIRT", quantity: 3 }]).settlement;
  // items 59.97, shipping 7.95 → credit 52.02, bonus 6.00
  const exchange = settle("exchange", [{ id: "SHIRT", quantity: 1 }]).settlement;

  it("GIVEN the proposal's own numbers THEN nothing is adjusted", () => {
    expect(refund.refundCents).toBe(46_02);
    expect(adjustSettlement(refund, { refundCents: 46_02 })).toEqual({ ok: true, settlement: refund });
  });

  it("GIVEN a lower refund and no reason THEN it is taken and marked adjusted", () => {
    expect(adjustSettlement(refund, { refundCents: 40_00 })).toEqual({ ok: true, settlement: { ...refund, refundCents: 40_00, adjusted: true } });
  });

  it("GIVEN only the bonus lowered THEN the store credit stays as proposed", () => {
    const result = adjustSettlement(credit, { bonusCents: 0 });
    expect(result).toEqual({ ok: true, settlement: { ...credit, bonusCents: 0, adjusted: true } });
  });

  it("GIVEN a higher refund without a reason THEN it is refused, saying a reason is needed", () => {
    expect(adjustSettlement(refund, { refundCents: 50_00 })).toEqual({
      ok: false,
      error: "Say why the refund is raised above the proposed 46.02 CAD: the reason is kept with the return.",
    });
  });

  it("GIVEN a higher store credit with a blank reason THEN it is refused", () => {
    expect(adjustSettlement(credit, { storeCreditCents: 55_00 }, "   ")).toMatchObject({ ok: false, error: expect.stringContaining("Say why the store credit") });
  });

  it("GIVEN a higher refund with a reason (waiving the fees) THEN it is taken, up to what was paid for the items", () => {
    expect(adjustSettlement(refund, { refundCents: 59_97 }, "Fees waived: late delivery")).toEqual({
      ok: true,
      settlement: { ...refund, refundCents: 59_97, adjusted: true },
    });
  });

  it("GIVEN one cent more than was paid for the items THEN it is refused, reason or not", () => {
    expect(adjustSettlement(refund, { refundCents: 59_98 }, "Goodwill")).toEqual({
      ok: false,
      error: "The refund cannot be more than 59.97 CAD, what was paid for the items that came back.",
    });
    expect(adjustSettlement(credit, { storeCreditCents: 59_98 }, "Goodwill")).toMatchObject({ ok: false, error: expect.stringMatching(/^The store credit cannot be more than 59\.97 CAD/) });
  });

  it("GIVEN the store credit raised to everything paid THEN the bonus comes on top, as proposed", () => {
    const result = adjustSettlement(credit, { storeCreditCents: 59_97 }, "Shipping refunded: wrong label");
    expect(result).toMatchObject({ ok: true, settlement: { storeCreditCents: 59_97, bonusCents: 6_00 } });
  });

  it("GIVEN a bonus above the policy's THEN it is refused, even with a reason", () => {
    expect(adjustSettlement(credit, { bonusCents: 6_01 }, "Loyal customer")).toEqual({
      ok: false,
      error: "The bonus cannot be more than the policy's 6.00 CAD. To give more, raise the store credit instead.",
    });
  });

  it.each([
    ["cents with a fraction", { refundCents: 10.5 }],
    ["a negative amount", { refundCents: -1 }],
    ["not a number", { refundCents: Number.NaN }],
    ["infinity", { refundCents: Number.POSITIVE_INFINITY }],
  ])("GIVEN %s THEN it is refused in plain words", (_, wanted) => {
    expect(adjustSettlement(refund, wanted, "reason")).toEqual({ ok: false, error: "The refund must be an amount of 0 or more, in whole cents." });
  });

  it("GIVEN store credit on a refund THEN it is refused: the resolution decides where the money goes", () => {
    expect(adjustSettlement(refund, { refundCents: 0, storeCreditCents: 46_02 }, "Shopper asked")).toMatchObject({
      ok: false,
      error: expect.stringContaining("A refund gives no store credit"),
    });
  });

  it("GIVEN a refund on a store-credit return THEN it is refused", () => {
    expect(adjustSettlement(credit, { refundCents: 1_00 }, "Shopper asked")).toMatchObject({ ok: false, error: expect.stringContaining("sends no money to the payment method") });
  });

  it("GIVEN any money on an exchange THEN it is refused", () => {
    expect(adjustSettlement(exchange, { refundCents: 5_00 }, "Price difference")).toMatchObject({ ok: false, error: expect.stringContaining("An exchange gives no money back") });
  });

  it("GIVEN an adjusted settlement passed again without changes THEN it stays marked adjusted", () => {
    const lowered = adjustSettlement(refund, { refundCents: 40_00 });
    if (!lowered.ok) throw new Error(lowered.error);
    expect(adjustSettlement(lowered.settlement, {})).toEqual({ ok: true, settlement: lowered.settlement });
  });
});
