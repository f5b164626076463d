/** How the admin writes durations, money and dates: one wording for every page. */

const MINUTE = 60_000;

/**
 * Time left or past a deadline on staff screens: "2 d 3 h", "1 h 20 min", "45 min", "< 1 min" —
 * precise enough to triage, short enough for a cell.
 */
export function formatCountdown(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return "< 1 min";
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Dates are formatted on the server in the shop's time zone, so the page renders without a flash. */
export function formatDateTime(date: Date | string, timeZone: string): string {
  const value = typeof date === "string" ? new Date(date) : date;
  try {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
  } catch {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(value) + " UTC";
  }
}

const plural = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"}`;

/**
 * A response time as promised to shoppers and shown to merchants ("within 1.5 hours"): minutes under an hour, hours (to the half
 * hour) under two days unless it is a whole day, then days (to the half day). "30 minutes",
 * "1.5 hours", "1 day", "36 hours", "3 days".
 */
export function formatResponseTime(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`A duration must be a finite number ≥ 0 (got ${minutes})`);
  const whole = Math.round(minutes);
  if (whole < 60) return plural(whole, "minute");
  if (whole % 1440 === 0) return plural(whole / 1440, "day");
  if (whole < 2 * 1440) return plural(Math.round(whole / 30) / 2, "hour");
  return plural(Math.round(whole / 720) / 2, "day");
}
