import { describe, expect, it } from "vitest";
import { evaluateEligibility, returnWindowEnd } from "../../../../../../app/features/returns/domain/eligibility";
import type { ReturnPolicy, ReturnableOrder } from "../../../../../../app/features/returns/domain/types";
import { fulfillment, line, order, policy, TORONTO } from "../../../../../helpers/return-builders";

const NOW = new Date("2026-11-15T12:00:00Z");

function evaluate(o: ReturnableOrder, opts: { now?: Date | string; timeZone?: string; policy?: ReturnPolicy } = {}) {
  const now = opts.now === undefined ? NOW : new Date(opts.now);
  return evaluateEligibility({ policy: opts.policy ?? policy(), order: o, now, timeZone: opts.timeZone ?? TORONTO });
}

/** The first line's eligibility. */
function first(o: ReturnableOrder, opts: Parameters<typeof evaluate>[1] = {}) {
  const result = evaluate(o, opts).lines[0];
  if (!result) throw new Error("no line");
  return result;
}

/** Two shirts, shipped in one fulfillment, delivered 2026-11-01 10:00 Toronto (EST). */
const shipped = (deliveredAt: string | null = "2026-11-01T15:00:00Z", createdAt = "2026-10-30T15:00:00Z") =>
  order({ lineItems: [line("L1", { quantity: 2 })], fulfillments: [fulfillment("F1", { L1: 2 }, { createdAt, deliveredAt })] });

