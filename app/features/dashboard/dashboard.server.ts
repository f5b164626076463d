import { z } from "zod";
import type { Db } from "../../db-client.server";
import { toCsv } from "../import-export/domain/csv";
import { dailySeries, isWithin, PERIODS, periodRange, type Period } from "./domain/periods";
import { dashboardSummary, toCsvRows, type DashboardMetrics, type DashboardSummary, type PeriodData } from "./domain/kpis";
import { topQueries, topReasons } from "./domain/rates";
import type { DateRange, SelfServiceSession, Ticket } from "./domain/kpi-inputs";
import { formatDayNumber, localDayNumber } from "../../lib/zoned-time";
import { currentReturnPolicy } from "../policies/repo.server";
import type { AdminGraphql } from "../../shopify.server";
import { countOrders } from "../../shopify/orders-count.server";
import { type DailyActivity, type Metrics } from "./dashboard";
import { reasonLabeller } from "../returns/domain/review";

/**
 * The merchant dashboard on the admin home: loads one shop's rows for a period and the one before
 * it, hands them to the KPI formulas (domain/kpis.ts) and returns what the page and
 * the CSV export show.
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

// A Map, not an object literal: an event type is stored text, and "__proto__" must not match.
const SESSION_KINDS = new Map<string, SelfServiceSession["kind"]>([
  ["tracking_lookup", "tracking"],
  ["return_started", "returns"],
  ["faq_view", "faq"],
  ["deflected", "faq"],
]);
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

export type EventRow = { type: string; visitor: string | null; subject: string | null; at: Date };

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Self-service sessions: one per visitor and local day, at the visitor's first self-service event
 * that day, in time order. Event types that are not self-service use are ignored.
 */
export function selfServiceSessions(events: readonly Omit<EventRow, "subject">[], timeZone: string): SelfServiceSession[] {
  // Every zone's midnight falls on a UTC quarter hour, so one Intl call per quarter hour is enough.
  const dayOfSlot = new Map<number, number>();
  const localDay = (ms: number) => {
    const slot = Math.floor(ms / QUARTER_HOUR_MS);
    let day = dayOfSlot.get(slot);
    if (day === undefined) {
      day = localDayNumber(slot * QUARTER_HOUR_MS, timeZone);
      dayOfSlot.set(slot, day);
    }
    return day;
  };
  const first = new Map<string, SelfServiceSession>();
  for (const event of events) {
    const kind = SESSION_KINDS.get(event.type);
    const ms = event.at.getTime();
    if (!kind || !event.visitor || Number.isNaN(ms)) continue;
    const key = `${localDay(ms)} ${event.visitor}`;
    const seen = first.get(key);
    if (!seen || ms < seen.at.getTime()) first.set(key, { visitor: event.visitor, kind, at: event.at });
  }
  return [...first.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

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
  const bothPeriods = { gte: ranges.previous.from, lte: ranges.current.to };
  const [events, ticketRows, returnRows, policy, orders] = await Promise.all([
    db.supportEvent.findMany({
      where: { shop, type: { in: EVENT_TYPES }, at: bothPeriods },
      select: { type: true, visitor: true, subject: true, at: true },
    }),
    db.ticket.findMany({
      where: { shop, createdAt: bothPeriods },
      select: {
        id: true,
        createdAt: true,
        visitor: true,
        firstResponseAt: true,
        closedAt: true,
        responseDueAt: true,
        csatRating: true,
        surveySentAt: true,
        category: true,
      },
    }),
    db.returnRequest.findMany({
      where: { shop, createdAt: bothPeriods },
      select: { orderId: true, createdAt: true, items: { select: { reason: true, quantity: true } } },
    }),
    currentReturnPolicy(db, shop),
    orderCounts(ctx.graphql, ranges, now),
  ]);

  const tickets: Ticket[] = ticketRows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    visitor: row.visitor,
    customerEmailHash: null,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.closedAt,
    responseDueAt: row.responseDueAt,
    csat: row.csatRating,
    surveyed: row.surveySentAt !== null,
    category: row.category,
  }));
  const sessions = selfServiceSessions(events, timeZone);

  const slice = (range: DateRange) => {
    const periodEvents = events.filter((e) => isWithin(range, e.at));
    const ofType = (type: string) => periodEvents.filter((e) => e.type === type);
    const returns = returnRows.filter((r) => isWithin(range, r.createdAt));
    return {
      sessions: sessions.filter((s) => isWithin(range, s.at)),
      tickets: tickets.filter((t) => isWithin(range, t.createdAt)),
      trackingLookups: ofType("tracking_lookup").length,
      returnsStarted: ofType("return_started").length,
      faqViews: ofType("faq_view").length,
      misses: ofType("faq_search_miss").map((e) => ({ query: e.subject ?? "" })),
      returnedOrders: new Set(returns.map((r) => r.orderId)).size,
      items: returns.flatMap((r) => r.items),
    };
  };
  const current = slice(ranges.current);
  const previous = slice(ranges.previous);

  const periodData = (p: typeof current, orderCount: number | null): PeriodData => ({
    sessions: p.sessions,
    tickets: p.tickets,
    // No count reads as 0 orders: the formulas then give null rates, shown as "—".
    orders: orderCount ?? 0,
    returnedOrders: p.returnedOrders,
    // Searches that found an answer are not recorded, so the total is unknown and not shown.
    faqSearches: 0,
    faqSearchesWithoutAnswer: p.misses.length,
  });
  const summary = dashboardSummary(periodData(current, orders.current), periodData(previous, orders.previous), now);
  const metrics = (figures: DashboardMetrics, p: typeof current, orderCount: number | null): Metrics => {
    const { faqSearches: _unknown, ...rest } = figures;
    return { ...rest, orders: orderCount, trackingLookups: p.trackingLookups, returnsStarted: p.returnsStarted, faqViews: p.faqViews };
  };

  const label = reasonLabeller(policy);
  // The previous period's full rankings, for the figure next to each current entry.
  const previousUnits = new Map(topReasons(previous.items, previous.items.length).map((r) => [r.reason, r.count]));
  const previousSearches = new Map(topQueries(previous.misses, previous.misses.length).map((q) => [q.query, q.count]));
  const sessionDays = dailySeries(current.sessions, ranges.current, timeZone);
  const ticketDays = dailySeries(current.tickets.map((t) => ({ at: t.createdAt })), ranges.current, timeZone);

  const dashboard: Dashboard = {
    period,
    timeZone,
    days: { current: daySpan(ranges.current, timeZone), previous: daySpan(ranges.previous, timeZone) },
    hasActivity: events.length > 0 || tickets.length > 0 || returnRows.length > 0,
    orders: orders.availability,
    metrics: { current: metrics(summary.current, current, orders.current), previous: metrics(summary.previous, previous, orders.previous) },
    daily: sessionDays.map((d, i) => ({ day: d.day, sessions: d.count, tickets: ticketDays[i]?.count ?? 0 })),
    topReasons: topReasons(current.items, TOP_REASONS).map((r) => ({ ...r, label: label(r.reason), previous: previousUnits.get(r.reason) ?? 0 })),
    topSearches: topQueries(current.misses, TOP_SEARCHES).map((q) => ({ ...q, previous: previousSearches.get(q.query) ?? 0 })),
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
