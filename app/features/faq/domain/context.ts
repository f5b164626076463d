/**
 * The live values FAQ answers quote, from the policies in force. Framework-free: the caller
 * passes the policies, the shop's details and whether peak season is on.
 */
import type { ReturnPolicy } from "../../returns/domain/types";
import type { ShippingPolicy } from "../../policies/domain/shipping";
import type { FaqContext } from "./variables";

export type FaqContextInput = {
  shop: { name: string; email: string; currency: string };
  returns: ReturnPolicy;
  shipping: ShippingPolicy;
  peak: boolean;
  support: { hours: string; responseTime: string; urgentResponseTime: string };
  locale?: string;
};

const RESOLUTION_WORDS = { refund: "a refund", store_credit: "store credit", exchange: "an exchange" } as const;

/** "a", "a or b", "a, b or c" (and with "and" for lists of things that all apply). */
export function listInWords(items: string[], conjunction: "or" | "and" = "or"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function money(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}

function dayRange(min: number, max: number): string {
  return min === max ? String(min) : `${min}–${max}`;
}

function longDate(isoDay: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}

export function faqContext(input: FaqContextInput): FaqContext {
  const locale = input.locale ?? "en";
  const { returns, shipping, shop } = input;
  const price = (amount: number) => money(amount, shop.currency, locale);
  const photoReasons = returns.reasons.filter((r) => r.photoRequired).map((r) => r.label.toLowerCase());
  return {
    shop: { name: shop.name, email: shop.email },
    returns: {
      window_days: returns.windowDays,
      window_starts: returns.windowStartsAt === "delivery" ? "the day your order is delivered" : "the day your order ships",
      resolutions: listInWords(returns.resolutions.map((r) => RESOLUTION_WORDS[r])),
      store_credit_bonus_percent: returns.resolutions.includes("store_credit") ? returns.storeCreditBonusPercent : 0,
      restocking_fee_percent: returns.restockingFeePercent,
      return_shipping: returns.returnShipping.paidBy === "merchant" || returns.returnShipping.fee === 0 ? "free" : price(returns.returnShipping.fee),
      final_sale_tags: listInWords(returns.finalSaleTags.map((t) => t.replace(/-/g, " ")), "or"),
      excluded_product_types: listInWords(returns.excludedProductTypes.map((t) => `${t.toLowerCase()}s`), "and"),
      photo_reasons: listInWords(photoReasons),
    },
    shipping: {
      processing_days: dayRange(shipping.processingDays.min, shipping.processingDays.max),
      carriers: listInWords(shipping.carriers, "and"),
      regions: shipping.regions
        .map((r) => `${r.name}: ${dayRange(r.minDays, r.maxDays)} business days (${r.price === 0 ? "free" : price(r.price)})`)
        .join("; "),
      free_shipping_threshold: shipping.freeShippingThreshold === null ? "" : price(shipping.freeShippingThreshold),
      peak_message: input.peak ? shipping.peakSeason.message : "",
      peak_cutoffs: input.peak ? shipping.peakSeason.cutoffs.map((c) => `${c.label}: order by ${longDate(c.date, locale)}`).join("; ") : "",
    },
    support: {
      hours: input.support.hours,
      response_time: input.support.responseTime,
      urgent_response_time: input.support.urgentResponseTime,
    },
  };
}
