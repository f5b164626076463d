/** A return request as its detail page shows it (the loader throws 404 for a missing one). */
import type { ReturnDetail } from "../../features/returns/detail.server";

export type Detail = NonNullable<ReturnDetail>;
