/** A ticket as its page shows it (the loader throws 404 for a missing one). */
import type { TicketDetail } from "../../features/tickets/ticket-detail.server";

export type Detail = NonNullable<TicketDetail>;
