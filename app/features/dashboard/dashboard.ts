import type { DashboardMetrics } from "./domain/kpis";
import { type Period, type Trend, trend } from "./domain/periods";

/**
 * The dashboard's presentation rules, shared by the page and the server (no server imports): which
 * metrics it shows, how each is written, which way of changing is good news, and the geometry
 * of the activity chart.
 */

/**
 * One period's figures as the page receives them. The FAQ search total is not here: only searches
 * that found nothing are recorded. `orders` is null when Shopify could not give the count.
 */
export type Metrics = Omit<DashboardMetrics, "faqSearches" | "orders"> & {
  orders: number | null;
  trackingLookups: number;
  returnsStarted: number;
  faqViews: number;
};

export type MetricKey = keyof Metrics;

type Unit = "count" | "percent" | "minutes" | "ratio";
/** Which way of moving is good news; "neutral" for volumes that are neither. */
type Better = "up" | "down" | "neutral";

export type CardSpec = { key: MetricKey; label: string; unit: Unit; better: Better; orderBased?: boolean };

/** The KPI cards, in the order the page shows them. */
export const CARDS: readonly CardSpec[] = [
  { key: "trackingLookups", label: "Tracking lookups", unit: "count", better: "neutral" },
  { key: "returnsStarted", label: "Returns started", unit: "count", better: "down" },
  { key: "faqViews", label: "FAQ views", unit: "count", better: "up" },
  { key: "tickets", label: "Tickets", unit: "count", better: "down" },
  { key: "deflectionPercent", label: "Self-service deflection", unit: "percent", better: "up" },
  { key: "firstResponseMedianMinutes", label: "First response, median", unit: "minutes", better: "down" },
  { key: "firstResponseP90Minutes", label: "First response, 90th percentile", unit: "minutes", better: "down" },
  { key: "resolutionAverageMinutes", label: "Resolution time, average", unit: "minutes", better: "down" },
  { key: "csatPercent", label: "CSAT", unit: "percent", better: "up" },
  { key: "slaCompliancePercent", label: "First response SLA met", unit: "percent", better: "up" },
  { key: "contactsPerOrder", label: "Contacts per order", unit: "ratio", better: "down", orderBased: true },
  { key: "returnRatePercent", label: "Return rate", unit: "percent", better: "down", orderBased: true },
  { key: "faqSearchesWithoutAnswer", label: "FAQ searches with no answer", unit: "count", better: "down" },
];

const counts = new Intl.NumberFormat("en-US");
const decimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const ratios = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "1 h 20 min", "2 d 3 h", "45 min", "< 1 min": as precise as a glance needs. */
export function formatMinutes(minutes: number): string {
  const whole = Math.floor(Math.abs(minutes));
  if (whole < 1) return "< 1 min";
  const days = Math.floor(whole / (24 * 60));
  const hours = Math.floor((whole % (24 * 60)) / 60);
  const mins = whole % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/** A figure in its unit, or "—" when there is nothing to measure. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "count":
      return counts.format(value);
    case "percent":
      return `${decimals.format(value)}%`;
    case "minutes":
      return formatMinutes(value);
    case "ratio":
      return ratios.format(value);
  }
}

export type TrendView = { text: string; direction: Trend["direction"]; tone: "success" | "critical" | "subdued" };

/**
 * The change from the previous period in words, e.g. "up 12% from the previous 30 days". Percent
 * metrics change in points ("up 4.5 points"): "CSAT up 5%" would be ambiguous. The tone says
 * whether the change is good news for this metric, not which way it went.
 */
export function describeTrend(current: number | null, previous: number | null, unit: Unit, better: Better, period: Period): TrendView {
  const change = trend(current, previous);
  const since = `the previous ${period} days`;
  if (change.direction === null || change.delta === null) return { text: `No comparison with ${since}`, direction: null, tone: "subdued" };
  if (change.direction === "flat") return { text: `Same as ${since}`, direction: "flat", tone: "subdued" };
  const good = better === "neutral" ? null : (change.direction === "up") === (better === "up");
  const tone = good === null ? "subdued" : good ? "success" : "critical";
  const size =
    unit === "percent"
      ? `${decimals.format(Math.abs(change.delta))} points`
      : change.percent === null
        ? null
        : Math.abs(change.percent) < 1
          ? "less than 1%"
          : `${counts.format(Math.round(Math.abs(change.percent)))}%`;
  const text = size === null ? `${change.direction === "up" ? "Up" : "Down"} from 0 in ${since}` : `${change.direction === "up" ? "Up" : "Down"} ${size} from ${since}`;
  return { text, direction: change.direction, tone };
}

// ─── The activity chart ──────────────────────────────────────────────────────────────────────────

export type DailyActivity = { day: string; sessions: number; tickets: number };

export type ChartBox = { width: number; height: number; top: number; right: number; bottom: number; left: number };

/** A count the chart can draw: NaN, infinities and negatives draw as 0 rather than off the chart. */
const drawable = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** The smallest of 1, 2, 4, 6, 8 × 10ⁿ at or above `value` (1 for nothing): round gridlines, halves included. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 4, 6, 8, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

export type ChartGeometry = {
  /** The value at the top of the plot. */
  max: number;
  /** Gridline values with their y, whole numbers only (counts have no halves). */
  ticks: { value: number; y: number }[];
  /** Each day's x, in order. */
  xs: number[];
  sessions: { x: number; y: number }[];
  tickets: { x: number; y: number }[];
};

/** Where each day's counts sit inside `box`; a single day sits in the middle. */
export function chartGeometry(series: readonly DailyActivity[], box: ChartBox): ChartGeometry {
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const max = niceCeiling(Math.max(0, ...series.flatMap((d) => [drawable(d.sessions), drawable(d.tickets)])));
  const xs = series.map((_, i) => box.left + (series.length === 1 ? plotWidth / 2 : (i * plotWidth) / (series.length - 1)));
  const y = (value: number) => box.top + plotHeight - (drawable(value) / max) * plotHeight;
  const ticks = [0, max / 2, max].filter(Number.isInteger).map((value) => ({ value, y: y(value) }));
  return {
    max,
    ticks,
    xs,
    sessions: series.map((d, i) => ({ x: xs[i] ?? 0, y: y(d.sessions) })),
    tickets: series.map((d, i) => ({ x: xs[i] ?? 0, y: y(d.tickets) })),
  };
}

const dayLabels = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "2026-10-03" → "Oct 3" (a calendar day, so read in UTC where it has no offset). */
export function formatDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : dayLabels.format(ms);
}

function busiest(series: readonly DailyActivity[], pick: (d: DailyActivity) => number): DailyActivity | null {
  let best: DailyActivity | null = null;
  for (const d of series) if (drawable(pick(d)) > (best ? pick(best) : 0)) best = d;
  return best;
}

/** What the chart shows, in one sentence, for screen readers. */
export function describeActivity(series: readonly DailyActivity[], period: Period): string {
  const part = (noun: string, pick: (d: DailyActivity) => number) => {
    const total = series.reduce((sum, d) => sum + drawable(pick(d)), 0);
    const peak = busiest(series, pick);
    const totalText = `${counts.format(total)} ${noun}${total === 1 ? "" : "s"}`;
    return peak ? `${totalText}, most on ${formatDay(peak.day)} (${counts.format(pick(peak))})` : totalText;
  };
  return `Self-service sessions and tickets per day over the last ${period} days: ${part("self-service session", (d) => d.sessions)}; ${part("ticket", (d) => d.tickets)}.`;
}
