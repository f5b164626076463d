import { z } from "zod";
import { type Db } from "../../db-client.server";
import { type MacroRenderContext } from "../macros/domain/variables";
import { type ReturnPolicy } from "../returns/domain/types";
import { slaStatus } from "./domain/sla";
import { signAttachmentUrl, CSAT_LABELS, MESSAGE_MAX } from "./domain/tickets";
import { CATEGORIES, PRIORITIES, TOPIC_LABELS, type Category, type Priority, type Topic } from "./domain/types";
import { deriveTracking } from "../tracking/domain/derive";
import { type TrackingView } from "../tracking/domain/types";
import { type Macro } from "../macros/repo.server";
import { findTicket, findTicketWithThread, listStaff, rememberStaff, type TicketWithThread } from "./repo.server";
import { type AdminGraphql } from "../../shopify.server";
import { searchOrders } from "../../shopify/orders.server";
import { macroChoices, MacroIdSchema, type MacroChoice } from "../macros/replies.server";
import { formatDateTime, formatMoney } from "../../lib/format";
import { formIssues, formTextFields } from "../../lib/forms";
import { legacyId } from "../../lib/shopify-ids";
import { shipmentSummaries, type OrderContext } from "../returns/detail.server";
import { slaState } from "../returns/domain/review";
import { type ShopProfile } from "../shop/profile.server";
import { type SupportProfile } from "../policies/support-settings.server";
import {
  addInternalNote,
  assignTicket,
  closeTicket,
  replyToTicket,
  setTicketStatus,
  type StaffActor,
  type TicketContext,
} from "./tickets.server";
import { storedText } from "../../lib/text";

/**
 * The admin's Inbox: the ticket list with its filters, one ticket in full (thread, order, customer,
 * SLA, macros rendered for it) and the staff forms (reply, note, assign, status, close). Reads and
 * prepares; the actions themselves are in tickets.server.ts.
 */

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

export type TicketSla = { label: string; tone: "critical" | "warning" | null; overdue: boolean };

type Deadlines = { status: string; createdAt: Date; responseDueAt: Date; resolutionDueAt: Date; firstResponseAt: Date | null };

/** The deadline that matters now: the first reply until there is one, then the resolution. */
export function nextDeadline(ticket: Deadlines): { kind: "response" | "resolution"; dueAt: Date } | null {
  if (ticket.status === "closed") return null;
  return ticket.firstResponseAt ? { kind: "resolution", dueAt: ticket.resolutionDueAt } : { kind: "response", dueAt: ticket.responseDueAt };
}

/** "Reply due in 1 h 20 min", "Resolution overdue by 3 h"; warned ahead as the SLA rules say. */
export function ticketSla(ticket: Deadlines, now: Date): TicketSla | null {
  const next = nextDeadline(ticket);
  if (!next) return null;
  const status = slaStatus(next.dueAt, null, now, ticket.createdAt);
  const { label } = slaState(next.dueAt, now);
  return {
    label: `${next.kind === "response" ? "reply" : "resolution"} ${label}`,
    tone: status === "breached" ? "critical" : status === "due_soon" ? "warning" : null,
    overdue: status === "breached",
  };
}

