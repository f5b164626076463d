import { type Db } from "../../db-client.server";
import { createRateLimiter } from "../../lib/rate-limit";
import { sharedRedis } from "../../redis.server";
import { categorise, detectOrderNumber, prioritise } from "./domain/classify";
import { customerSegment, type CustomerSegment } from "./domain/segment";
import { formatShopperDateTime, formatShopperDuration, shopperText, type ShopperLocale } from "./domain/shopper-messages";
import { promiseFor, resolutionDueAt, responseDueAt } from "./domain/sla";
import {
  checkAttachment,
  checkContactForm,
  newTicketReference,
  signTicketToken,
  storefrontTicketUrl,
  subjectFromMessage,
  ThreadReplySchema,
  type Attachment,
  type ContactFieldCode,
  type ContactForm,
} from "./domain/tickets";
import { type Topic } from "./domain/types";
import { verifyOrderAccessToken } from "../tracking/domain/order-access";
import { type OrderSnapshot } from "../tracking/domain/types";
import { contactMatches } from "../tracking/domain/verify";
import { env } from "../../env.server";
import { addMessage, createTicket, findTicket, type MessageKind } from "./repo.server";
import { type AdminGraphql } from "../../shopify.server";
import { findOrdersByName, searchOrders } from "../../shopify/orders.server";
import { sendToShopper } from "../notifications/notifications.server";
import { customerHistoryOrNull } from "../../shopify/customer-history.server";
import { legacyId } from "../../lib/shopify-ids";
import { shopProfile } from "../shop/profile.server";
import { shopProxyPath } from "../shop/repo.server";
import { supportProfile } from "../policies/support-settings.server";

/**
 * Support tickets: a shopper's message from the contact block becomes a ticket (categorised,
 * prioritised, with SLA deadlines), staff answer it from the Inbox, and the shopper follows and
 * answers the thread through a signed link in their emails, without an account. Every function
 * works inside one shop.
 */

export type TicketContext = { db: Db; shop: string; graphql: AdminGraphql };

// A person writes once or twice; five forms in ten minutes from one address is a script.
const contactLimiter = createRateLimiter({ name: "contact", redis: sharedRedis, limit: 5, windowMs: 10 * 60_000 });

/** A form's text fields and its one file (a non-empty one, if sent), as the storefront sent them. */
export type TicketForm = { fields: Record<string, string>; file: Uint8Array | null };

type ResponsePromise = { minutes: number; dueAt: Date; openNow: boolean };

/**
 * The receipt's promise as the contact block showed it: the usual response time while the team
 * works, else when to expect a reply.
 */
function promiseLine(promise: ResponsePromise, timeZone: string, locale: ShopperLocale): string {
  const t = shopperText(locale);
  return promise.openNow
    ? t("receipt_promise_open", { duration: formatShopperDuration(promise.minutes, locale) })
    : t("receipt_promise_closed", { date: formatShopperDateTime(promise.dueAt, locale, timeZone), timeZone });
}

/**
 * The signed thread link, under the proxy path the shop last served us under; `lang` words the
 * pages that cannot read the ticket (an expired link).
 */
export async function threadLink(db: Db, shop: string, ticketId: string, now: Date, locale: ShopperLocale): Promise<string> {
  const token = signTicketToken(env.SHOPIFY_API_SECRET, { shop, ticketId, purpose: "thread" }, now);
  return storefrontTicketUrl({ domain: shop, proxyPath: await shopProxyPath(db, shop) }, "ticket", token, { lang: locale });
}

// ---------------------------------------------------------------------------------------------
// The contact form
// ---------------------------------------------------------------------------------------------

type ResolvedOrder = { order: OrderSnapshot | null; typedName: string | null };

/**
 * The order a contact is about. An order-access token (from tracking) proves the shopper already
 * verified it. A number typed or written in the message is attached only when the order's email is
 * the shopper's; otherwise only the number is kept, as text, so the form never tells a stranger
 * whether an order exists. Shopify being down keeps the number and loses nothing else.
 */
