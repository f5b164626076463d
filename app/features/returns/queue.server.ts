import { z } from "zod";
import type { Db } from "../../db-client.server";
import { formatDateTime } from "../../lib/format";
import type { ReturnPolicy } from "./domain/types";
import { slaView, type SlaView } from "../tickets/domain/sla";
import { RETURN_STAGES, stageOf, type ReturnStage } from "./domain/lifecycle";
import { keysetPage, type SortKey } from "../../lib/keyset";
import { failedRuleMessages, isOpen, parseRuleLines, reasonLabeller, resolutionLabel } from "./domain/review";

/**
 * The admin's Returns queue: a tab per stage of a return's life (docs/decisions/0018), plus the
 * requests whose step Shopify refused, each with its count; a page at a time.
 */

export const QUEUE_TABS = [...RETURN_STAGES, "attention", "all"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const QUEUE_PAGE_SIZE = 50;

/** The queue's URL: ?stage=to_refund&after=<cursor>; anything unreadable falls back to the default view. */
export const QueueParamsSchema = z.object({
  stage: z.enum(QUEUE_TABS).catch("review"),
  // A page starts after (or ends before) the row a cursor names (lib/keyset); none is the first page.
  after: z.string().max(400).nullable().catch(null),
  before: z.string().max(400).nullable().catch(null),
});
export type QueueParams = z.infer<typeof QueueParamsSchema>;

export function parseQueueParams(url: URL): QueueParams {
  const q = url.searchParams;
  return QueueParamsSchema.parse({ stage: q.get("stage") ?? undefined, after: q.get("after"), before: q.get("before") });
}

/**
 * One row of the counting query: the shop's requests grouped by status and pending step, with how
 * many of them hold a refusal (a field's _count counts its non-null values).
 */
export type StatusGroup = { status: string; pendingStep: string | null; _count: { _all: number; lastSyncError: number } };

/** The tabs' counts from the grouped rows. A refused step counts in its stage and in "attention". */
export function queueCounts(groups: StatusGroup[]): Record<QueueTab, number> {
  const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  for (const group of groups) {
    const stage: ReturnStage = stageOf(group.status);
    counts[stage] += group._count._all;
    counts.all += group._count._all;
    // A refusal on a request with no step pending is the first send's (status received), not a step's.
    if (group.pendingStep !== null) counts.attention += group._count.lastSyncError;
  }
  return counts;
}

/**
 * Which requests a tab lists. A stage lists the statuses in it, as the counting query found them
 * in this shop, so the stage of a status is decided in one place (stageOf).
 */
export function queueWhere(shop: string, tab: QueueTab, groups: StatusGroup[]) {
  if (tab === "all") return { shop };
  if (tab === "attention") return { shop, pendingStep: { not: null }, lastSyncError: { not: null } };
  const statuses = [...new Set(groups.map((g) => g.status))].filter((status) => stageOf(status) === tab);
  return { shop, status: { in: statuses } };
}

const date = (field: string, dir: "asc" | "desc", nullable = false): SortKey => ({ field, dir, type: "date", nullable });
const OLDEST_FIRST = [date("createdAt", "asc"), { field: "id", dir: "asc", type: "string" }] satisfies SortKey[];

/**
 * Work waiting on staff comes oldest first (review by its deadline); finished work newest first.
 * Each order, after the tab's filter, is an index of the ReturnRequest model (prisma/models.prisma).
 */
const TAB_ORDER: Record<QueueTab, SortKey[]> = {
  review: [date("respondBy", "asc"), ...OLDEST_FIRST],
  awaiting_items: [date("decidedAt", "asc", true), ...OLDEST_FIRST],
  received: [date("receivedAt", "asc", true), ...OLDEST_FIRST],
  to_refund: [date("receivedAt", "asc", true), ...OLDEST_FIRST],
  attention: [date("stepStartedAt", "asc", true), ...OLDEST_FIRST],
  done: [date("updatedAt", "desc"), { field: "id", dir: "desc", type: "string" }],
  all: [date("createdAt", "desc"), { field: "id", dir: "desc", type: "string" }],
};

export type QueueRow = {
  id: string;
  reference: string;
  orderName: string;
  itemCount: number;
  firstItem: string;
  reasons: string[];
  resolution: string;
  customerEmail: string | null;
  createdAt: string;
  created: string;
  status: string;
  sla: SlaView | null;
  autoApproved: boolean;
  needsOverride: boolean;
  /** Shopify refused this request's pending step: staff must look at it. */
  needsAttention: boolean;
};

export type Queue = {
  tab: QueueTab;
  /** Cursors of the next and previous pages, when there are such pages. */
  next: string | null;
  previous: string | null;
  counts: Record<QueueTab, number>;
  rows: QueueRow[];
};

const QUEUE_FIELDS = {
  id: true,
  reference: true,
  orderName: true,
  customerEmail: true,
  status: true,
  resolution: true,
  respondBy: true,
  autoApproved: true,
  rules: true,
  createdAt: true,
  updatedAt: true,
  decidedAt: true,
  receivedAt: true,
  stepStartedAt: true,
  pendingStep: true,
  lastSyncError: true,
  items: { select: { title: true, quantity: true, reason: true }, orderBy: { id: "asc" } },
} as const;

export async function listReturnQueue(
  db: Db,
  shop: string,
  params: QueueParams,
  opts: { now: Date; timeZone: string; policy: Pick<ReturnPolicy, "reasons"> },
): Promise<Queue> {
  // One grouped query counts every tab (a few rows per status, never the requests themselves).
  const groups = await db.returnRequest.groupBy({
    by: ["status", "pendingStep"],
    where: { shop },
    _count: { _all: true, lastSyncError: true },
  });
  const where = queueWhere(shop, params.stage, groups);
  const page = await keysetPage(TAB_ORDER[params.stage], params, QUEUE_PAGE_SIZE, (keyset) =>
    db.returnRequest.findMany({ where: { AND: [where, keyset.where] }, orderBy: keyset.orderBy, take: keyset.take, select: QUEUE_FIELDS }),
  );
  const label = reasonLabeller(opts.policy);
  return {
    tab: params.stage,
    next: page.next,
    previous: page.previous,
    counts: queueCounts(groups),
    rows: page.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      orderName: r.orderName,
      itemCount: r.items.reduce((sum, i) => sum + i.quantity, 0),
      firstItem: r.items[0]?.title ?? "",
      reasons: [...new Set(r.items.map((i) => label(i.reason)))],
      resolution: resolutionLabel(r.resolution),
      customerEmail: r.customerEmail,
      createdAt: r.createdAt.toISOString(),
      created: formatDateTime(r.createdAt, opts.timeZone),
      status: r.status,
      sla: isOpen(r.status) ? slaView(r.respondBy, opts.now) : null,
      autoApproved: r.autoApproved,
      needsOverride: r.status === "requested" && failedRuleMessages(parseRuleLines(r.rules)).length > 0,
      needsAttention: r.pendingStep !== null && r.lastSyncError !== null,
    })),
  };
}