describe("return window in the shop's time zone", () => {
  it("GIVEN delivery 2026-11-01 10:00 Toronto and 30 days WHEN it is 2026-12-01 23:59:59.999 Toronto THEN both units can be returned", () => {
    const result = first(shipped(), { now: "2026-12-02T04:59:59.999Z" });
    expect(result.returnable).toBe(2);
    expect(result.reasons).toEqual([]);
  });

  it("GIVEN delivery 2026-11-01 10:00 Toronto and 30 days WHEN it is 2026-12-02 00:00 Toronto THEN the window has passed", () => {
    const result = first(shipped(), { now: "2026-12-02T05:00:00.000Z" });
    expect(result.returnable).toBe(0);
    expect(result.reasons).toEqual(["window_passed"]);
    expect(result.sources).toEqual([]);
    expect(result.rules.find((r) => r.rule === "window")).toEqual({
      rule: "window",
      passed: false,
      detail: "Delivered 2026-11-01; window ended 2026-12-01 (30 days)",
    });
  });

  it("GIVEN delivery 2026-11-01 Toronto THEN windowEndsAt is the last millisecond of 2026-12-01 Toronto, in UTC", () => {
    expect(first(shipped()).windowEndsAt).toBe("2026-12-02T04:59:59.999Z");
  });

  it("GIVEN an open window THEN the window rule says when it was delivered and when the window ends", () => {
    expect(first(shipped()).rules.find((r) => r.rule === "window")).toEqual({
      rule: "window",
      passed: true,
      detail: "Delivered 2026-11-01; window ends 2026-12-01 (30 days)",
    });
  });

  it("GIVEN a delivery late in the Toronto evening (already the next day in UTC) THEN the window counts from the Toronto day", () => {
    // 2026-11-01 23:30 EST is 2026-11-02 04:30 UTC.
    expect(first(shipped("2026-11-02T04:30:00Z")).windowEndsAt).toBe("2026-12-02T04:59:59.999Z");
  });

  it("GIVEN a window spanning the November fall-back in Toronto THEN it ends at midnight EST, not EDT", () => {
    // Delivered 2026-10-20 10:00 EDT; ends 2026-11-19 23:59:59.999 EST (UTC−5).
    expect(first(shipped("2026-10-20T14:00:00Z")).windowEndsAt).toBe("2026-11-20T04:59:59.999Z");
  });

  it("GIVEN a window ending on the fall-back day itself (25 hours long) THEN it ends at that day's last EST millisecond", () => {
    // Delivered 2026-10-02 EDT + 30 days = 2026-11-01, when clocks go back at 02:00.
    expect(first(shipped("2026-10-02T14:00:00Z")).windowEndsAt).toBe("2026-11-02T04:59:59.999Z");
  });

  it("GIVEN a window spanning the March spring-forward in Toronto THEN it ends at midnight EDT", () => {
    // Delivered 2026-02-20 10:00 EST; ends 2026-03-22 23:59:59.999 EDT (UTC−4).
    expect(first(shipped("2026-02-20T15:00:00Z")).windowEndsAt).toBe("2026-03-23T03:59:59.999Z");
  });

  it("GIVEN a window ending on the spring-forward day itself (23 hours long) THEN it ends at that day's last EDT millisecond", () => {
    // Delivered 2026-02-06 EST + 30 days = 2026-03-08, when clocks jump at 02:00.
    const o = shipped("2026-02-06T15:00:00Z");
    expect(first(o).windowEndsAt).toBe("2026-03-09T03:59:59.999Z");
    expect(first(o, { now: "2026-03-09T03:59:59.999Z" }).returnable).toBe(2);
    expect(first(o, { now: "2026-03-09T04:00:00.000Z" }).returnable).toBe(0);
  });

  it("GIVEN Pacific/Auckland (UTC+13 in November) and a delivery at local midnight THEN the window counts from that local day", () => {
    // 2026-11-01 11:00 UTC is 2026-11-02 00:00 NZDT.
    const o = shipped("2026-11-01T11:00:00Z");
    const tz = { timeZone: "Pacific/Auckland" };
    expect(first(o, tz).windowEndsAt).toBe("2026-12-02T10:59:59.999Z");
    expect(first(o, { ...tz, now: "2026-12-02T10:59:59.999Z" }).returnable).toBe(2);
    expect(first(o, { ...tz, now: "2026-12-02T11:00:00.000Z" }).returnable).toBe(0);
  });

  it("GIVEN Pacific/Auckland and a delivery one second before local midnight THEN the window is a day shorter", () => {
    // 2026-11-01 10:59:59 UTC is 2026-11-01 23:59:59 NZDT.
    expect(first(shipped("2026-11-01T10:59:59Z"), { timeZone: "Pacific/Auckland" }).windowEndsAt).toBe(
      "2026-12-01T10:59:59.999Z",
    );
  });

  it("GIVEN Pacific/Auckland and a window spanning the April DST end THEN it ends at midnight NZST (UTC+12)", () => {
    // Delivered 2026-03-20 13:00 NZDT; ends 2026-04-19 23:59:59.999 NZST.
    expect(first(shipped("2026-03-20T00:00:00Z"), { timeZone: "Pacific/Auckland" }).windowEndsAt).toBe(
      "2026-04-19T11:59:59.999Z",
    );
  });

  it("GIVEN Asia/Tokyo (UTC+9, no DST) THEN the window ends at the last millisecond of the Tokyo day", () => {
    // 2026-11-01 16:00 UTC is 2026-11-02 01:00 JST.
    const o = shipped("2026-11-01T16:00:00Z");
    expect(first(o, { timeZone: "Asia/Tokyo" }).windowEndsAt).toBe("2026-12-02T14:59:59.999Z");
    expect(first(o, { timeZone: "Asia/Tokyo", now: "2026-12-02T15:00:00.000Z" }).reasons).toEqual(["window_passed"]);
  });

  it("GIVEN no delivery date THEN the window starts at the fulfillment's date", () => {
    const result = first(shipped(null, "2026-10-30T15:00:00Z"));
    expect(result.windowEndsAt).toBe("2026-11-30T04:59:59.999Z");
    expect(result.rules.find((r) => r.rule === "window")?.detail).toBe(
      "Fulfilled (no delivery date yet) 2026-10-30; window ends 2026-11-29 (30 days)",
    );
  });

  it("GIVEN a policy counting from fulfillment THEN a known delivery date is ignored", () => {
    const result = first(shipped(), { policy: policy({ windowStartsAt: "fulfillment" }) });
    expect(result.windowEndsAt).toBe("2026-11-30T04:59:59.999Z");
    expect(result.rules.find((r) => r.rule === "window")?.detail).toBe("Fulfilled 2026-10-30; window ends 2026-11-29 (30 days)");
  });

  it("GIVEN a 1-day window THEN the shopper has until the end of the day after delivery", () => {
    const result = first(shipped(), { policy: policy({ windowDays: 1 }), now: "2026-11-02T12:00:00Z" });
    expect(result.windowEndsAt).toBe("2026-11-03T04:59:59.999Z");
    expect(result.rules.find((r) => r.rule === "window")?.detail).toBe("Delivered 2026-11-01; window ends 2026-11-02 (1 day)");
  });

  it("GIVEN returnWindowEnd THEN it gives the same instant as the engine", () => {
    expect(returnWindowEnd(new Date("2026-11-01T15:00:00Z"), 30, TORONTO).toISOString()).toBe("2026-12-02T04:59:59.999Z");
  });

  it("GIVEN an unknown time zone THEN evaluation throws a RangeError naming it", () => {
    expect(() => first(shipped(), { timeZone: "Mars/Olympus" })).toThrow(/Mars\/Olympus/);
  });
});

