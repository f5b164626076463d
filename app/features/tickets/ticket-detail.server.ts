/** One ticket in full for its page: thread, order (read from Shopify at view time), customer, SLA, and macros rendered for it. */
import { z } from "zod";
import type { MacroRenderContext } from "../macros/domain/variables";
import type { ReturnPolicy } from "../returns/domain/types";
import { signAttachmentUrl, CSAT_LABELS, MESSAGE_MAX } from "./domain/tickets";
import { TOPIC_LABELS, type Category, type Priority, type Topic } from "./domain/types";
import { deriveTracking } from "../tracking/domain/derive";
import type { TrackingView } from "../tracking/domain/types";
import type { Macro } from "../macros/repo.server";
import { findTicketWithThread, listStaff, type TicketWithThread } from "./repo.server";
import type { AdminGraphql } from "../../shopify.server";
import { searchOrders } from "../../shopify/orders.server";
import { macroChoices, type MacroChoice } from "../macros/replies.server";
import { formatDateTime, formatMoney } from "../../lib/format";
import { legacyId } from "../../lib/shopify-ids";
import { shipmentSummaries, type OrderContext } from "../returns/detail.server";
import type { ShopProfile } from "../shop/profile.server";
import type { SupportProfile } from "../policies/support-settings.server";
import type { TicketContext } from "./tickets.server";
import { responseOutcome, ticketSla } from "./inbox-deadlines";

export const TicketIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export type OrderSummary =
  | (Extract<OrderContext, { ok: true }> & { estimatedDelivery: string | null; items: { title: string; quantity: number }[] })
  | Extract<OrderContext, { ok: false }>;

/** The order, read from Shopify at view time (never stored with the ticket). */
async function loadOrder(graphql: AdminGraphql, orderId: string): Promise<{ view: TrackingView } | { error: string }> {
  const numeric = legacyId(orderId);
  if (!numeric) return { error: "The order id is not a Shopify order." };
  try {
    const [order] = await searchOrders(graphql, `id:${numeric}`, 1);
    if (!order || order.id !== orderId) return { error: "Shopify no longer shows this order (deleted, or older than the app can read)." };
    return { view: deriveTracking(order) };
  } catch (error) {
    console.warn("[inbox] order unavailable", error instanceof Error ? error.message : error);
    return { error: "Shopify did not answer; reload to try again." };
  }
}

function orderSummary(loaded: { view: TrackingView } | { error: string }, timeZone: string): OrderSummary {
  if ("error" in loaded) return { ok: false, error: loaded.error };
  const { view } = loaded;
  return {
    ok: true,
    name: view.orderName,
    state: view.state,
    placedAt: formatDateTime(view.placedAt, timeZone),
    estimatedDelivery: view.estimatedDeliveryAt ? formatDateTime(view.estimatedDeliveryAt, timeZone) : null,
    items: view.items.map((i) => ({ title: i.variantTitle ? `${i.title} (${i.variantTitle})` : i.title, quantity: i.quantity })),
    shipments: shipmentSummaries(view.shipments, timeZone),
  };
}

function longDate(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
  }
}

/**
 * The values a ticket reply's macro can use: the customer as they signed the form, the ticket, the
 * order when one is attached (read from Shopify now), the shop, its policies and the staff member.
 * No return group: a macro about a return is listed as unavailable on a ticket.
 */
export function ticketMacroContext(input: {
  ticket: { reference: string; subject: string; customerName: string; customerEmail: string; orderName: string | null };
  order: TrackingView | null;
  shop: Pick<ShopProfile, "name" | "contactEmail" | "currency" | "timeZone">;
  policy: Pick<ReturnPolicy, "windowDays" | "restockingFeePercent" | "storeCreditBonusPercent" | "returnShipping">;
  support: { hours: string; responseTime: string };
  staffFirstName: string;
}): MacroRenderContext {
  const [firstName = "", ...rest] = input.ticket.customerName.trim().split(/\s+/);
  const { order, shop } = input;
  const shipment = order?.shipments.find((s) => s.trackingNumber || s.trackingUrl) ?? order?.shipments[0];
  const orderGroup: MacroRenderContext["order"] = order
    ? {
        name: order.orderName,
        status: order.state.replace(/_/g, " "),
        placed_at: longDate(order.placedAt, shop.timeZone),
        shipped_at: shipment ? longDate(shipment.shippedAt, shop.timeZone) : "",
        tracking_number: shipment?.trackingNumber ?? "",
        tracking_url: shipment?.trackingUrl ?? "",
        carrier: shipment?.carrier ?? "",
        estimated_delivery: order.estimatedDeliveryAt ? longDate(order.estimatedDeliveryAt, shop.timeZone) : "",
        items_summary: order.items.map((i) => `${i.quantity} × ${i.variantTitle ? `${i.title} (${i.variantTitle})` : i.title}`).join(", "),
      }
    : input.ticket.orderName
      ? { name: input.ticket.orderName }
      : undefined;
  return {
    customer: { first_name: firstName || "there", last_name: rest.join(" "), email: input.ticket.customerEmail },
    ...(orderGroup ? { order: orderGroup } : {}),
    ticket: { reference: input.ticket.reference, subject: input.ticket.subject },
    shop: { name: shop.name, email: shop.contactEmail, support_hours: input.support.hours },
    policy: {
      return_window_days: input.policy.windowDays,
      restocking_fee_percent: input.policy.restockingFeePercent,
      store_credit_bonus_percent: input.policy.storeCreditBonusPercent,
      return_shipping_fee: input.policy.returnShipping.paidBy === "merchant" ? "free" : formatMoney(input.policy.returnShipping.fee, shop.currency),
      response_time: input.support.responseTime,
    },
    staff: { first_name: input.staffFirstName },
  };
}

