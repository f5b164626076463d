import { describe, expect, it } from "vitest";
import {
  chartGeometry,
  describeActivity,
  describeTrend,
  formatDay,
  formatMinutes,
  formatValue,
  niceCeiling,
  type ChartBox,
} from "../../../../../app/features/dashboard/dashboard";

describe("niceCeiling", () => {
  it.each([
    [0, 1],
    [-5, 1],
    [Number.NaN, 1],
    [1, 1],
    [3, 4],
    [5, 6],
    [7, 8],
    [9, 10],
    [12, 20],
    [100, 100],
    [101, 200],
  ])("GIVEN a largest value of %s THEN the chart's top is %s", (value, top) => {
    expect(niceCeiling(value)).toBe(top);
  });
});

describe("chartGeometry", () => {
  const box: ChartBox = { width: 100, height: 60, top: 0, right: 0, bottom: 10, left: 20 };

  it("GIVEN three days THEN they span the plot's width and the largest value reaches its top", () => {
    const geometry = chartGeometry(
      [
        { day: "2026-06-01", sessions: 8, tickets: 0 },
        { day: "2026-06-02", sessions: 4, tickets: 2 },
        { day: "2026-06-03", sessions: 0, tickets: 8 },
      ],
      box,
    );

    expect(geometry.max).toBe(8);
    expect(geometry.xs).toEqual([20, 60, 100]);
    expect(geometry.sessions).toEqual([
      { x: 20, y: 0 },
      { x: 60, y: 25 },
      { x: 100, y: 50 },
    ]);
    expect(geometry.tickets.map((p) => p.y)).toEqual([50, 37.5, 0]);
  });

  it("GIVEN a top of 8 THEN gridlines sit at 0, 4 and 8", () => {
    const geometry = chartGeometry([{ day: "2026-06-01", sessions: 7, tickets: 1 }], box);
    expect(geometry.ticks).toEqual([
      { value: 0, y: 50 },
      { value: 4, y: 25 },
      { value: 8, y: 0 },
    ]);
  });

  it("GIVEN a top of 1 THEN no half gridline is drawn (counts have no halves)", () => {
    expect(chartGeometry([{ day: "2026-06-01", sessions: 1, tickets: 0 }], box).ticks.map((t) => t.value)).toEqual([0, 1]);
  });

  it("GIVEN a single day THEN it sits in the middle of the plot", () => {
    expect(chartGeometry([{ day: "2026-06-01", sessions: 2, tickets: 1 }], box).xs).toEqual([60]);
  });

  it("GIVEN no activity at all THEN every point lies on the baseline without dividing by zero", () => {
    const geometry = chartGeometry(
      [
        { day: "2026-06-01", sessions: 0, tickets: 0 },
        { day: "2026-06-02", sessions: 0, tickets: 0 },
      ],
      box,
    );
    expect(geometry.max).toBe(1);
    expect([...geometry.sessions, ...geometry.tickets].map((p) => p.y)).toEqual([50, 50, 50, 50]);
  });

  it("GIVEN negative, NaN or infinite counts THEN they are drawn at 0 and do not stretch the scale", () => {
    const geometry = chartGeometry(
      [
        { day: "2026-06-01", sessions: -4, tickets: Number.NaN },
        { day: "2026-06-02", sessions: Number.POSITIVE_INFINITY, tickets: 2 },
      ],
      box,
    );
    expect(geometry.max).toBe(2);
    expect(geometry.sessions.map((p) => p.y)).toEqual([50, 50]);
    expect(geometry.tickets.map((p) => p.y)).toEqual([50, 0]);
  });

  it("GIVEN no days THEN there is nothing to draw", () => {
    const geometry = chartGeometry([], box);
    expect(geometry.xs).toEqual([]);
    expect(geometry.sessions).toEqual([]);
  });
});

