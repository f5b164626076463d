import { formatShopperDateTime, shopperLocale, type ShopperLocale } from "./domain/shopper-messages";
import { CsatAnswerSchema, verifyTicketToken, type TicketLinkPurpose } from "./domain/tickets";
import { env } from "../../env.server";
import { findTicketWithThread } from "./repo.server";
import { shopProfile } from "../shop/profile.server";
import { BODY_LIMITS, readMultipart } from "../../lib/body.server";
import { csatPage, csatThanksPage, htmlResponse, linkProblemPage, threadPage, type LinkProblem, type ReplyErrors } from "./ticket-pages.server";
import { addShopperReply, readTicketForm, recordCsat, requestTooLarge, shopperAuthor, type TicketContext } from "./tickets.server";

/**
 * The shopper's side of a ticket, behind the signed links in our emails:
 * GET/POST /apps/support/ticket?t=… (the thread, and answering it) and
 * GET/POST /apps/support/csat?t=…&rating=… (the survey). A link that is forged, altered, for
 * another shop or expired gets a 403 page in words; a valid link to a deleted ticket a 404 page.
 * Pages speak the ticket's language; a page that cannot read the ticket, the language the link
 * names (`lang`, unsigned: it only picks the words of that page).
 */

type Verified = { ticketId: string; token: string };

/** The language named in the link, for the pages shown without a ticket. */
const linkLocale = (request: Request): ShopperLocale => shopperLocale(new URL(request.url).searchParams.get("lang"));

const problemResponse = (request: Request, problem: LinkProblem, status: 403 | 404) => htmlResponse(linkProblemPage(problem, linkLocale(request)), status);

function requireLink(request: Request, shop: string, purpose: TicketLinkPurpose): Verified | Response {
  const token = new URL(request.url).searchParams.get("t");
  const verdict = verifyTicketToken(env.SHOPIFY_API_SECRET, token, { shop, purpose }, new Date());
  if (!verdict.ok) return problemResponse(request, verdict.reason, 403);
  return { ticketId: verdict.ticketId, token: token! };
}

/** After a successful POST, back to the same page by GET, so a reload does not send it twice. */
function seeOther(request: Request, page: "ticket" | "csat", query: Record<string, string>): Response {
  // The prefix the shop's proxy uses (signed with the request), so the redirect stays on the storefront.
  const prefix = new URL(request.url).searchParams.get("path_prefix") ?? "";
  const base = /^\/[A-Za-z0-9/_-]{1,100}$/.test(prefix) ? prefix : "/apps/support";
  return new Response(null, { status: 303, headers: { Location: `${base}/${page}?${new URLSearchParams(query)}`, "Cache-Control": "no-store" } });
}

async function renderThread(
  request: Request,
  ctx: TicketContext,
  link: Verified,
  view: { notice?: "sent" | "rate_limited" | null; errors?: ReplyErrors; draft?: string; status?: number } = {},
): Promise<Response> {
  const ticket = await findTicketWithThread(ctx.db, ctx.shop, link.ticketId, { withNotes: false });
  if (!ticket) return problemResponse(request, "not_found", 404);
  const profile = await shopProfile(ctx.graphql, ctx.shop);
  const locale = shopperLocale(ticket.locale);
  const html = threadPage({
    locale,
    shopName: profile.name,
    reference: ticket.reference,
    subject: ticket.subject,
    status: ticket.status,
    token: link.token,
    notice: view.notice ?? null,
    errors: view.errors,
    draft: view.draft,
    messages: ticket.messages.map((m) => ({
      fromShopper: m.kind === "customer",
      author: shopperAuthor(m.kind, profile.name, locale),
      body: m.body,
      at: formatShopperDateTime(m.createdAt, locale, profile.timeZone),
      atIso: m.createdAt.toISOString(),
      attachment: m.attachmentType && m.attachmentSize ? { type: m.attachmentType, size: m.attachmentSize } : null,
    })),
  });
  return htmlResponse(html, view.status ?? 200);
}

