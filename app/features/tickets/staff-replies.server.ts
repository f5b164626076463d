import { csatLabel, shopperLocale, shopperText } from "./domain/shopper-messages";
import { signTicketToken, storefrontTicketUrl } from "./domain/tickets";
import { env } from "../../env.server";
import { addMessage, findTicket } from "./repo.server";
import { sendToShopper } from "../notifications/notifications.server";
import { recordMacroUse } from "../macros/replies.server";
import { shopProxyPath } from "../shop/repo.server";

import { threadLink, type TicketContext } from "./tickets.server";

/** What staff do to a ticket from the Inbox: reply (emailed with the thread link), note, assign, close. */

export type StaffActor = { name: string };

export type StaffResult = { ok: true } | { ok: false; status: 404 | 409; error: string };

const NOT_FOUND: StaffResult = { ok: false, status: 404, error: "This ticket does not exist in this shop." };

/**
 * A reply to the shopper: kept in the thread, emailed with the signed link, the macro it came from
 * counted. The first reply stops the response clock; the ticket then waits for the shopper.
 */
export async function replyToTicket(
  ctx: TicketContext,
  ticketId: string,
  staff: StaffActor,
  input: { message: string; macroId?: string; shopName: string },
  now = new Date(),
): Promise<StaffResult> {
  const ticket = await findTicket(ctx.db, ctx.shop, ticketId);
  if (!ticket) return NOT_FOUND;
  await ctx.db.$transaction(async (tx) => {
    await addMessage(tx, ctx.shop, ticket.id, { kind: "reply", author: staff.name, body: input.message, macroId: input.macroId, at: now });
    await tx.ticket.updateMany({ where: { id: ticket.id, shop: ctx.shop }, data: { status: "pending", lastMessageAt: now, closedAt: null } });
    await tx.ticket.updateMany({ where: { id: ticket.id, shop: ctx.shop, firstResponseAt: null }, data: { firstResponseAt: now, dueAt: ticket.resolutionDueAt } });
  });
  await recordMacroUse(ctx.db, ctx.shop, input.macroId, now);
  const locale = shopperLocale(ticket.locale);
  const t = shopperText(locale);
  await sendToShopper(ctx.db, {
    shop: ctx.shop,
    to: ticket.customerEmail,
    subject: t("reply_subject", { subject: ticket.subject, reference: ticket.reference }),
    kind: "ticket_reply",
    relatedId: ticket.id,
    text: [
      input.message,
      "",
      "—",
      t("reply_link_intro", { reference: ticket.reference }),
      await threadLink(ctx.db, ctx.shop, ticket.id, now, locale),
      "",
      input.shopName,
    ].join("\n"),
  });
  return { ok: true };
}

/** An internal note: in the thread for staff only, never emailed nor shown to the shopper. */
export async function addInternalNote(ctx: TicketContext, ticketId: string, staff: StaffActor, body: string, now = new Date()): Promise<StaffResult> {
  const ticket = await findTicket(ctx.db, ctx.shop, ticketId);
  if (!ticket) return NOT_FOUND;
  await addMessage(ctx.db, ctx.shop, ticket.id, { kind: "note", author: staff.name, body, at: now });
  return { ok: true };
}

/** Assigns the ticket to one of the shop's staff members, or to nobody (null). */
export async function assignTicket(ctx: TicketContext, ticketId: string, staffMemberId: string | null): Promise<StaffResult | { ok: false; status: 400; error: string }> {
  const ticket = await findTicket(ctx.db, ctx.shop, ticketId);
  if (!ticket) return NOT_FOUND;
  if (staffMemberId) {
    const member = await ctx.db.staffMember.findFirst({ where: { id: staffMemberId, shop: ctx.shop }, select: { id: true } });
    if (!member) return { ok: false, status: 400, error: "Choose someone from this shop's staff." };
  }
  await ctx.db.ticket.updateMany({ where: { id: ticket.id, shop: ctx.shop }, data: { assignee: staffMemberId } });
  return { ok: true };
}

/** Open (waiting for us) or pending (waiting for the shopper); a closed ticket reopens. Closing is closeTicket. */
export async function setTicketStatus(ctx: TicketContext, ticketId: string, status: "open" | "pending"): Promise<StaffResult> {
  const ticket = await findTicket(ctx.db, ctx.shop, ticketId);
  if (!ticket) return NOT_FOUND;
  await ctx.db.ticket.updateMany({ where: { id: ticket.id, shop: ctx.shop }, data: { status, closedAt: null } });
  return { ok: true };
}

/**
 * Closes the ticket and sends the satisfaction survey, once per ticket: closing it again after a
 * reopen sends nothing (the survey claim is a conditional update, so two clicks send one email).
 */
export async function closeTicket(ctx: TicketContext, ticketId: string, input: { shopName: string }, now = new Date()): Promise<StaffResult & { surveySent?: boolean }> {
  const ticket = await findTicket(ctx.db, ctx.shop, ticketId);
  if (!ticket) return NOT_FOUND;
  if (ticket.status === "closed") return { ok: false, status: 409, error: "This ticket is already closed." };
  await ctx.db.ticket.updateMany({ where: { id: ticket.id, shop: ctx.shop }, data: { status: "closed", closedAt: now } });
  const claimed = await ctx.db.ticket.updateMany({ where: { id: ticket.id, shop: ctx.shop, surveySentAt: null }, data: { surveySentAt: now } });
  if (claimed.count === 0) return { ok: true, surveySent: false };
  const token = signTicketToken(env.SHOPIFY_API_SECRET, { shop: ctx.shop, ticketId: ticket.id, purpose: "csat" }, now);
  const locale = shopperLocale(ticket.locale);
  const t = shopperText(locale);
  const shop = { domain: ctx.shop, proxyPath: await shopProxyPath(ctx.db, ctx.shop) };
  const choices = [5, 4, 3, 2, 1].map(
    (n) => `${n} – ${csatLabel(locale, n)}: ${storefrontTicketUrl(shop, "csat", token, { rating: String(n), lang: locale })}`,
  );
  await sendToShopper(ctx.db, {
    shop: ctx.shop,
    to: ticket.customerEmail,
    subject: t("csat_email_subject", { reference: ticket.reference }),
    kind: "ticket_csat",
    relatedId: ticket.id,
    text: [
      t("email_greeting"),
      "",
      t("csat_email_intro", { reference: ticket.reference, subject: ticket.subject }),
      "",
      ...choices,
      "",
      t("csat_email_pick"),
      "",
      t("csat_email_more_help"),
      await threadLink(ctx.db, ctx.shop, ticket.id, now, locale),
      "",
      input.shopName,
    ].join("\n"),
  });
  return { ok: true, surveySent: true };
}
