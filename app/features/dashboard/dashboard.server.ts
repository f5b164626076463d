import { z } from "zod";
import type { Db } from "../../db-client.server";
import { toCsv } from "../import-export/domain/csv";
import { PERIODS, periodRange, type Period } from "./domain/periods";
import { metricsFromCounts, toCsvRows, type DashboardMetrics, type DashboardSummary } from "./domain/kpis";
import { topQueries, topReasons } from "./domain/rates";
import type { DateRange } from "./domain/kpi-inputs";
import { dashboardAggregates } from "./aggregates.server";
import { SESSION_KINDS } from "./domain/sessions";
import { formatDayNumber, localDayNumber } from "../../lib/zoned-time";
import { currentReturnPolicy } from "../policies/repo.server";
import type { AdminGraphql } from "../../shopify.server";
import { countOrders } from "../../shopify/orders-count.server";
import { type DailyActivity, type Metrics } from "./dashboard";
import { reasonLabeller } from "../returns/domain/review";

/**
 * The merchant dashboard on the admin home: counts one shop's activity for a period and the one
 * before it in the database (aggregates.server.ts), hands the counts to the KPI formulas
 * (domain/kpis.ts) and returns what the page and the CSV export show.
 *
 * Choices the formulas leave to the caller:
 * - A self-service session is one visitor on one local calendar day (the shop's time zone) with
 *   at least one tracking lookup, return started, FAQ view or deflection. It starts at the first
 *   of those events, so a ticket opened later that day counts as its follow-up. Events without a
 *   visitor (a browser that refused our id) cannot be matched to a ticket and are not sessions.
 * - Resolved means closed; surveyed means a survey was sent.
 * - Return rate: orders with a return request made in the period (whatever its outcome) ÷ orders
 *   created in the period. Top reasons count returned units of those requests.
 * - Orders come from Shopify. Without `read_all_orders` it shares only the last 60 days, so the
 *   order-based figures are left out for a period reaching further back, and shown as unavailable
 *   when Shopify does not answer.
 */

/** Shopify's window for orders without `read_all_orders` (simulator/admin-api.ts ORDER_WINDOW_DAYS). */
const ORDER_WINDOW_MS = 60 * 86_400_000;
const TOP_REASONS = 5;
const TOP_SEARCHES = 10;

const EVENT_TYPES = [...SESSION_KINDS.keys(), "faq_search_miss"];

export const DEFAULT_PERIOD: Period = 30;

const isPeriod = (value: number): value is Period => (PERIODS as readonly number[]).includes(value);

/** The period in the URL (?period=7); anything else reads as the default. */
export function parsePeriod(value: string | null): Period {
  const period = Number(value);
  return isPeriod(period) ? period : DEFAULT_PERIOD;
}

/** The page's "Export CSV" request. */
export const DashboardExportSchema = z.object({ intent: z.literal("export"), period: z.coerce.number().refine(isPeriod, "Unknown period") });

export type RankedReason = { reason: string; label: string; count: number; percent: number; previous: number };
export type RankedSearch = { query: string; count: number; previous: number };
export type OrdersAvailability = "available" | "beyond_window" | "unavailable";

export type Dashboard = {
  period: Period;
  timeZone: string;
  /** The first and last local calendar day of each period (YYYY-MM-DD). */
  days: { current: DaySpan; previous: DaySpan };
  /** Whether anything was recorded in either period: false for a brand-new shop. */
  hasActivity: boolean;
  orders: OrdersAvailability;
  metrics: { current: Metrics; previous: Metrics };
  daily: DailyActivity[];
  topReasons: RankedReason[];
  topSearches: RankedSearch[];
};

export type DaySpan = { first: string; last: string };

export type DashboardContext = { db: Db; graphql: AdminGraphql; shop: string; timeZone: string };

const localDay = (date: Date, timeZone: string) => formatDayNumber(localDayNumber(date.getTime(), timeZone));
const daySpan = (range: DateRange, timeZone: string): DaySpan => ({ first: localDay(range.from, timeZone), last: localDay(range.to, timeZone) });

async function orderCounts(
  graphql: AdminGraphql,
  ranges: { current: DateRange; previous: DateRange },
  now: Date,
): Promise<{ availability: OrdersAvailability; current: number | null; previous: number | null }> {
  if (ranges.previous.from.getTime() < now.getTime() - ORDER_WINDOW_MS) return { availability: "beyond_window", current: null, previous: null };
  try {
    const counts = await countOrders(graphql, ranges);
    return { availability: counts.current === null || counts.previous === null ? "unavailable" : "available", ...counts };
  } catch (error) {
    // The rest of the dashboard comes from our own database: it is worth showing without orders.
    console.warn("[dashboard] order count unavailable", error instanceof Error ? error.message : error);
    return { availability: "unavailable", current: null, previous: null };
  }
}

type Computed = { dashboard: Dashboard; summary: DashboardSummary };

