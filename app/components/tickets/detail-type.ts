import type { TicketDetail } from "../../features/tickets/ticket-detail.server";

/** A ticket as its page shows it (the loader throws 404 for a missing one). */
export type Detail = NonNullable<TicketDetail>;
