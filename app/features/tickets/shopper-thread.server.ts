import { formatShopperDateTime, shopperLocale, type ShopperLocale } from "./domain/shopper-messages";
import { CsatAnswerSchema, verifyTicketToken, type TicketLinkPurpose } from "./domain/tickets";
import { env } from "../../env.server";
import { findTicketWithThread } from "./repo.server";
import { shopProfile } from "../shop/profile.server";
import { type ThreadView } from "./ticket-pages.server";
import { recordCsat, shopperAuthor, type TicketContext } from "./tickets.server";

/**
 * The shopper's side of a ticket, behind the signed links in our emails: the thread (and answering
 * it) and the satisfaction survey. Pages speak the ticket's language; proxy.server.ts renders them.
 */

export type TicketLink = { ticketId: string; token: string };

/** The ticket a signed link opens, or why it opens none (forged, altered, for another shop: "invalid"; "expired"). */
export function verifyLink(
  shop: string,
  token: string | null,
  purpose: TicketLinkPurpose,
): { ok: true; link: TicketLink } | { ok: false; problem: "invalid" | "expired" } {
  const verdict = verifyTicketToken(env.SHOPIFY_API_SECRET, token, { shop, purpose }, new Date());
  return verdict.ok ? { ok: true, link: { ticketId: verdict.ticketId, token: token! } } : { ok: false, problem: verdict.reason };
}

/** The conversation as the shopper sees it: no internal notes, no staff names. Null when the ticket is gone. */
export async function shopperThread(ctx: TicketContext, ticketId: string): Promise<ThreadView | null> {
  const ticket = await findTicketWithThread(ctx.db, ctx.shop, ticketId, { withNotes: false });
  if (!ticket) return null;
  const profile = await shopProfile(ctx.graphql, ctx.shop);
  const locale = shopperLocale(ticket.locale);
  return {
    locale,
    shopName: profile.name,
    reference: ticket.reference,
    subject: ticket.subject,
    status: ticket.status,
    messages: ticket.messages.map((m) => ({
      fromShopper: m.kind === "customer",
      author: shopperAuthor(m.kind, profile.name, locale),
      body: m.body,
      at: formatShopperDateTime(m.createdAt, locale, profile.timeZone),
      atIso: m.createdAt.toISOString(),
      attachment: m.attachmentType && m.attachmentSize ? { type: m.attachmentType, size: m.attachmentSize } : null,
    })),
  };
}

// ---- the survey ----------------------------------------------------------------------------------

export type SurveyView = {
  locale: ShopperLocale;
  shopName: string;
  reference: string;
  /** The answer on file: the first one is final. */
  answer: { rating: number; comment: string | null } | null;
};

/** The survey of a ticket; null when the ticket is gone. */
export async function survey(ctx: TicketContext, ticketId: string): Promise<SurveyView | null> {
  const [ticket, profile] = await Promise.all([
    ctx.db.ticket.findFirst({
      where: { id: ticketId, shop: ctx.shop },
      select: { reference: true, locale: true, csatRating: true, csatComment: true, csatAt: true },
    }),
    shopProfile(ctx.graphql, ctx.shop),
  ]);
  if (!ticket) return null;
  const answer = ticket.csatAt && ticket.csatRating ? { rating: ticket.csatRating, comment: ticket.csatComment } : null;
  return { locale: shopperLocale(ticket.locale), shopName: profile.name, reference: ticket.reference, answer };
}

export type SurveyAnswerResult =
  | { ok: true }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "invalid"; errors: Partial<Record<"rating" | "comment", string>>; survey: SurveyView };

/**
 * The shopper's answer, as sent. Recorded once: an answer after the first leaves the one on file
 * (and is still `ok`: the page then shows that answer).
 */
export async function answerSurvey(ctx: TicketContext, ticketId: string, fields: { rating?: string; comment?: string }): Promise<SurveyAnswerResult> {
  const parsed = CsatAnswerSchema.safeParse(fields);
  if (!parsed.success) {
    const found = await survey(ctx, ticketId);
    if (!found) return { ok: false, code: "not_found" };
    return { ok: false, code: "invalid", errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])), survey: found };
  }
  const outcome = await recordCsat(ctx.db, ctx.shop, ticketId, parsed.data);
  return outcome === "not_found" ? { ok: false, code: "not_found" } : { ok: true };
}