async function compute(ctx: DashboardContext, period: Period, now: Date): Promise<Computed> {
  const { db, shop, timeZone } = ctx;
  const ranges = periodRange(period, now, timeZone);
  const [aggregates, policy, orders] = await Promise.all([
    dashboardAggregates(db, { shop, timeZone, ranges, sessionTypes: [...SESSION_KINDS.keys()], countedTypes: EVENT_TYPES }),
    currentReturnPolicy(db, shop),
    orderCounts(ctx.graphql, ranges, now),
  ]);

  // No count reads as 0 orders: the formulas then give null rates, shown as "—".
  const summary: DashboardSummary = {
    current: metricsFromCounts({ ...aggregates.current, orders: orders.current ?? 0 }),
    previous: metricsFromCounts({ ...aggregates.previous, orders: orders.previous ?? 0 }),
  };
  const metrics = (figures: DashboardMetrics, events: ReadonlyMap<string, number>, orderCount: number | null): Metrics => {
    const { faqSearches: _unknown, ...rest } = figures;
    return {
      ...rest,
      orders: orderCount,
      trackingLookups: events.get("tracking_lookup") ?? 0,
      returnsStarted: events.get("return_started") ?? 0,
      faqViews: events.get("faq_view") ?? 0,
    };
  };

  const label = reasonLabeller(policy);
  const { reasons, misses } = aggregates;
  // The previous period's full rankings, for the figure next to each current entry.
  const previousUnits = new Map(topReasons(reasons.previous, reasons.previous.length).map((r) => [r.reason, r.count]));
  const previousSearches = new Map(topQueries(misses.previous, misses.previous.length).map((q) => [q.query, q.count]));

  const dashboard: Dashboard = {
    period,
    timeZone,
    days: { current: daySpan(ranges.current, timeZone), previous: daySpan(ranges.previous, timeZone) },
    hasActivity: aggregates.hasActivity,
    orders: orders.availability,
    metrics: {
      current: metrics(summary.current, aggregates.eventCounts.current, orders.current),
      previous: metrics(summary.previous, aggregates.eventCounts.previous, orders.previous),
    },
    daily: aggregates.daily,
    topReasons: topReasons(reasons.current, TOP_REASONS).map((r) => ({ ...r, label: label(r.reason), previous: previousUnits.get(r.reason) ?? 0 })),
    topSearches: topQueries(misses.current, TOP_SEARCHES).map((q) => ({ ...q, previous: previousSearches.get(q.query) ?? 0 })),
  };
  return { dashboard, summary };
}

/** The dashboard for one period, ending now. */
export async function loadDashboard(ctx: DashboardContext, period: Period, now = new Date()): Promise<Dashboard> {
  return (await compute(ctx, period, now)).dashboard;
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────────

/** Labels of toCsvRows rows this module adjusts (tests/unit/dashboard.test.ts checks they exist). */
export const CSV_LABELS = { orders: "Orders", faqSearches: "FAQ searches" } as const;

/** A whole or decimal number, or an empty cell. */
const PLAIN_NUMBER = /^(-?\d+(\.\d+)?)?$/;

/**
 * toCsv writes every cell starting with "-" with a quote in front (formula injection), which would
 * print a negative change as '-3. A plain number cannot run as a formula, so number cells are
 * written as they are and every other cell goes through toCsv's guard and quoting.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map((cell) => (PLAIN_NUMBER.test(cell) ? cell : toCsv([[cell]]).slice(0, -2))).join(",")}\r\n`).join("");
}

const countRow = (label: string, current: number, previous: number) => [label, String(current), String(previous), String(current - previous)];

/**
 * The rows of the export: toCsvRows' metrics (without the unknown FAQ search total, and with no
 * order count when Shopify gave none), then the self-service counts, the top return reasons and
 * the top searches with no answer, each with both periods and the change.
 */
export function dashboardCsvRows(dashboard: Dashboard, summary: DashboardSummary): string[][] {
  const { current, previous } = dashboard.metrics;
  const span = (days: DaySpan) => `${days.first} to ${days.last}`;
  const [, ...metricRows] = toCsvRows(summary);
  const rows = metricRows
    .filter(([label]) => label !== CSV_LABELS.faqSearches)
    .map((row) => (row[0] === CSV_LABELS.orders && dashboard.orders !== "available" ? [CSV_LABELS.orders, "", "", ""] : row));
  return [
    ["metric", `current (${span(dashboard.days.current)})`, `previous (${span(dashboard.days.previous)})`, "change"],
    ...rows,
    countRow("Tracking lookups", current.trackingLookups, previous.trackingLookups),
    countRow("Returns started", current.returnsStarted, previous.returnsStarted),
    countRow("FAQ views", current.faqViews, previous.faqViews),
    ...dashboard.topReasons.map((r) => countRow(`Return reason: ${r.label} (units)`, r.count, r.previous)),
    ...dashboard.topSearches.map((s) => countRow(`FAQ search with no answer: ${s.query}`, s.count, s.previous)),
  ];
}

export type DashboardCsv = { filename: string; mimeType: string; content: string };

/** The export for one period, as a file the browser saves. */
export async function exportDashboardCsv(ctx: DashboardContext, period: Period, now = new Date()): Promise<DashboardCsv> {
  const { dashboard, summary } = await compute(ctx, period, now);
  return { filename: `harbor-dashboard-${period}-days-${localDay(now, ctx.timeZone)}.csv`, mimeType: "text/csv", content: writeCsv(dashboardCsvRows(dashboard, summary)) };
}
