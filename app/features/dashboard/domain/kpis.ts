/**
 * The merchant dashboard's figures for two periods, and their CSV export. The formulas live beside
 * it, one file per KPI family (deflection, response times, satisfaction, rates, periods). Pure:
 * callers load a period's rows and pass them in, together with the clock and the shop's time zone.
 *
 * Units: every `percent` is on a 0–100 scale, durations are minutes, and a metric with nothing to
 * divide by is null rather than 0, so the dashboard can show "—" instead of a false 0 %.
 * An invalid Date in a row counts as missing: a bad row is left out rather than poisoning a figure.
 */
import { deflectionRate } from "./deflection";
import { percentOf, type SelfServiceSession, type Ticket } from "./kpi-inputs";
import { trend } from "./periods";
import { contactsPerOrder, returnRate } from "./rates";
import { firstResponseTimes, resolutionTime } from "./response-times";
import { csat, slaCompliance } from "./satisfaction";

/** What the caller loads for one period. */
export type PeriodData = {
  sessions: readonly SelfServiceSession[];
  /** Tickets created in the period. */
  tickets: readonly Ticket[];
  orders: number;
  /** Orders of the period with at least one return. */
  returnedOrders: number;
  faqSearches: number;
  faqSearchesWithoutAnswer: number;
};

export type DashboardMetrics = {
  selfServiceSessions: number;
  deflectionPercent: number | null;
  tickets: number;
  firstResponseMedianMinutes: number | null;
  firstResponseP90Minutes: number | null;
  resolutionAverageMinutes: number | null;
  resolutionMedianMinutes: number | null;
  csatPercent: number | null;
  slaCompliancePercent: number | null;
  orders: number;
  contactsPerOrder: number | null;
  returnRatePercent: number | null;
  faqSearches: number;
  faqSearchesWithoutAnswer: number;
};

export type DashboardSummary = { current: DashboardMetrics; previous: DashboardMetrics };

function periodMetrics(period: PeriodData, followUpTickets: readonly Ticket[], now: Date): DashboardMetrics {
  const responses = firstResponseTimes(period.tickets);
  const resolutions = resolutionTime(period.tickets);
  return {
    selfServiceSessions: period.sessions.length,
    deflectionPercent: deflectionRate(period.sessions, followUpTickets).percent,
    tickets: period.tickets.length,
    firstResponseMedianMinutes: responses.medianMinutes,
    firstResponseP90Minutes: responses.p90Minutes,
    resolutionAverageMinutes: resolutions.averageMinutes,
    resolutionMedianMinutes: resolutions.medianMinutes,
    csatPercent: csat(period.tickets).percent,
    slaCompliancePercent: slaCompliance(period.tickets, now).percent,
    orders: period.orders,
    contactsPerOrder: contactsPerOrder(period.tickets.length, period.orders),
    returnRatePercent: returnRate(period.returnedOrders, period.orders),
    faqSearches: period.faqSearches,
    faqSearchesWithoutAnswer: period.faqSearchesWithoutAnswer,
  };
}

/**
 * One period's figures counted by the database (dashboard/aggregates.server.ts) rather than
 * from its rows: the same formulas as periodMetrics, fed with counts, sums and the ranked values.
 */
export type PeriodCounts = {
  sessions: number;
  /** Sessions with no ticket from the visitor within 24 hours (deflectionRate's rule). */
  deflected: number;
  tickets: number;
  /** Minutes to first response at the ranks median() and percentile(90) pick. */
  firstResponse: { medianMinutes: number | null; p90Minutes: number | null };
  resolution: { count: number; totalMinutes: number; medianMinutes: number | null };
  csat: { answered: number; satisfied: number };
  sla: { met: number; breached: number };
  orders: number;
  returnedOrders: number;
  faqSearchesWithoutAnswer: number;
};

export function metricsFromCounts(period: PeriodCounts): DashboardMetrics {
  return {
    selfServiceSessions: period.sessions,
    deflectionPercent: percentOf(period.deflected, period.sessions),
    tickets: period.tickets,
    firstResponseMedianMinutes: period.firstResponse.medianMinutes,
    firstResponseP90Minutes: period.firstResponse.p90Minutes,
    resolutionAverageMinutes: period.resolution.count === 0 ? null : period.resolution.totalMinutes / period.resolution.count,
    resolutionMedianMinutes: period.resolution.medianMinutes,
    csatPercent: percentOf(period.csat.satisfied, period.csat.answered),
    slaCompliancePercent: percentOf(period.sla.met, period.sla.met + period.sla.breached),
    orders: period.orders,
    contactsPerOrder: contactsPerOrder(period.tickets, period.orders),
    returnRatePercent: returnRate(period.returnedOrders, period.orders),
    faqSearches: 0,
    faqSearchesWithoutAnswer: period.faqSearchesWithoutAnswer,
  };
}

/**
 * Both periods' figures. The previous period's sessions are matched against both periods' tickets,
 * because a session late on its last day is followed up early in the current one. SLA is judged
 * at `now` for both: a ticket from the previous period still unanswered is breached today.
 */
export function dashboardSummary(current: PeriodData, previous: PeriodData, now: Date): DashboardSummary {
  return {
    current: periodMetrics(current, current.tickets, now),
    previous: periodMetrics(previous, [...previous.tickets, ...current.tickets], now),
  };
}

/** CSV labels, in export order; units in the label keep the number cells plain numbers. */
const METRIC_LABELS = {
  selfServiceSessions: "Self-service sessions",
  deflectionPercent: "Self-service deflection (%)",
  tickets: "Tickets",
  firstResponseMedianMinutes: "First response time, median (minutes)",
  firstResponseP90Minutes: "First response time, 90th percentile (minutes)",
  resolutionAverageMinutes: "Resolution time, average (minutes)",
  resolutionMedianMinutes: "Resolution time, median (minutes)",
  csatPercent: "CSAT (%)",
  slaCompliancePercent: "First response SLA met (%)",
  orders: "Orders",
  contactsPerOrder: "Contacts per order",
  returnRatePercent: "Return rate (%)",
  faqSearches: "FAQ searches",
  faqSearchesWithoutAnswer: "FAQ searches without an answer",
} satisfies Record<keyof DashboardMetrics, string>;

/** Two decimals, no trailing zeros, "" for a missing figure; −0 prints as "0". */
function formatCell(value: number | null): string {
  return value === null ? "" : String(Math.round(value * 100) / 100);
}

/**
 * Rows for the CSV export: a header, then one row per metric with the current figure, the previous
 * one and the change (current − previous, in the metric's unit; "" when either is missing).
 * Every cell is a fixed label or a number, so no cell can smuggle a spreadsheet formula.
 */
export function toCsvRows(summary: DashboardSummary): string[][] {
  const rows = [["metric", "current", "previous", "change"]];
  for (const key of Object.keys(METRIC_LABELS) as (keyof DashboardMetrics)[]) {
    const current = summary.current[key];
    const previous = summary.previous[key];
    rows.push([METRIC_LABELS[key], formatCell(current), formatCell(previous), formatCell(trend(current, previous).delta)]);
  }
  return rows;
}
