/**
 * What a return settles for (docs/decisions/0018), in integer cents: the quote, less the units that
 * never arrived, then whatever staff changed within the caps below. returnProcess sends exactly
 * these amounts, and the bonus goes separately (storeCreditAccountCredit). Framework-free.
 */
import { percentOf, quotePercents, toCents } from "./quote";
import type { Resolution, ReturnQuote } from "./types";

export type Settlement = {
  currency: string;
  resolution: Resolution;
  /** What was paid for the units that came back. */
  itemsCents: number;
  restockingCents: number;
  shippingCents: number;
  /** Money back to the original payment (refund only). */
  refundCents: number;
  /** Credit issued through the return, before the bonus (store credit only). */
  storeCreditCents: number;
  /** The store-credit bonus, credited separately. */
  bonusCents: number;
  /** Staff changed an amount from the proposal. */
  adjusted: boolean;
};

/** A returned line as received: `missing` of its `quantity` units never arrived. */
export type SettlementLine = { lineItemId: string; quantity: number; unitPrice: number; missing: number };

/**
 * The settlement the quote leads to once the parcel is in. With nothing missing it is the quote
 * exactly (refund = expected; store credit + bonus = expected). With units missing:
 * - itemsCents = the quote's items value less the missing units' price (0 when all are missing)
 * - restocking fee and bonus = the quote's percents (quotePercents) on that
 * - the shipping fee stays as quoted while any unit came back, 0 when none did
 * Then refund (or store credit) = items − restocking − shipping, never negative; when the fees
 * exceed the items, the shortfall comes off the bonus, as it does in the quote. An exchange
 * issues no money. The quote should be for `resolution`: when staff switch an exchange to a
 * refund or store credit, quote again, or the percents of the exchange (0) apply.
 * Throws when a quantity or missing count is not a whole number, or more units are missing than
 * were returned.
 */
export function proposeSettlement(quote: ReturnQuote, resolution: Resolution, lines: SettlementLine[]): Settlement {
  let units = 0;
  let missingUnits = 0;
  let missingCents = 0;
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`proposeSettlement: quantity for ${line.lineItemId} must be a whole number ≥ 0, got ${line.quantity}`);
    }
    if (!Number.isInteger(line.missing) || line.missing < 0 || line.missing > line.quantity) {
      throw new RangeError(`proposeSettlement: missing for ${line.lineItemId} must be a whole number from 0 to ${line.quantity}, got ${line.missing}`);
    }
    units += line.quantity;
    missingUnits += line.missing;
    missingCents += toCents(line.unitPrice) * line.missing;
  }

  const nothingCame = units > 0 && missingUnits === units;
  const itemsCents = missingUnits === 0 ? toCents(quote.itemsValue) : nothingCame ? 0 : Math.max(0, toCents(quote.itemsValue) - missingCents);
  const percents = quotePercents(quote);
  const restockingCents =
    resolution === "exchange" ? 0 : missingUnits === 0 ? toCents(quote.restockingFee) : percentOf(itemsCents, percents.restockingFeePercent);
  const shippingCents = nothingCame ? 0 : toCents(quote.shippingFee);
  const fullBonusCents =
    resolution !== "store_credit" ? 0 : missingUnits === 0 ? toCents(quote.storeCreditBonus) : percentOf(itemsCents, percents.storeCreditBonusPercent);

  const netCents = itemsCents - restockingCents - shippingCents;
  return {
    currency: quote.currency,
    resolution,
    itemsCents,
    restockingCents,
    shippingCents,
    refundCents: resolution === "refund" ? Math.max(0, netCents) : 0,
    storeCreditCents: resolution === "store_credit" ? Math.max(0, netCents) : 0,
    bonusCents: Math.max(0, fullBonusCents + Math.min(0, netCents)),
    adjusted: false,
  };
}

export type SettlementChange = { refundCents?: number; storeCreditCents?: number; bonusCents?: number };

const AMOUNTS = [
  ["refundCents", "refund"],
  ["storeCreditCents", "store credit"],
  ["bonusCents", "bonus"],
] as const;

/** An amount in cents as staff read it in messages and the timeline: "12.50 CAD". */
export const formatCents = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

/**
 * Staff's amounts in place of the proposal's (an amount left out stays as proposed). Lowering is
 * always allowed. Raising needs a reason, and is capped:
 * - refund + store credit ≤ itemsCents: staff may waive the restocking and shipping fees, never
 *   pay back more than was paid for the units that came back;
 * - the bonus ≤ the proposal's: it is the policy's promise on what came back (its percent of
 *   itemsCents), so it can be lowered, not grown; goodwill goes into the store credit instead.
 * Only the resolution's own amounts may be above 0. Amounts are whole cents, 0 or more. `adjusted`
 * says whether anything differs from the proposal. Errors are sentences for staff.
 */
export function adjustSettlement(
  proposed: Settlement,
  wanted: SettlementChange,
  reason?: string,
): { ok: true; settlement: Settlement } | { ok: false; error: string } {
  for (const [key, label] of AMOUNTS) {
    const value = wanted[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      return { ok: false, error: `The ${label} must be an amount of 0 or more, in whole cents.` };
    }
  }
  const next = {
    refundCents: wanted.refundCents ?? proposed.refundCents,
    storeCreditCents: wanted.storeCreditCents ?? proposed.storeCreditCents,
    bonusCents: wanted.bonusCents ?? proposed.bonusCents,
  };
  const { resolution, currency, itemsCents } = proposed;

  if (resolution === "exchange" && next.refundCents + next.storeCreditCents + next.bonusCents > 0) {
    return { ok: false, error: "An exchange gives no money back: the refund, store credit and bonus stay at 0. Change the resolution first." };
  }
  if (resolution === "refund" && next.storeCreditCents + next.bonusCents > 0) {
    return { ok: false, error: "A refund gives no store credit or bonus. Change the resolution to store credit first." };
  }
  if (resolution === "store_credit" && next.refundCents > 0) {
    return { ok: false, error: "A store-credit return sends no money to the payment method. Change the resolution to refund first." };
  }
  if (next.refundCents + next.storeCreditCents > itemsCents) {
    const what = resolution === "refund" ? "The refund" : "The store credit";
    return { ok: false, error: `${what} cannot be more than ${formatCents(itemsCents, currency)}, what was paid for the items that came back.` };
  }
  if (next.bonusCents > proposed.bonusCents) {
    return {
      ok: false,
      error: `The bonus cannot be more than the policy's ${formatCents(proposed.bonusCents, currency)}. To give more, raise the store credit instead.`,
    };
  }
  const raised = AMOUNTS.find(([key]) => next[key] > proposed[key]);
  if (raised && !reason?.trim()) {
    const [key, label] = raised;
    return { ok: false, error: `Say why the ${label} is raised above the proposed ${formatCents(proposed[key], currency)}: the reason is kept with the return.` };
  }

  const changed = AMOUNTS.some(([key]) => next[key] !== proposed[key]);
  return { ok: true, settlement: { ...proposed, ...next, adjusted: proposed.adjusted || changed } };
}
