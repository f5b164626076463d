import type { Db } from "../../db-client.server";
import { formatDateTime } from "../../lib/format";

/** The Outbox page: every message the app sent or tried to send, newest first. */
export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(db: Db, shop: string, page: number, timeZone: string) {
  const rows = await db.outboxMessage.findMany({
    where: { shop },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE + 1,
  });
  return {
    page,
    hasNext: rows.length > OUTBOX_PAGE_SIZE,
    messages: rows.slice(0, OUTBOX_PAGE_SIZE).map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      kind: m.kind,
      status: m.status,
      error: m.error,
      text: m.text,
      relatedId: m.relatedId,
      created: formatDateTime(m.createdAt, timeZone),
    })),
  };
}
