/** The Inbox list: tabs and filters from the query string, one page sorted by what is due first; and who is working. */
import { z } from "zod";
import type { Db } from "../../db-client.server";
import { CATEGORIES, PRIORITIES, TOPIC_LABELS, type Category } from "./domain/types";
import { listStaff, rememberStaff } from "./repo.server";
import { formatDateTime } from "../../lib/format";
import { type TicketSla, nextDeadline, ticketSla } from "./inbox-deadlines";

export const INBOX_TABS = ["open", "pending", "closed", "all"] as const;

export type InboxTab = (typeof INBOX_TABS)[number];

export const INBOX_PAGE_SIZE = 50;

/** Open and pending tickets are sorted by their next deadline in memory, up to this many. */
const SORTABLE_MAX = 5000;

/** ?status=open&priority=P1&category=returns&overdue=1&page=2; unreadable values fall back to no filter. */
export const InboxParamsSchema = z.object({
  status: z.enum(INBOX_TABS).catch("open"),
  priority: z.enum(PRIORITIES).nullable().catch(null),
  category: z.enum(CATEGORIES).nullable().catch(null),
  overdue: z
    .string()
    .nullable()
    .transform((v) => v === "1")
    .catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type InboxParams = z.infer<typeof InboxParamsSchema>;

export function parseInboxParams(url: URL): InboxParams {
  const q = url.searchParams;
  return InboxParamsSchema.parse({
    status: q.get("status") ?? undefined,
    priority: q.get("priority"),
    category: q.get("category"),
    overdue: q.get("overdue"),
    page: q.get("page") ?? undefined,
  });
}

export type InboxRow = {
  id: string;
  reference: string;
  subject: string;
  customerName: string;
  customerEmail: string;
  category: string;
  categoryLabel: string;
  priority: string;
  status: string;
  sla: TicketSla | null;
  assignee: string | null;
  orderName: string | null;
  lastMessage: string;
  lastMessageAt: string;
};

export type Inbox = {
  params: InboxParams;
  hasNext: boolean;
  counts: Record<InboxTab, number>;
  rows: InboxRow[];
  categories: { value: Category; label: string }[];
};

/** Overdue means an open or pending ticket past its next deadline; a closed ticket never is. */
function whereFor(shop: string, params: InboxParams, now: Date) {
  const overdue = params.overdue && params.status !== "closed";
  const status = params.status !== "all" ? params.status : overdue ? { not: "closed" } : undefined;
  return {
    shop,
    ...(status ? { status } : {}),
    ...(params.priority ? { priority: params.priority } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(overdue
      ? { OR: [{ firstResponseAt: null, responseDueAt: { lt: now } }, { firstResponseAt: { not: null }, resolutionDueAt: { lt: now } }] }
      : {}),
  };
}

const LIST_FIELDS = {
  id: true,
  reference: true,
  subject: true,
  customerName: true,
  customerEmail: true,
  category: true,
  priority: true,
  status: true,
  assignee: true,
  orderName: true,
  createdAt: true,
  responseDueAt: true,
  resolutionDueAt: true,
  firstResponseAt: true,
  lastMessageAt: true,
} as const;

/** The ids of one page: open work by its next deadline (soonest first), the rest by latest activity. */
async function pageIds(db: Db, where: ReturnType<typeof whereFor>, params: InboxParams): Promise<{ ids: string[]; hasNext: boolean }> {
  const skip = (params.page - 1) * INBOX_PAGE_SIZE;
  if (params.status === "open" || params.status === "pending") {
    const all = await db.ticket.findMany({
      where,
      take: SORTABLE_MAX,
      select: { id: true, status: true, createdAt: true, responseDueAt: true, resolutionDueAt: true, firstResponseAt: true },
    });
    const due = (t: (typeof all)[number]) => nextDeadline(t)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
    all.sort((a, b) => due(a) - due(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    return { ids: all.slice(skip, skip + INBOX_PAGE_SIZE).map((t) => t.id), hasNext: all.length > skip + INBOX_PAGE_SIZE };
  }
  const rows = await db.ticket.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    skip,
    take: INBOX_PAGE_SIZE + 1,
    select: { id: true },
  });
  return { ids: rows.slice(0, INBOX_PAGE_SIZE).map((r) => r.id), hasNext: rows.length > INBOX_PAGE_SIZE };
}

export async function listInbox(db: Db, shop: string, params: InboxParams, opts: { now: Date; timeZone: string }): Promise<Inbox> {
  const where = whereFor(shop, params, opts.now);
  const [{ ids, hasNext }, grouped, staff] = await Promise.all([
    pageIds(db, where, params),
    db.ticket.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
    listStaff(db, shop),
  ]);
  const found = await db.ticket.findMany({ where: { shop, id: { in: ids } }, select: LIST_FIELDS });
  const byId = new Map(found.map((t) => [t.id, t]));
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const counts = Object.fromEntries(INBOX_TABS.map((tab) => [tab, 0])) as Record<InboxTab, number>;
  for (const group of grouped) {
    counts.all += group._count._all;
    if ((INBOX_TABS as readonly string[]).includes(group.status)) counts[group.status as InboxTab] += group._count._all;
  }
  return {
    params,
    hasNext,
    counts,
    categories: CATEGORIES.map((value) => ({ value, label: TOPIC_LABELS[value] })),
    rows: ids
      .map((id) => byId.get(id))
      .filter((t) => t !== undefined)
      .map((t) => ({
        id: t.id,
        reference: t.reference,
        subject: t.subject,
        customerName: t.customerName,
        customerEmail: t.customerEmail,
        category: t.category,
        categoryLabel: TOPIC_LABELS[t.category as Category] ?? t.category,
        priority: t.priority,
        status: t.status,
        sla: ticketSla(t, opts.now),
        assignee: t.assignee ? (names.get(t.assignee) ?? null) : null,
        orderName: t.orderName,
        lastMessage: formatDateTime(t.lastMessageAt, opts.timeZone),
        lastMessageAt: t.lastMessageAt.toISOString(),
      })),
  };
}

/** Every Inbox visit records who is working (for the assignee list); without a user id, nothing. */
export async function rememberStaffVisit(db: Db, shop: string, userId: string | undefined, name: string): Promise<void> {
  if (userId) await rememberStaff(db, shop, userId, name);
}