describe("fulfillments", () => {
  it("GIVEN two deliveries of the same line THEN the window counts from the later one and both are sources", () => {
    const o = order({
      lineItems: [line("L1", { quantity: 3 })],
      fulfillments: [
        fulfillment("F1", { L1: 1 }, { deliveredAt: "2026-11-01T15:00:00Z" }),
        fulfillment("F2", { L1: 2 }, { createdAt: "2026-11-05T15:00:00Z", deliveredAt: "2026-11-10T15:00:00Z" }),
      ],
    });
    const result = first(o, { now: "2026-12-05T12:00:00Z" });
    expect(result.windowEndsAt).toBe("2026-12-11T04:59:59.999Z");
    expect(result.returnable).toBe(3);
    expect(result.sources).toEqual([
      { fulfillmentLineItemId: "F1-L1", quantity: 1 },
      { fulfillmentLineItemId: "F2-L1", quantity: 2 },
    ]);
  });

  it("GIVEN one delivered shipment and a later one still in transit THEN the window counts from the later shipment's fulfillment", () => {
    const o = order({
      lineItems: [line("L1", { quantity: 2 })],
      fulfillments: [
        fulfillment("F1", { L1: 1 }, { deliveredAt: "2026-11-01T15:00:00Z" }),
        fulfillment("F2", { L1: 1 }, { createdAt: "2026-11-20T15:00:00Z", deliveredAt: null }),
      ],
    });
    expect(first(o).windowEndsAt).toBe("2026-12-21T04:59:59.999Z");
  });

  it("GIVEN a fulfillment of another line only THEN it does not move this line's window", () => {
    const o = order({
      lineItems: [line("L1"), line("L2")],
      fulfillments: [
        fulfillment("F1", { L1: 1 }, { deliveredAt: "2026-11-01T15:00:00Z" }),
        fulfillment("F2", { L2: 1 }, { deliveredAt: "2026-11-20T15:00:00Z" }),
      ],
    });
    expect(evaluate(o).lines.map((l) => l.windowEndsAt)).toEqual(["2026-12-02T04:59:59.999Z", "2026-12-21T04:59:59.999Z"]);
  });

  it("GIVEN a cancelled (non-SUCCESS) fulfillment only THEN the line is not fulfilled", () => {
    const o = order({
      lineItems: [line("L1")],
      fulfillments: [fulfillment("F1", { L1: 1 }, { status: "CANCELLED" })],
      returnable: [],
    });
    const result = first(o);
    expect(result.returnable).toBe(0);
    expect(result.windowEndsAt).toBeNull();
    expect(result.reasons).toEqual(["not_fulfilled"]);
  });

  it("GIVEN nothing fulfilled THEN nothing is returnable, there is no window, and the reason is not_fulfilled", () => {
    const result = first(order({ lineItems: [line("L1", { quantity: 2 })], fulfillments: [] }));
    expect(result).toMatchObject({ purchased: 2, returnable: 0, windowEndsAt: null, reasons: ["not_fulfilled"], sources: [] });
    expect(result.rules.find((r) => r.rule === "fulfilled")).toEqual({
      rule: "fulfilled",
      passed: false,
      detail: "Not fulfilled yet (0 of 2)",
    });
    expect(result.rules.find((r) => r.rule === "window")?.detail).toBe("Not fulfilled yet; the 30-day window starts at delivery");
  });

  it("GIVEN 2 of 3 units fulfilled THEN the 2 are returnable and not_fulfilled is listed", () => {
    const o = order({ lineItems: [line("L1", { quantity: 3 })], fulfillments: [fulfillment("F1", { L1: 2 })] });
    const result = first(o);
    expect(result.returnable).toBe(2);
    expect(result.reasons).toEqual(["not_fulfilled"]);
    expect(result.rules.find((r) => r.rule === "fulfilled")).toEqual({ rule: "fulfilled", passed: true, detail: "2 of 3 fulfilled" });
  });

  it("GIVEN a line reduced after fulfillment (refund without return) THEN no more than the current quantity is returnable", () => {
    const o = order({ lineItems: [line("L1", { quantity: 1 })], fulfillments: [fulfillment("F1", { L1: 2 })] });
    const result = first(o);
    expect(result.purchased).toBe(1);
    expect(result.returnable).toBe(1);
    expect(result.sources).toEqual([{ fulfillmentLineItemId: "F1-L1", quantity: 1 }]);
  });

  it("GIVEN Shopify reports more returnable than was fulfilled THEN returnable is capped at the fulfilled units", () => {
    const o = order({
      lineItems: [line("L1", { quantity: 3 })],
      fulfillments: [fulfillment("F1", { L1: 1 })],
      returnable: [{ fulfillmentLineItemId: "F1-L1", lineItemId: "L1", quantity: 5 }],
    });
    expect(first(o)).toMatchObject({ returnable: 1, sources: [{ fulfillmentLineItemId: "F1-L1", quantity: 1 }] });
  });
});

