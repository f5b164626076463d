/** Time to first response and to resolution, as medians, percentiles and averages. Pure. */
import { MS_PER_MINUTE, type Ticket, timeOf } from "./kpi-inputs";

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
