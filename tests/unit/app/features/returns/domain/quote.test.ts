import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "../../../../../../app/features/returns/domain/eligibility";
import { autoApproveDecision, keepItems, quotePercents, quoteReturn, validateSelection } from "../../../../../../app/features/returns/domain/quote";
import type { ReturnPolicy, ReturnQuote, ReturnSelection } from "../../../../../../app/features/returns/domain/types";
import { fulfillment, line, order, policy, TORONTO } from "../../../../../helpers/return-builders";

/** Shirt 19.99 ×3, jacket 120.00 ×1, both delivered; a final-sale scarf 15.00. */
const o = order({
  lineItems: [
    line("SHIRT", { quantity: 3, unitPrice: 19.99 }),
    line("JACKET", { quantity: 1, unitPrice: 120 }),
    line("SCARF", { quantity: 1, unitPrice: 15, productTags: ["final-sale"] }),
  ],
  fulfillments: [fulfillment("F1", { SHIRT: 3, JACKET: 1, SCARF: 1 })],
});
const eligibility = evaluateEligibility({ policy: policy(), order: o, now: new Date("2026-11-15T12:00:00Z"), timeZone: TORONTO });

const pick = (lineItemId: string, quantity: number, reason = "changed-mind"): ReturnSelection => ({ lineItemId, quantity, reason });