describe("final sale and excluded product types", () => {
  it("GIVEN a product tagged ' Final-Sale ' and the policy tag 'final-sale' THEN nothing is returnable and the reason is final_sale", () => {
    const o = order({
      lineItems: [line("L1", { productTags: ["summer", " Final-Sale "] })],
      fulfillments: [fulfillment("F1", { L1: 1 })],
    });
    const result = first(o);
    expect(result.returnable).toBe(0);
    expect(result.reasons).toEqual(["final_sale"]);
    expect(result.sources).toEqual([]);
    expect(result.rules.find((r) => r.rule === "final_sale")).toEqual({ rule: "final_sale", passed: false, detail: "Tagged Final-Sale" });
  });

  it("GIVEN a policy tag with odd case and spaces THEN it still matches the product's tag", () => {
    const o = order({ lineItems: [line("L1", { productTags: ["clearance"] })], fulfillments: [fulfillment("F1", { L1: 1 })] });
    expect(first(o, { policy: policy({ finalSaleTags: ["  CLEARANCE "] }) }).reasons).toEqual(["final_sale"]);
  });

  it("GIVEN a tag that only contains the final-sale tag as a substring THEN it is not final sale", () => {
    const o = order({ lineItems: [line("L1", { productTags: ["not-final-sale-really"] })], fulfillments: [fulfillment("F1", { L1: 1 })] });
    expect(first(o).returnable).toBe(1);
  });

  it("GIVEN product type 'gift card' and the excluded type 'Gift Card' THEN nothing is returnable and the reason is excluded_type", () => {
    const o = order({ lineItems: [line("L1", { productType: "gift card" })], fulfillments: [fulfillment("F1", { L1: 1 })] });
    const result = first(o);
    expect(result.returnable).toBe(0);
    expect(result.reasons).toEqual(["excluded_type"]);
    expect(result.rules.find((r) => r.rule === "product_type")).toEqual({
      rule: "product_type",
      passed: false,
      detail: "Product type gift card cannot be returned",
    });
  });

  it("GIVEN no product type THEN the product-type rule passes", () => {
    const o = order({ lineItems: [line("L1", { productType: null })], fulfillments: [fulfillment("F1", { L1: 1 })] });
    expect(first(o).rules.find((r) => r.rule === "product_type")).toEqual({ rule: "product_type", passed: true, detail: "No product type" });
  });

  it("GIVEN a final-sale item past its window THEN both reasons are listed", () => {
    const o = order({ lineItems: [line("L1", { productTags: ["final-sale"] })], fulfillments: [fulfillment("F1", { L1: 1 })] });
    expect(first(o, { now: "2027-01-15T12:00:00Z" }).reasons).toEqual(["window_passed", "final_sale"]);
  });
});

