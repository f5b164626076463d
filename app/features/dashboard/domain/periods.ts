/** Dashboard periods in the shop's time zone, the change from the previous one, and daily bars. Pure. */
import { assertTimeZone, formatDayNumber, localDayNumber, startOfLocalDay } from "../../../lib/zoned-time";
import { type DateRange, lowerBound, requireTime, timeOf } from "./kpi-inputs";

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
