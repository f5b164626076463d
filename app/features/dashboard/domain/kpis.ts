/**
 * KPI formulas for the merchant dashboard. Pure: callers load a period's rows and pass them in,
 * together with the clock and the shop's time zone.
 *
 * Units: every `percent` is on a 0–100 scale, durations are minutes, and a metric with nothing to
 * divide by is null rather than 0, so the dashboard can show "—" instead of a false 0 %.
 * An invalid Date in a row counts as missing: a bad row is left out rather than poisoning a figure.
 */
import { assertTimeZone, formatDayNumber, localDayNumber, startOfLocalDay } from "../../../lib/zoned-time";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

// ─── Inputs ──────────────────────────────────────────────────────────────────────────────────────

/** One per visitor and day of self-service use (tracking page, return flow or FAQ). */
export type SelfServiceSession = { visitor: string; kind: "tracking" | "returns" | "faq"; at: Date };

export type Ticket = {
  id: string;
  createdAt: Date;
  /** The storefront visitor who opened it, when the ticket came through the storefront. */
  visitor: string | null;
  customerEmailHash: string | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  responseDueAt: Date;
  /** The survey answer, 1–5. */
  csat: number | null;
  surveyed: boolean;
  category: string;
};

/** An interval of instants, both ends included. */
export type DateRange = { from: Date; to: Date };

/** The milliseconds of a Date, or null for a missing or invalid one. */
function timeOf(date: Date | null): number | null {
  if (date === null) return null;
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : ms;
}

function requireTime(date: Date, what: string): number {
  const ms = timeOf(date);
  if (ms === null) throw new RangeError(`${what} is not a valid date`);
  return ms;
}

function requireCount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a non-negative number, got ${value}`);
}

function requireLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative whole number, got ${limit}`);
}

/** `part ÷ whole × 100`, or null when the whole is 0. */
const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

// ─── Periods ─────────────────────────────────────────────────────────────────────────────────────

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

/**
 * The dashboard's reporting window and the one it is compared with, in the shop's time zone:
 * - current: the last `days` local calendar days including today, from the start of the local day
 *   `days − 1` days ago up to `now`;
 * - previous: the `days` whole local days immediately before, ending 1 ms before current starts.
 * Lengths are counted in local days, not milliseconds, so a period spanning a DST change is an
 * hour longer or shorter; and today is partial, so counts in the current period trail the
 * previous one until the day ends.
 */
export function periodRange(days: number, now: Date, timeZone: string): { current: DateRange; previous: DateRange } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`periodRange: days must be a positive whole number, got ${days}`);
  const nowMs = requireTime(now, "periodRange: now");
  assertTimeZone(timeZone);
  const today = localDayNumber(nowMs, timeZone);
  const currentFrom = startOfLocalDay(today - days + 1, timeZone);
  const previousFrom = startOfLocalDay(today - 2 * days + 1, timeZone);
  return {
    current: { from: new Date(currentFrom), to: new Date(nowMs) },
    previous: { from: new Date(previousFrom), to: new Date(currentFrom - 1) },
  };
}

/** Whether an instant lies in a range (both ends included); an invalid date never does. */
export function isWithin(range: DateRange, at: Date): boolean {
  const ms = timeOf(at);
  return ms !== null && ms >= range.from.getTime() && ms <= range.to.getTime();
}

// ─── Deflection ──────────────────────────────────────────────────────────────────────────────────

