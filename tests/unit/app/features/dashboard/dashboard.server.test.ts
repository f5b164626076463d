import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../../../app/features/import-export/domain/csv";
import { dashboardSummary, toCsvRows, type DashboardSummary, type PeriodData } from "../../../../../app/features/dashboard/domain/kpis";
import {
  chartGeometry,
  describeActivity,
  describeTrend,
  formatDay,
  formatMinutes,
  formatValue,
  niceCeiling,
  type ChartBox,
  type Metrics,
} from "../../../../../app/features/dashboard/dashboard";
import {
  CSV_LABELS,
  DashboardExportSchema,
  dashboardCsvRows,
  parsePeriod,
  selfServiceSessions,
  writeCsv,
  type Dashboard,
  type EventRow,
} from "../../../../../app/features/dashboard/dashboard.server";
import { createdInRange } from "../../../../../app/shopify/orders-count.server";

const TORONTO = "America/Toronto";
const at = (iso: string) => new Date(iso);
const event = (type: string, visitor: string | null, iso: string): Omit<EventRow, "subject"> => ({ type, visitor, at: at(iso) });

describe("parsePeriod", () => {
  it.each([
    ["7", 7],
    ["30", 30],
    ["90", 90],
  ])("GIVEN ?period=%s THEN that period is used", (value, period) => {
    expect(parsePeriod(value)).toBe(period);
  });

  it.each([null, "", "14", "-7", "7days", "1e1", "Infinity", "0"])("GIVEN ?period=%s THEN the default of 30 days is used", (value) => {
    expect(parsePeriod(value)).toBe(30);
  });
});

describe("DashboardExportSchema", () => {
  it("GIVEN the page's export form THEN the period is read as a number", () => {
    expect(DashboardExportSchema.parse({ intent: "export", period: "7" })).toEqual({ intent: "export", period: 7 });
  });

  it.each([
    [{ intent: "export", period: "14" }],
    [{ intent: "import", period: "7" }],
    [{ period: "7" }],
  ])("GIVEN %j THEN the request is refused", (form) => {
    expect(DashboardExportSchema.safeParse(form).success).toBe(false);
  });
});