describe("quoteReturn", () => {
  it("GIVEN a refund with the defaults THEN the shopper gets the items' value minus return shipping", () => {
    expect(quoteReturn(policy(), o, [pick("SHIRT", 2)], "refund")).toEqual({
      currency: "CAD",
      itemsValue: 39.98,
      restockingFee: 0,
      shippingFee: 7.95,
      storeCreditBonus: 0,
      expected: 32.03,
      restockingFeePercent: 0,
      storeCreditBonusPercent: 0,
    });
  });

  it("GIVEN store credit with a 10 % bonus THEN the bonus is added on the items' value, rounded half-up to cents", () => {
    // 59.97 × 10 % = 5.997 → 6.00; 59.97 + 6.00 − 7.95 = 58.02
    expect(quoteReturn(policy(), o, [pick("SHIRT", 3)], "store_credit")).toEqual({
      currency: "CAD",
      itemsValue: 59.97,
      restockingFee: 0,
      shippingFee: 7.95,
      storeCreditBonus: 6,
      expected: 58.02,
      restockingFeePercent: 0,
      storeCreditBonusPercent: 10,
    });
  });

  it("GIVEN an exchange THEN nothing comes back, no restocking fee and no bonus are charged", () => {
    const quote = quoteReturn(policy({ restockingFeePercent: 15 }), o, [pick("JACKET", 1)], "exchange");
    expect(quote).toMatchObject({ itemsValue: 120, restockingFee: 0, storeCreditBonus: 0, expected: 0 });
  });

  it("GIVEN an exchange under a policy with a restocking fee and a bonus THEN the quote records that neither percent was applied", () => {
    const quote = quoteReturn(policy({ restockingFeePercent: 15, storeCreditBonusPercent: 10 }), o, [pick("JACKET", 1)], "exchange");
    expect(quote).toMatchObject({ restockingFeePercent: 0, storeCreditBonusPercent: 0 });
  });

  it("GIVEN a refund under a policy with a bonus THEN the quote records the restocking percent and no bonus", () => {
    const quote = quoteReturn(policy({ restockingFeePercent: 12.5, storeCreditBonusPercent: 10 }), o, [pick("JACKET", 1)], "refund");
    expect(quote).toMatchObject({ restockingFeePercent: 12.5, storeCreditBonusPercent: 0 });
  });

  it("GIVEN a 12.5 % restocking fee on 59.97 THEN the fee is 7.50 (7.49625 rounded half-up)", () => {
    const quote = quoteReturn(policy({ restockingFeePercent: 12.5 }), o, [pick("SHIRT", 3)], "refund");
    expect(quote.restockingFee).toBe(7.5);
    expect(quote.expected).toBe(44.52); // 59.97 − 7.50 − 7.95
  });

  it("GIVEN a fee landing exactly on half a cent THEN it rounds up", () => {
    const p = order({ lineItems: [line("X", { unitPrice: 0.25 })], fulfillments: [fulfillment("F1", { X: 1 })] });
    // 0.25 × 10 % = 0.025 → 0.03
    expect(quoteReturn(policy({ restockingFeePercent: 10 }), p, [pick("X", 1, "damaged")], "refund").restockingFee).toBe(0.03);
  });

  it("GIVEN restocking and bonus together on store credit THEN both apply", () => {
    const quote = quoteReturn(policy({ restockingFeePercent: 5 }), o, [pick("JACKET", 1)], "store_credit");
    // 120 + 12 − 6 − 7.95
    expect(quote).toMatchObject({ restockingFee: 6, storeCreditBonus: 12, expected: 118.05 });
  });

  it("GIVEN prices that drift in floating point (0.10 + 0.20) THEN the items' value is exactly 0.30", () => {
    const p = order({
      lineItems: [line("A", { unitPrice: 0.1 }), line("B", { unitPrice: 0.2 })],
      fulfillments: [fulfillment("F1", { A: 1, B: 1 })],
    });
    expect(quoteReturn(policy(), p, [pick("A", 1), pick("B", 1)], "exchange").itemsValue).toBe(0.3);
  });

  it("GIVEN every selected reason is the merchant's fault THEN the customer pays no return shipping", () => {
    const quote = quoteReturn(policy(), o, [pick("SHIRT", 1, "damaged"), pick("JACKET", 1, "not-as-described")], "refund");
    expect(quote.shippingFee).toBe(0);
    expect(quote.expected).toBe(139.99);
  });

  it("GIVEN one merchant-fault reason and one change of mind THEN return shipping is charged", () => {
    const quote = quoteReturn(policy(), o, [pick("SHIRT", 1, "wrong-item"), pick("JACKET", 1, "changed-mind")], "refund");
    expect(quote.shippingFee).toBe(7.95);
  });

  it("GIVEN the merchant pays return shipping THEN no shipping fee is charged", () => {
    const p = policy({ returnShipping: { ...policy().returnShipping, paidBy: "merchant", fee: 7.95 } });
    expect(quoteReturn(p, o, [pick("SHIRT", 1)], "refund").shippingFee).toBe(0);
  });

  it("GIVEN fees larger than the items' value THEN the refund is 0, never negative", () => {
    const p = order({ lineItems: [line("X", { unitPrice: 5 })], fulfillments: [fulfillment("F1", { X: 1 })] });
    expect(quoteReturn(policy(), p, [pick("X", 1)], "refund")).toMatchObject({ itemsValue: 5, shippingFee: 7.95, expected: 0 });
  });

  it("GIVEN a line that is not on the order THEN quoting throws", () => {
    expect(() => quoteReturn(policy(), o, [pick("NOPE", 1)], "refund")).toThrow(/NOPE/);
  });

  it("GIVEN a fractional quantity THEN quoting throws", () => {
    expect(() => quoteReturn(policy(), o, [pick("SHIRT", 1.5)], "refund")).toThrow(RangeError);
  });
});

describe("quotePercents", () => {
  const stored = (fields: Partial<ReturnQuote>): ReturnQuote => ({
    currency: "CAD",
    itemsValue: 59.97,
    restockingFee: 0,
    shippingFee: 7.95,
    storeCreditBonus: 0,
    expected: 52.02,
    ...fields,
  });

  it("GIVEN a quote that recorded its percents THEN they are used as they are", () => {
    expect(quotePercents(stored({ restockingFee: 7.5, restockingFeePercent: 12.5, storeCreditBonusPercent: 0 }))).toEqual({
      restockingFeePercent: 12.5,
      storeCreditBonusPercent: 0,
    });
  });

  it("GIVEN an older quote without percents THEN each is read back as the roundest percent giving its amount", () => {
    // 6.00 on 59.97 is 10.005 %: 10 % gives 6.00 too, so 10 it is.
    expect(quotePercents(stored({ storeCreditBonus: 6, restockingFee: 7.5 }))).toEqual({ restockingFeePercent: 12.5, storeCreditBonusPercent: 10 });
  });

  it("GIVEN an older quote whose amount needs hundredths of a percent THEN they are kept", () => {
    // 12.34 % of 100.00 = 12.34
    expect(quotePercents(stored({ itemsValue: 100, restockingFee: 12.34 })).restockingFeePercent).toBe(12.34);
  });

  it("GIVEN an older quote for nothing (items worth 0) THEN both percents are 0", () => {
    expect(quotePercents(stored({ itemsValue: 0, restockingFee: 0, storeCreditBonus: 0 }))).toEqual({ restockingFeePercent: 0, storeCreditBonusPercent: 0 });
  });

  it("GIVEN a stored percent that is not a usable number THEN it is read back from the amount instead", () => {
    const hostile = { ...stored({ itemsValue: 100, restockingFee: 5 }), restockingFeePercent: Number.NaN, storeCreditBonusPercent: -3 };
    expect(quotePercents(hostile)).toEqual({ restockingFeePercent: 5, storeCreditBonusPercent: 0 });
  });
});