describe("quantities already returned or requested", () => {
  const twoShipments = (extra: { returnable?: ReturnableOrder["returnable"]; pending?: ReturnableOrder["pending"] }) =>
    order({
      lineItems: [line("L1", { quantity: 3 })],
      fulfillments: [fulfillment("F1", { L1: 1 }), fulfillment("F2", { L1: 2 })],
      ...extra,
    });

  it("GIVEN one of three units in our pending request THEN two are returnable, taken from the first fulfillment line items", () => {
    const result = first(twoShipments({ pending: [{ lineItemId: "L1", quantity: 1 }] }));
    expect(result.returnable).toBe(2);
    expect(result.reasons).toEqual(["already_returned"]);
    expect(result.sources).toEqual([
      { fulfillmentLineItemId: "F1-L1", quantity: 1 },
      { fulfillmentLineItemId: "F2-L1", quantity: 1 },
    ]);
    expect(result.rules.find((r) => r.rule === "quantity")).toEqual({
      rule: "quantity",
      passed: true,
      detail: "2 of 3 fulfilled can still be returned; 1 in a request not yet sent to Shopify",
    });
  });

  it("GIVEN two pending units THEN they are subtracted from the last fulfillment line item first", () => {
    const result = first(twoShipments({ pending: [{ lineItemId: "L1", quantity: 2 }] }));
    expect(result.sources).toEqual([{ fulfillmentLineItemId: "F1-L1", quantity: 1 }]);
  });

  it("GIVEN Shopify says one unit was already returned THEN the rest is returnable and already_returned is listed", () => {
    const result = first(
      twoShipments({
        returnable: [
          { fulfillmentLineItemId: "F1-L1", lineItemId: "L1", quantity: 0 },
          { fulfillmentLineItemId: "F2-L1", lineItemId: "L1", quantity: 2 },
        ],
      }),
    );
    expect(result.returnable).toBe(2);
    expect(result.reasons).toEqual(["already_returned"]);
    expect(result.sources).toEqual([{ fulfillmentLineItemId: "F2-L1", quantity: 2 }]);
    expect(result.rules.find((r) => r.rule === "quantity")?.detail).toBe(
      "2 of 3 fulfilled can still be returned; 1 already returned or requested in Shopify",
    );
  });

  it("GIVEN every unit already returned THEN nothing is returnable and the quantity rule fails", () => {
    const result = first(twoShipments({ returnable: [] }));
    expect(result.returnable).toBe(0);
    expect(result.reasons).toEqual(["already_returned"]);
    expect(result.rules.find((r) => r.rule === "quantity")?.passed).toBe(false);
  });

  it("GIVEN more pending units than Shopify still allows THEN returnable is 0, never negative", () => {
    const result = first(twoShipments({ pending: [{ lineItemId: "L1", quantity: 5 }] }));
    expect(result.returnable).toBe(0);
    expect(result.sources).toEqual([]);
  });

  it("GIVEN pending units of another line THEN this line is unaffected", () => {
    expect(first(twoShipments({ pending: [{ lineItemId: "L9", quantity: 3 }] })).returnable).toBe(3);
  });
});

