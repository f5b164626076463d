/** Self-service sessions from support events, by the rule in dashboard.server.ts. Pure. */
import { localDayNumber } from "../../../lib/zoned-time";
import type { SelfServiceSession } from "./kpi-inputs";

// A Map, not an object literal: an event type is stored text, and "__proto__" must not match.
export const SESSION_KINDS = new Map<string, SelfServiceSession["kind"]>([
  ["tracking_lookup", "tracking"],
  ["return_started", "returns"],
  ["faq_view", "faq"],
  ["deflected", "faq"],
]);

export type EventRow = { type: string; visitor: string | null; subject: string | null; at: Date };

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Self-service sessions: one per visitor and local day, at the visitor's first self-service event
 * that day, in time order. Event types that are not self-service use are ignored.
 */
export function selfServiceSessions(events: readonly Omit<EventRow, "subject">[], timeZone: string): SelfServiceSession[] {
  // Every zone's midnight falls on a UTC quarter hour, so one Intl call per quarter hour is enough.
  const dayOfSlot = new Map<number, number>();
  const localDay = (ms: number) => {
    const slot = Math.floor(ms / QUARTER_HOUR_MS);
    let day = dayOfSlot.get(slot);
    if (day === undefined) {
      day = localDayNumber(slot * QUARTER_HOUR_MS, timeZone);
      dayOfSlot.set(slot, day);
    }
    return day;
  };
  const first = new Map<string, SelfServiceSession>();
  for (const event of events) {
    const kind = SESSION_KINDS.get(event.type);
    const ms = event.at.getTime();
    if (!kind || !event.visitor || Number.isNaN(ms)) continue;
    const key = `${localDay(ms)} ${event.visitor}`;
    const seen = first.get(key);
    if (!seen || ms < seen.at.getTime()) first.set(key, { visitor: event.visitor, kind, at: event.at });
  }
  return [...first.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

