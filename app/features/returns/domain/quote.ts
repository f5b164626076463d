/**
 * What a return is worth, whether a selection is acceptable, whether it can be approved without a
 * person, and when staff should have answered. Framework-free; money is computed in integer cents
 * and rounded half-up, then handed back as decimal numbers of cents precision.
 */
import { MERCHANT_FAULT_REASONS } from "../../policies/domain/returns";
import {
  RESOLUTIONS,
  type Eligibility,
  type Resolution,
  type ReturnPolicy,
  type ReturnQuote,
  type ReturnSelection,
  type ReturnableOrder,
} from "./types";

/** A decimal amount in integer cents (amounts are expected to be non-negative and cent-precise). */
export const toCents = (amount: number): number => (Number.isFinite(amount) ? Math.round(amount * 100) : 0);
const fromCents = (cents: number): number => cents / 100;

/** `cents × percent / 100`, rounded half-up; the percent is taken to hundredths of a percent. */
export function percentOf(cents: number, percent: number): number {
  const basisPoints = Math.round(Math.max(0, percent) * 100);
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}

const formatMoney = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency}`;

/**
 * Prices a selection (assumed validated) under a resolution:
 * - itemsValue = Σ unitPrice × quantity
 * - restockingFee = itemsValue × restockingFeePercent for refund and store credit, 0 for exchange
 * - shippingFee = the policy's fee when the customer pays return shipping, unless every selected
 *   reason is the merchant's fault (damaged, wrong-item, not-as-described)
 * - storeCreditBonus = itemsValue × storeCreditBonusPercent, for store credit only
 * - expected = refund: items − restocking − shipping; store credit: items + bonus − restocking −
 *   shipping; exchange: 0. Never negative.
 * - the two percents as applied (0 where the resolution does not apply them), so later steps price
 *   what actually comes back the same way.
 * Throws when a selected line is not on the order or a quantity is not a whole, non-negative number.
 */
export function quoteReturn(
  policy: ReturnPolicy,
  order: ReturnableOrder,
  selection: ReturnSelection[],
  resolution: Resolution,
): ReturnQuote {
  let itemsCents = 0;
  for (const s of selection) {
    const line = order.lineItems.find((l) => l.id === s.lineItemId);
    if (!line) throw new Error(`quoteReturn: line item ${s.lineItemId} is not on order ${order.name}`);
    if (!Number.isInteger(s.quantity) || s.quantity < 0) {
      throw new RangeError(`quoteReturn: quantity for ${s.lineItemId} must be a whole number ≥ 0, got ${s.quantity}`);
    }
    itemsCents += toCents(line.unitPrice) * s.quantity;
  }

  const merchantAtFault = selection.every((s) => MERCHANT_FAULT_REASONS.includes(s.reason));
  const shippingCents =
    policy.returnShipping.paidBy === "customer" && !merchantAtFault ? Math.max(0, toCents(policy.returnShipping.fee)) : 0;
  const restockingPercent = resolution === "exchange" ? 0 : policy.restockingFeePercent;
  const bonusPercent = resolution === "store_credit" ? policy.storeCreditBonusPercent : 0;
  const restockingCents = percentOf(itemsCents, restockingPercent);
  const bonusCents = percentOf(itemsCents, bonusPercent);
  const expectedCents =
    resolution === "refund"
      ? itemsCents - restockingCents - shippingCents
      : resolution === "store_credit"
        ? itemsCents + bonusCents - restockingCents - shippingCents
        : 0;

  return {
    currency: order.currency,
    itemsValue: fromCents(itemsCents),
    restockingFee: fromCents(restockingCents),
    shippingFee: fromCents(shippingCents),
    storeCreditBonus: fromCents(bonusCents),
    expected: fromCents(Math.max(0, expectedCents)),
    restockingFeePercent: restockingPercent,
    storeCreditBonusPercent: bonusPercent,
  };
}

/**
 * The percents a quote applied. Quotes stored before they were recorded lack them: each is then
 * read back from its amount as the roundest percent (whole, then tenths, then hundredths — the
 * precision percentOf uses) that gives that amount again.
 */
export function quotePercents(quote: ReturnQuote): { restockingFeePercent: number; storeCreditBonusPercent: number } {
  const itemsCents = toCents(quote.itemsValue);
  const derived = (amount: number) => {
    if (itemsCents <= 0) return 0;
    const ratio = (toCents(amount) * 100) / itemsCents;
    const candidates = [1, 10, 100].map((scale) => Math.round(ratio * scale) / scale);
    return candidates.find((percent) => percentOf(itemsCents, percent) === toCents(amount)) ?? candidates[2]!;
  };
  const applied = (stored: number | undefined, amount: number) =>
    typeof stored === "number" && Number.isFinite(stored) && stored >= 0 ? stored : derived(amount);
  return {
    restockingFeePercent: applied(quote.restockingFeePercent, quote.restockingFee),
    storeCreditBonusPercent: applied(quote.storeCreditBonusPercent, quote.storeCreditBonus),
  };
}

/**
 * Whether the shopper keeps the items: a refund or store-credit return whose items are worth at
 * most the policy's keepItemsBelow needs nothing sent back (posting it would cost more than it is
 * worth). 0 turns this off; an exchange always needs the item back.
 */
export function keepItems(policy: ReturnPolicy, quote: ReturnQuote, resolution: Resolution): boolean {
  const limitCents = toCents(policy.keepItemsBelow);
  return resolution !== "exchange" && limitCents > 0 && toCents(quote.itemsValue) <= limitCents;
}

export type SelectionError = {
  lineItemId?: string;
  field: "quantity" | "reason" | "photos" | "resolution" | "items";
  message: string;
};

export type SelectionVerdict = { ok: true } | { ok: false; errors: SelectionError[] };

/** Most photos a shopper can attach to one returned line. */
export const MAX_PHOTOS_PER_LINE = 3;

/**
 * Checks a shopper's selection against the eligibility and the policy. Messages are meant for the
 * shopper. Every problem is reported (not only the first), each tied to its line where it has one.
 */
export function validateSelection(
  eligibility: Eligibility,
  policy: ReturnPolicy,
  selection: ReturnSelection[],
  resolution: Resolution,
  photosByLine: Record<string, number>,
): SelectionVerdict {
  const errors: SelectionError[] = [];

  if (!(RESOLUTIONS as readonly string[]).includes(resolution) || !policy.resolutions.includes(resolution)) {
    errors.push({ field: "resolution", message: "Choose one of the offered resolutions" });
  }
  if (selection.length === 0) {
    errors.push({ field: "items", message: "Choose at least one item to return" });
  }

  const seen = new Set<string>();
  for (const s of selection) {
    if (seen.has(s.lineItemId)) {
      errors.push({ lineItemId: s.lineItemId, field: "items", message: "This item is listed more than once" });
      continue;
    }
    seen.add(s.lineItemId);

    const line = eligibility.lines.find((l) => l.lineItemId === s.lineItemId);
    if (!line) {
      errors.push({ lineItemId: s.lineItemId, field: "items", message: "This item is not on the order" });
      continue;
    }

    if (line.returnable === 0) {
      errors.push({ lineItemId: s.lineItemId, field: "quantity", message: `${line.title} cannot be returned` });
    } else if (!Number.isInteger(s.quantity) || s.quantity < 1 || s.quantity > line.returnable) {
      const message =
        line.returnable === 1 ? "Only 1 can be returned" : `Choose a quantity between 1 and ${line.returnable}`;
      errors.push({ lineItemId: s.lineItemId, field: "quantity", message });
    }

    const reason = policy.reasons.find((r) => r.handle === s.reason);
    if (!reason) {
      errors.push({ lineItemId: s.lineItemId, field: "reason", message: "Choose a reason for the return" });
    }

    const photos = photosByLine[s.lineItemId] ?? 0;
    if (reason?.photoRequired && photos < 1) {
      errors.push({
        lineItemId: s.lineItemId,
        field: "photos",
        message: `Add at least one photo (needed for "${reason.label}")`,
      });
    } else if (photos > MAX_PHOTOS_PER_LINE) {
      errors.push({ lineItemId: s.lineItemId, field: "photos", message: `Add at most ${MAX_PHOTOS_PER_LINE} photos` });
    }
  }

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/**
 * Whether a request can be approved without a person: auto-approve on, the items' value within the
 * limit, and no selected reason that the policy wants a person to look at. `because` is for staff.
 */
export function autoApproveDecision(
  policy: ReturnPolicy,
  quote: ReturnQuote,
  selection: ReturnSelection[],
): { approve: boolean; because: string } {
  const { enabled, maxValue, excludedReasons } = policy.autoApprove;
  if (!enabled) return { approve: false, because: "Auto-approve is off" };
  if (selection.length === 0) return { approve: false, because: "Nothing selected" };
  if (toCents(quote.itemsValue) > toCents(maxValue)) {
    return {
      approve: false,
      because: `Items value ${formatMoney(quote.itemsValue, quote.currency)} is above the auto-approve limit of ${formatMoney(maxValue, quote.currency)}`,
    };
  }
  const flagged = [...new Set(selection.map((s) => s.reason).filter((r) => excludedReasons.includes(r)))];
  if (flagged.length > 0) {
    return { approve: false, because: `Reason ${flagged.map((r) => `"${r}"`).join(", ")} needs a person to review` };
  }
  return {
    approve: true,
    because: `Items value ${formatMoney(quote.itemsValue, quote.currency)} is within the auto-approve limit of ${formatMoney(maxValue, quote.currency)} and no reason needs review`,
  };
}
