import { formatDateTime } from "../../../lib/format";

/** A request's timeline as staff read it: each step in plain English, with who and when. */

const EVENT_LABELS: Record<string, string> = {
  received: "Request received",
  requested: "Return requested in Shopify",
  approved: "Approved",
  declined: "Declined",
  failed: "Shopify refused the request",
  cancelled: "Cancelled",
  label_attached: "Return label attached",
  returned: "Parcel arrived",
  inspected: "Items received and inspected",
  refunded: "Refunded to the original payment",
  store_credit_issued: "Store credit issued",
  bonus_issued: "Store-credit bonus issued",
  exchange_created: "Exchange created in Shopify",
  exchange_processed: "Exchange item released for shipping",
  exchange_shipped: "Exchange item shipped",
  closed: "Closed",
  step_failed: "Shopify refused a step",
  amount_adjusted: "Amount to issue changed",
};

/** Actors that are not a person: named for what they are, never as if someone clicked. */
const ACTOR_LABELS: Record<string, string> = {
  system: "Harbor Support (automatic)",
  shopify: "Shopify",
  "auto-approve": "Auto-approval (return policy)",
  shopper: "The shopper",
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? (type.charAt(0).toUpperCase() + type.slice(1)).replace(/_/g, " ");
}

export function actorLabel(actor: string): { name: string; automatic: boolean } {
  const known = ACTOR_LABELS[actor];
  return known ? { name: known, automatic: actor !== "shopper" } : { name: actor, automatic: false };
}

export type TimelineEntry = {
  id: string;
  type: string;
  actor: string;
  label: string;
  by: string;
  automatic: boolean;
  /** A refusal or an exception, shown so it stands out. */
  problem: boolean;
  detail: string | null;
  at: string;
  atIso: string;
};

export function timelineEntries(
  events: { id: string; actor: string; type: string; detail: string | null; at: Date }[],
  timeZone: string,
): TimelineEntry[] {
  return events.map((e) => {
    const actor = actorLabel(e.actor);
    return {
      id: e.id,
      type: e.type,
      actor: e.actor,
      label: eventLabel(e.type),
      by: actor.name,
      automatic: actor.automatic,
      problem: e.type === "step_failed" || e.type === "failed",
      detail: e.detail,
      at: formatDateTime(e.at, timeZone),
      atIso: e.at.toISOString(),
    };
  });
}
