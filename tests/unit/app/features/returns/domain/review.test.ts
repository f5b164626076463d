import { describe, expect, it } from "vitest";
import { failedRuleMessages, parseRuleLines } from "../../../../../../app/features/returns/domain/review";


describe("stored rules", () => {
  const rules = JSON.stringify([
    { lineItemId: "l1", title: "Rain Shell", rules: [{ rule: "window", passed: true, detail: "Window ends Oct 30" }] },
    { lineItemId: "l2", title: "Down Vest", rules: [{ rule: "final_sale", passed: false, detail: "Tagged final-sale" }] },
  ]);

  it("GIVEN a failed rule THEN it is listed as decide words it", () => {
    expect(failedRuleMessages(parseRuleLines(rules))).toEqual(["Down Vest: Tagged final-sale"]);
  });

  it("GIVEN unreadable JSON THEN no rules rather than an error", () => {
    expect(parseRuleLines("{not json")).toEqual([]);
    expect(parseRuleLines(JSON.stringify({ rules: 1 }))).toEqual([]);
  });
});
