import { describe, expect, it } from "vitest";
import { exampleFaqContext, FAQ_VARIABLE_GROUPS, FAQ_VARIABLES, isFaqVariable } from "../../../../../../app/features/faq/domain/variables";

const EXPECTED_PATHS = [
  "shop.name",
  "shop.email",
  "returns.window_days",
  "returns.window_starts",
  "returns.resolutions",
  "returns.store_credit_bonus_percent",
  "returns.restocking_fee_percent",
  "returns.return_shipping",
  "returns.final_sale_tags",
  "returns.excluded_product_types",
  "returns.photo_reasons",
  "shipping.processing_days",
  "shipping.carriers",
  "shipping.regions",
  "shipping.free_shipping_threshold",
  "shipping.peak_message",
  "shipping.peak_cutoffs",
  "support.hours",
  "support.response_time",
  "support.urgent_response_time",
];

describe("FAQ variable catalogue", () => {
  it("GIVEN the catalogue WHEN listing paths THEN they are exactly the FAQ context's fields, in order", () => {
    expect(FAQ_VARIABLES.map((v) => v.path)).toEqual(EXPECTED_PATHS);
  });

  it("GIVEN the groups WHEN listing them THEN shop, returns, shipping and support each have a label", () => {
    expect(FAQ_VARIABLE_GROUPS).toEqual([
      { group: "shop", label: "Shop" },
      { group: "returns", label: "Returns" },
      { group: "shipping", label: "Shipping" },
      { group: "support", label: "Support" },
    ]);
  });

  it("GIVEN every variable WHEN reading it THEN it has a description and an example", () => {
    for (const variable of FAQ_VARIABLES) {
      expect(variable.description.length, variable.path).toBeGreaterThan(10);
      expect(variable.example, variable.path).not.toBe("");
    }
  });

  it("GIVEN the catalogue WHEN trying to change it THEN it is frozen", () => {
    expect(Object.isFrozen(FAQ_VARIABLES)).toBe(true);
    expect(Object.isFrozen(FAQ_VARIABLES[0])).toBe(true);
  });

  it("GIVEN catalogue, macro-only, partial and prototype paths WHEN checking THEN only catalogue paths are variables", () => {
    expect(isFaqVariable("returns.window_days")).toBe(true);
    expect(isFaqVariable("customer.first_name")).toBe(false);
    expect(isFaqVariable("returns")).toBe(false);
    expect(isFaqVariable("returns.constructor")).toBe(false);
    expect(isFaqVariable("__proto__.window_days")).toBe(false);
  });

  it("GIVEN the example context WHEN reading it THEN it has the documented shape and numbers stay numbers", () => {
    const context = exampleFaqContext();
    expect(context.returns.window_days).toBe(30);
    expect(context.returns.window_starts).toBe("the day your order is delivered");
    expect(context.returns.resolutions).toBe("a refund, store credit or an exchange");
    expect(context.shipping.processing_days).toBe("1–2");
    expect(context.shipping.carriers).toBe("Canada Post and UPS");
    expect(context.shipping.free_shipping_threshold).toBe("$100.00");
    expect(context.support.hours).toBe("Monday–Friday, 9:00–17:00 (America/Toronto)");
    expect(context.support.urgent_response_time).toBe("30 minutes");
  });

  it("GIVEN two example contexts WHEN editing one THEN the other is untouched", () => {
    const first = exampleFaqContext();
    first.returns.window_days = 60;
    expect(exampleFaqContext().returns.window_days).toBe(30);
  });
});
