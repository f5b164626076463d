/**
 * A return request as the shopper's status page shows it: where it stands, the steps so far with
 * their dates, what to do next, the money and the exchange. Only what the shopper may read: no ids
 * of ours or Shopify's, no staff names, no inspection notes, no Shopify error text. Pure.
 */
import { z } from "zod";
import { SHOPPER_VISIBLE_EVENTS, shopperTimeline } from "./lifecycle";
import type { ReturnPolicy } from "./types";

/** The steps a shopper sees: the lifecycle's shopper-visible events. */
export const SHOPPER_STEPS = SHOPPER_VISIBLE_EVENTS;
export type ShopperStep = (typeof SHOPPER_STEPS)[number];

/**
 * Event types the shopper reads as another step: "received" is the moment they sent the request
 * (Shopify's "requested" may come later, or never when Shopify was down), so it dates "requested".
 */
const SAME_STEP: Record<string, ShopperStep> = { received: "requested" };

/** Each shopper-visible step once, at its first occurrence, oldest first; other events are staff's. */
export function shopperSteps(events: { type: string; at: Date }[]): { type: ShopperStep; at: string }[] {
  return shopperTimeline(events.map((e) => ({ type: SAME_STEP[e.type] ?? e.type, at: e.at }))).map((e) => ({
    type: e.type as ShopperStep,
    at: e.at.toISOString(),
  }));
}

/** Statuses as the shopper reads them: a first step Shopify refused is still with us, not theirs to act on. */
export function shopperStatus(status: string): string {
  return status === "failed" ? "received" : status;
}

/** How approved items go back: the policy's return shipping, as validated with it. */
export type ReturnShippingSettings = Pick<ReturnPolicy["returnShipping"], "method" | "returnAddress" | "instructions">;

export type Tracking = { number: string; url: string | null; carrier: string | null };

/** The ways approved items go back, each with its "what to do next" box in the returns block. */
export const WAYS_BACK = ["keep_items", "label", "shopper_ships"] as const;

export type NextStep =
  | { method: "keep_items" }
  | { method: "label"; labelUrl: string | null; tracking: Tracking | null }
  | { method: "shopper_ships"; returnAddress: string; instructions: string };

/** A stored settlement (domain/settlement.ts), read defensively: a row is never trusted blindly. */
const SettlementSchema = z.object({
  currency: z.string().length(3),
  resolution: z.string(),
  refundCents: z.number().int().nonnegative(),
  storeCreditCents: z.number().int().nonnegative(),
  bonusCents: z.number().int().nonnegative().default(0),
});

export type ShopperMoney = { currency: string; method: "original_payment" | "store_credit"; amount: number; bonus: number };

/** What the shopper gets back and how, from the stored settlement; null when none or nothing to pay. */
export function shopperMoney(settlement: string | null): ShopperMoney | null {
  let parsed;
  try {
    parsed = SettlementSchema.safeParse(JSON.parse(settlement ?? "null"));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const s = parsed.data;
  const credit = s.resolution === "store_credit" || (s.refundCents === 0 && s.storeCreditCents > 0);
  const amount = credit ? s.storeCreditCents : s.refundCents;
  if (amount === 0 && s.bonusCents === 0) return null;
  return { currency: s.currency, method: credit ? "store_credit" : "original_payment", amount: amount / 100, bonus: s.bonusCents / 100 };
}

/** Only web links reach an href on the storefront: never javascript: or data: from a stored value. */
export function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

export function tracking(number: string | null | undefined, url: string | null | undefined, carrier: string | null | undefined): Tracking | null {
  return number ? { number, url: webUrl(url), carrier: carrier || null } : null;
}

/** The columns of a stored request the status page reads. */
export type StoredReturn = {
  reference: string;
  status: string;
  createdAt: Date;
  resolution: string;
  declineReason: string | null;
  decisionNote: string | null;
  keepItems: boolean;
  labelUrl: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  carrierName: string | null;
  settlement: string | null;
  exchangeVariantTitle: string | null;
  exchangeTrackingNumber: string | null;
  exchangeTrackingUrl: string | null;
  items: { title: string; quantity: number }[];
  events: { type: string; at: Date }[];
};

/** One request on the status page: the JSON the returns block reads. */
export type ShopperRequest = {
  reference: string;
  status: string;
  createdAt: string;
  resolution: string;
  items: { title: string; quantity: number }[];
  steps: { type: ShopperStep; at: string }[];
  /** Declined only: why (Shopify's decline reason, lower case) and staff's words to the shopper. */
  declineReason?: string;
  declineNote?: string;
  /** While the items are awaited (approved): how they go back. */
  next?: NextStep;
  /** Once amounts are settled. */
  money?: ShopperMoney;
  /** When one was chosen, with its shipment's tracking once shipped. */
  exchange?: { variantTitle: string; tracking: Tracking | null };
};

/** One request for the shopper; a declined or cancelled one shows no money or exchange. */
export function shopperRequest(r: StoredReturn, shipping: ReturnShippingSettings): ShopperRequest {
  const view: ShopperRequest = {
    reference: r.reference,
    status: shopperStatus(r.status),
    createdAt: r.createdAt.toISOString(),
    resolution: r.resolution,
    items: r.items.map((i) => ({ title: i.title, quantity: i.quantity })),
    steps: shopperSteps(r.events),
  };
  if (r.status === "declined") {
    view.declineReason = r.declineReason?.toLowerCase() ?? "other";
    if (r.decisionNote) view.declineNote = r.decisionNote;
  }
  if (r.status === "approved") view.next = nextStep(r, shipping);
  if (r.status === "declined" || r.status === "cancelled") return view;
  const money = shopperMoney(r.settlement);
  if (money) view.money = money;
  if (r.exchangeVariantTitle) view.exchange = { variantTitle: r.exchangeVariantTitle, tracking: tracking(r.exchangeTrackingNumber, r.exchangeTrackingUrl, null) };
  return view;
}

function nextStep(r: StoredReturn, shipping: ReturnShippingSettings): NextStep {
  if (r.keepItems) return { method: "keep_items" };
  const labelUrl = webUrl(r.labelUrl);
  if (labelUrl || shipping.method === "label") return { method: "label", labelUrl, tracking: tracking(r.trackingNumber, r.trackingUrl, r.carrierName) };
  return { method: "shopper_ships", returnAddress: shipping.returnAddress, instructions: shipping.instructions };
}
