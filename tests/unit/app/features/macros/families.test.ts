import { describe, expect, it } from "vitest";
import { compareFamilies, groupByFamily, sortFamilies } from "../../../../../app/features/macros/families";

describe("family order", () => {
  it("GIVEN starter and custom families THEN orders, refunds, technical come first and the rest A→Z", () => {
    expect(
      sortFamilies([
        "wholesale",
        "technical",
        "b2b",
        "orders",
        "refunds",
        "orders",
      ])
    ).toEqual(["orders", "refunds", "technical", "b2b", "wholesale"]);
  });

  it("GIVEN two custom families THEN they compare alphabetically", () => {
    expect(compareFamilies("alpha", "beta")).toBeLessThan(0);
    expect(compareFamilies("refunds", "alpha")).toBeLessThan(0);
  });
});

describe("groupByFamily", () => {
  it("GIVEN rows in any order THEN they are grouped by family with titles A→Z", () => {
    const groups = groupByFamily([
      { family: "zeta", title: "B" },
      { family: "technical", title: "Z" },
      { family: "zeta", title: "A" },
      { family: "orders", title: "M" },
    ]);
    expect(groups).toEqual([
      { family: "orders", macros: [{ family: "orders", title: "M" }] },
      { family: "technical", macros: [{ family: "technical", title: "Z" }] },
      {
        family: "zeta",
        macros: [
          { family: "zeta", title: "A" },
          { family: "zeta", title: "B" },
        ],
      },
    ]);
  });

  it("GIVEN no rows THEN there are no groups", () => {
    expect(groupByFamily([])).toEqual([]);
  });
});
