import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY, ReturnPolicySchema } from "../../../../../app/features/policies/domain/returns";
import { FORM_ERROR, parseDocumentForm } from "../../../../../app/features/policies/policy-form";
import {
  formToReturnPolicy,
  RETURN_POLICY_FORM,
  returnPolicyToForm,
  slugify,
  type ReturnPolicyFormValues,
} from "../../../../../app/features/policies/returns-form";

const defaults = () => returnPolicyToForm(DEFAULT_RETURN_POLICY);
const parsePolicyForm = (json: unknown) => parseDocumentForm(RETURN_POLICY_FORM, json);

const submit = (change: (form: ReturnPolicyFormValues) => void = () => {}) => {
  const form = defaults();
  change(form);
  return parsePolicyForm(JSON.stringify(form));
};

const errorsOf = (result: ReturnType<typeof parsePolicyForm>) => (result.ok ? {} : result.errors);

describe("slugify: reason handles from labels", () => {
  it("GIVEN a label with spaces and punctuation THEN it becomes a lowercase hyphenated slug", () => {
    expect(slugify("Size was too small!")).toBe("size-was-too-small");
  });

  it("GIVEN accents and repeated separators THEN accents fold and separators collapse", () => {
    expect(slugify("  Article abîmé -- à l'arrivée  ")).toBe("article-abime-a-l-arrivee");
  });

  it("GIVEN only symbols or emoji THEN the slug is empty (and the schema reports the handle)", () => {
    expect(slugify("🎁 !!")).toBe("");
  });

  it("GIVEN a very long label THEN the slug is capped and never ends with a hyphen", () => {
    const slug = slugify(`${"a".repeat(59)} b ${"c".repeat(100)}`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe("form ↔ policy", () => {
  it("GIVEN the defaults THEN form → policy gives them back exactly", () => {
    const { version, ...rest } = DEFAULT_RETURN_POLICY;
    expect(version).toBe(1);
    expect(ReturnPolicySchema.parse({ ...(formToReturnPolicy(defaults()) as object), version: 1 })).toEqual({ ...rest, version: 1 });
  });

  it("GIVEN the defaults THEN reasons that auto-approve skips are marked on their rows", () => {
    const rows = defaults().reasons.filter((r) => r.alwaysReview).map((r) => r.handle);
    expect(rows).toEqual(["damaged", "wrong-item"]);
  });

  it("GIVEN a new reason row without a handle THEN its handle is made from the label, and its review flag follows it", () => {
    const candidate = formToReturnPolicy({
      ...defaults(),
      reasons: [{ label: "Arrived late", handle: "", photoRequired: false, alwaysReview: true, shopifyHandle: "other" }],
    }) as { reasons: { handle: string }[]; autoApprove: { excludedReasons: string[] } };
    expect(candidate.reasons[0]!.handle).toBe("arrived-late");
    expect(candidate.autoApprove.excludedReasons).toEqual(["arrived-late"]);
  });

  it("GIVEN typed numbers THEN they become numbers; blanks become missing; words stay for the schema to reject", () => {
    const candidate = formToReturnPolicy({ ...defaults(), windowDays: " 45 ", restockingFeePercent: "", responseTargetHours: "soon" }) as Record<string, unknown>;
    expect(candidate.windowDays).toBe(45);
    expect(candidate.restockingFeePercent).toBeUndefined();
    expect(candidate.responseTargetHours).toBe("soon");
  });

  it("GIVEN pasted comma-separated tags with repeats THEN each tag is kept once, in order", () => {
    const candidate = formToReturnPolicy({ ...defaults(), finalSaleTags: ["final-sale, Clearance", "clearance", " "] }) as { finalSaleTags: string[] };
    expect(candidate.finalSaleTags).toEqual(["final-sale", "Clearance"]);
  });
});

describe("parsePolicyForm", () => {
  it("GIVEN a changed window THEN the policy comes back without a version", () => {
    const result = submit((f) => (f.windowDays = "45"));
    expect(result).toMatchObject({ ok: true, document: { windowDays: 45 } });
    expect(result.ok && "version" in result.document).toBe(false);
  });

  it("GIVEN a window of 0 days THEN the error sits on windowDays", () => {
    expect(errorsOf(submit((f) => (f.windowDays = "0")))).toEqual({ windowDays: "Return window must be between 1 and 365 days" });
  });

  it("GIVEN a 150 % restocking fee THEN the error sits on restockingFeePercent", () => {
    expect(errorsOf(submit((f) => (f.restockingFeePercent = "150")))).toEqual({ restockingFeePercent: "Restocking fee must be between 0 and 100 %" });
  });

  it("GIVEN two reasons with one handle THEN the error sits on the second row's handle", () => {
    const errors = errorsOf(
      submit((f) => f.reasons.push({ label: "Changed my mind (again)", handle: "changed-mind", photoRequired: false, alwaysReview: false, shopifyHandle: "unwanted" })),
    );
    expect(errors).toEqual({ "reasons.7.handle": 'Reason handle "changed-mind" is used more than once' });
  });

  it("GIVEN a new row whose label slugs to an existing handle THEN it is reported as a duplicate", () => {
    const errors = errorsOf(submit((f) => f.reasons.push({ label: "Other", handle: "", photoRequired: false, alwaysReview: false, shopifyHandle: "other" })));
    expect(errors["reasons.7.handle"]).toMatch(/"other" is used more than once/);
  });

  it("GIVEN no resolution THEN the error sits on resolutions", () => {
    expect(errorsOf(submit((f) => (f.resolutions = [])))).toEqual({ resolutions: "Offer at least one resolution" });
  });

  it("GIVEN a blank required number and a word THEN each field gets the schema's message", () => {
    const errors = errorsOf(
      submit((f) => {
        f.returnShipping.fee = "";
        f.responseTargetHours = "soon";
      }),
    );
    expect(errors).toEqual({
      "returnShipping.fee": "Return shipping fee is required",
      responseTargetHours: "Response target must be a number of hours",
    });
  });

  it("GIVEN a fee with fractions of a cent THEN the error sits on the fee", () => {
    expect(errorsOf(submit((f) => (f.returnShipping.fee = "7.955")))).toEqual({
      "returnShipping.fee": "Return shipping fee must be in whole cents (at most 2 decimals)",
    });
  });

  it("GIVEN no reasons at all THEN the error is on the reasons list", () => {
    expect(errorsOf(submit((f) => (f.reasons = [])))).toEqual({ reasons: "List at least one return reason" });
  });

  it("GIVEN the new settings changed THEN they are saved as typed", () => {
    const result = submit((f) => {
      f.returnShipping = { ...f.returnShipping, method: "label", returnAddress: "Harbor Returns\n12 Wharf St", instructions: "Use a tracked service." };
      f.keepItemsBelow = "15";
      f.processing = { automatic: true };
      f.receiveOnCarrierDelivery = false;
      f.reasons[5]!.shopifyHandle = "style";
    });
    expect(result).toMatchObject({
      ok: true,
      document: {
        returnShipping: { method: "label", returnAddress: "Harbor Returns\n12 Wharf St", instructions: "Use a tracked service." },
        keepItemsBelow: 15,
        processing: { automatic: true },
        receiveOnCarrierDelivery: false,
      },
    });
    expect(result.ok && result.document.reasons[5]!.shopifyHandle).toBe("style");
  });

  it("GIVEN a saved policy THEN the form shows every new setting, and saving it unchanged gives it back", () => {
    const saved = ReturnPolicySchema.parse({
      ...structuredClone(DEFAULT_RETURN_POLICY),
      returnShipping: { paidBy: "merchant", fee: 0, method: "label", returnAddress: "12 Wharf St", instructions: "" },
      keepItemsBelow: 12.5,
      processing: { automatic: true },
      receiveOnCarrierDelivery: false,
    });
    const form = returnPolicyToForm(saved);
    expect(form).toMatchObject({ keepItemsBelow: "12.50", processing: { automatic: true }, receiveOnCarrierDelivery: false });
    expect(form.reasons.map((r) => r.shopifyHandle)).toEqual(saved.reasons.map((r) => r.shopifyHandle));
    const { version: _version, ...document } = saved;
    expect(parsePolicyForm(JSON.stringify(form))).toEqual({ ok: true, document });
  });

  it("GIVEN a blank Shopify reason THEN a usual reason keeps its own and a new one is sent as other", () => {
    const result = submit((f) => {
      f.reasons[2]!.shopifyHandle = "  ";
      f.reasons.push({ label: "Arrived late", handle: "", photoRequired: false, alwaysReview: false, shopifyHandle: "" });
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const sentAs = result.document.reasons.map((r) => r.shopifyHandle);
    expect([sentAs[2], sentAs.at(-1)]).toEqual(["defective", "other"]);
  });

  it("GIVEN a Shopify reason with spaces and capitals THEN the error sits on that row's Shopify reason", () => {
    const errors = errorsOf(submit((f) => (f.reasons[1]!.shopifyHandle = "Too Large")));
    expect(Object.keys(errors)).toEqual(["reasons.1.shopifyHandle"]);
  });

  it("GIVEN a keep-items limit that is a word or negative THEN the error sits on keepItemsBelow", () => {
    expect(errorsOf(submit((f) => (f.keepItemsBelow = "ten")))).toEqual({ keepItemsBelow: "Keep-items limit must be a number" });
    expect(errorsOf(submit((f) => (f.keepItemsBelow = "-5")))).toEqual({ keepItemsBelow: "Keep-items limit cannot be negative" });
  });

  it("GIVEN a blank keep-items limit THEN it is 0: items always come back", () => {
    expect(submit((f) => (f.keepItemsBelow = " "))).toMatchObject({ ok: true, document: { keepItemsBelow: 0 } });
  });

  it("GIVEN a return address that is too long THEN the error sits on the address", () => {
    expect(errorsOf(submit((f) => (f.returnShipping.returnAddress = "x".repeat(501))))).toEqual({
      "returnShipping.returnAddress": "Return address must be at most 500 characters",
    });
  });

  it.each([
    ["not JSON", "{"],
    ["a missing field", JSON.stringify({ windowDays: "30" })],
    ["an unknown window start", JSON.stringify({ ...defaults(), windowStartsAt: "purchase" })],
    ["an unknown return method", JSON.stringify({ ...defaults(), returnShipping: { ...defaults().returnShipping, method: "drone" } })],
    ["a form from before the new settings", JSON.stringify({ ...defaults(), keepItemsBelow: undefined, processing: undefined })],
    ["no value", null],
  ])("GIVEN %s THEN it is a form-level error, nothing more", (_, body) => {
    expect(errorsOf(parsePolicyForm(body))).toEqual({ [FORM_ERROR]: expect.stringContaining("could not be read") });
  });
});