async function resolveOrder(ctx: TicketContext, form: ContactForm, now: Date): Promise<ResolvedOrder> {
  const typedName = form.order ?? detectOrderNumber(form.message);
  try {
    const grantedId = form.order_token ? verifyOrderAccessToken(env.SHOPIFY_API_SECRET, form.order_token, ctx.shop, now) : null;
    const numeric = grantedId ? legacyId(grantedId) : null;
    if (grantedId && numeric) {
      const [order] = await searchOrders(ctx.graphql, `id:${numeric}`, 1);
      if (order?.id === grantedId) return { order, typedName: order.name };
    }
    if (!typedName) return { order: null, typedName: null };
    // Only an order named exactly as typed, and only when its email is the shopper's.
    const orders = await findOrdersByName(ctx.graphql, typedName);
    const order = orders.find((o) => contactMatches(o, { email: form.email }));
    const matches = contactMatches(order ?? { email: null, phone: null }, { email: form.email });
    return { order: order && matches ? order : null, typedName };
  } catch (error) {
    console.warn("[tickets] order lookup failed", ctx.shop, error instanceof Error ? error.message : error);
    return { order: null, typedName };
  }
}

/** new / repeat / VIP from the shopper's order count and spend, with the shop's thresholds. */
async function segmentOf(ctx: TicketContext, email: string, thresholds: Parameters<typeof customerSegment>[1]): Promise<CustomerSegment | null> {
  const history = await customerHistoryOrNull(ctx.graphql, email);
  return history && customerSegment(history, thresholds);
}