describe("keepItems", () => {
  const worth = (itemsValue: number): ReturnQuote => ({ currency: "CAD", itemsValue, restockingFee: 0, shippingFee: 0, storeCreditBonus: 0, expected: itemsValue });
  const below = (keepItemsBelow: number) => policy({ keepItemsBelow });

  it("GIVEN a refund worth less than the limit THEN the shopper keeps the items", () => {
    expect(keepItems(below(20), worth(19.99), "refund")).toBe(true);
  });

  it("GIVEN store credit worth exactly the limit THEN the shopper keeps the items", () => {
    expect(keepItems(below(20), worth(20), "store_credit")).toBe(true);
  });

  it("GIVEN one cent over the limit THEN the items come back", () => {
    expect(keepItems(below(20), worth(20.01), "refund")).toBe(false);
  });

  it("GIVEN an exchange under the limit THEN the items come back all the same", () => {
    expect(keepItems(below(20), worth(5), "exchange")).toBe(false);
  });

  it("GIVEN the limit at 0 (the default) THEN items always come back, even free ones", () => {
    expect(keepItems(policy(), worth(0), "refund")).toBe(false);
  });

  it("GIVEN amounts that drift in floating point THEN they are compared in cents", () => {
    expect(keepItems(below(0.3), worth(0.1 + 0.2), "refund")).toBe(true);
  });
});

