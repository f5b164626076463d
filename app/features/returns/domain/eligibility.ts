/**
 * Return eligibility, per line item: how many units a shopper can still ask to return, why the
 * others cannot be, and where (which fulfillment line items) the returnable units are.
 *
 * Pure and framework-free: the clock (`now`) and the shop's IANA time zone are parameters, so the
 * same inputs always give the same answer.
 *
 * Decisions worth knowing:
 * - Only SUCCESS fulfillments count (status compared case-insensitively).
 * - Window start: per fulfillment containing the line, its deliveredAt (when the policy starts at
 *   delivery and the date is known) else its createdAt; the line's window starts at the latest of
 *   those. A second shipment still in transit therefore never shortens the window of its units.
 * - The window ends at the last millisecond of the shop-local calendar day `windowDays` days after
 *   the start's shop-local calendar day.
 * - A cancelled order has nothing returnable. Its rules are still evaluated, the quantity rule
 *   fails ("Order cancelled …"), and units that were fulfilled are reported as `already_returned`
 *   (Shopify refunds/restocks on cancellation; the UI can show `order.cancelledAt` itself).
 * - A fulfillment without any valid date cannot place the window: the window rule fails, nothing is
 *   returnable, the reason is `window_passed`, and `windowEndsAt` is null.
 * - Quantities are treated as whole, non-negative numbers (anything else counts as 0).
 */
import type { Eligibility, IneligibleReason, LineEligibility, ReturnPolicy, ReturnableOrder, RuleResult } from "./types";
import { assertTimeZone, endOfLocalDay, formatDayNumber, formatLocalDay, localDayNumber } from "../../../lib/zoned-time";

export type EligibilityInput = { policy: ReturnPolicy; order: ReturnableOrder; now: Date; timeZone: string };

type LineItem = ReturnableOrder["lineItems"][number];
type Fulfillment = ReturnableOrder["fulfillments"][number];

/** A quantity as a whole, non-negative number. */
const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

const normalize = (s: string): string => s.trim().toLowerCase();

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The last instant a return can be requested for a window starting at `start`: the end of the
 * shop-local calendar day `windowDays` days after the start's calendar day.
 */
export function returnWindowEnd(start: Date, windowDays: number, timeZone: string): Date {
  return new Date(endOfLocalDay(localDayNumber(start.getTime(), timeZone) + windowDays, timeZone));
}

type WindowStart = { at: number; delivered: boolean };

function windowStart(policy: ReturnPolicy, fulfillments: Fulfillment[]): WindowStart | null {
  let best: WindowStart | null = null;
  for (const f of fulfillments) {
    const delivered = policy.windowStartsAt === "delivery" && f.deliveredAt ? Date.parse(f.deliveredAt) : Number.NaN;
    const created = Date.parse(f.createdAt);
    const candidate = !Number.isNaN(delivered)
      ? { at: delivered, delivered: true }
      : !Number.isNaN(created)
        ? { at: created, delivered: false }
        : null;
    if (candidate && (!best || candidate.at > best.at)) best = candidate;
  }
  return best;
}

type WindowVerdict = { open: boolean; endsAt: string | null; rule: RuleResult };

function judgeWindow(policy: ReturnPolicy, containing: Fulfillment[], nowMs: number, timeZone: string): WindowVerdict {
  const startsAt = policy.windowStartsAt === "delivery" ? "delivery" : "fulfillment";
  if (containing.length === 0) {
    return {
      open: false,
      endsAt: null,
      rule: { rule: "window", passed: false, detail: `Not fulfilled yet; the ${policy.windowDays}-day window starts at ${startsAt}` },
    };
  }
  const start = windowStart(policy, containing);
  if (!start) {
    return { open: false, endsAt: null, rule: { rule: "window", passed: false, detail: "No fulfillment date known; cannot place the window" } };
  }
  const startDay = localDayNumber(start.at, timeZone);
  const endMs = endOfLocalDay(startDay + policy.windowDays, timeZone);
  const open = nowMs <= endMs;
  const what = start.delivered
    ? "Delivered"
    : policy.windowStartsAt === "delivery"
      ? "Fulfilled (no delivery date yet)"
      : "Fulfilled";
  const detail = `${what} ${formatDayNumber(startDay)}; window ${open ? "ends" : "ended"} ${formatDayNumber(startDay + policy.windowDays)} (${plural(policy.windowDays, "day")})`;
  return { open, endsAt: new Date(endMs).toISOString(), rule: { rule: "window", passed: open, detail } };
}

/**
 * Shopify's returnable entries for the line, merged per fulfillment line item (first-seen order),
 * with our pending units taken from the last ones first, then `take` units allocated from the
 * first ones. Only entries with units are kept.
 */
function allocateSources(entries: { fulfillmentLineItemId: string; quantity: number }[], pending: number, take: number) {
  const merged: { fulfillmentLineItemId: string; quantity: number }[] = [];
  for (const e of entries) {
    const existing = merged.find((m) => m.fulfillmentLineItemId === e.fulfillmentLineItemId);
    if (existing) existing.quantity += count(e.quantity);
    else merged.push({ fulfillmentLineItemId: e.fulfillmentLineItemId, quantity: count(e.quantity) });
  }
  let toRemove = pending;
  for (let i = merged.length - 1; i >= 0 && toRemove > 0; i--) {
    const entry = merged[i]!;
    const removed = Math.min(entry.quantity, toRemove);
    entry.quantity -= removed;
    toRemove -= removed;
  }
  let left = take;
  const sources: { fulfillmentLineItemId: string; quantity: number }[] = [];
  for (const entry of merged) {
    if (left <= 0) break;
    const quantity = Math.min(entry.quantity, left);
    if (quantity > 0) sources.push({ fulfillmentLineItemId: entry.fulfillmentLineItemId, quantity });
    left -= quantity;
  }
  return sources;
}