describe("describeActivity", () => {
  it("GIVEN daily counts THEN the summary gives each total and its busiest day", () => {
    const text = describeActivity(
      [
        { day: "2026-10-03", sessions: 31, tickets: 1 },
        { day: "2026-10-04", sessions: 2, tickets: 6 },
      ],
      7,
    );
    expect(text).toBe(
      "Self-service sessions and tickets per day over the last 7 days: 33 self-service sessions, most on Oct 3 (31); 7 tickets, most on Oct 4 (6).",
    );
  });

  it("GIVEN no activity THEN the summary says so without naming a busiest day", () => {
    expect(describeActivity([{ day: "2026-10-03", sessions: 0, tickets: 0 }], 30)).toBe(
      "Self-service sessions and tickets per day over the last 30 days: 0 self-service sessions; 0 tickets.",
    );
  });

  it("GIVEN one ticket THEN the noun is singular", () => {
    expect(describeActivity([{ day: "2026-10-03", sessions: 0, tickets: 1 }], 7)).toContain("; 1 ticket, most on Oct 3 (1).");
  });
});

describe("formatting", () => {
  it.each([
    [0, "< 1 min"],
    [0.5, "< 1 min"],
    [45, "45 min"],
    [60, "1 h"],
    [80, "1 h 20 min"],
    [24 * 60, "1 d"],
    [27 * 60 + 59, "1 d 3 h"],
  ])("GIVEN %s minutes THEN they read %s", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it.each([
    [1234, "count", "1,234"],
    [87.46, "percent", "87.5%"],
    [100, "percent", "100%"],
    [0.0533, "ratio", "0.05"],
    [90, "minutes", "1 h 30 min"],
    [null, "percent", "—"],
    [Number.NaN, "count", "—"],
  ] as const)("GIVEN %s as a %s THEN it reads %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it.each([
    ["2026-10-03", "Oct 3"],
    ["2026-01-31", "Jan 31"],
    ["not a day", "not a day"],
  ])("GIVEN the day %s THEN it reads %s", (day, text) => {
    expect(formatDay(day)).toBe(text);
  });
});

describe("describeTrend", () => {
  it("GIVEN more of a metric where more is good THEN the change reads up, in green", () => {
    expect(describeTrend(112, 100, "count", "up", 30)).toEqual({ text: "Up 12% from the previous 30 days", direction: "up", tone: "success" });
  });

  it("GIVEN a longer response time THEN the change reads up, in red", () => {
    expect(describeTrend(90, 60, "minutes", "down", 7)).toEqual({ text: "Up 50% from the previous 7 days", direction: "up", tone: "critical" });
  });

  it("GIVEN fewer tickets THEN the change reads down, in green", () => {
    expect(describeTrend(8, 10, "count", "down", 30)).toMatchObject({ text: "Down 20% from the previous 30 days", tone: "success" });
  });

  it("GIVEN a percentage metric THEN its change is in points, not a percent of a percent", () => {
    expect(describeTrend(80, 75.5, "percent", "up", 30).text).toBe("Up 4.5 points from the previous 30 days");
  });

  it("GIVEN a volume that is neither good nor bad THEN the change has no colour", () => {
    expect(describeTrend(20, 10, "count", "neutral", 30).tone).toBe("subdued");
  });

  it("GIVEN a previous value of 0 THEN the change reads up from 0 instead of an infinite percent", () => {
    expect(describeTrend(5, 0, "count", "down", 7)).toEqual({ text: "Up from 0 in the previous 7 days", direction: "up", tone: "critical" });
  });

  it("GIVEN no change THEN it reads the same, without colour", () => {
    expect(describeTrend(4, 4, "count", "up", 90)).toEqual({ text: "Same as the previous 90 days", direction: "flat", tone: "subdued" });
  });

  it.each([
    [null, 5],
    [5, null],
  ])("GIVEN %s against %s THEN there is no comparison", (current, previous) => {
    expect(describeTrend(current, previous, "percent", "up", 30)).toEqual({
      text: "No comparison with the previous 30 days",
      direction: null,
      tone: "subdued",
    });
  });

  it("GIVEN a change under 1% THEN it reads less than 1% rather than 0%", () => {
    expect(describeTrend(1001, 1000, "count", "up", 30).text).toBe("Up less than 1% from the previous 30 days");
  });
});