describe("selfServiceSessions", () => {
  it("GIVEN one visitor's several events on one local day THEN they are one session, at the first event", () => {
    const sessions = selfServiceSessions(
      [
        event("faq_view", "visitor-a", "2026-06-01T18:00:00Z"),
        event("tracking_lookup", "visitor-a", "2026-06-01T14:00:00Z"),
        event("return_started", "visitor-a", "2026-06-01T20:00:00Z"),
      ],
      TORONTO,
    );

    expect(sessions).toEqual([{ visitor: "visitor-a", kind: "tracking", at: at("2026-06-01T14:00:00Z") }]);
  });

  it("GIVEN events either side of the shop's midnight (not UTC's) THEN they are two sessions", () => {
    // 03:30 UTC on June 2 is 23:30 on June 1 in Toronto; 04:30 UTC is 00:30 on June 2.
    const sessions = selfServiceSessions(
      [event("faq_view", "visitor-a", "2026-06-02T03:30:00Z"), event("faq_view", "visitor-a", "2026-06-02T04:30:00Z")],
      TORONTO,
    );

    expect(sessions.map((s) => s.at.toISOString())).toEqual(["2026-06-02T03:30:00.000Z", "2026-06-02T04:30:00.000Z"]);
  });

  it("GIVEN events in one UTC day but two Toronto days THEN each Toronto day has its own session", () => {
    const sessions = selfServiceSessions(
      [event("faq_view", "visitor-a", "2026-06-01T01:00:00Z"), event("faq_view", "visitor-a", "2026-06-01T23:00:00Z")],
      TORONTO,
    );

    expect(sessions).toHaveLength(2);
  });

  it("GIVEN two visitors on the same day THEN each has a session, in time order", () => {
    const sessions = selfServiceSessions(
      [event("faq_view", "visitor-b", "2026-06-01T16:00:00Z"), event("deflected", "visitor-a", "2026-06-01T15:00:00Z")],
      TORONTO,
    );

    expect(sessions).toEqual([
      { visitor: "visitor-a", kind: "faq", at: at("2026-06-01T15:00:00Z") },
      { visitor: "visitor-b", kind: "faq", at: at("2026-06-01T16:00:00Z") },
    ]);
  });

  it.each([
    ["a return started", "return_started", "returns"],
    ["a tracking lookup", "tracking_lookup", "tracking"],
    ["an FAQ view", "faq_view", "faq"],
    ["a deflection", "deflected", "faq"],
  ] as const)("GIVEN %s THEN it starts a session of its kind", (_, type, kind) => {
    expect(selfServiceSessions([event(type, "visitor-a", "2026-06-01T15:00:00Z")], TORONTO)[0]?.kind).toBe(kind);
  });

  it.each([
    ["an event without a visitor", event("faq_view", null, "2026-06-01T15:00:00Z")],
    ["an event with an empty visitor", event("faq_view", "", "2026-06-01T15:00:00Z")],
    ["a launcher open", event("launcher_open", "visitor-a", "2026-06-01T15:00:00Z")],
    ["a search with no answer", event("faq_search_miss", "visitor-a", "2026-06-01T15:00:00Z")],
    ["an unknown type", event("__proto__", "visitor-a", "2026-06-01T15:00:00Z")],
    ["an invalid date", { type: "faq_view", visitor: "visitor-a", at: new Date(Number.NaN) }],
  ])("GIVEN %s THEN it is not a session", (_, row) => {
    expect(selfServiceSessions([row], TORONTO)).toEqual([]);
  });

  it("GIVEN the night clocks go back (a 25-hour day) THEN its whole day is one session", () => {
    // 2026-11-01 in Toronto runs from 04:00 UTC to 05:00 UTC the next day.
    const sessions = selfServiceSessions(
      [event("faq_view", "visitor-a", "2026-11-01T04:10:00Z"), event("faq_view", "visitor-a", "2026-11-02T04:50:00Z")],
      TORONTO,
    );

    expect(sessions).toHaveLength(1);
  });

  it("GIVEN a zone with a 45-minute offset THEN days split at its own midnight", () => {
    // Kathmandu is UTC+5:45: its June 2 starts at 18:15 UTC on June 1.
    const sessions = selfServiceSessions(
      [event("faq_view", "visitor-a", "2026-06-01T18:14:00Z"), event("faq_view", "visitor-a", "2026-06-01T18:16:00Z")],
      "Asia/Kathmandu",
    );

    expect(sessions).toHaveLength(2);
  });
});

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

describe("writeCsv", () => {
  it("GIVEN a negative number THEN it is written as a number, not guarded as a formula", () => {
    expect(writeCsv([["Tickets", "3", "5", "-2"]])).toBe("Tickets,3,5,-2\r\n");
  });

  it("GIVEN text that a spreadsheet would run THEN it is written as text", () => {
    expect(writeCsv([["=HYPERLINK(\"http://x\")", "-1+cmd", "@sum"]])).toBe(`"'=HYPERLINK(""http://x"")",'-1+cmd,'@sum\r\n`);
  });

  it("GIVEN commas, quotes, line breaks and empty cells THEN the file reads back cell for cell", () => {
    const rows = [["a,b", 'say "hi"', "two\nlines", "", "-0.5"]];
    const parsed = parseCsv(writeCsv(rows));
    expect(parsed).toMatchObject({ ok: true, rows });
  });
});