function evaluateLine(
  line: LineItem,
  ctx: { policy: ReturnPolicy; order: ReturnableOrder; success: Fulfillment[]; nowMs: number; timeZone: string },
): LineEligibility {
  const { policy, order, success, nowMs, timeZone } = ctx;
  const cancelled = order.cancelledAt !== null;

  const purchased = count(line.quantity);
  let fulfilled = 0;
  const containing: Fulfillment[] = [];
  for (const f of success) {
    const units = f.lineItems.filter((li) => li.lineItemId === line.id).reduce((sum, li) => sum + count(li.quantity), 0);
    if (units > 0) containing.push(f);
    fulfilled += units;
  }
  const returnableEntries = order.returnable.filter((r) => r.lineItemId === line.id);
  const shopifyReturnable = returnableEntries.reduce((sum, r) => sum + count(r.quantity), 0);
  const pending = order.pending.filter((p) => p.lineItemId === line.id).reduce((sum, p) => sum + count(p.quantity), 0);
  const available = Math.max(0, shopifyReturnable - pending);
  const fulfilledUnits = Math.min(fulfilled, purchased);
  const countable = Math.min(available, fulfilledUnits);

  // fulfilled
  const fulfilledRule: RuleResult =
    purchased === 0
      ? { rule: "fulfilled", passed: false, detail: "No units left on the order (removed or refunded)" }
      : fulfilledUnits === 0
        ? { rule: "fulfilled", passed: false, detail: `Not fulfilled yet (0 of ${purchased})` }
        : { rule: "fulfilled", passed: true, detail: `${fulfilledUnits} of ${purchased} fulfilled` };

  // window
  const window = judgeWindow(policy, containing, nowMs, timeZone);

  // final sale
  const finalSaleTags = new Set(policy.finalSaleTags.map(normalize));
  const finalSaleTag = line.productTags.find((tag) => finalSaleTags.has(normalize(tag)));
  const finalSaleRule: RuleResult =
    finalSaleTag !== undefined
      ? { rule: "final_sale", passed: false, detail: `Tagged ${finalSaleTag.trim()}` }
      : { rule: "final_sale", passed: true, detail: "Not final sale" };

  // product type
  const excludedTypes = new Set(policy.excludedProductTypes.map(normalize));
  const productType = line.productType?.trim() || null;
  const excluded = productType !== null && excludedTypes.has(normalize(productType));
  const productTypeRule: RuleResult = excluded
    ? { rule: "product_type", passed: false, detail: `Product type ${productType} cannot be returned` }
    : { rule: "product_type", passed: true, detail: productType ? `Product type ${productType} can be returned` : "No product type" };

  // quantity
  let quantityRule: RuleResult;
  if (cancelled) {
    const day = Date.parse(order.cancelledAt ?? "");
    const when = Number.isNaN(day) ? "" : ` ${formatLocalDay(day, timeZone)}`;
    quantityRule = { rule: "quantity", passed: false, detail: `Order cancelled${when}; nothing can be returned` };
  } else if (fulfilledUnits === 0) {
    quantityRule = { rule: "quantity", passed: false, detail: "No fulfilled units to return" };
  } else {
    const notes: string[] = [];
    const returnedOrRequested = Math.max(0, fulfilledUnits - shopifyReturnable);
    if (returnedOrRequested > 0) notes.push(`${returnedOrRequested} already returned or requested in Shopify`);
    if (pending > 0) notes.push(`${pending} in a request not yet sent to Shopify`);
    const detail = [`${countable} of ${fulfilledUnits} fulfilled can still be returned`, ...notes].join("; ");
    quantityRule = { rule: "quantity", passed: countable > 0, detail };
  }

  const blocked = cancelled || !window.open || finalSaleTag !== undefined || excluded;
  const returnable = blocked ? 0 : countable;

  const reasons: IneligibleReason[] = [];
  if (fulfilledUnits < purchased) reasons.push("not_fulfilled");
  if (containing.length > 0 && !window.open) reasons.push("window_passed");
  if (finalSaleTag !== undefined) reasons.push("final_sale");
  if (excluded) reasons.push("excluded_type");
  if (countable < fulfilledUnits || (cancelled && fulfilledUnits > 0)) reasons.push("already_returned");

  return {
    lineItemId: line.id,
    title: line.title,
    variantTitle: line.variantTitle,
    imageUrl: line.imageUrl,
    unitPrice: line.unitPrice,
    purchased,
    returnable,
    reasons,
    windowEndsAt: window.endsAt,
    rules: [fulfilledRule, window.rule, finalSaleRule, productTypeRule, quantityRule],
    sources: returnable > 0 ? allocateSources(returnableEntries, pending, returnable) : [],
  };
}

/** Decides, per line item, what can still be returned under `policy` at `now` in the shop's zone. */
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const { policy, order, now, timeZone } = input;
  assertTimeZone(timeZone);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("evaluateEligibility: `now` is an invalid date");
  const success = order.fulfillments.filter((f) => f.status.trim().toUpperCase() === "SUCCESS");
  const lines = order.lineItems.map((line) => evaluateLine(line, { policy, order, success, nowMs, timeZone }));
  return { policyVersion: policy.version, lines, anyReturnable: lines.some((l) => l.returnable > 0) };
}
