import { describe, expect, it } from "vitest";
import { movedOrder } from "../../../../../app/features/faq/repo.server";

describe("movedOrder: reorder maths", () => {
  const ids = ["a", "b", "c", "d"];

  it("GIVEN an item in the middle WHEN moved up THEN it swaps with the one before", () => {
    expect(movedOrder(ids, "c", { direction: "up" })).toEqual(["a", "c", "b", "d"]);
  });

  it("GIVEN an item in the middle WHEN moved down THEN it swaps with the one after", () => {
    expect(movedOrder(ids, "b", { direction: "down" })).toEqual(["a", "c", "b", "d"]);
  });

  it("GIVEN the first item WHEN moved up THEN the order is unchanged", () => {
    expect(movedOrder(ids, "a", { direction: "up" })).toEqual(ids);
  });

  it("GIVEN the last item WHEN moved down THEN the order is unchanged", () => {
    expect(movedOrder(ids, "d", { direction: "down" })).toEqual(ids);
  });

  it("GIVEN a target position THEN the item lands exactly there and the others keep their order", () => {
    expect(movedOrder(ids, "d", { position: 1 })).toEqual(["a", "d", "b", "c"]);
    expect(movedOrder(ids, "a", { position: 2 })).toEqual(["b", "c", "a", "d"]);
  });

  it("GIVEN a position past the end or below zero THEN it is clamped to the ends", () => {
    expect(movedOrder(ids, "a", { position: 99 })).toEqual(["b", "c", "d", "a"]);
    expect(movedOrder(ids, "c", { position: -5 })).toEqual(["c", "a", "b", "d"]);
  });

  it("GIVEN a fractional or non-finite position THEN it is truncated, or the item stays", () => {
    expect(movedOrder(ids, "d", { position: 1.9 })).toEqual(["a", "d", "b", "c"]);
    expect(movedOrder(ids, "b", { position: Number.NaN })).toEqual(ids);
  });

  it("GIVEN an id that is not among the siblings (another shop's, another category's) THEN there is no order", () => {
    expect(movedOrder(ids, "zzz", { direction: "up" })).toBeNull();
  });

  it("GIVEN a single item THEN any move keeps it alone", () => {
    expect(movedOrder(["a"], "a", { position: 3 })).toEqual(["a"]);
  });
});