describe("dashboard CSV rows", () => {
  const emptyPeriod: PeriodData = { sessions: [], tickets: [], orders: 0, returnedOrders: 0, faqSearches: 0, faqSearchesWithoutAnswer: 0 };
  const periodWith = (orders: number, misses: number): PeriodData => ({ ...emptyPeriod, orders, returnedOrders: 1, faqSearchesWithoutAnswer: misses });
  const metrics = (overrides: Partial<Metrics>): Metrics => ({
    selfServiceSessions: 0,
    deflectionPercent: null,
    tickets: 0,
    firstResponseMedianMinutes: null,
    firstResponseP90Minutes: null,
    resolutionAverageMinutes: null,
    resolutionMedianMinutes: null,
    csatPercent: null,
    slaCompliancePercent: null,
    orders: null,
    contactsPerOrder: null,
    returnRatePercent: null,
    faqSearchesWithoutAnswer: 0,
    trackingLookups: 0,
    returnsStarted: 0,
    faqViews: 0,
    ...overrides,
  });
  const dashboard = (orders: Dashboard["orders"]): Dashboard => ({
    period: 7,
    timeZone: TORONTO,
    days: { current: { first: "2026-10-09", last: "2026-10-15" }, previous: { first: "2026-10-02", last: "2026-10-08" } },
    hasActivity: true,
    orders,
    metrics: { current: metrics({ trackingLookups: 4, faqViews: 1 }), previous: metrics({ trackingLookups: 6, returnsStarted: 2 }) },
    daily: [],
    topReasons: [{ reason: "too-small", label: "Too small", count: 3, percent: 75, previous: 1 }],
    topSearches: [{ query: "=cmd|' /c calc'!a0", count: 2, previous: 0 }],
  });
  const summary: DashboardSummary = dashboardSummary(periodWith(20, 2), periodWith(10, 0), new Date("2026-10-15T12:00:00Z"));

  it("GIVEN the labels this module looks for THEN toCsvRows still has them", () => {
    const labels = toCsvRows(summary).map((row) => row[0]);
    expect(labels).toEqual(expect.arrayContaining([CSV_LABELS.orders, CSV_LABELS.faqSearches]));
  });

  it("GIVEN a dashboard THEN the header names both periods' days", () => {
    expect(dashboardCsvRows(dashboard("available"), summary)[0]).toEqual([
      "metric",
      "current (2026-10-09 to 2026-10-15)",
      "previous (2026-10-02 to 2026-10-08)",
      "change",
    ]);
  });

  it("GIVEN searches with an answer are never recorded THEN the FAQ search total is not exported", () => {
    const labels = dashboardCsvRows(dashboard("available"), summary).map((row) => row[0]);
    expect(labels).not.toContain(CSV_LABELS.faqSearches);
    expect(labels).toContain("FAQ searches without an answer");
  });

  it("GIVEN order counts THEN the orders row carries them", () => {
    expect(dashboardCsvRows(dashboard("available"), summary)).toContainEqual(["Orders", "20", "10", "10"]);
  });

  it.each(["unavailable", "beyond_window"] as const)("GIVEN the order count is %s THEN the orders row is empty rather than 0", (orders) => {
    expect(dashboardCsvRows(dashboard(orders), summary)).toContainEqual(["Orders", "", "", ""]);
  });

  it("GIVEN self-service counts THEN they follow the metrics with both periods and the change", () => {
    const rows = dashboardCsvRows(dashboard("available"), summary);
    expect(rows).toContainEqual(["Tracking lookups", "4", "6", "-2"]);
    expect(rows).toContainEqual(["Returns started", "0", "2", "-2"]);
    expect(rows).toContainEqual(["FAQ views", "1", "0", "1"]);
  });

  it("GIVEN top reasons and searches THEN each is a row, behind a label that keeps a hostile search from starting the cell", () => {
    const rows = dashboardCsvRows(dashboard("available"), summary);
    expect(rows.slice(-2)).toEqual([
      ["Return reason: Too small (units)", "3", "1", "2"],
      ["FAQ search with no answer: =cmd|' /c calc'!a0", "2", "0", "2"],
    ]);
    expect(writeCsv(rows)).toContain("\r\nFAQ search with no answer: =cmd|' /c calc'!a0,2,0,2\r\n");
  });
});

describe("createdInRange", () => {
  it("GIVEN a range THEN the search includes both ends", () => {
    expect(createdInRange({ from: at("2026-10-09T04:00:00.000Z"), to: at("2026-10-15T16:30:00.000Z") })).toBe(
      "created_at:>='2026-10-09T04:00:00.000Z' created_at:<'2026-10-15T16:30:00.001Z'",
    );
  });

  it("GIVEN a range ending 1 ms before the next starts THEN the search ends exactly where the next begins", () => {
    expect(createdInRange({ from: at("2026-10-02T04:00:00.000Z"), to: new Date(Date.parse("2026-10-09T04:00:00.000Z") - 1) })).toContain(
      "created_at:<'2026-10-09T04:00:00.000Z'",
    );
  });
});
