import { z } from "zod";
import type { Db } from "../../db-client.server";
import { formatDateTime } from "../../lib/format";
import type { ReturnPolicy } from "./domain/types";
import { slaView, type SlaView } from "../tickets/domain/sla";
import { failedRuleMessages, isOpen, OPEN_STATUSES, parseRuleLines, reasonLabeller, resolutionLabel } from "./domain/review";

/** The admin's Returns queue: tabs by status, open requests by deadline, a page at a time. */

export const QUEUE_TABS = ["requested", "approved", "declined", "closed", "all"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const TAB_STATUSES: Record<QueueTab, readonly string[] | null> = {
  requested: OPEN_STATUSES,
  approved: ["approved"],
  declined: ["declined"],
  closed: ["closed", "cancelled"],
  all: null,
};

export const QUEUE_PAGE_SIZE = 50;

/** The queue's URL: ?status=approved&page=2; anything unreadable falls back to the default view. */
export const QueueParamsSchema = z.object({
  status: z.enum(QUEUE_TABS).catch("requested"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueParams = z.infer<typeof QueueParamsSchema>;

export function parseQueueParams(url: URL): QueueParams {
  return QueueParamsSchema.parse({ status: url.searchParams.get("status") ?? undefined, page: url.searchParams.get("page") ?? undefined });
}

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
};

export type Queue = {
  tab: QueueTab;
  page: number;
  hasNext: boolean;
  counts: Record<QueueTab, number>;
  rows: QueueRow[];
};

export async function listReturnQueue(
  db: Db,
  shop: string,
  params: QueueParams,
  opts: { now: Date; timeZone: string; policy: Pick<ReturnPolicy, "reasons"> },
): Promise<Queue> {
  const statuses = TAB_STATUSES[params.status];
  const where = { shop, ...(statuses ? { status: { in: [...statuses] } } : {}) };
  // Open requests by deadline (the next one to answer on top); the rest by latest change.
  const orderBy =
    params.status === "requested"
      ? [{ respondBy: "asc" as const }, { createdAt: "asc" as const }]
      : params.status === "all"
        ? [{ createdAt: "desc" as const }]
        : [{ updatedAt: "desc" as const }];
  const [found, grouped] = await Promise.all([
    db.returnRequest.findMany({
      where,
      orderBy,
      skip: (params.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE + 1,
      select: {
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
        items: { select: { title: true, quantity: true, reason: true }, orderBy: { id: "asc" } },
      },
    }),
    db.returnRequest.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  for (const group of grouped) {
    const n = group._count._all;
    counts.all += n;
    for (const tab of QUEUE_TABS) if (tab !== "all" && TAB_STATUSES[tab]?.includes(group.status)) counts[tab] += n;
  }
  const label = reasonLabeller(opts.policy);
  return {
    tab: params.status,
    page: params.page,
    hasNext: found.length > QUEUE_PAGE_SIZE,
    counts,
    rows: found.slice(0, QUEUE_PAGE_SIZE).map((r) => ({
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
    })),
  };
}
