/**
 * The life of a return request (docs/decisions/0018): its statuses and the order they come in,
 * the stages staff see, the steps that reach Shopify after approval, and the events of its
 * timeline. Framework-free.
 */

/**
 * - received: stored by us, not yet in Shopify
 * - requested: in Shopify, waiting for a decision
 * - approved: waiting for the items
 * - returned: the parcel arrived
 * - inspected: dispositions recorded, money to issue
 * - closed / declined / cancelled: the end
 * - failed: Shopify refused the first step; staff decide what next
 */
export type RequestStatus = "received" | "requested" | "approved" | "returned" | "inspected" | "closed" | "declined" | "cancelled" | "failed";

/** Our status for a Shopify return status (the enum, or a webhook's lower-case spelling). */
export function statusFromShopify(status: string): RequestStatus | null {
  const ours: Record<string, RequestStatus> = {
    requested: "requested",
    open: "approved",
    declined: "declined",
    closed: "closed",
    canceled: "cancelled",
    cancelled: "cancelled",
  };
  const key = status.toLowerCase();
  return Object.hasOwn(ours, key) ? ours[key]! : null;
}

const TERMINAL: readonly RequestStatus[] = ["closed", "declined", "cancelled"];

const RANK: Readonly<Record<RequestStatus, number>> = {
  received: 0,
  // Only a request Shopify has not taken yet can fail; anything Shopify later reports outranks it.
  failed: 1,
  requested: 2,
  approved: 3,
  returned: 4,
  inspected: 5,
  closed: 6,
  declined: 6,
  cancelled: 6,
};

/** How far along a status is: a request only ever moves to a higher rank. The end statuses share the top one. */
export const statusRank = (status: RequestStatus): number => RANK[status];

/**
 * The status to move to, or null to leave the request as it is. Webhooks arrive late and twice:
 * an "approve" delivered after the items were inspected must not send the request back. The end
 * statuses never change; "failed" takes whatever comes next, since Shopify holds the truth.
 */
export function moveForward(current: RequestStatus, next: RequestStatus): RequestStatus | null {
  if (next === current || TERMINAL.includes(current)) return null;
  if (current === "failed") return next;
  return statusRank(next) > statusRank(current) ? next : null;
}

/** The columns staff work through, in order. */
export const RETURN_STAGES = ["review", "awaiting_items", "received", "to_refund", "done"] as const;
export type ReturnStage = (typeof RETURN_STAGES)[number];

const STAGE: Readonly<Record<RequestStatus, ReturnStage>> = {
  received: "review",
  requested: "review",
  failed: "review",
  approved: "awaiting_items",
  returned: "received",
  inspected: "to_refund",
  closed: "done",
  declined: "done",
  cancelled: "done",
};

/** A status no stage knows (a stored row from elsewhere) goes under review, where staff see it. */
export const stageOf = (status: string): ReturnStage => (Object.hasOwn(STAGE, status) ? STAGE[status as RequestStatus] : "review");

/** The steps that reach Shopify after a request is stored, each written to the request before it is sent (`pendingStep`). */
export const RETURN_STEPS = ["approve", "exchange", "label", "process", "bonus", "close"] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];

/**
 * The steps that end with our own "close" step: Shopify closes the return when it is processed,
 * before the bonus and closing have run here, so its returns/close webhook waits for them.
 */
export const CLOSING_STEPS: readonly string[] = ["process", "bonus", "close"] satisfies ReturnStep[];

/** What a request's timeline records (ReturnEvent.type). */
export const RETURN_EVENT_TYPES = [
  "requested",
  "approved",
  "declined",
  "failed",
  "cancelled",
  "label_attached",
  "returned",
  "inspected",
  "refunded",
  "store_credit_issued",
  "bonus_issued",
  "exchange_created",
  "exchange_processed",
  "exchange_shipped",
  "closed",
  "step_failed",
  "amount_adjusted",
] as const;
export type ReturnEventType = (typeof RETURN_EVENT_TYPES)[number];

/** The events a shopper sees on the status page; failures, inspection and staff's adjustments stay internal. */
export const SHOPPER_VISIBLE_EVENTS = [
  "requested",
  "approved",
  "declined",
  "label_attached",
  "returned",
  "refunded",
  "store_credit_issued",
  "bonus_issued",
  "exchange_created",
  "exchange_shipped",
  "closed",
  "cancelled",
] as const satisfies readonly ReturnEventType[];

const shopperVisible: ReadonlySet<string> = new Set(SHOPPER_VISIBLE_EVENTS);

/**
 * The shopper's timeline: each visible event once, at its first occurrence, oldest first. A webhook
 * delivered twice (or a step retried) records its event twice; the shopper sees the step once.
 * Events at the same moment keep the order they were given in.
 */
export function shopperTimeline<E extends { type: string; at: Date | string }>(events: readonly E[]): E[] {
  // An unreadable time sorts last rather than breaking the sort.
  const time = (event: E) => {
    const ms = event.at instanceof Date ? event.at.getTime() : Date.parse(event.at);
    return Number.isNaN(ms) ? Infinity : ms;
  };
  const seen = new Set<string>();
  return [...events]
    .sort((a, b) => (time(a) === time(b) ? 0 : time(a) < time(b) ? -1 : 1))
    .filter((event) => {
      if (!shopperVisible.has(event.type) || seen.has(event.type)) return false;
      seen.add(event.type);
      return true;
    });
}