/** Whether the first reply came in time, once it came (or the ticket closed without one). */
function responseOutcome(ticket: Deadlines, now: Date): string | null {
  if (!ticket.firstResponseAt) return ticket.status === "closed" ? "Closed without a reply" : null;
  return slaStatus(ticket.responseDueAt, ticket.firstResponseAt, now) === "met" ? "First reply on time" : "First reply late";
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export const INBOX_TABS = ["open", "pending", "closed", "all"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export const INBOX_PAGE_SIZE = 50;
/** Open and pending tickets are sorted by their next deadline in memory, up to this many. */
const SORTABLE_MAX = 5000;

/** ?status=open&priority=P1&category=returns&overdue=1&page=2; unreadable values fall back to no filter. */
export const InboxParamsSchema = z.object({
  status: z.enum(INBOX_TABS).catch("open"),
  priority: z.enum(PRIORITIES).nullable().catch(null),
  category: z.enum(CATEGORIES).nullable().catch(null),
  overdue: z
    .string()
    .nullable()
    .transform((v) => v === "1")
    .catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type InboxParams = z.infer<typeof InboxParamsSchema>;

export function parseInboxParams(url: URL): InboxParams {
  const q = url.searchParams;
  return InboxParamsSchema.parse({
    status: q.get("status") ?? undefined,
    priority: q.get("priority"),
    category: q.get("category"),
    overdue: q.get("overdue"),
    page: q.get("page") ?? undefined,
  });
}

export type InboxRow = {
  id: string;
  reference: string;
  subject: string;
  customerName: string;
  customerEmail: string;
  category: string;
  categoryLabel: string;
  priority: string;
  status: string;
  sla: TicketSla | null;
  assignee: string | null;
  orderName: string | null;
  lastMessage: string;
  lastMessageAt: string;
};

export type Inbox = {
  params: InboxParams;
  hasNext: boolean;
  counts: Record<InboxTab, number>;
  rows: InboxRow[];
  categories: { value: Category; label: string }[];
};

/** Overdue means an open or pending ticket past its next deadline; a closed ticket never is. */
function whereFor(shop: string, params: InboxParams, now: Date) {
  const overdue = params.overdue && params.status !== "closed";
  const status = params.status !== "all" ? params.status : overdue ? { not: "closed" } : undefined;
  return {
    shop,
    ...(status ? { status } : {}),
    ...(params.priority ? { priority: params.priority } : {}),
    ...(params.category ? { category: params.category } : {}),
    ...(overdue
      ? { OR: [{ firstResponseAt: null, responseDueAt: { lt: now } }, { firstResponseAt: { not: null }, resolutionDueAt: { lt: now } }] }
      : {}),
  };
}

const LIST_FIELDS = {
  id: true,
  reference: true,
  subject: true,
  customerName: true,
  customerEmail: true,
  category: true,
  priority: true,
  status: true,
  assignee: true,
  orderName: true,
  createdAt: true,
  responseDueAt: true,
  resolutionDueAt: true,
  firstResponseAt: true,
  lastMessageAt: true,
} as const;

/** The ids of one page: open work by its next deadline (soonest first), the rest by latest activity. */
async function pageIds(db: Db, where: ReturnType<typeof whereFor>, params: InboxParams): Promise<{ ids: string[]; hasNext: boolean }> {
  const skip = (params.page - 1) * INBOX_PAGE_SIZE;
  if (params.status === "open" || params.status === "pending") {
    const all = await db.ticket.findMany({
      where,
      take: SORTABLE_MAX,
      select: { id: true, status: true, createdAt: true, responseDueAt: true, resolutionDueAt: true, firstResponseAt: true },
    });
    const due = (t: (typeof all)[number]) => nextDeadline(t)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
    all.sort((a, b) => due(a) - due(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    return { ids: all.slice(skip, skip + INBOX_PAGE_SIZE).map((t) => t.id), hasNext: all.length > skip + INBOX_PAGE_SIZE };
  }
  const rows = await db.ticket.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    skip,
    take: INBOX_PAGE_SIZE + 1,
    select: { id: true },
  });
  return { ids: rows.slice(0, INBOX_PAGE_SIZE).map((r) => r.id), hasNext: rows.length > INBOX_PAGE_SIZE };
}

export async function listInbox(db: Db, shop: string, params: InboxParams, opts: { now: Date; timeZone: string }): Promise<Inbox> {
  const where = whereFor(shop, params, opts.now);
  const [{ ids, hasNext }, grouped, staff] = await Promise.all([
    pageIds(db, where, params),
    db.ticket.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
    listStaff(db, shop),
  ]);
  const found = await db.ticket.findMany({ where: { shop, id: { in: ids } }, select: LIST_FIELDS });
  const byId = new Map(found.map((t) => [t.id, t]));
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const counts = Object.fromEntries(INBOX_TABS.map((tab) => [tab, 0])) as Record<InboxTab, number>;
  for (const group of grouped) {
    counts.all += group._count._all;
    if ((INBOX_TABS as readonly string[]).includes(group.status)) counts[group.status as InboxTab] += group._count._all;
  }
  return {
    params,
    hasNext,
    counts,
    categories: CATEGORIES.map((value) => ({ value, label: TOPIC_LABELS[value] })),
    rows: ids
      .map((id) => byId.get(id))
      .filter((t) => t !== undefined)
      .map((t) => ({
        id: t.id,
        reference: t.reference,
        subject: t.subject,
        customerName: t.customerName,
        customerEmail: t.customerEmail,
        category: t.category,
        categoryLabel: TOPIC_LABELS[t.category as Category] ?? t.category,
        priority: t.priority,
        status: t.status,
        sla: ticketSla(t, opts.now),
        assignee: t.assignee ? (names.get(t.assignee) ?? null) : null,
        orderName: t.orderName,
        lastMessage: formatDateTime(t.lastMessageAt, opts.timeZone),
        lastMessageAt: t.lastMessageAt.toISOString(),
      })),
  };
}

// ---------------------------------------------------------------------------------------------
// Staff on the page
// ---------------------------------------------------------------------------------------------

/** Every Inbox visit records who is working (for the assignee list); without a user id, nothing. */
export async function rememberStaffVisit(db: Db, shop: string, userId: string | undefined, name: string): Promise<void> {
  if (userId) await rememberStaff(db, shop, userId, name);
}

// ---------------------------------------------------------------------------------------------
// One ticket
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// The staff forms
// ---------------------------------------------------------------------------------------------

const text = (empty: string) =>
  storedText(
    z
      .string({ required_error: empty, invalid_type_error: empty })
      .trim()
      .min(1, empty)
      .max(MESSAGE_MAX, `Keep it under ${MESSAGE_MAX.toLocaleString("en-US")} characters.`),
  );

export const InboxActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), message: text("Write a reply before sending."), macroId: MacroIdSchema.optional().catch(undefined) }),
  z.object({ intent: z.literal("note"), note: text("Write the note first.") }),
  z.object({
    intent: z.literal("assign"),
    assignee: z.union([z.literal(""), TicketIdSchema], { errorMap: () => ({ message: "Choose someone from the list." }) }),
  }),
  z.object({ intent: z.literal("status"), status: z.enum(["open", "pending"], { errorMap: () => ({ message: "Choose open or pending." }) }) }),
  z.object({ intent: z.literal("close") }),
]);

