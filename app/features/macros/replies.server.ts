import { z } from "zod";
import type { Db } from "../../db-client.server";
import { renderMacro } from "./domain/template";
import type { MacroRenderContext } from "./domain/variables";
import { listMacros, type Macro } from "./repo.server";
import { compareFamilies } from "./families";

/**
 * Macros offered where staff write to a shopper (return decisions, ticket replies): each rendered
 * for this conversation, so staff pick a finished text and edit it before sending. A macro that
 * needs a value this conversation lacks (a ticket reference on a return) is listed with why it
 * cannot be used instead of being sent half-filled.
 */
export type MacroChoice = { id: string; family: string; title: string } & ({ ok: true; text: string } | { ok: false; error: string });

export async function loadReplyMacros(db: Db, shop: string): Promise<Macro[]> {
  return listMacros(db, shop);
}

export function macroChoices(
  macros: Pick<Macro, "id" | "family" | "title" | "body">[],
  context: MacroRenderContext,
  options: { timeZone: string; currency: string; now: Date; preferFamilies?: string[] },
): MacroChoice[] {
  const preferred = options.preferFamilies ?? [];
  const rank = (family: string) => {
    const i = preferred.indexOf(family);
    return i === -1 ? preferred.length : i;
  };
  return macros
    .map((macro): MacroChoice => {
      const rendered = renderMacro(macro.body, context, { timeZone: options.timeZone, currency: options.currency, now: options.now });
      const base = { id: macro.id, family: macro.family, title: macro.title };
      return rendered.ok ? { ...base, ok: true, text: rendered.text.trim() } : { ...base, ok: false, error: rendered.error };
    })
    .sort((a, b) => rank(a.family) - rank(b.family) || compareFamilies(a.family, b.family) || a.title.localeCompare(b.title));
}

/** Counts one use of a macro in a message that was sent; another shop's id changes nothing. */
export async function recordMacroUse(db: Db, shop: string, macroId: string | undefined, now: Date): Promise<void> {
  if (!macroId) return;
  await db.macro.updateMany({ where: { id: macroId, shop }, data: { usageCount: { increment: 1 }, lastUsedAt: now } });
}

const RETURN_STATUS_WORDS: Record<string, string> = {
  received: "received",
  requested: "waiting for review",
  approved: "approved",
  declined: "declined",
  closed: "completed",
  cancelled: "cancelled",
  failed: "waiting for review",
};

/** The values a return decision's message can use. Shopper names need read_customers: "there". */
export function returnMacroContext(input: {
  reference: string;
  status: string;
  orderName: string;
  items: { title: string; quantity: number }[];
  refundAmount: string | null;
  declineReason?: string | null;
  customerEmail: string | null;
  order: { state: string; placedAt: string; shipments: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null; shippedAt: string }[] } | null;
  shopName: string;
  shopEmail: string;
  returnLink: string;
  staffFirstName: string;
  policy: { returnWindowDays: number; restockingFeePercent: number; storeCreditBonusPercent: number; returnShippingFee: string; responseTime: string; supportHours: string };
}): MacroRenderContext {
  const shipment = input.order?.shipments.find((s) => s.trackingNumber || s.trackingUrl) ?? input.order?.shipments[0];
  return {
    customer: { first_name: "there", last_name: "", email: input.customerEmail ?? "" },
    order: {
      name: input.orderName,
      status: input.order ? input.order.state.replace(/_/g, " ") : "",
      placed_at: input.order?.placedAt ?? "",
      shipped_at: shipment?.shippedAt ?? "",
      tracking_number: shipment?.trackingNumber ?? "",
      tracking_url: shipment?.trackingUrl ?? "",
      carrier: shipment?.carrier ?? "",
    },
    return: {
      reference: input.reference,
      status: RETURN_STATUS_WORDS[input.status] ?? input.status,
      items_summary: input.items.map((i) => `${i.quantity} × ${i.title}`).join(", "),
      refund_amount: input.refundAmount ?? "",
      return_link: input.returnLink,
      decline_reason: input.declineReason ?? "",
    },
    shop: { name: input.shopName, email: input.shopEmail, support_hours: input.policy.supportHours },
    policy: {
      return_window_days: input.policy.returnWindowDays,
      restocking_fee_percent: input.policy.restockingFeePercent,
      store_credit_bonus_percent: input.policy.storeCreditBonusPercent,
      return_shipping_fee: input.policy.returnShippingFee,
      response_time: input.policy.responseTime,
    },
    staff: { first_name: input.staffFirstName },
  };
}

export const MacroIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