const MESSAGE_LABELS: Record<string, string> = { customer: "Customer", reply: "Reply", note: "Internal note" };

function parseReasons(json: string): string[] {
  try {
    const parsed = z.array(z.string()).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export type TicketDetail = Awaited<ReturnType<typeof loadTicketDetail>>;

/** Everything the ticket page shows, or null when the ticket is not this shop's. */
export async function loadTicketDetail(
  ctx: TicketContext,
  id: string,
  opts: {
    now: Date;
    secret: string;
    shop: ShopProfile;
    support: SupportProfile;
    policy: ReturnPolicy;
    macros: Pick<Macro, "id" | "family" | "title" | "body">[];
    staffFirstName: string;
  },
) {
  const ticket: TicketWithThread | null = await findTicketWithThread(ctx.db, ctx.shop, id, { withNotes: true });
  if (!ticket) return null;
  const { timeZone } = opts.shop;
  const [loaded, staff] = await Promise.all([ticket.orderId ? loadOrder(ctx.graphql, ticket.orderId) : Promise.resolve(null), listStaff(ctx.db, ctx.shop)]);
  const macros: MacroChoice[] = macroChoices(
    opts.macros,
    ticketMacroContext({
      ticket,
      order: loaded && "view" in loaded ? loaded.view : null,
      shop: opts.shop,
      policy: opts.policy,
      support: { hours: opts.support.hoursText, responseTime: opts.support.responseTimeFor(ticket.topic as Topic) },
      staffFirstName: opts.staffFirstName,
    }),
    { timeZone, currency: opts.shop.currency, now: opts.now, preferFamilies: preferredFamilies(ticket.category) },
  );
  const when = (date: Date | null) => (date ? formatDateTime(date, timeZone) : null);
  return {
    ticket: {
      id: ticket.id,
      reference: ticket.reference,
      subject: ticket.subject,
      status: ticket.status,
      topic: TOPIC_LABELS[ticket.topic as Topic] ?? ticket.topic,
      category: TOPIC_LABELS[ticket.category as Category] ?? ticket.category,
      priority: ticket.priority as Priority,
      priorityReasons: parseReasons(ticket.priorityReasons),
      created: formatDateTime(ticket.createdAt, timeZone),
      responseDue: formatDateTime(ticket.responseDueAt, timeZone),
      resolutionDue: formatDateTime(ticket.resolutionDueAt, timeZone),
      firstResponse: when(ticket.firstResponseAt),
      closed: when(ticket.closedAt),
      surveySent: when(ticket.surveySentAt),
      sla: ticketSla(ticket, opts.now),
      responseOutcome: responseOutcome(ticket, opts.now),
      assignee: ticket.assignee,
      orderName: ticket.orderName,
    },
    customer: { name: ticket.customerName, email: ticket.customerEmail, segment: ticket.segment, signedIn: Boolean(ticket.customerId) },
    order: loaded ? orderSummary(loaded, timeZone) : null,
    csat: ticket.csatAt && ticket.csatRating
      ? { rating: ticket.csatRating, label: CSAT_LABELS[ticket.csatRating] ?? "", comment: ticket.csatComment, at: formatDateTime(ticket.csatAt, timeZone) }
      : null,
    messages: ticket.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      kindLabel: MESSAGE_LABELS[m.kind] ?? m.kind,
      author: m.author,
      body: m.body,
      fromMacro: Boolean(m.macroId),
      at: formatDateTime(m.createdAt, timeZone),
      atIso: m.createdAt.toISOString(),
      attachment:
        m.attachmentType && m.attachmentSize
          ? { url: signAttachmentUrl(opts.secret, { shop: ctx.shop, messageId: m.id }, opts.now), type: m.attachmentType, size: m.attachmentSize }
          : null,
    })),
    staff,
    macros,
    messageMax: MESSAGE_MAX,
  };
}

/** Macro families most likely to fit, first in the picker: by the ticket's category. */
function preferredFamilies(category: string): string[] {
  if (category === "returns") return ["refunds", "orders"];
  if (category === "payment") return ["technical", "refunds"];
  if (category === "other") return ["technical"];
  return ["orders"];
}
