import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_RETURN_POLICY, parsePolicy, ReturnPolicySchema } from "../../../../../../app/features/policies/domain/returns";
import { policy } from "../../../../../helpers/return-builders";

/** The messages parsePolicy throws for a value, by dotted path. */
function problems(value: unknown): Record<string, string> {
  try {
    parsePolicy(value);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message]));
  }
  throw new Error("expected the policy to be rejected");
}

describe("DEFAULT_RETURN_POLICY", () => {
  it("GIVEN the defaults THEN they are a valid policy", () => {
    expect(ReturnPolicySchema.safeParse(DEFAULT_RETURN_POLICY).success).toBe(true);
  });

  it("GIVEN the defaults THEN they are 30 days from delivery, all resolutions, P2 response, customer pays 7.95", () => {
    expect(DEFAULT_RETURN_POLICY).toMatchObject({
      version: 1,
      windowDays: 30,
      windowStartsAt: "delivery",
      finalSaleTags: ["final-sale"],
      excludedProductTypes: ["Gift Card"],
      resolutions: ["refund", "store_credit", "exchange"],
      storeCreditBonusPercent: 10,
      restockingFeePercent: 0,
      returnShipping: { paidBy: "customer", fee: 7.95 },
      autoApprove: { enabled: true, maxValue: 150, excludedReasons: ["damaged", "wrong-item"] },
      responseTargetHours: 2,
    });
  });

  it("GIVEN the default reasons THEN photos are required exactly for damaged and wrong-item", () => {
    expect(DEFAULT_RETURN_POLICY.reasons.filter((r) => r.photoRequired).map((r) => r.handle)).toEqual(["damaged", "wrong-item"]);
  });

  it("GIVEN the default reasons THEN each is sent to Shopify as its standard return reason", () => {
    expect(Object.fromEntries(DEFAULT_RETURN_POLICY.reasons.map((r) => [r.handle, r.shopifyHandle]))).toEqual({
      "size-too-small": "too-small",
      "size-too-large": "too-large",
      damaged: "defective",
      "wrong-item": "wrong-item",
      "not-as-described": "not-as-described",
      "changed-mind": "unwanted",
      other: "other",
    });
  });

  it("GIVEN the defaults THEN shoppers post items back themselves, always send them, and staff issue the money", () => {
    expect(DEFAULT_RETURN_POLICY).toMatchObject({
      returnShipping: { method: "shopper_ships", returnAddress: "", instructions: "" },
      keepItemsBelow: 0,
      processing: { automatic: false },
      receiveOnCarrierDelivery: true,
    });
  });

  it("GIVEN the defaults THEN they cannot be mutated by accident", () => {
    expect(Object.isFrozen(DEFAULT_RETURN_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETURN_POLICY.reasons[0])).toBe(true);
  });
});