const INBOX_FIELDS = ["message", "note", "assignee", "status"] as const;
export type InboxField = (typeof INBOX_FIELDS)[number];

export type InboxOutcome =
  | { ok: true; intent: string; toast: string }
  | { ok: false; intent: string | null; status: number; fieldErrors: Partial<Record<InboxField, string>>; formError: string | null };

const TOASTS: Record<string, string> = {
  reply: "Reply sent",
  note: "Note added",
  assign: "Assignment saved",
  status: "Status updated",
  close: "Ticket closed; survey sent",
};

/** The ticket page's forms. Another shop's ticket is 404 whatever the form says. */
export async function submitInboxAction(ctx: TicketContext, id: string, staff: StaffActor, form: FormData, shopName: string): Promise<InboxOutcome> {
  const fields = formTextFields(form);
  const intent = typeof fields.intent === "string" ? fields.intent : null;
  if (!(await findTicket(ctx.db, ctx.shop, id))) {
    return { ok: false, intent, status: 404, fieldErrors: {}, formError: "This ticket does not exist in this shop." };
  }
  const parsed = InboxActionSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, intent, status: 400, ...formIssues(parsed.error, INBOX_FIELDS) };
  const input = parsed.data;
  const result =
    input.intent === "reply"
      ? await replyToTicket(ctx, id, staff, { message: input.message, macroId: input.macroId, shopName })
      : input.intent === "note"
        ? await addInternalNote(ctx, id, staff, input.note)
        : input.intent === "assign"
          ? await assignTicket(ctx, id, input.assignee || null)
          : input.intent === "status"
            ? await setTicketStatus(ctx, id, input.status)
            : await closeTicket(ctx, id, { shopName });
  if (!result.ok) {
    const fieldErrors: Partial<Record<InboxField, string>> = result.status === 400 ? { assignee: result.error } : {};
    return { ok: false, intent: input.intent, status: result.status, fieldErrors, formError: result.status === 400 ? null : result.error };
  }
  const toast = input.intent === "close" && "surveySent" in result && !result.surveySent ? "Ticket closed" : TOASTS[input.intent]!;
  return { ok: true, intent: input.intent, toast };
}
