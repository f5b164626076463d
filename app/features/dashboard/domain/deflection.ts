import { MS_PER_HOUR, type SelfServiceSession, type Ticket, lowerBound, percentOf, timeOf } from "./kpi-inputs";

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
