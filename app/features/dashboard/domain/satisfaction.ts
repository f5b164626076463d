/** CSAT from survey ratings, and how many tickets got their first response within the SLA. Pure. */
import { type Ticket, percentOf, requireTime, timeOf } from "./kpi-inputs";

const isRating = (value: number | null): value is number => value !== null && Number.isInteger(value) && value >= 1 && value <= 5;

/**
 * CSAT = satisfied answers (4 or 5 on the 1–5 scale) ÷ answered surveys × 100.
 * A rating proves a survey was sent, so a rated ticket counts as surveyed even if its flag was not
 * set; a rating outside 1–5 or not a whole number is not an answer.
 */
export function csat(tickets: readonly Pick<Ticket, "csat" | "surveyed">[]): {
  percent: number | null;
  surveyed: number;
  answered: number;
  satisfied: number;
} {
  let surveyed = 0;
  let answered = 0;
  let satisfied = 0;
  for (const ticket of tickets) {
    if (ticket.surveyed || ticket.csat !== null) surveyed++;
    if (!isRating(ticket.csat)) continue;
    answered++;
    if (ticket.csat >= 4) satisfied++;
  }
  return { percent: percentOf(satisfied, answered), surveyed, answered, satisfied };
}

/**
 * First-response SLA compliance = met ÷ (met + breached) × 100.
 * - met: first response at or before the due time;
 * - breached: responded after the due time, or still unanswered when `now` is past it;
 * - pending: unanswered and not yet past due (due exactly now is not past): left out of the rate.
 * A ticket with an invalid due time cannot be judged and is left out entirely.
 */
export function slaCompliance(
  tickets: readonly Pick<Ticket, "firstResponseAt" | "responseDueAt">[],
  now: Date,
): { percent: number | null; met: number; breached: number; pending: number } {
  const nowMs = requireTime(now, "slaCompliance: now");
  let met = 0;
  let breached = 0;
  let pending = 0;
  for (const ticket of tickets) {
    const due = timeOf(ticket.responseDueAt);
    if (due === null) continue;
    const respondedAt = timeOf(ticket.firstResponseAt);
    if (respondedAt !== null) {
      if (respondedAt <= due) met++;
      else breached++;
    } else if (nowMs > due) breached++;
    else pending++;
  }
  return { percent: percentOf(met, met + breached), met, breached, pending };
}