describe("cancelled orders", () => {
  it("GIVEN a cancelled order never fulfilled THEN nothing is returnable and the reason is not_fulfilled", () => {
    const o = order({ lineItems: [line("L1")], fulfillments: [], cancelledAt: "2026-11-03T15:00:00Z" });
    const result = first(o);
    expect(result.returnable).toBe(0);
    expect(result.reasons).toEqual(["not_fulfilled"]);
  });

  it("GIVEN a cancelled order that was fulfilled THEN nothing is returnable, the quantity rule names the cancellation, and the reason is already_returned", () => {
    const o = order({ lineItems: [line("L1")], fulfillments: [fulfillment("F1", { L1: 1 })], cancelledAt: "2026-11-03T15:00:00Z" });
    const eligibility = evaluate(o);
    const result = eligibility.lines[0];
    expect(eligibility.anyReturnable).toBe(false);
    expect(result?.returnable).toBe(0);
    expect(result?.sources).toEqual([]);
    expect(result?.reasons).toEqual(["already_returned"]);
    expect(result?.rules.find((r) => r.rule === "window")?.passed).toBe(true);
    expect(result?.rules.find((r) => r.rule === "quantity")).toEqual({
      rule: "quantity",
      passed: false,
      detail: "Order cancelled 2026-11-03; nothing can be returned",
    });
  });
});

describe("the whole order", () => {
  it("GIVEN a delivered item within its window THEN the five rules pass with staff-readable details", () => {
    expect(first(shipped()).rules).toEqual([
      { rule: "fulfilled", passed: true, detail: "2 of 2 fulfilled" },
      { rule: "window", passed: true, detail: "Delivered 2026-11-01; window ends 2026-12-01 (30 days)" },
      { rule: "final_sale", passed: true, detail: "Not final sale" },
      { rule: "product_type", passed: true, detail: "Product type Shirts can be returned" },
      { rule: "quantity", passed: true, detail: "2 of 2 fulfilled can still be returned" },
    ]);
  });

  it("GIVEN a line THEN its display fields and price are carried over", () => {
    const o = order({
      lineItems: [line("L1", { title: "Harbor Tee", variantTitle: "M / Navy", imageUrl: "https://cdn.example/tee.png", unitPrice: 32.5 })],
      fulfillments: [fulfillment("F1", { L1: 1 })],
    });
    expect(first(o)).toMatchObject({
      lineItemId: "L1",
      title: "Harbor Tee",
      variantTitle: "M / Navy",
      imageUrl: "https://cdn.example/tee.png",
      unitPrice: 32.5,
    });
  });

  it("GIVEN one returnable line and one final-sale line THEN anyReturnable is true and lines keep the order's order", () => {
    const o = order({
      lineItems: [line("L1", { productTags: ["final-sale"] }), line("L2")],
      fulfillments: [fulfillment("F1", { L1: 1, L2: 1 })],
    });
    const eligibility = evaluate(o, { policy: policy({ version: 7 }) });
    expect(eligibility.policyVersion).toBe(7);
    expect(eligibility.anyReturnable).toBe(true);
    expect(eligibility.lines.map((l) => [l.lineItemId, l.returnable])).toEqual([
      ["L1", 0],
      ["L2", 1],
    ]);
  });

  it("GIVEN nothing returnable on any line THEN anyReturnable is false", () => {
    expect(evaluate(shipped(), { now: "2027-03-01T00:00:00Z" }).anyReturnable).toBe(false);
  });
});