/** Counts a contact form against the shop's and shopper's limit; called before its body is read. */
export async function admitContact(ctx: TicketContext, shopper: string): Promise<{ ok: true } | { ok: false; code: "rate_limited"; retryAfterSeconds: number }> {
  const limit = await contactLimiter.hit(`${ctx.shop}|${shopper}`);
  return limit.allowed ? { ok: true } : { ok: false, code: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
}

export type ContactResult =
  | { ok: true; reference: string; promise: ResponsePromise }
  | { ok: false; code: "too_fast" | "unavailable" }
  | { ok: false; code: "invalid"; fields: Partial<Record<string, ContactFieldCode>> };

/**
 * The contact block's form becomes a ticket, and the shopper gets a receipt. A filled honeypot
 * gets a plausible answer and nothing is kept.
 */
export async function createFromContact(ctx: TicketContext, input: TicketForm & { customerId: string | null; now: Date }): Promise<ContactResult> {
  const { now } = input;
  const verdict = checkContactForm(input.fields, input.file);
  if (verdict.kind === "too_fast") return { ok: false, code: "too_fast" };
  if (verdict.kind === "invalid") return { ok: false, code: "invalid", fields: verdict.fields };

  try {
    const shop = await shopProfile(ctx.graphql, ctx.shop);
    const support = await supportProfile(ctx.db, ctx.shop, shop.timeZone, now);
    const topic: Topic = verdict.kind === "ok" ? verdict.form.topic : "other";
    // The topic's promise, as the block showed it before sending: the ticket's own target is never
    // later (classification only ever raises a priority).
    const promise = promiseFor(topic, support.sla, now, { peak: support.peak });
    const answer = (reference: string): ContactResult => ({ ok: true, reference, promise });
    if (verdict.kind === "spam") return answer(newTicketReference());

    const { form, attachment } = verdict;
    const { order, typedName } = await resolveOrder(ctx, form, now);
    const category = categorise({ topic, message: form.message }, support.settings.rules);
    const { priority, reasons } = prioritise({ topic, category, message: form.message, orderKnown: Boolean(order) }, support.settings);
    const ticket = await createTicket(ctx.db, {
      shop: ctx.shop,
      topic,
      category,
      priority,
      priorityReasons: reasons,
      subject: subjectFromMessage(form.message),
      customerName: form.name,
      customerEmail: form.email,
      customerId: input.customerId && /^\d+$/.test(input.customerId) ? input.customerId : null,
      segment: order?.email ? await segmentOf(ctx, order.email, support.settings.segments) : null,
      orderId: order?.id ?? null,
      orderName: order?.name ?? typedName,
      visitor: form.visitor ?? null,
      locale: form.locale,
      responseDueAt: responseDueAt(now, priority, support.sla, { peak: support.peak }),
      resolutionDueAt: resolutionDueAt(now, priority, support.sla, { peak: support.peak }),
      createdAt: now,
      message: form.message,
      attachment,
    });
    await sendReceipt(ctx, {
      ticketId: ticket.id,
      reference: ticket.reference,
      to: form.email,
      shopName: shop.name,
      locale: form.locale,
      promise: promiseLine(promise, support.timeZone, form.locale),
      now,
    });
    return answer(ticket.reference);
  } catch (error) {
    console.warn("[tickets] contact not stored", ctx.shop, error instanceof Error ? error.message : error);
    return { ok: false, code: "unavailable" };
  }
}

/**
 * The receipt. It repeats neither the shopper's name nor their message: anyone can type any
 * address into the form, and a receipt that echoed their text would let them send it to strangers.
 */
async function sendReceipt(
  ctx: TicketContext,
  input: { ticketId: string; reference: string; to: string; shopName: string; locale: ShopperLocale; promise: string; now: Date },
): Promise<void> {
  const t = shopperText(input.locale);
  try {
    await sendToShopper(ctx.db, {
      shop: ctx.shop,
      to: input.to,
      subject: t("receipt_subject", { reference: input.reference }),
      kind: "ticket_received",
      relatedId: input.ticketId,
      text: [
        t("email_greeting"),
        "",
        t("receipt_thanks", { shop: input.shopName }),
        "",
        t("receipt_reference", { reference: input.reference }),
        input.promise,
        "",
        t("receipt_link_intro"),
        await threadLink(ctx.db, ctx.shop, input.ticketId, input.now, input.locale),
        "",
        t("receipt_not_you"),
        "",
        input.shopName,
      ].join("\n"),
    });
  } catch (error) {
    // The ticket is stored: the shopper still gets their reference on screen.
    console.warn("[tickets] receipt not sent", ctx.shop, error instanceof Error ? error.message : error);
  }
}

// ---------------------------------------------------------------------------------------------
// The shopper, through a signed link
// ---------------------------------------------------------------------------------------------

// Per ticket: whoever holds the link may write, but not flood the thread.
const shopperReplyLimiter = createRateLimiter({ name: "shopper-reply", redis: sharedRedis, limit: 10, windowMs: 10 * 60_000 });

export type ShopperReplyResult =
  | { ok: true }
  | { ok: false; kind: "not_found" }
  | { ok: false; kind: "rate_limited" }
  | { ok: false; kind: "invalid"; errors: Partial<Record<"message" | "attachment", string>>; draft: string };

/** The shopper's answer on the thread page: the ticket is open again, waiting for staff. */
export async function addShopperReply(
  db: Db,
  shop: string,
  ticketId: string,
  body: TicketForm | null,
  now = new Date(),
): Promise<ShopperReplyResult> {
  const ticket = await findTicket(db, shop, ticketId);
  if (!ticket) return { ok: false, kind: "not_found" };
  if (!(await shopperReplyLimiter.hit(`${shop}|${ticket.id}`)).allowed) return { ok: false, kind: "rate_limited" };
  const parsed = ThreadReplySchema.safeParse(body?.fields ?? {});
  const photo = body?.file ? checkAttachment(body.file) : null;
  const errors: Partial<Record<"message" | "attachment", string>> = {};
  if (!parsed.success) errors.message = parsed.error.issues[0]?.message ?? "required";
  if (typeof photo === "string") errors.attachment = photo;
  if (!parsed.success || typeof photo === "string") return { ok: false, kind: "invalid", errors, draft: body?.fields.message ?? "" };
  const attachment: Attachment | null = photo && body?.file ? { bytes: body.file, type: photo.type } : null;
  await db.$transaction(async (tx) => {
    await addMessage(tx, shop, ticket.id, { kind: "customer", author: ticket.customerName, body: parsed.data.message, attachment, at: now });
    await tx.ticket.updateMany({ where: { id: ticket.id, shop }, data: { status: "open", lastMessageAt: now, closedAt: null } });
  });
  return { ok: true };
}

export type CsatResult = "recorded" | "already_answered" | "not_found";

/**
 * The survey's answer. The first answer is final: the survey measures how the conversation felt
 * when it closed, and a link forwarded or reopened later cannot rewrite it.
 */
export async function recordCsat(db: Db, shop: string, ticketId: string, answer: { rating: number; comment: string | null }, now = new Date()): Promise<CsatResult> {
  const updated = await db.ticket.updateMany({
    where: { id: ticketId, shop, csatAt: null },
    data: { csatRating: answer.rating, csatComment: answer.comment, csatAt: now },
  });
  if (updated.count === 1) return "recorded";
  return (await findTicket(db, shop, ticketId)) ? "already_answered" : "not_found";
}

/** Who a thread entry is from, as the shopper sees it (staff names stay inside the shop). */
export function shopperAuthor(kind: MessageKind | string, shopName: string, locale: ShopperLocale): string {
  const t = shopperText(locale);
  return kind === "customer" ? t("author_you") : t("author_team", { shop: shopName });
}