describe("parsePolicy", () => {
  it("GIVEN a valid policy with extra keys and padded tags THEN it is returned trimmed, without the extra keys", () => {
    const parsed = parsePolicy({ ...policy({ finalSaleTags: ["  final-sale "] }), legacy: true });
    expect(parsed.finalSaleTags).toEqual(["final-sale"]);
    expect("legacy" in parsed).toBe(false);
  });

  it("GIVEN a 0-day window THEN the window must be 1–365 days", () => {
    expect(problems(policy({ windowDays: 0 }))).toEqual({ windowDays: "Return window must be between 1 and 365 days" });
  });

  it("GIVEN a 366-day window THEN the window must be 1–365 days", () => {
    expect(problems(policy({ windowDays: 366 }))).toEqual({ windowDays: "Return window must be between 1 and 365 days" });
  });

  it("GIVEN a fractional window THEN it must be whole days", () => {
    expect(problems(policy({ windowDays: 14.5 }))).toEqual({ windowDays: "Return window must be a whole number of days" });
  });

  it("GIVEN percents outside 0–100 THEN each is reported", () => {
    expect(problems(policy({ storeCreditBonusPercent: 101, restockingFeePercent: -1 }))).toEqual({
      storeCreditBonusPercent: "Store-credit bonus must be between 0 and 100 %",
      restockingFeePercent: "Restocking fee must be between 0 and 100 %",
    });
  });

  it("GIVEN no resolutions THEN at least one must be offered", () => {
    expect(problems(policy({ resolutions: [] }))).toEqual({ resolutions: "Offer at least one resolution" });
  });

  it("GIVEN an unknown resolution THEN it is named in the message", () => {
    expect(problems({ ...policy(), resolutions: ["refund", "gift"] })).toEqual({
      "resolutions.1": "Resolution must be refund, store_credit or exchange",
    });
  });

  it("GIVEN a repeated reason handle THEN the second is reported", () => {
    const p = policy();
    p.reasons.push({ handle: "damaged", label: "Broken", photoRequired: false, shopifyHandle: "defective" });
    expect(problems(p)).toEqual({ "reasons.7.handle": 'Reason handle "damaged" is used more than once' });
  });

  it("GIVEN a reason handle that is not a lowercase slug THEN it is rejected", () => {
    const p = policy();
    p.reasons[0] = { handle: "Too Small", label: "Too small", photoRequired: false, shopifyHandle: "too-small" };
    expect(problems(p)).toEqual({
      "reasons.0.handle": "Reason handle must be a lowercase slug (a-z, 0-9 and single hyphens), e.g. size-too-small",
    });
  });

  it("GIVEN auto-approve excluding a reason the policy does not list THEN it is rejected", () => {
    const p = policy({ autoApprove: { enabled: true, maxValue: 150, excludedReasons: ["lost"] } });
    expect(problems(p)).toEqual({
      "autoApprove.excludedReasons.0": `Auto-approve excludes "lost", which is not one of the policy's reasons`,
    });
  });

  it("GIVEN a shipping fee with fractions of a cent THEN it must be whole cents", () => {
    expect(problems(policy({ returnShipping: { ...policy().returnShipping, fee: 7.955 } }))).toEqual({
      "returnShipping.fee": "Return shipping fee must be in whole cents (at most 2 decimals)",
    });
  });

  it("GIVEN a zero-hour response target THEN it must be positive", () => {
    expect(problems(policy({ responseTargetHours: 0 }))).toEqual({ responseTargetHours: "Response target must be more than 0 hours" });
  });

  it("GIVEN something that is not an object THEN parsing throws a ZodError", () => {
    expect(() => parsePolicy("30 days")).toThrow(ZodError);
  });

  it("GIVEN a reason naming a Shopify reason THEN it is kept, trimmed", () => {
    const p = policy();
    p.reasons[5] = { ...p.reasons[5]!, shopifyHandle: "  style " };
    expect(parsePolicy(p).reasons[5]!.shopifyHandle).toBe("style");
  });

  it("GIVEN a Shopify reason that is not a handle THEN it is rejected on that reason", () => {
    const p = policy();
    p.reasons[0] = { ...p.reasons[0]!, shopifyHandle: "Too Small" };
    expect(problems(p)).toEqual({
      "reasons.0.shopifyHandle": "Shopify reason must be the handle of a Shopify return reason (a-z, 0-9 and single hyphens), e.g. too-small",
    });
  });

  it("GIVEN a multi-line return address THEN its lines are kept and the whole is trimmed", () => {
    const parsed = parsePolicy(policy({ returnShipping: { ...policy().returnShipping, returnAddress: "\n Harbor Returns\n12 Wharf St\nHalifax NS  \n" } }));
    expect(parsed.returnShipping.returnAddress).toBe("Harbor Returns\n12 Wharf St\nHalifax NS");
  });

  it("GIVEN a return address over 500 characters or instructions over 1,000 THEN each is reported", () => {
    const shipping = { ...policy().returnShipping, returnAddress: "a".repeat(501), instructions: "b".repeat(1001) };
    expect(problems(policy({ returnShipping: shipping }))).toEqual({
      "returnShipping.returnAddress": "Return address must be at most 500 characters",
      "returnShipping.instructions": "Return instructions must be at most 1,000 characters",
    });
  });

  it("GIVEN an unknown return method THEN it is rejected in words", () => {
    const shipping = { ...policy().returnShipping, method: "drone" };
    expect(problems({ ...policy(), returnShipping: shipping })).toEqual({ "returnShipping.method": 'Return method is "shopper_ships" or "label"' });
  });

  it("GIVEN a negative keep-items limit or one in fractions of a cent THEN it is rejected", () => {
    expect(problems(policy({ keepItemsBelow: -1 }))).toEqual({ keepItemsBelow: "Keep-items limit cannot be negative" });
    expect(problems(policy({ keepItemsBelow: 9.999 }))).toEqual({ keepItemsBelow: "Keep-items limit must be in whole cents (at most 2 decimals)" });
  });

  it("GIVEN settings that are not a yes or no THEN each is rejected in words", () => {
    expect(problems({ ...policy(), processing: { automatic: "yes" }, receiveOnCarrierDelivery: 1 })).toEqual({
      "processing.automatic": "Say whether money is issued automatically",
      receiveOnCarrierDelivery: "Say whether a delivered parcel counts as received",
    });
  });
});

describe("a policy stored before returns went past approval", () => {
  /** Version 4 of a shop's policy as it was stored: no return method, keep-items, processing or Shopify reasons. */
  const stored = {
    version: 4,
    windowDays: 45,
    windowStartsAt: "delivery",
    finalSaleTags: ["final-sale"],
    excludedProductTypes: ["Gift Card"],
    resolutions: ["refund", "store_credit"],
    storeCreditBonusPercent: 10,
    restockingFeePercent: 0,
    returnShipping: { paidBy: "customer", fee: 5 },
    reasons: [
      { handle: "size-too-small", label: "Too small", photoRequired: false },
      { handle: "damaged", label: "Arrived damaged", photoRequired: true },
      { handle: "arrived-late", label: "Arrived too late", photoRequired: false },
    ],
    autoApprove: { enabled: true, maxValue: 100, excludedReasons: ["damaged"] },
    responseTargetHours: 4,
    notifications: { shopifyEmails: true, appEmails: false },
  };

  it("GIVEN it is read THEN it parses, keeping everything it said", () => {
    expect(parsePolicy(structuredClone(stored))).toMatchObject({ ...stored, returnShipping: { paidBy: "customer", fee: 5 }, reasons: expect.any(Array) });
  });

  it("GIVEN it is read THEN the new settings take their defaults", () => {
    expect(parsePolicy(structuredClone(stored))).toMatchObject({
      returnShipping: { method: "shopper_ships", returnAddress: "", instructions: "" },
      keepItemsBelow: 0,
      processing: { automatic: false },
      receiveOnCarrierDelivery: true,
    });
  });

  it("GIVEN its reasons THEN the usual ones keep their Shopify reason and the merchant's own is sent as other", () => {
    expect(parsePolicy(structuredClone(stored)).reasons.map((r) => [r.handle, r.shopifyHandle])).toEqual([
      ["size-too-small", "too-small"],
      ["damaged", "defective"],
      ["arrived-late", "other"],
    ]);
  });

  it("GIVEN a reason handle named like an object's own property THEN it is sent as other", () => {
    const odd = { ...structuredClone(stored), reasons: [{ handle: "constructor", label: "Odd", photoRequired: false }], autoApprove: { ...stored.autoApprove, excludedReasons: [] } };
    expect(parsePolicy(odd).reasons[0]!.shopifyHandle).toBe("other");
  });
});
