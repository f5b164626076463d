import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../../../app/features/import-export/domain/csv";
import {
  dashboardSummary,
  toCsvRows,
  type DashboardSummary,
  type PeriodData,
} from "../../../../../app/features/dashboard/domain/kpis";
import { type Metrics } from "../../../../../app/features/dashboard/dashboard";
import {
  CSV_LABELS,
  DashboardExportSchema,
  dashboardCsvRows,
  parsePeriod,
  writeCsv,
  type Dashboard,
} from "../../../../../app/features/dashboard/dashboard.server";
import { selfServiceSessions, type EventRow } from "../../../../../app/features/dashboard/domain/sessions";

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
