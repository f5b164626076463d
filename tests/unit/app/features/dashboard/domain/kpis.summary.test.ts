import { describe, expect, it } from "vitest";
import { type DashboardMetrics, type PeriodData, dashboardSummary, toCsvRows } from "../../../../../../app/features/dashboard/domain/kpis";
import { DAY, HOUR, MINUTE, T, at, session, ticket } from "../../../../../helpers/kpis";

const now = T + 10 * DAY;

/** A ticket created at `created`, due an hour later, with response/resolution offsets in minutes. */
function handled(created: number, options: { visitor?: string; respond?: number; resolve?: number; rating?: number }) {
  return ticket({
    createdAt: at(created),
    visitor: options.visitor ?? null,
    responseDueAt: at(created + HOUR),
    firstResponseAt: options.respond === undefined ? null : at(created + options.respond * MINUTE),
    resolvedAt: options.resolve === undefined ? null : at(created + options.resolve * MINUTE),
    csat: options.rating ?? null,
    surveyed: options.rating !== undefined,
  });
}

const followedUp = handled(now - 3 * DAY, { visitor: "a", respond: 30, resolve: 120, rating: 5 });

const current: PeriodData = {
  sessions: [session("a", now - 3 * DAY - HOUR), session("b", now - 3 * DAY)],
  tickets: [
    followedUp,
    handled(now - 2 * DAY, { respond: 90, resolve: 240, rating: 3 }), // responded 30 min late
    handled(now - 30 * MINUTE, {}), // not yet due: pending
  ],
  orders: 60,
  returnedOrders: 3,
  faqSearches: 40,
  faqSearchesWithoutAnswer: 6,
};

const previous: PeriodData = {
  // "a" also browsed late in the previous period, 20 h before opening the current period's ticket.
  sessions: [session("a", followedUp.createdAt.getTime() - 20 * HOUR), session("e", now - 9 * DAY)],
  tickets: [
    handled(now - 9 * DAY, { respond: 20, resolve: 60, rating: 4 }),
    handled(now - 9 * DAY, {}), // never answered: breached by now
  ],
  orders: 50,
  returnedOrders: 5,
  faqSearches: 30,
  faqSearchesWithoutAnswer: 3,
};

describe("dashboardSummary", () => {
  const summary = dashboardSummary(current, previous, new Date(now));

  it("GIVEN a period's rows THEN every current figure is computed from them", () => {
    expect(summary.current).toEqual({
      selfServiceSessions: 2,
      deflectionPercent: 50,
      tickets: 3,
      firstResponseMedianMinutes: 60,
      firstResponseP90Minutes: 90,
      resolutionAverageMinutes: 180,
      resolutionMedianMinutes: 180,
      csatPercent: 50,
      slaCompliancePercent: 50,
      orders: 60,
      contactsPerOrder: 0.05,
      returnRatePercent: 5,
      faqSearches: 40,
      faqSearchesWithoutAnswer: 6,
    });
  });

  it("GIVEN a previous-period session followed up by a ticket in the current period THEN it is not deflected", () => {
    expect(summary.previous.deflectionPercent).toBe(50);
  });

  it("GIVEN a previous-period ticket still unanswered THEN it is breached at now", () => {
    expect(summary.previous.slaCompliancePercent).toBe(50);
  });

  it("GIVEN a period without orders THEN the rates per order are null", () => {
    const empty = dashboardSummary({ ...current, orders: 0, returnedOrders: 0 }, previous, new Date(now));
    expect(empty.current).toMatchObject({ contactsPerOrder: null, returnRatePercent: null });
  });
});

describe("toCsvRows", () => {
  it("GIVEN a summary THEN there is a header and one row per metric with current, previous and change", () => {
    expect(toCsvRows(dashboardSummary(current, previous, new Date(now)))).toEqual([
      ["metric", "current", "previous", "change"],
      ["Self-service sessions", "2", "2", "0"],
      ["Self-service deflection (%)", "50", "50", "0"],
      ["Tickets", "3", "2", "1"],
      ["First response time, median (minutes)", "60", "20", "40"],
      ["First response time, 90th percentile (minutes)", "90", "20", "70"],
      ["Resolution time, average (minutes)", "180", "60", "120"],
      ["Resolution time, median (minutes)", "180", "60", "120"],
      ["CSAT (%)", "50", "100", "-50"],
      ["First response SLA met (%)", "50", "50", "0"],
      ["Orders", "60", "50", "10"],
      ["Contacts per order", "0.05", "0.04", "0.01"],
      ["Return rate (%)", "5", "10", "-5"],
      ["FAQ searches", "40", "30", "10"],
      ["FAQ searches without an answer", "6", "3", "3"],
    ]);
  });

  const metrics = (overrides: Partial<DashboardMetrics>): DashboardMetrics => ({
    selfServiceSessions: 0,
    deflectionPercent: null,
    tickets: 0,
    firstResponseMedianMinutes: null,
    firstResponseP90Minutes: null,
    resolutionAverageMinutes: null,
    resolutionMedianMinutes: null,
    csatPercent: null,
    slaCompliancePercent: null,
    orders: 0,
    contactsPerOrder: null,
    returnRatePercent: null,
    faqSearches: 0,
    faqSearchesWithoutAnswer: 0,
    ...overrides,
  });
  const row = (label: string, current: Partial<DashboardMetrics>, previous: Partial<DashboardMetrics>) =>
    toCsvRows({ current: metrics(current), previous: metrics(previous) }).find((r) => r[0] === label);

  it("GIVEN a missing previous figure THEN its cell and the change are empty", () => {
    expect(row("CSAT (%)", { csatPercent: 90 }, {})).toEqual(["CSAT (%)", "90", "", ""]);
  });

  it("GIVEN figures with many decimals THEN cells are rounded to two", () => {
    expect(row("CSAT (%)", { csatPercent: 200 / 3 }, { csatPercent: 100 / 3 })).toEqual(["CSAT (%)", "66.67", "33.33", "33.33"]);
  });

  it("GIVEN a tiny negative change THEN it prints 0, not -0", () => {
    expect(row("Contacts per order", { contactsPerOrder: 0.041 }, { contactsPerOrder: 0.043 })?.[3]).toBe("0");
  });
});
