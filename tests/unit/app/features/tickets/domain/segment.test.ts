import { describe, expect, it } from "vitest";
import { customerSegment } from "../../../../../../app/features/tickets/domain/segment";
import { DEFAULT_SUPPORT_SETTINGS } from "../../../../../../app/features/policies/domain/support-defaults";

const THRESHOLDS = DEFAULT_SUPPORT_SETTINGS.segments;

describe("customerSegment", () => {
  it.each([
    [0, 0, "new"],
    [1, 50, "new"],
    [2, 80, "repeat"],
    [4, 999.99, "repeat"],
    [5, 100, "vip"],
    [2, 1000, "vip"],
    [30, 5000, "vip"],
  ] as const)("GIVEN %i orders and %s spent THEN the customer is %s", (orderCount, totalSpent, segment) => {
    expect(customerSegment({ orderCount, totalSpent }, THRESHOLDS)).toBe(segment);
  });

  it("GIVEN a single order above the VIP spend THEN the customer is still new (a first purchase)", () => {
    expect(customerSegment({ orderCount: 1, totalSpent: 2500 }, THRESHOLDS)).toBe("new");
  });

  it("GIVEN a repeat threshold of 3 THEN 2 orders are still new", () => {
    expect(customerSegment({ orderCount: 2, totalSpent: 10 }, { repeatOrders: 3, vipOrders: 6, vipSpend: 1000 })).toBe("new");
  });

  it.each([
    [Number.NaN, 5000],
    [-3, 5000],
  ])("GIVEN a malformed order count (%s) THEN the customer is new", (orderCount, totalSpent) => {
    expect(customerSegment({ orderCount, totalSpent }, THRESHOLDS)).toBe("new");
  });

  it("GIVEN a malformed total spent THEN only the order count decides", () => {
    expect(customerSegment({ orderCount: 3, totalSpent: Number.NaN }, THRESHOLDS)).toBe("repeat");
  });
});