/** The index of the first sorted value ≥ `target` (sorted.length when there is none). */
function lowerBound(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Share of self-service sessions not followed by a ticket from the same visitor within
 * `windowHours`. The follow-up window is closed at both ends: a ticket created at the session's
 * instant or exactly `windowHours` later is a follow-up (the shopper still needed a person);
 * a ticket created before the session is not. Tickets without a visitor cannot be attributed.
 *
 * Pass tickets created up to `windowHours` after the last session: a session at the end of a
 * period is followed by tickets from the next one. Sessions younger than the window have not had
 * their full chance to be followed up, so a current period's figure is provisional for its last day.
 */
export function deflectionRate(
  sessions: readonly Pick<SelfServiceSession, "visitor" | "at">[],
  tickets: readonly Pick<Ticket, "visitor" | "createdAt">[],
  windowHours = 24,
): { deflected: number; total: number; percent: number | null } {
  if (!Number.isFinite(windowHours) || windowHours < 0) {
    throw new RangeError(`deflectionRate: windowHours must be a non-negative number, got ${windowHours}`);
  }
  const windowMs = windowHours * MS_PER_HOUR;
  const ticketTimesByVisitor = new Map<string, number[]>();
  for (const ticket of tickets) {
    const createdAt = timeOf(ticket.createdAt);
    // An empty visitor id is not an identity: matching on it would merge unrelated shoppers.
    if (!ticket.visitor || createdAt === null) continue;
    const times = ticketTimesByVisitor.get(ticket.visitor);
    if (times) times.push(createdAt);
    else ticketTimesByVisitor.set(ticket.visitor, [createdAt]);
  }
  for (const times of ticketTimesByVisitor.values()) times.sort((a, b) => a - b);

  let total = 0;
  let deflected = 0;
  for (const session of sessions) {
    const at = timeOf(session.at);
    if (at === null) continue;
    total++;
    const times = ticketTimesByVisitor.get(session.visitor) ?? [];
    const firstAfter = times[lowerBound(times, at)];
    if (firstAfter === undefined || firstAfter > at + windowMs) deflected++;
  }
  return { deflected, total, percent: percentOf(deflected, total) };
}

// ─── Order statistics ────────────────────────────────────────────────────────────────────────────

/** Finite values in ascending order (NaN and ±Infinity are dropped: they are not measurements). */
const sortedFinite = (values: readonly number[]): number[] => values.filter(Number.isFinite).sort((a, b) => a - b);

/** The middle value, or the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  const sorted = sortedFinite(values);
  const mid = sorted.length >> 1;
  const upper = sorted[mid];
  if (upper === undefined) return null;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) by the nearest-rank method: the smallest value such that at
 * least p % of the values are at or below it, i.e. the ⌈p/100 × n⌉-th smallest (the smallest for
 * p = 0). Always one of the values, never interpolated; null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be between 0 and 100, got ${p}`);
  const sorted = sortedFinite(values);
  // p × n / 100 rather than p / 100 × n: 0.7 × 10 is 7.000000000000001 in floating point.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}

/**
 * Minutes from `start` to `end` for rows that have both. A negative gap (an end stamped before the
 * start, from clock skew between systems) counts as 0 rather than pulling figures below zero.
 */
function minutesBetween<T>(rows: readonly T[], start: (row: T) => Date | null, end: (row: T) => Date | null): number[] {
  const minutes: number[] = [];
  for (const row of rows) {
    const from = timeOf(start(row));
    const to = timeOf(end(row));
    if (from !== null && to !== null) minutes.push(Math.max(0, to - from) / MS_PER_MINUTE);
  }
  return minutes;
}

/** Time to first response over tickets that have one. */
export function firstResponseTimes(tickets: readonly Pick<Ticket, "createdAt" | "firstResponseAt">[]): {
  medianMinutes: number | null;
  p90Minutes: number | null;
  count: number;
} {
  const minutes = minutesBetween(tickets, (t) => t.createdAt, (t) => t.firstResponseAt);
  return { medianMinutes: median(minutes), p90Minutes: percentile(minutes, 90), count: minutes.length };
}

/** Time to resolution over resolved tickets; average = total resolution time ÷ tickets solved. */
export function resolutionTime(tickets: readonly Pick<Ticket, "createdAt" | "resolvedAt">[]): {
  averageMinutes: number | null;
  medianMinutes: number | null;
  count: number;
} {
  const minutes = minutesBetween(tickets, (t) => t.createdAt, (t) => t.resolvedAt);
  const total = minutes.reduce((sum, m) => sum + m, 0);
  return { averageMinutes: minutes.length === 0 ? null : total / minutes.length, medianMinutes: median(minutes), count: minutes.length };
}

// ─── Satisfaction and SLA ────────────────────────────────────────────────────────────────────────

const isRating = (value: number | null): value is number => value !== null && Number.isInteger(value) && value >= 1 && value <= 5;

/**
 * CSAT = satisfied answers (4 or 5 on the 1–5 scale) ÷ answered surveys × 100.
 * A rating proves a survey was sent, so a rated ticket counts as surveyed even if its flag was not
 * set; a rating outside 1–5 or not a whole number is not an answer.
 */
export function csat(tickets: readonly Pick<Ticket, "csat" | "surveyed">[]): {
  percent: number | null;
  surveyed: number;
  answered: number;
  satisfied: number;
} {
  let surveyed = 0;
  let answered = 0;
  let satisfied = 0;
  for (const ticket of tickets) {
    if (ticket.surveyed || ticket.csat !== null) surveyed++;
    if (!isRating(ticket.csat)) continue;
    answered++;
    if (ticket.csat >= 4) satisfied++;
  }
  return { percent: percentOf(satisfied, answered), surveyed, answered, satisfied };
}

/**
 * First-response SLA compliance = met ÷ (met + breached) × 100.
 * - met: first response at or before the due time;
 * - breached: responded after the due time, or still unanswered when `now` is past it;
 * - pending: unanswered and not yet past due (due exactly now is not past): left out of the rate.
 * A ticket with an invalid due time cannot be judged and is left out entirely.
 */
export function slaCompliance(
  tickets: readonly Pick<Ticket, "firstResponseAt" | "responseDueAt">[],
  now: Date,
): { percent: number | null; met: number; breached: number; pending: number } {
  const nowMs = requireTime(now, "slaCompliance: now");
  let met = 0;
  let breached = 0;
  let pending = 0;
  for (const ticket of tickets) {
    const due = timeOf(ticket.responseDueAt);
    if (due === null) continue;
    const respondedAt = timeOf(ticket.firstResponseAt);
    if (respondedAt !== null) {
      if (respondedAt <= due) met++;
      else breached++;
    } else if (nowMs > due) breached++;
    else pending++;
  }
  return { percent: percentOf(met, met + breached), met, breached, pending };
}

// ─── Rates ───────────────────────────────────────────────────────────────────────────────────────

/** Contact rate = tickets ÷ orders (0.05 = one ticket per 20 orders); null without orders. */
export function contactsPerOrder(tickets: number, orders: number): number | null {
  requireCount(tickets, "contactsPerOrder: tickets");
  requireCount(orders, "contactsPerOrder: orders");
  return orders === 0 ? null : tickets / orders;
}

/**
 * Return rate = orders with a return ÷ orders × 100; null without orders. Not capped at 100: the
 * caller decides which returned orders belong to the period, and a figure above 100 exposes a
 * mismatch instead of hiding it.
 */
export function returnRate(returnedOrders: number, orders: number): number | null {
  requireCount(returnedOrders, "returnRate: returnedOrders");
  requireCount(orders, "returnRate: orders");
  return percentOf(returnedOrders, orders);
}

// ─── Rankings ────────────────────────────────────────────────────────────────────────────────────

/**
 * Keys by count descending, then alphabetically by UTF-16 code unit (not `localeCompare`, so the
 * order does not depend on the server's locale).
 */
function ranked(counts: ReadonlyMap<string, number>, limit: number): [string, number][] {
  return [...counts]
    .sort(([keyA, countA], [keyB, countB]) => countB - countA || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .slice(0, limit);
}

/**
 * The most frequent return reasons by returned units; `percent` is the reason's share of all
 * returned units (not only of those listed). Lines whose quantity is not a positive whole number
 * are ignored.
 */
export function topReasons(
  items: readonly { reason: string; quantity: number }[],
  limit = 5,
): { reason: string; count: number; percent: number }[] {
  requireLimit(limit);
  const counts = new Map<string, number>();
  let total = 0;
  for (const { reason, quantity } of items) {
    if (!Number.isInteger(quantity) || quantity <= 0) continue;
    counts.set(reason, (counts.get(reason) ?? 0) + quantity);
    total += quantity;
  }
  return ranked(counts, limit).map(([reason, count]) => ({ reason, count, percent: (count / total) * 100 }));
}

/** A search as the shopper meant it: Unicode NFC, lower case, trimmed, inner whitespace collapsed. */
export function normaliseQuery(query: string): string {
  return query.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The most frequent FAQ searches that found no answer, normalised; blank searches are ignored. */
export function topQueries(misses: readonly { query: string }[], limit = 10): { query: string; count: number }[] {
  requireLimit(limit);
  const counts = new Map<string, number>();
  for (const miss of misses) {
    const query = normaliseQuery(miss.query);
    if (query) counts.set(query, (counts.get(query) ?? 0) + 1);
  }
  return ranked(counts, limit).map(([query, count]) => ({ query, count }));
}

// ─── Comparison and charts ───────────────────────────────────────────────────────────────────────

export type Trend = { delta: number | null; percent: number | null; direction: "up" | "down" | "flat" | null };

/**
 * Change from the previous period: delta in the metric's unit, percent relative to |previous|
 * (null when previous is 0). Direction says which way the number moved, not whether that is good:
 * a response time going up is bad, CSAT going up is good; the dashboard decides.
 */
export function trend(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { delta: null, percent: null, direction: null };
  }
  const delta = current - previous;
  return {
    delta,
    percent: previous === 0 ? null : (delta / Math.abs(previous)) * 100,
    direction: delta > 0 ? "up" : delta < 0 ? "down" : "flat",
  };
}

/** Three years of daily bars: far beyond any dashboard period, small enough to build eagerly. */
const MAX_SERIES_DAYS = 1_100;

/**
 * Events per local calendar day (YYYY-MM-DD in the shop's zone) for every day the range touches,
 * days without events included as 0. Events outside the range are ignored.
 */
export function dailySeries(
  events: readonly { at: Date }[],
  range: DateRange,
  timeZone: string,
): { day: string; count: number }[] {
  assertTimeZone(timeZone);
  const from = requireTime(range.from, "dailySeries: range.from");
  const to = requireTime(range.to, "dailySeries: range.to");
  if (from > to) throw new RangeError("dailySeries: range.from is after range.to");
  const firstDay = localDayNumber(from, timeZone);
  const dayCount = localDayNumber(to, timeZone) - firstDay + 1;
  if (dayCount > MAX_SERIES_DAYS) throw new RangeError(`dailySeries: range spans ${dayCount} days, more than ${MAX_SERIES_DAYS}`);

  // Day starts once per day, then a binary search per event: far cheaper than asking Intl for
  // every event's wall clock, and DST-safe because the starts come from the zone's rules.
  const dayStarts = Array.from({ length: dayCount + 1 }, (_, i) => startOfLocalDay(firstDay + i, timeZone));
  const counts = new Array<number>(dayCount).fill(0);
  for (const event of events) {
    const at = timeOf(event.at);
    if (at === null || at < from || at > to) continue;
    // The last day starting at or before the event (a day skipped by its zone starts where the next does).
    const index = lowerBound(dayStarts, at + 1) - 1;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ day: formatDayNumber(firstDay + i), count }));
}

// ─── Dashboard summary ───────────────────────────────────────────────────────────────────────────

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
