/** A ticket's next deadline and how it reads in the Inbox (SLA label, tone, overdue). Pure. */
import { slaStatus, slaView, type SlaView } from "./domain/sla";

export type TicketSla = SlaView;

type Deadlines = { status: string; createdAt: Date; responseDueAt: Date; resolutionDueAt: Date; firstResponseAt: Date | null };

/** The deadline that matters now: the first reply until there is one, then the resolution. */
export function nextDeadline(ticket: Deadlines): { kind: "response" | "resolution"; dueAt: Date } | null {
  if (ticket.status === "closed") return null;
  return ticket.firstResponseAt ? { kind: "resolution", dueAt: ticket.resolutionDueAt } : { kind: "response", dueAt: ticket.responseDueAt };
}

/** "Reply due in 1 h 20 min", "Resolution overdue by 3 h"; warned ahead as the SLA rules say. */
export function ticketSla(ticket: Deadlines, now: Date): TicketSla | null {
  const next = nextDeadline(ticket);
  if (!next) return null;
  const view = slaView(next.dueAt, now, ticket.createdAt);
  return { ...view, label: `${next.kind === "response" ? "reply" : "resolution"} ${view.label}` };
}

/** Whether the first reply came in time, once it came (or the ticket closed without one). */
export function responseOutcome(ticket: Deadlines, now: Date): string | null {
  if (!ticket.firstResponseAt) return ticket.status === "closed" ? "Closed without a reply" : null;
  return slaStatus(ticket.responseDueAt, ticket.firstResponseAt, now) === "met" ? "First reply on time" : "First reply late";
}
