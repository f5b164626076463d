import { describe, expect, it } from "vitest";
import { firstResponseTimes, median, percentile, resolutionTime } from "../../../../../../app/features/dashboard/domain/response-times";
import { MINUTE, T, at, ticket } from "../../../../../helpers/kpis";

describe("median", () => {
  it("GIVEN no values THEN it is null", () => {
    expect(median([])).toBeNull();
  });

  it("GIVEN one value THEN it is that value", () => {
    expect(median([42])).toBe(42);
  });

  it("GIVEN an odd count in any order THEN it is the middle value", () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it("GIVEN an even count THEN it is the mean of the two middle values", () => {
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it("GIVEN ties around the middle THEN it is the tied value", () => {
    expect(median([2, 9, 2, 2])).toBe(2);
  });

  it("GIVEN NaN and infinities among the values THEN they are ignored", () => {
    expect(median([Number.NaN, 1, Number.POSITIVE_INFINITY, 3, Number.NEGATIVE_INFINITY])).toBe(2);
  });

  it("GIVEN only NaN THEN it is null", () => {
    expect(median([Number.NaN])).toBeNull();
  });

  it("GIVEN an input array THEN it is left unsorted", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("percentile (nearest rank)", () => {
  const five = [35, 20, 50, 15, 40]; // sorted: 15 20 35 40 50

  it.each([
    [0, 15],
    [5, 15], // rank ⌈0.25⌉ = 1
    [30, 20], // rank ⌈1.5⌉ = 2
    [40, 20], // rank ⌈2⌉ = 2: exactly 40 % are at or below 20
    [50, 35], // rank ⌈2.5⌉ = 3
    [100, 50],
  ])("GIVEN 15, 20, 35, 40, 50 WHEN p = %i THEN it is %i", (p, expected) => {
    expect(percentile(five, p)).toBe(expected);
  });

  it("GIVEN 1 to 10 WHEN p = 70 THEN it is 7, not 8 from floating-point rounding of 0.7 × 10", () => {
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 70)).toBe(7);
  });

  it("GIVEN 1 to 10 WHEN p = 90 THEN it is 9", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it("GIVEN 1 to 10 WHEN p = 91 THEN it is 10", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 91)).toBe(10);
  });

  it("GIVEN no values THEN it is null", () => {
    expect(percentile([], 90)).toBeNull();
  });

  it("GIVEN one value THEN every percentile is that value", () => {
    expect([0, 1, 50, 99, 100].map((p) => percentile([7], p))).toEqual([7, 7, 7, 7, 7]);
  });

  it("GIVEN ties THEN the result is the tied value", () => {
    expect(percentile([5, 5, 5, 1], 50)).toBe(5);
  });

  it.each([-1, 100.5, Number.NaN])("GIVEN p = %s THEN it throws a RangeError", (p) => {
    expect(() => percentile([1, 2, 3], p)).toThrow(RangeError);
  });
});

describe("firstResponseTimes", () => {
  const respondedAfter = (minutes: number | null) =>
    ticket({ firstResponseAt: minutes === null ? null : at(T + minutes * MINUTE) });

  it("GIVEN responses after 10, 20, 30 and 40 minutes and one unanswered ticket THEN median 25, p90 40, count 4", () => {
    const tickets = [10, 40, null, 20, 30].map(respondedAfter);
    expect(firstResponseTimes(tickets)).toEqual({ medianMinutes: 25, p90Minutes: 40, count: 4 });
  });

  it("GIVEN no ticket answered THEN both figures are null and the count is 0", () => {
    expect(firstResponseTimes([respondedAfter(null)])).toEqual({ medianMinutes: null, p90Minutes: null, count: 0 });
  });

  it("GIVEN no tickets THEN both figures are null", () => {
    expect(firstResponseTimes([])).toEqual({ medianMinutes: null, p90Minutes: null, count: 0 });
  });

  it("GIVEN a response after 90 seconds THEN it is 1.5 minutes", () => {
    expect(firstResponseTimes([respondedAfter(1.5)]).medianMinutes).toBe(1.5);
  });

  it("GIVEN a response stamped before the ticket was created THEN it counts as 0 minutes", () => {
    expect(firstResponseTimes([respondedAfter(-5)])).toEqual({ medianMinutes: 0, p90Minutes: 0, count: 1 });
  });

  it("GIVEN a response with an invalid date THEN the ticket is treated as unanswered", () => {
    expect(firstResponseTimes([ticket({ firstResponseAt: new Date("bad") })]).count).toBe(0);
  });
});

describe("resolutionTime", () => {
  const resolvedAfter = (minutes: number | null) => ticket({ resolvedAt: minutes === null ? null : at(T + minutes * MINUTE) });

  it("GIVEN resolutions after 1 h, 2 h and 6 h and an open ticket THEN average 180 = 540 ÷ 3 solved, median 120", () => {
    const tickets = [60, null, 360, 120].map(resolvedAfter);
    expect(resolutionTime(tickets)).toEqual({ averageMinutes: 180, medianMinutes: 120, count: 3 });
  });

  it("GIVEN one resolved ticket THEN average and median are its time", () => {
    expect(resolutionTime([resolvedAfter(45)])).toEqual({ averageMinutes: 45, medianMinutes: 45, count: 1 });
  });

  it("GIVEN nothing resolved THEN both figures are null", () => {
    expect(resolutionTime([resolvedAfter(null)])).toEqual({ averageMinutes: null, medianMinutes: null, count: 0 });
  });

  it("GIVEN a ticket with an invalid creation date THEN it is left out", () => {
    const broken = ticket({ createdAt: new Date("bad"), resolvedAt: at(T) });
    expect(resolutionTime([broken, resolvedAfter(30)])).toEqual({ averageMinutes: 30, medianMinutes: 30, count: 1 });
  });
});
