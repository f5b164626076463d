import { formatMoney } from "../../lib/format";
import { macroChoices, returnMacroContext, type MacroChoice } from "../macros/replies.server";
import type { Macro } from "../macros/repo.server";
import type { ShopProfile } from "../shop/profile.server";
import { DECLINE_REASONS } from "./decisions.server";
import type { ReturnDetail } from "./detail.server";
import type { ReturnPolicy } from "./domain/types";

/** How a decline reason reads inside a sentence to the shopper ("The reason: …"). */
export const DECLINE_REASON_WORDS: Record<(typeof DECLINE_REASONS)[number], string> = {
  FINAL_SALE: "the item was sold as final sale",
  RETURN_PERIOD_ENDED: "the return period for this order has ended",
  OTHER: "the request does not meet our return policy",
};

/** Every macro rendered for this request: once for approving, once per decline reason. */
export function decisionMacros(input: {
  detail: NonNullable<ReturnDetail>;
  macros: Pick<Macro, "id" | "family" | "title" | "body">[];
  policy: ReturnPolicy;
  profile: ShopProfile;
  now: Date;
  staffFirstName: string;
  returnLink: string;
  support: { hours: string; responseTime: string };
}): { approve: MacroChoice[]; decline: Record<string, MacroChoice[]> } {
  const { detail, policy, profile } = input;
  const context = (status: string, declineReason: string | null) =>
    returnMacroContext({
      reference: detail.reference,
      status,
      orderName: detail.orderName,
      items: detail.items,
      refundAmount: detail.quote?.expected ?? null,
      declineReason,
      customerEmail: detail.customer?.email ?? null,
      order: detail.order.ok ? detail.order : null,
      shopName: profile.name,
      shopEmail: profile.contactEmail,
      returnLink: input.returnLink,
      staffFirstName: input.staffFirstName,
      policy: {
        returnWindowDays: policy.windowDays,
        restockingFeePercent: policy.restockingFeePercent,
        storeCreditBonusPercent: policy.storeCreditBonusPercent,
        returnShippingFee: policy.returnShipping.paidBy === "merchant" ? "free" : formatMoney(policy.returnShipping.fee, profile.currency),
        responseTime: input.support.responseTime,
        supportHours: input.support.hours,
      },
    });
  const options = { timeZone: profile.timeZone, currency: profile.currency, now: input.now, preferFamilies: ["refunds", "orders"] };
  return {
    approve: macroChoices(input.macros, context("approved", null), options),
    decline: Object.fromEntries(DECLINE_REASONS.map((reason) => [reason, macroChoices(input.macros, context("declined", DECLINE_REASON_WORDS[reason]), options)])),
  };
}
