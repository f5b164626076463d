/** The rows every KPI family takes in, and the checks and arithmetic they share. Pure. */
export const MS_PER_MINUTE = 60_000;

export const MS_PER_HOUR = 3_600_000;

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
export function timeOf(date: Date | null): number | null {
  if (date === null) return null;
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : ms;
}

export function requireTime(date: Date, what: string): number {
  const ms = timeOf(date);
  if (ms === null) throw new RangeError(`${what} is not a valid date`);
  return ms;
}

export function requireCount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a non-negative number, got ${value}`);
}

export function requireLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative whole number, got ${limit}`);
}

/** `part ÷ whole × 100`, or null when the whole is 0. */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

/** The index of the first sorted value ≥ `target` (sorted.length when there is none). */
export function lowerBound(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
