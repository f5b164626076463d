/** The Inbox list: tabs and filters from the query string, one page sorted by what is due first; and who is working. */
import { z } from "zod";
import type { Db } from "../../db-client.server";
import {
  CATEGORIES,
  PRIORITIES,
  TOPIC_LABELS,
  type Category,
} from "./domain/types";
import { listStaff, rememberStaff } from "./repo.server";
import { formatDateTime } from "../../lib/format";
import { type TicketSla, ticketSla } from "./inbox-deadlines";
import { keysetPage, type SortKey } from "../../lib/keyset";

export const INBOX_TABS = ["open", "pending", "closed", "all"] as const;

export type InboxTab = (typeof INBOX_TABS)[number];

export const INBOX_PAGE_SIZE = 50;

/** ?status=open&priority=P1&category=returns&overdue=1&after=<cursor>; unreadable values fall back to no filter. */
export const InboxParamsSchema = z.object({
  status: z.enum(INBOX_TABS).catch("open"),
  priority: z.enum(PRIORITIES).nullable().catch(null),
  category: z.enum(CATEGORIES).nullable().catch(null),
  overdue: z
    .string()
    .nullable()
    .transform((v) => v === "1")
    .catch(false),
  // A page starts after (or ends before) the row a cursor names (lib/keyset); none is the first page.
  after: z.string().max(400).nullable().catch(null),
  before: z.string().max(400).nullable().catch(null),
});

export type InboxParams = z.infer<typeof InboxParamsSchema>;

export function parseInboxParams(url: URL): InboxParams {
  const q = url.searchParams;
  return InboxParamsSchema.parse({
    status: q.get("status") ?? undefined,
    priority: q.get("priority"),
    category: q.get("category"),
    overdue: q.get("overdue"),
    after: q.get("after"),
    before: q.get("before"),
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
  /** Cursors of the next and previous pages, when there are such pages. */
  next: string | null;
  previous: string | null;
  counts: Record<InboxTab, number>;
  rows: InboxRow[];
  categories: { value: Category; label: string }[];
};

/**
 * Overdue means an open or pending ticket past its next deadline (the stored `dueAt`); a closed
 * ticket never is.
 */
function whereFor(shop: string, params: InboxParams, now: Date) {
  const overdue = params.overdue && params.status !== "closed";
  const status =
    params.status !== "all"
      ? params.status
      : overdue
      ? { not: "closed" }
      : undefined;
  return {
    shop,
    ...(status ? { status } : {}),
    ...(params.priority ? { priority: params.priority } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(overdue ? { dueAt: { lt: now } } : {}),
  };
}

/**
 * Open work by its next deadline (soonest first), the rest by latest activity; each order is an
 * index of the Ticket model (prisma/models.prisma).
 */
const BY_DEADLINE: SortKey[] = [
  { field: "dueAt", dir: "asc", type: "date" },
  { field: "createdAt", dir: "asc", type: "date" },
  { field: "id", dir: "asc", type: "string" },
];
const BY_ACTIVITY: SortKey[] = [
  { field: "lastMessageAt", dir: "desc", type: "date" },
  { field: "id", dir: "desc", type: "string" },
];

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
  dueAt: true,
} as const;

export async function listInbox(
  db: Db,
  shop: string,
  params: InboxParams,
  opts: { now: Date; timeZone: string }
): Promise<Inbox> {
  const where = whereFor(shop, params, opts.now);
  const keys =
    params.status === "open" || params.status === "pending"
      ? BY_DEADLINE
      : BY_ACTIVITY;
  const [page, grouped, staff] = await Promise.all([
    keysetPage(keys, params, INBOX_PAGE_SIZE, (keyset) =>
      db.ticket.findMany({
        where: { AND: [where, keyset.where] },
        orderBy: keyset.orderBy,
        take: keyset.take,
        select: LIST_FIELDS,
      })
    ),
    db.ticket.groupBy({
      by: ["status"],
      where: { shop },
      _count: { _all: true },
    }),
    listStaff(db, shop),
  ]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const counts = Object.fromEntries(
    INBOX_TABS.map((tab) => [tab, 0])
  ) as Record<InboxTab, number>;
  for (const group of grouped) {
    counts.all += group._count._all;
    if ((INBOX_TABS as readonly string[]).includes(group.status))
      counts[group.status as InboxTab] += group._count._all;
  }
  return {
    params,
    next: page.next,
    previous: page.previous,
    counts,
    categories: CATEGORIES.map((value) => ({
      value,
      label: TOPIC_LABELS[value],
    })),
    rows: page.rows.map((t) => ({
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
      assignee: t.assignee ? names.get(t.assignee) ?? null : null,
      orderName: t.orderName,
      lastMessage: formatDateTime(t.lastMessageAt, opts.timeZone),
      lastMessageAt: t.lastMessageAt.toISOString(),
    })),
  };
}

/** Every Inbox visit records who is working (for the assignee list); without a user id, nothing. */
export async function rememberStaffVisit(
  db: Db,
  shop: string,
  userId: string | undefined,
  name: string
): Promise<void> {
  if (userId) await rememberStaff(db, shop, userId, name);
}
