/**
 * Builders for KPI tests: a ticket created at a fixed instant with nothing else happened yet; each
 * test sets only what it is about.
 */
import type { SelfServiceSession, Ticket } from "../../app/features/dashboard/domain/kpi-inputs";

export const TORONTO = "America/Toronto";
export const AUCKLAND = "Pacific/Auckland";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 2026-06-01 12:00 UTC, far from any DST change. */
export const T = Date.parse("2026-06-01T12:00:00.000Z");

export const at = (ms: number) => new Date(ms);
export const iso = (date: Date) => date.toISOString();

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: "T-1",
    createdAt: at(T),
    visitor: null,
    customerEmailHash: null,
    firstResponseAt: null,
    resolvedAt: null,
    responseDueAt: at(T + HOUR),
    csat: null,
    surveyed: false,
    category: "order_status",
    ...overrides,
  };
}

export function session(visitor: string, ms: number, kind: SelfServiceSession["kind"] = "tracking"): SelfServiceSession {
  return { visitor, kind, at: at(ms) };
}
