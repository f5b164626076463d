/**
 * The dashboard as it was computed before its figures moved into SQL (docs/decisions/0024): every
 * event, ticket and return request of both periods loaded, then the pure KPI formulas over the rows.
 * Kept as the reference the database's figures must equal (tests/integration/dashboard-scale.test.ts)
 * and as the "before" of bench/dashboard-lists.ts. The order counts come from Shopify, so the
 * caller passes the ones the page got.
 */
import type { Db } from "../../app/db-client.server";
import { dailySeries, isWithin, periodRange, type Period } from "../../app/features/dashboard/domain/periods";
import { dashboardSummary, type DashboardMetrics, type DashboardSummary, type PeriodData } from "../../app/features/dashboard/domain/kpis";
import { topQueries, topReasons } from "../../app/features/dashboard/domain/rates";
import type { DateRange, Ticket } from "../../app/features/dashboard/domain/kpi-inputs";
import { selfServiceSessions, SESSION_KINDS } from "../../app/features/dashboard/domain/sessions";
import { formatDayNumber, localDayNumber } from "../../app/lib/zoned-time";
import { currentReturnPolicy } from "../../app/features/policies/repo.server";
import type { Metrics } from "../../app/features/dashboard/dashboard";
import type { Dashboard, DaySpan, OrdersAvailability } from "../../app/features/dashboard/dashboard.server";
import { reasonLabeller } from "../../app/features/returns/domain/review";

export type ReferenceContext = {
  db: Db;
  shop: string;
  timeZone: string;
  orders: { availability: OrdersAvailability; current: number | null; previous: number | null };
};

const TOP_REASONS = 5;
const TOP_SEARCHES = 10;
const EVENT_TYPES = [...SESSION_KINDS.keys(), "faq_search_miss"];
const localDay = (date: Date, timeZone: string) => formatDayNumber(localDayNumber(date.getTime(), timeZone));
const daySpan = (range: DateRange, timeZone: string): DaySpan => ({ first: localDay(range.from, timeZone), last: localDay(range.to, timeZone) });

export async function referenceDashboard(ctx: ReferenceContext, period: Period, now: Date): Promise<{ dashboard: Dashboard; summary: DashboardSummary }> {
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
    ctx.orders,
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

