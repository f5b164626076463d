import { describe, expect, it } from "vitest";
import { exampleContext, isMacroVariable, MACRO_VARIABLE_GROUPS, MACRO_VARIABLES } from "../../../../../../app/features/macros/domain/variables";

const EXPECTED_PATHS = [
  "customer.first_name",
  "customer.last_name",
  "customer.email",
  "order.name",
  "order.status",
  "order.placed_at",
  "order.shipped_at",
  "order.tracking_number",
  "order.tracking_url",
  "order.carrier",
  "order.estimated_delivery",
  "order.items_summary",
  "order.total",
  "return.reference",
  "return.status",
  "return.items_summary",
  "return.refund_amount",
  "return.return_link",
  "return.decline_reason",
  "ticket.reference",
  "ticket.subject",
  "shop.name",
  "shop.email",
  "shop.support_hours",
  "policy.return_window_days",
  "policy.restocking_fee_percent",
  "policy.store_credit_bonus_percent",
  "policy.return_shipping_fee",
  "policy.response_time",
  "staff.first_name",
];

describe("variable catalogue", () => {
  it("GIVEN the catalogue WHEN listing its paths THEN every documented variable is there, grouped, in order", () => {
    expect(MACRO_VARIABLES.map((v) => v.path)).toEqual(EXPECTED_PATHS);
  });

  it("GIVEN the catalogue WHEN listing its groups THEN the seven groups come in catalogue order", () => {
    expect(MACRO_VARIABLE_GROUPS.map((g) => g.group)).toEqual([
      "customer",
      "order",
      "return",
      "ticket",
      "shop",
      "policy",
      "staff",
    ]);
  });

  it("GIVEN any catalogue variable WHEN reading it THEN it has a description and a non-empty example", () => {
    for (const variable of MACRO_VARIABLES) {
      expect(variable.description.length, variable.path).toBeGreaterThan(10);
      expect(String(variable.example).length, variable.path).toBeGreaterThan(0);
      expect(variable.path).toBe(`${variable.group}.${variable.name}`);
    }
  });

  it("GIVEN a path WHEN asking whether it is a macro variable THEN only catalogue paths are accepted", () => {
    expect(isMacroVariable("order.tracking_url")).toBe(true);
    expect(isMacroVariable("order.tracking")).toBe(false);
    expect(isMacroVariable("order")).toBe(false);
    expect(isMacroVariable("customer.constructor")).toBe(false);
  });
});

describe("exampleContext", () => {
  it("GIVEN the catalogue WHEN building the example context THEN every variable holds its example value", () => {
    const context = exampleContext() as unknown as Record<string, Record<string, unknown>>;
    for (const variable of MACRO_VARIABLES) {
      expect(context[variable.group]?.[variable.name], variable.path).toBe(variable.example);
    }
  });

  it("GIVEN a preview that edits its context WHEN building another example context THEN the edit does not leak", () => {
    exampleContext().customer.first_name = "Changed";
    expect(exampleContext().customer.first_name).toBe("Maya");
  });

  it("GIVEN the policy group WHEN reading the example THEN numeric policy values are numbers", () => {
    expect(exampleContext().policy).toMatchObject({
      return_window_days: 30,
      restocking_fee_percent: 0,
      store_credit_bonus_percent: 10,
    });
  });
});