describe("validateSelection", () => {
  const validate = (selection: ReturnSelection[], opts: { resolution?: "refund" | "store_credit" | "exchange"; photos?: Record<string, number>; policy?: ReturnPolicy } = {}) =>
    validateSelection(eligibility, opts.policy ?? policy(), selection, opts.resolution ?? "refund", opts.photos ?? {});

  it("GIVEN a returnable quantity, a known reason and an offered resolution THEN it is ok", () => {
    expect(validate([pick("SHIRT", 3), pick("JACKET", 1, "size-too-large")])).toEqual({ ok: true });
  });

  it("GIVEN nothing selected THEN the items error asks for at least one", () => {
    expect(validate([])).toEqual({ ok: false, errors: [{ field: "items", message: "Choose at least one item to return" }] });
  });

  it("GIVEN the same line twice THEN it is reported once as a duplicate", () => {
    expect(validate([pick("SHIRT", 1), pick("SHIRT", 1)])).toEqual({
      ok: false,
      errors: [{ lineItemId: "SHIRT", field: "items", message: "This item is listed more than once" }],
    });
  });

  it("GIVEN a line that is not on the order THEN it is an items error", () => {
    expect(validate([pick("NOPE", 1)])).toEqual({
      ok: false,
      errors: [{ lineItemId: "NOPE", field: "items", message: "This item is not on the order" }],
    });
  });

  it("GIVEN quantity 0 THEN it is a quantity error with the allowed range", () => {
    expect(validate([pick("SHIRT", 0)])).toEqual({
      ok: false,
      errors: [{ lineItemId: "SHIRT", field: "quantity", message: "Choose a quantity between 1 and 3" }],
    });
  });

  it("GIVEN more than is returnable THEN it is a quantity error", () => {
    expect(validate([pick("JACKET", 2)])).toEqual({
      ok: false,
      errors: [{ lineItemId: "JACKET", field: "quantity", message: "Only 1 can be returned" }],
    });
  });

  it("GIVEN a fractional quantity THEN it is a quantity error", () => {
    expect(validate([pick("SHIRT", 1.5)])).toMatchObject({ ok: false, errors: [{ field: "quantity" }] });
  });

  it("GIVEN a line that cannot be returned at all THEN the quantity error says so", () => {
    expect(validate([pick("SCARF", 1)])).toEqual({
      ok: false,
      errors: [{ lineItemId: "SCARF", field: "quantity", message: "Item SCARF cannot be returned" }],
    });
  });

  it("GIVEN an unknown reason handle THEN it is a reason error", () => {
    expect(validate([pick("SHIRT", 1, "color")])).toEqual({
      ok: false,
      errors: [{ lineItemId: "SHIRT", field: "reason", message: "Choose a reason for the return" }],
    });
  });

  it("GIVEN 'damaged' without photos THEN a photo is required", () => {
    expect(validate([pick("SHIRT", 1, "damaged")])).toEqual({
      ok: false,
      errors: [{ lineItemId: "SHIRT", field: "photos", message: 'Add at least one photo (needed for "Damaged or defective")' }],
    });
  });

  it("GIVEN 'wrong-item' with one photo THEN it is ok", () => {
    expect(validate([pick("SHIRT", 1, "wrong-item")], { photos: { SHIRT: 1 } })).toEqual({ ok: true });
  });

  it("GIVEN four photos THEN it is a photos error (at most 3)", () => {
    expect(validate([pick("SHIRT", 1, "damaged")], { photos: { SHIRT: 4 } })).toEqual({
      ok: false,
      errors: [{ lineItemId: "SHIRT", field: "photos", message: "Add at most 3 photos" }],
    });
  });

  it("GIVEN a resolution the policy does not offer THEN it is a resolution error", () => {
    const p = policy({ resolutions: ["refund", "exchange"] });
    expect(validate([pick("SHIRT", 1)], { policy: p, resolution: "store_credit" })).toEqual({
      ok: false,
      errors: [{ field: "resolution", message: "Choose one of the offered resolutions" }],
    });
  });

  it("GIVEN several problems THEN every one is reported", () => {
    const verdict = validate([pick("SHIRT", 9, "damaged"), pick("JACKET", 1, "nope")], { resolution: "bogus" as "refund" });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.errors.map((e) => [e.lineItemId ?? null, e.field])).toEqual([
        [null, "resolution"],
        ["SHIRT", "quantity"],
        ["SHIRT", "photos"],
        ["JACKET", "reason"],
      ]);
    }
  });
});

describe("autoApproveDecision", () => {
  const quote = (itemsValue: number): ReturnQuote => ({
    currency: "CAD",
    itemsValue,
    restockingFee: 0,
    shippingFee: 0,
    storeCreditBonus: 0,
    expected: itemsValue,
  });

  it("GIVEN the defaults, 45.00 and a change of mind THEN it is approved", () => {
    expect(autoApproveDecision(policy(), quote(45), [pick("SHIRT", 1)])).toEqual({
      approve: true,
      because: "Items value 45.00 CAD is within the auto-approve limit of 150.00 CAD and no reason needs review",
    });
  });

  it("GIVEN exactly the limit THEN it is approved", () => {
    expect(autoApproveDecision(policy(), quote(150), [pick("SHIRT", 1)]).approve).toBe(true);
  });

  it("GIVEN one cent over the limit THEN a person decides", () => {
    expect(autoApproveDecision(policy(), quote(150.01), [pick("SHIRT", 1)])).toEqual({
      approve: false,
      because: "Items value 150.01 CAD is above the auto-approve limit of 150.00 CAD",
    });
  });

  it("GIVEN a 'damaged' reason THEN a person decides", () => {
    expect(autoApproveDecision(policy(), quote(20), [pick("SHIRT", 1), pick("JACKET", 1, "damaged")])).toEqual({
      approve: false,
      because: 'Reason "damaged" needs a person to review',
    });
  });

  it("GIVEN auto-approve turned off THEN a person decides", () => {
    const p = policy({ autoApprove: { enabled: false, maxValue: 150, excludedReasons: [] } });
    expect(autoApproveDecision(p, quote(1), [pick("SHIRT", 1)])).toEqual({ approve: false, because: "Auto-approve is off" });
  });

  it("GIVEN nothing selected THEN it is not approved", () => {
    expect(autoApproveDecision(policy(), quote(0), []).approve).toBe(false);
  });
});
