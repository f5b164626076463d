/**
 * Business-hours arithmetic in the shop's time zone: is the shop open, when does it open next,
 * when have N minutes of open time elapsed, how much open time lies between two instants.
 *
 * Opening hours are wall-clock times: a shop opening at 09:00 opens at 09:00 local time on a DST
 * day too. The platform's time-zone database (via Intl) converts wall clock to instants. A day's
 * open period is [open, close); holidays are closed all day.
 */
import { localDayNumber, offsetMs, wallClockMs } from "../../../lib/zoned-time";
import { type DayHours, type SupportSettings, type Weekday } from "../../tickets/domain/types";

export type BusinessHours = Pick<SupportSettings, "businessHours" | "holidays"> & { timeZone: string };

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Searches for open time stop after this many days, so a calendar with no opening cannot loop forever. */
const SEARCH_DAYS = 3 * 366;

/**
 * The first instant at which the local wall clock reads `minuteOfDay` on `dayNumber`. A time that
 * happens twice (clocks going back) resolves to its first occurrence; a time skipped by clocks
 * going forward resolves to the end of the gap (02:30 on a spring-forward night → 03:00).
 */
function instantAtWallTime(dayNumber: number, minuteOfDay: number, timeZone: string): number {
  const wall = dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  // Offsets a day either side bracket every real offset this wall time can have.
  const candidates = [wall - offsetMs(wall - 18 * MS_PER_HOUR, timeZone), wall - offsetMs(wall + 18 * MS_PER_HOUR, timeZone)];
  const exact = candidates.filter((t) => wallClockMs(t, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClockMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function minuteOfDay(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

/** Day numbers count from Thursday 1970-01-01. */
function weekdayOf(dayNumber: number): Weekday {
  return ((((dayNumber + 3) % 7) + 7) % 7) as Weekday;
}

function holidayDays(hours: BusinessHours): Set<number> {
  return new Set(hours.holidays.map((h) => Date.parse(`${h.date}T00:00:00Z`) / MS_PER_DAY));
}

type Period = { start: number; end: number };

/** The open period of one local calendar day, or null when the shop is closed all that day. */
function openPeriod(dayNumber: number, hours: BusinessHours, holidays: Set<number>): Period | null {
  const day: DayHours | null | undefined = hours.businessHours[weekdayOf(dayNumber)];
  if (!day || holidays.has(dayNumber)) return null;
  const start = instantAtWallTime(dayNumber, minuteOfDay(day.open), hours.timeZone);
  const end = instantAtWallTime(dayNumber, minuteOfDay(day.close), hours.timeZone);
  // Empty when DST swallows the whole period (e.g. 02:00–02:30 on a spring-forward night).
  return end > start ? { start, end } : null;
}

const neverOpen = (hours: BusinessHours) => hours.businessHours.every((day) => !day);

/** The open periods (clipped to start at `fromMs`) from `fromMs` on, for at most SEARCH_DAYS days. */
function* openPeriodsFrom(fromMs: number, hours: BusinessHours): Generator<Period> {
  if (neverOpen(hours)) return;
  const holidays = holidayDays(hours);
  const first = localDayNumber(fromMs, hours.timeZone);
  for (let day = first; day < first + SEARCH_DAYS; day++) {
    const period = openPeriod(day, hours, holidays);
    if (period && period.end > fromMs) yield { start: Math.max(period.start, fromMs), end: period.end };
  }
}

/** True when `at` falls in the shop's opening hours (and not on a holiday). */
export function isOpenAt(at: Date, hours: BusinessHours): boolean {
  const atMs = at.getTime();
  const period = openPeriod(localDayNumber(atMs, hours.timeZone), hours, holidayDays(hours));
  return period !== null && period.start <= atMs && atMs < period.end;
}

/**
 * The earliest instant at or after `at` when the shop is open: `at` itself during opening hours.
 * Null when the shop never opens within the next three years.
 */
export function nextOpening(at: Date, hours: BusinessHours): Date | null {
  for (const period of openPeriodsFrom(at.getTime(), hours)) return new Date(period.start);
  return null;
}

/**
 * The instant at which `minutes` of open time have elapsed after `start`, skipping nights,
 * closed days and holidays; a start outside opening hours counts from the next opening. Minutes that
 * exactly use up a day end at its closing time. Throws a RangeError when the shop is never open or
 * the minutes do not fit in the next three years of opening hours.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a finite number ≥ 0 (got ${minutes})`);
  }
  if (neverOpen(hours)) throw new RangeError("The shop is never open: no business hours are set");
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  for (const period of openPeriodsFrom(start.getTime(), hours)) {
    const available = period.end - period.start;
    if (remaining <= available) return new Date(period.start + remaining);
    remaining -= available;
  }
  throw new RangeError(`${minutes} business minutes do not fit in the next three years of opening hours`);
}

/**
 * Open minutes in [from, to) (0 when `to` is not after `from`), fractional when the instants are
 * not on whole minutes. The inverse of addBusinessMinutes; SLA compliance is measured with it.
 */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(toMs > fromMs) || neverOpen(hours)) return 0;
  const holidays = holidayDays(hours);
  let total = 0;
  for (let day = localDayNumber(fromMs, hours.timeZone); day <= localDayNumber(toMs, hours.timeZone); day++) {
    const period = openPeriod(day, hours, holidays);
    if (period) total += Math.max(0, Math.min(period.end, toMs) - Math.max(period.start, fromMs));
  }
  return total / MS_PER_MINUTE;
}

const clockLabel = (clock: string) => clock.replace(/^0(\d)/, "$1");

/**
 * A short summary of the weekly hours, e.g. "Monday–Friday, 9:00–17:00; Saturday, 10:00–14:00".
 * Consecutive days with the same hours are grouped; weekday names follow `locale`; holidays are
 * not listed. "Closed" when the shop never opens.
 */
export function describeHours(hours: Pick<BusinessHours, "businessHours">, locale = "en"): string {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  const name = (index: number) => weekday.format(new Date(Date.UTC(2024, 0, 1 + index)));
  const groups: { first: number; last: number; day: DayHours }[] = [];
  hours.businessHours.forEach((day, index) => {
    if (!day) return;
    const previous = groups.at(-1);
    if (previous && previous.last === index - 1 && previous.day.open === day.open && previous.day.close === day.close) {
      previous.last = index;
    } else {
      groups.push({ first: index, last: index, day });
    }
  });
  if (groups.length === 0) return "Closed";
  return groups
    .map(({ first, last, day }) => {
      const days = first === last ? name(first) : `${name(first)}–${name(last)}`;
      return `${days}, ${clockLabel(day.open)}–${clockLabel(day.close)}`;
    })
    .join("; ");
}
