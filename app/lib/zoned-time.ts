/**
 * Calendar days in a shop's IANA time zone, without date libraries: `Intl.DateTimeFormat` tells
 * what the wall clock reads at an instant, and everything else is derived from that, so daylight
 * saving changes (including zones that skip or repeat midnight) are handled by the platform's
 * time-zone database.
 *
 * A calendar day is represented as a "day number": days since 1970-01-01 in the proleptic
 * Gregorian calendar, independent of any zone.
 */

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Real UTC offsets lie within −12 h and +14 h; 15 h brackets every local midnight safely. */
const BRACKET_MS = 15 * MS_PER_HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        hourCycle: "h23",
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}" (expected an IANA name such as America/Toronto)`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a name the platform's time-zone database does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(instantMs: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  // Some older ICU builds print midnight as 24 even with h23.
  if (clock.hour === 24) clock.hour = 0;
  return clock;
}

/** The calendar day (day number) the shop's wall clock shows at an instant. */
export function localDayNumber(instantMs: number, timeZone: string): number {
  const { year, month, day } = wallClock(instantMs, timeZone);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The local wall-clock reading at an instant, written as if it were a UTC instant (whole seconds). */
export function wallClockMs(instantMs: number, timeZone: string): number {
  const c = wallClock(instantMs, timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/** The first instant whose local calendar day is `dayNumber` or later. */
export function startOfLocalDay(dayNumber: number, timeZone: string): number {
  const isStart = (t: number) => localDayNumber(t, timeZone) >= dayNumber && localDayNumber(t - 1, timeZone) < dayNumber;
  // Usually local midnight exists once: two passes of "wall time minus offset" find it.
  const wallMidnight = dayNumber * MS_PER_DAY;
  let guess = wallMidnight - offsetMs(wallMidnight, timeZone);
  guess = wallMidnight - offsetMs(guess, timeZone);
  if (isStart(guess)) return guess;
  // Midnight skipped or repeated by a DST change (or a whole day skipped): search for the boundary.
  let lo = wallMidnight - BRACKET_MS; // certainly still an earlier day
  let hi = wallMidnight + BRACKET_MS; // certainly this day or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayNumber(mid, timeZone) >= dayNumber) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The last millisecond of a local calendar day (the instant before the next day starts). */
export function endOfLocalDay(dayNumber: number, timeZone: string): number {
  return startOfLocalDay(dayNumber + 1, timeZone) - 1;
}

/** A day number as YYYY-MM-DD. */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A local calendar day as YYYY-MM-DD, for staff-facing details. */
export function formatLocalDay(instantMs: number, timeZone: string): string {
  return formatDayNumber(localDayNumber(instantMs, timeZone));
}
