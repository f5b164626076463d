import { describe, expect, it } from "vitest";
import { PERIODS, dailySeries, isWithin, periodRange } from "../../../../../../app/features/dashboard/domain/periods";
import { AUCKLAND, DAY, TORONTO, iso } from "../../../../../helpers/kpis";

const d = (s: string) => new Date(s);
const range = (from: string, to: string) => ({ from: d(from), to: d(to) });
const isoRange = (r: { from: Date; to: Date }) => ({ from: iso(r.from), to: iso(r.to) });

describe("periodRange", () => {
  it("GIVEN the dashboard THEN it offers 7, 30 and 90 days", () => {
    expect(PERIODS).toEqual([7, 30, 90]);
  });

  it("GIVEN 7 days at 10:00 EST on 2026-11-03 in Toronto THEN current runs from local midnight of 2026-10-28 (EDT) to now", () => {
    const { current } = periodRange(7, d("2026-11-03T15:00:00Z"), TORONTO);
    expect(isoRange(current)).toEqual({ from: "2026-10-28T04:00:00.000Z", to: "2026-11-03T15:00:00.000Z" });
  });

  it("GIVEN 7 days at 10:00 EST on 2026-11-03 in Toronto THEN previous is the 7 whole local days before, ending 1 ms before current", () => {
    const { previous } = periodRange(7, d("2026-11-03T15:00:00Z"), TORONTO);
    expect(isoRange(previous)).toEqual({ from: "2026-10-21T04:00:00.000Z", to: "2026-10-28T03:59:59.999Z" });
  });

  it("GIVEN a current period spanning the 25-hour 2026-11-01 in Toronto THEN it lasts one hour more than its wall-clock span", () => {
    const { current } = periodRange(7, d("2026-11-03T15:00:00Z"), TORONTO);
    // 2026-10-28 00:00 EDT → 2026-11-03 10:00 EST is 6 days 10 hours on the wall clock.
    expect(current.to.getTime() - current.from.getTime()).toBe(6 * DAY + 11 * 3_600_000);
  });

  it("GIVEN 1 day on 2026-11-02 in Toronto THEN previous is the whole 25-hour 2026-11-01", () => {
    const { current, previous } = periodRange(1, d("2026-11-02T12:00:00Z"), TORONTO);
    expect(iso(current.from)).toBe("2026-11-02T05:00:00.000Z");
    expect(isoRange(previous)).toEqual({ from: "2026-11-01T04:00:00.000Z", to: "2026-11-02T04:59:59.999Z" });
  });

  it("GIVEN now at the last millisecond of 2026-11-01 in Toronto THEN today is still 2026-11-01", () => {
    const { current } = periodRange(7, d("2026-11-02T04:59:59.999Z"), TORONTO);
    expect(iso(current.from)).toBe("2026-10-26T04:00:00.000Z");
  });

  it("GIVEN now exactly at local midnight starting 2026-11-02 in Toronto THEN today is 2026-11-02", () => {
    const { current } = periodRange(7, d("2026-11-02T05:00:00Z"), TORONTO);
    expect(iso(current.from)).toBe("2026-10-27T04:00:00.000Z");
  });

  it("GIVEN 90 days on 2026-11-03 in Toronto THEN current starts 2026-08-06 and previous 2026-05-08, both in EDT", () => {
    const { current, previous } = periodRange(90, d("2026-11-03T15:00:00Z"), TORONTO);
    expect(iso(current.from)).toBe("2026-08-06T04:00:00.000Z");
    expect(isoRange(previous)).toEqual({ from: "2026-05-08T04:00:00.000Z", to: "2026-08-06T03:59:59.999Z" });
  });

  it("GIVEN 01:30 NZDT on 2026-11-01 in Auckland (still 2026-10-31 in UTC) THEN today is the local 2026-11-01", () => {
    const { current } = periodRange(1, d("2026-10-31T12:30:00Z"), AUCKLAND);
    expect(iso(current.from)).toBe("2026-10-31T11:00:00.000Z");
  });

  it("GIVEN 7 days on 2026-09-28 in Auckland THEN current starts at NZST midnight of 2026-09-22, before the DST start", () => {
    const { current, previous } = periodRange(7, d("2026-09-28T00:00:00Z"), AUCKLAND);
    expect(iso(current.from)).toBe("2026-09-21T12:00:00.000Z");
    expect(isoRange(previous)).toEqual({ from: "2026-09-14T12:00:00.000Z", to: "2026-09-21T11:59:59.999Z" });
  });

  it("GIVEN 1 day on 2026-09-28 in Auckland THEN previous is the 23-hour 2026-09-27", () => {
    const { previous } = periodRange(1, d("2026-09-28T00:00:00Z"), AUCKLAND);
    expect(isoRange(previous)).toEqual({ from: "2026-09-26T12:00:00.000Z", to: "2026-09-27T10:59:59.999Z" });
  });

  it("GIVEN 1 day on 2026-04-06 in Auckland THEN previous is the 25-hour 2026-04-05 (DST end)", () => {
    const { current, previous } = periodRange(1, d("2026-04-06T00:00:00Z"), AUCKLAND);
    expect(iso(current.from)).toBe("2026-04-05T12:00:00.000Z");
    expect(isoRange(previous)).toEqual({ from: "2026-04-04T11:00:00.000Z", to: "2026-04-05T11:59:59.999Z" });
  });

  it.each([0, -7, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("GIVEN %s days THEN it throws a RangeError", (days) => {
    expect(() => periodRange(days, d("2026-11-03T15:00:00Z"), TORONTO)).toThrow(RangeError);
  });

  it("GIVEN an invalid now THEN it throws a RangeError", () => {
    expect(() => periodRange(7, d("not a date"), TORONTO)).toThrow(RangeError);
  });

  it("GIVEN an unknown time zone THEN it throws a RangeError naming it", () => {
    expect(() => periodRange(7, d("2026-11-03T15:00:00Z"), "Mars/Olympus_Mons")).toThrow(/Mars\/Olympus_Mons/);
  });
});

describe("isWithin", () => {
  const r = range("2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z");

  it("GIVEN the first and the last instant of a range THEN both are within it", () => {
    expect(isWithin(r, r.from)).toBe(true);
    expect(isWithin(r, r.to)).toBe(true);
  });

  it("GIVEN one millisecond outside either end THEN it is not within", () => {
    expect(isWithin(r, d("2026-05-31T23:59:59.999Z"))).toBe(false);
    expect(isWithin(r, d("2026-06-02T00:00:00.001Z"))).toBe(false);
  });

  it("GIVEN an invalid date THEN it is not within", () => {
    expect(isWithin(r, d("garbage"))).toBe(false);
  });
});

describe("dailySeries", () => {
  it("GIVEN events across Toronto's 25-hour 2026-11-01 THEN each counts on its local day, both 01:30s included", () => {
    const events = [
      "2026-11-01T03:59:59.999Z", // 2026-10-31 23:59:59.999 EDT
      "2026-11-01T04:30:00Z", // 00:30 EDT
      "2026-11-01T05:30:00Z", // 01:30 EDT
      "2026-11-01T06:30:00Z", // 01:30 EST, the repeated hour
      "2026-11-02T04:30:00Z", // 23:30 EST, already 2026-11-02 in UTC
      "2026-11-02T05:00:00Z", // 2026-11-02 00:00 EST
    ].map((s) => ({ at: d(s) }));
    const series = dailySeries(events, range("2026-10-31T04:00:00Z", "2026-11-03T04:59:59.999Z"), TORONTO);
    expect(series).toEqual([
      { day: "2026-10-31", count: 1 },
      { day: "2026-11-01", count: 4 },
      { day: "2026-11-02", count: 1 },
    ]);
  });

  it("GIVEN events around Auckland's 23-hour 2026-09-27 THEN each counts on its local day", () => {
    const events = [
      "2026-09-26T11:59:59.999Z", // 2026-09-26 23:59:59.999 NZST
      "2026-09-26T12:00:00Z", // 2026-09-27 00:00 NZST
      "2026-09-27T10:59:59.999Z", // 2026-09-27 23:59:59.999 NZDT
      "2026-09-27T11:00:00Z", // 2026-09-28 00:00 NZDT
    ].map((s) => ({ at: d(s) }));
    const series = dailySeries(events, range("2026-09-25T12:00:00Z", "2026-09-28T10:59:59.999Z"), AUCKLAND);
    expect(series).toEqual([
      { day: "2026-09-26", count: 1 },
      { day: "2026-09-27", count: 2 },
      { day: "2026-09-28", count: 1 },
    ]);
  });

  it("GIVEN an Auckland event on 2026-10-31 in UTC but 2026-11-01 locally THEN it counts on 2026-11-01", () => {
    const series = dailySeries([{ at: d("2026-10-31T12:30:00Z") }], range("2026-10-30T11:00:00Z", "2026-11-01T10:59:59.999Z"), AUCKLAND);
    expect(series).toEqual([
      { day: "2026-10-31", count: 0 },
      { day: "2026-11-01", count: 1 },
    ]);
  });

  it("GIVEN days without events THEN they appear with a count of 0", () => {
    const { current } = periodRange(7, d("2026-06-07T16:00:00Z"), TORONTO);
    const series = dailySeries([{ at: d("2026-06-03T16:00:00Z") }], current, TORONTO);
    expect(series.map((e) => e.day)).toEqual(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04", "2026-06-05", "2026-06-06", "2026-06-07"]);
    expect(series.map((e) => e.count)).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it("GIVEN no events THEN every day counts 0", () => {
    const series = dailySeries([], range("2026-06-01T04:00:00Z", "2026-06-03T03:59:59.999Z"), TORONTO);
    expect(series).toEqual([
      { day: "2026-06-01", count: 0 },
      { day: "2026-06-02", count: 0 },
    ]);
  });

  it("GIVEN a range starting mid-day THEN that day is listed but events before the start are not counted", () => {
    const events = [{ at: d("2026-06-01T13:00:00Z") }, { at: d("2026-06-01T15:00:00Z") }];
    const series = dailySeries(events, range("2026-06-01T14:00:00Z", "2026-06-01T20:00:00Z"), TORONTO);
    expect(series).toEqual([{ day: "2026-06-01", count: 1 }]);
  });

  it("GIVEN events exactly on both ends of the range THEN both count", () => {
    const r = range("2026-06-01T14:00:00Z", "2026-06-02T14:00:00Z");
    const series = dailySeries([{ at: r.from }, { at: r.to }], r, TORONTO);
    expect(series).toEqual([
      { day: "2026-06-01", count: 1 },
      { day: "2026-06-02", count: 1 },
    ]);
  });

  it("GIVEN events after the range or with an invalid date THEN they are ignored", () => {
    const events = [{ at: d("2026-06-02T04:00:00Z") }, { at: d("nonsense") }, { at: d("2026-06-01T16:00:00Z") }];
    const series = dailySeries(events, range("2026-06-01T04:00:00Z", "2026-06-02T03:59:59.999Z"), TORONTO);
    expect(series).toEqual([{ day: "2026-06-01", count: 1 }]);
  });

  it("GIVEN a single-instant range THEN there is one day", () => {
    const instant = d("2026-06-01T16:00:00Z");
    expect(dailySeries([{ at: instant }], { from: instant, to: instant }, TORONTO)).toEqual([{ day: "2026-06-01", count: 1 }]);
  });

  it("GIVEN Pacific/Apia, which skipped 2011-12-30 THEN the skipped day is listed empty and its boundary counts on 2011-12-31", () => {
    const events = [{ at: d("2011-12-30T09:59:59.999Z") }, { at: d("2011-12-30T10:00:00Z") }];
    const series = dailySeries(events, range("2011-12-29T10:00:00Z", "2011-12-31T09:59:59.999Z"), "Pacific/Apia");
    expect(series).toEqual([
      { day: "2011-12-29", count: 1 },
      { day: "2011-12-30", count: 0 },
      { day: "2011-12-31", count: 1 },
    ]);
  });

  it("GIVEN a range whose start is after its end THEN it throws a RangeError", () => {
    expect(() => dailySeries([], range("2026-06-02T00:00:00Z", "2026-06-01T00:00:00Z"), TORONTO)).toThrow(RangeError);
  });

  it("GIVEN a range with an invalid end THEN it throws a RangeError", () => {
    expect(() => dailySeries([], range("2026-06-02T00:00:00Z", "nope"), TORONTO)).toThrow(RangeError);
  });

  it("GIVEN a range of several years THEN it refuses rather than building a huge series", () => {
    expect(() => dailySeries([], range("2020-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), TORONTO)).toThrow(/more than/);
  });

  it("GIVEN an unknown time zone THEN it throws a RangeError", () => {
    expect(() => dailySeries([], range("2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z"), "Nowhere/Land")).toThrow(RangeError);
  });
});
