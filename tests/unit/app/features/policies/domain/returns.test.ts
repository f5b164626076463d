import { readFileSync } from "node:fs";
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

  it("GIVEN the simulated shop's live return reason definitions THEN every default reason handle is one of them", () => {
    const fixture = JSON.parse(readFileSync("simulator/fixtures/demo-shop.json", "utf8")) as {
      returnReasonDefinitions: { handle: string; deleted?: boolean }[];
    };
    const live = fixture.returnReasonDefinitions.filter((d) => !d.deleted).map((d) => d.handle);
    expect(DEFAULT_RETURN_POLICY.reasons.map((r) => r.handle)).toEqual(live);
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
    p.reasons.push({ handle: "damaged", label: "Broken", photoRequired: false });
    expect(problems(p)).toEqual({ "reasons.7.handle": 'Reason handle "damaged" is used more than once' });
  });

  it("GIVEN a reason handle that is not a lowercase slug THEN it is rejected", () => {
    const p = policy();
    p.reasons[0] = { handle: "Too Small", label: "Too small", photoRequired: false };
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
    expect(problems(policy({ returnShipping: { paidBy: "customer", fee: 7.955 } }))).toEqual({
      "returnShipping.fee": "Return shipping fee must be in whole cents (at most 2 decimals)",
    });
  });

  it("GIVEN a zero-hour response target THEN it must be positive", () => {
    expect(problems(policy({ responseTargetHours: 0 }))).toEqual({ responseTargetHours: "Response target must be more than 0 hours" });
  });

  it("GIVEN something that is not an object THEN parsing throws a ZodError", () => {
    expect(() => parsePolicy("30 days")).toThrow(ZodError);
  });
});
