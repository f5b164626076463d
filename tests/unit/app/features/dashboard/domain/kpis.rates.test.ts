import { describe, expect, it } from "vitest";
import { contactsPerOrder, normaliseQuery, returnRate, topQueries, topReasons } from "../../../../../../app/features/dashboard/domain/rates";
import { trend } from "../../../../../../app/features/dashboard/domain/periods";

describe("contactsPerOrder", () => {
  it("GIVEN 12 tickets for 240 orders THEN 0.05 contacts per order", () => {
    expect(contactsPerOrder(12, 240)).toBe(0.05);
  });

  it("GIVEN no tickets THEN 0", () => {
    expect(contactsPerOrder(0, 10)).toBe(0);
  });

  it("GIVEN no orders THEN null", () => {
    expect(contactsPerOrder(5, 0)).toBeNull();
  });

  it.each([
    [-1, 10],
    [1, -10],
    [Number.NaN, 10],
    [1, Number.POSITIVE_INFINITY],
  ])("GIVEN counts %s and %s THEN it throws a RangeError", (tickets, orders) => {
    expect(() => contactsPerOrder(tickets, orders)).toThrow(RangeError);
  });
});

describe("returnRate", () => {
  it("GIVEN 3 returned orders of 40 THEN 7.5 %", () => {
    expect(returnRate(3, 40)).toBe(7.5);
  });

  it("GIVEN no orders THEN null", () => {
    expect(returnRate(0, 0)).toBeNull();
  });

  it("GIVEN more returned orders than orders THEN the figure is not capped, exposing the mismatch", () => {
    expect(returnRate(50, 40)).toBe(125);
  });

  it("GIVEN a negative count THEN it throws a RangeError", () => {
    expect(() => returnRate(-1, 40)).toThrow(RangeError);
  });
});

describe("topReasons", () => {
  const items = [
    { reason: "wrong_item", quantity: 3 },
    { reason: "damaged", quantity: 2 },
    { reason: "too_small", quantity: 1 },
    { reason: "changed_mind", quantity: 1 },
    { reason: "damaged", quantity: 1 },
    { reason: "too_small", quantity: 2 },
  ];

  it("GIVEN units per reason THEN reasons are ranked by units, ties alphabetically, with their share of all units", () => {
    expect(topReasons(items)).toEqual([
      { reason: "damaged", count: 3, percent: 30 },
      { reason: "too_small", count: 3, percent: 30 },
      { reason: "wrong_item", count: 3, percent: 30 },
      { reason: "changed_mind", count: 1, percent: 10 },
    ]);
  });

  it("GIVEN a limit of 2 THEN two reasons are listed and their share is still of all units", () => {
    expect(topReasons(items, 2)).toEqual([
      { reason: "damaged", count: 3, percent: 30 },
      { reason: "too_small", count: 3, percent: 30 },
    ]);
  });

  it("GIVEN seven reasons THEN the default lists five", () => {
    const seven = ["a", "b", "c", "d", "e", "f", "g"].map((reason) => ({ reason, quantity: 1 }));
    expect(topReasons(seven).map((r) => r.reason)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("GIVEN quantities of 0, −1, 1.5 and NaN THEN those lines are ignored", () => {
    const hostile = [0, -1, 1.5, Number.NaN].map((quantity) => ({ reason: "damaged", quantity }));
    expect(topReasons([...hostile, { reason: "too_large", quantity: 1 }])).toEqual([{ reason: "too_large", count: 1, percent: 100 }]);
  });

  it("GIVEN no items THEN the list is empty", () => {
    expect(topReasons([])).toEqual([]);
  });

  it("GIVEN a limit of 0 THEN the list is empty", () => {
    expect(topReasons(items, 0)).toEqual([]);
  });

  it.each([-1, 2.5, Number.NaN])("GIVEN a limit of %s THEN it throws a RangeError", (limit) => {
    expect(() => topReasons(items, limit)).toThrow(RangeError);
  });
});

describe("normaliseQuery", () => {
  it("GIVEN mixed case, tabs, a no-break space and padding THEN it is lower case with single spaces", () => {
    expect(normaliseQuery("  Where\tIS my\u00a0 ORDER  ")).toBe("where is my order");
  });

  it("GIVEN an accent written as a combining mark THEN it equals the precomposed letter", () => {
    expect(normaliseQuery("Cafe\u0301")).toBe("caf\u00e9");
  });
});

describe("topQueries", () => {
  const misses = (...queries: string[]) => queries.map((query) => ({ query }));

  it("GIVEN the same search typed differently THEN it is counted once per search under its normal form", () => {
    const result = topQueries(misses("  Where is my ORDER ", "where   is my order", "where is\tmy order", "refund", "Refund", "sizing"));
    expect(result).toEqual([
      { query: "where is my order", count: 3 },
      { query: "refund", count: 2 },
      { query: "sizing", count: 1 },
    ]);
  });

  it("GIVEN equal counts THEN queries are in alphabetical order", () => {
    expect(topQueries(misses("b", "c", "a")).map((q) => q.query)).toEqual(["a", "b", "c"]);
  });

  it("GIVEN accented and plain first letters with equal counts THEN the order is by code unit, whatever the server locale", () => {
    expect(topQueries(misses("éclair", "fudge")).map((q) => q.query)).toEqual(["fudge", "éclair"]);
  });

  it("GIVEN blank and whitespace-only searches THEN they are ignored", () => {
    expect(topQueries(misses("", "   ", "\n\t", "x"))).toEqual([{ query: "x", count: 1 }]);
  });

  it("GIVEN twelve distinct searches THEN the default lists ten", () => {
    expect(topQueries(misses(..."abcdefghijkl".split("")))).toHaveLength(10);
  });

  it("GIVEN a negative limit THEN it throws a RangeError", () => {
    expect(() => topQueries(misses("a"), -1)).toThrow(RangeError);
  });
});

describe("trend", () => {
  it("GIVEN 120 after 100 THEN up by 20, +20 %", () => {
    expect(trend(120, 100)).toEqual({ delta: 20, percent: 20, direction: "up" });
  });

  it("GIVEN 80 after 100 THEN down by 20, −20 %", () => {
    expect(trend(80, 100)).toEqual({ delta: -20, percent: -20, direction: "down" });
  });

  it("GIVEN the same figure twice THEN flat", () => {
    expect(trend(5, 5)).toEqual({ delta: 0, percent: 0, direction: "flat" });
  });

  it("GIVEN a previous figure of 0 THEN the percent is null but delta and direction are known", () => {
    expect(trend(5, 0)).toEqual({ delta: 5, percent: null, direction: "up" });
  });

  it("GIVEN 0 after 0 THEN flat with a null percent", () => {
    expect(trend(0, 0)).toEqual({ delta: 0, percent: null, direction: "flat" });
  });

  it("GIVEN a negative previous figure THEN the percent follows the direction of the move", () => {
    expect(trend(-5, -10)).toEqual({ delta: 5, percent: 50, direction: "up" });
  });

  it.each([
    [null, 5],
    [5, null],
    [null, null],
    [Number.NaN, 5],
    [5, Number.POSITIVE_INFINITY],
  ])("GIVEN current %s and previous %s THEN nothing can be said", (current, previous) => {
    expect(trend(current, previous)).toEqual({ delta: null, percent: null, direction: null });
  });
});