export async function showThread(request: Request, ctx: TicketContext): Promise<Response> {
  const link = requireLink(request, ctx.shop, "thread");
  if (link instanceof Response) return link;
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  return renderThread(request, ctx, link, { notice: sent ? "sent" : null });
}

export async function postThreadReply(request: Request, ctx: TicketContext): Promise<Response> {
  const link = requireLink(request, ctx.shop, "thread");
  if (link instanceof Response) return link;
  if (requestTooLarge(request)) return renderThread(request, ctx, link, { errors: { attachment: "photo_too_large" }, status: 400 });
  const result = await addShopperReply(ctx.db, ctx.shop, link.ticketId, await readTicketForm(request));
  if (result.ok) return seeOther(request, "ticket", { t: link.token, sent: "1" });
  if (result.kind === "not_found") return problemResponse(request, "not_found", 404);
  if (result.kind === "rate_limited") return renderThread(request, ctx, link, { notice: "rate_limited", status: 429 });
  return renderThread(request, ctx, link, { errors: result.errors, draft: result.draft, status: 400 });
}

// ---- the survey ----------------------------------------------------------------------------------

async function surveyTicket(ctx: TicketContext, link: Verified) {
  const [ticket, profile] = await Promise.all([
    ctx.db.ticket.findFirst({
      where: { id: link.ticketId, shop: ctx.shop },
      select: { reference: true, locale: true, csatRating: true, csatComment: true, csatAt: true },
    }),
    shopProfile(ctx.graphql, ctx.shop),
  ]);
  return ticket ? { ticket, shopName: profile.name, locale: shopperLocale(ticket.locale) } : null;
}

/**
 * The email's rating links open this page with the rating chosen; nothing is recorded until the
 * shopper sends it (mail scanners open links too). An answered survey shows the answer.
 */
export async function showCsat(request: Request, ctx: TicketContext): Promise<Response> {
  const link = requireLink(request, ctx.shop, "csat");
  if (link instanceof Response) return link;
  const found = await surveyTicket(ctx, link);
  if (!found) return problemResponse(request, "not_found", 404);
  const { ticket, shopName, locale } = found;
  if (ticket.csatAt && ticket.csatRating) {
    return htmlResponse(csatThanksPage({ locale, shopName, reference: ticket.reference, rating: ticket.csatRating, comment: ticket.csatComment }));
  }
  const rating = Number(new URL(request.url).searchParams.get("rating"));
  return htmlResponse(csatPage({ locale, shopName, reference: ticket.reference, token: link.token, rating: [1, 2, 3, 4, 5].includes(rating) ? rating : null }));
}

export async function postCsat(request: Request, ctx: TicketContext): Promise<Response> {
  const link = requireLink(request, ctx.shop, "csat");
  if (link instanceof Response) return link;
  // The survey is two short fields, with no file.
  const form = await readMultipart(request, { total: BODY_LIMITS.small, fileSize: 0, files: 0 });
  const fields = { rating: form.fields.rating, comment: form.fields.comment };
  const parsed = CsatAnswerSchema.safeParse(fields);
  if (!parsed.success) {
    const found = await surveyTicket(ctx, link);
    if (!found) return problemResponse(request, "not_found", 404);
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    const rating = Number(fields.rating);
    return htmlResponse(
      csatPage({
        locale: found.locale,
        shopName: found.shopName,
        reference: found.ticket.reference,
        token: link.token,
        rating: [1, 2, 3, 4, 5].includes(rating) ? rating : null,
        comment: typeof fields.comment === "string" ? fields.comment : "",
        errors,
      }),
      400,
    );
  }
  const outcome = await recordCsat(ctx.db, ctx.shop, link.ticketId, parsed.data);
  if (outcome === "not_found") return problemResponse(request, "not_found", 404);
  // Recorded or answered before: the page then shows the answer on file.
  return seeOther(request, "csat", { t: link.token });
}
