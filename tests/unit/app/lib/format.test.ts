import { describe, expect, it } from "vitest";
import { formatCountdown, formatResponseTime } from "../../../../app/lib/format";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("formatCountdown", () => {
  it.each([
    [30_000, "< 1 min"],
    [59_999, "< 1 min"],
    [MIN, "1 min"],
    [45 * MIN, "45 min"],
    [HOUR, "1 h"],
    [HOUR + 59 * MIN + 59_000, "1 h 59 min"],
    [26 * HOUR, "1 d 2 h"],
    [48 * HOUR + 10 * MIN, "2 d"],
    [-90 * MIN, "1 h 30 min"],
  ])("GIVEN %i ms THEN the duration reads %s", (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe("formatResponseTime", () => {
  it.each([
    [0, "0 minutes"],
    [1, "1 minute"],
    [30, "30 minutes"],
    [59.4, "59 minutes"],
    [59.6, "1 hour"],
    [60, "1 hour"],
    [90, "1.5 hours"],
    [100, "1.5 hours"],
    [120, "2 hours"],
    [240, "4 hours"],
    [1440, "1 day"],
    [1500, "25 hours"],
    [2160, "36 hours"],
    [2880, "2 days"],
    [3600, "2.5 days"],
    [4320, "3 days"],
    [10080, "7 days"],
  ])("GIVEN %s minutes THEN it reads “%s”", (minutes, text) => {
    expect(formatResponseTime(minutes)).toBe(text);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("GIVEN %s THEN a RangeError is thrown", (minutes) => {
    expect(() => formatResponseTime(minutes)).toThrow(RangeError);
  });
});
