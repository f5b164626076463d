import { BODY_LIMITS, readMultipart } from "../../lib/body.server";
import { json } from "../../lib/http";
import { env } from "../../env.server";
import { proxyPathOrNull } from "../../lib/proxy-path";
import { shopperAddress } from "../../lib/shopper-address";
import { rememberProxyPath } from "../shop/repo.server";
import { MAX_PHOTO_BYTES } from "../returns/domain/photos";
import { shopperLocale } from "./domain/shopper-messages";
import { type TicketLinkPurpose } from "./domain/tickets";
import { answerSurvey, shopperThread, survey, verifyLink, type TicketLink } from "./shopper-thread.server";
import { csatPage, csatThanksPage, linkProblemPage, threadPage, type LinkProblem, type ReplyErrors } from "./ticket-pages.server";
import { addShopperReply, admitContact, createFromContact, type TicketContext, type TicketForm } from "./tickets.server";

/**
 * The storefront's requests about tickets (through the app proxy) to use cases, and their results
 * to answers: JSON for the contact block; HTML pages for the signed links in our emails
 * (GET/POST {proxy path}/ticket?t=… and {proxy path}/csat?t=…&rating=…). A link that is forged,
 * altered, for another shop or expired gets a 403 page in words; a valid link to a deleted ticket
 * a 404 page.
 */

/** The rest of a multipart body besides the photo: the message and a few short fields. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Whether a multipart body is too big to read, from its declared length (checked before reading it). */
function requestTooLarge(request: Request): boolean {
  const length = Number(request.headers.get("content-length"));
  return Number.isFinite(length) && length > MAX_PHOTO_BYTES + FORM_OVERHEAD_BYTES;
}

/**
 * A form's text fields and its one file, read while it streams: a photo over the limit is kept
 * only as far as needed to refuse it, and a body past the form's total is a 413 before more of it
 * is read.
 */
async function readTicketForm(request: Request): Promise<TicketForm> {
  const body = await readMultipart(request, {
    total: MAX_PHOTO_BYTES + FORM_OVERHEAD_BYTES,
    fileSize: MAX_PHOTO_BYTES,
    files: 1,
    acceptFile: (field) => field === "attachment",
  });
  return { fields: body.fields, file: body.files[0]?.bytes ?? null };
}

/**
 * POST /apps/support/contact (multipart): the contact block's form. Rate-limited per shop and
 * shopper before the body is read.
 */
export async function postContact(request: Request, ctx: TicketContext): Promise<Response> {
  const now = new Date();
  const admitted = await admitContact(ctx, shopperAddress(request, env.TRUSTED_PROXY_HOPS));
  if (!admitted.ok) return json({ error: "rate_limited" }, 429, { "Retry-After": String(admitted.retryAfterSeconds) });
  await rememberSignedPath(request, ctx);
  if (requestTooLarge(request)) return json({ error: "invalid", fields: { attachment: "photo_too_large" } }, 400);
  const form = await readTicketForm(request);
  const result = await createFromContact(ctx, { ...form, customerId: new URL(request.url).searchParams.get("logged_in_customer_id"), now });
  if (result.ok) {
    const { minutes, dueAt, openNow } = result.promise;
    return json({ reference: result.reference, promise: { minutes, dueAt: dueAt.toISOString(), openNow } }, 201);
  }
  switch (result.code) {
    case "too_fast":
      return json({ error: "too_fast" }, 422);
    case "invalid":
      return json({ error: "invalid", fields: result.fields }, 400);
    case "unavailable":
      return json({ error: "unavailable" }, 503, { "Retry-After": "5" });
  }
}

// ---- the signed links ------------------------------------------------------------------------------

/**
 * The link is a key to the conversation: never cached, never sent on as a referrer, never indexed.
 * The policy allows nothing but the inline style and posting back to the same page.
 */
function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
  });
}

/** A page that cannot read the ticket speaks the language the link names (`lang`, unsigned: it only picks words). */
function problemPage(request: Request, problem: LinkProblem): Response {
  const locale = shopperLocale(new URL(request.url).searchParams.get("lang"));
  return htmlResponse(linkProblemPage(problem, locale), problem === "not_found" ? 404 : 403);
}

/**
 * The proxy path this request came through (`path_prefix`, signed with it and checked by the
 * guard) is where the emails about this conversation send the shopper: merchants may change it.
 */
async function rememberSignedPath(request: Request, ctx: TicketContext): Promise<void> {
  const proxyPath = proxyPathOrNull(new URL(request.url).searchParams.get("path_prefix"));
  if (proxyPath) await rememberProxyPath(ctx.db, ctx.shop, proxyPath);
}

/** The link is checked before anything else, a body included, is read. */
async function withLink(request: Request, ctx: TicketContext, purpose: TicketLinkPurpose, handle: (link: TicketLink) => Promise<Response>): Promise<Response> {
  const verified = verifyLink(ctx.shop, new URL(request.url).searchParams.get("t"), purpose);
  if (!verified.ok) return problemPage(request, verified.problem);
  await rememberSignedPath(request, ctx);
  return handle(verified.link);
}

/**
 * The page's own address after a successful POST, relative ("?t=…"), so it stays under whatever
 * proxy path the shop chose. The answer is the page itself, moving the browser on to this address
 * by GET: Shopify's app proxy follows a redirect itself, unsigned, so a 303 would never reach the
 * shopper (docs/decisions/0021).
 */
const ownAddress = (query: Record<string, string>) => `?${new URLSearchParams(query)}`;

async function renderThread(
  request: Request,
  ctx: TicketContext,
  link: TicketLink,
  view: { notice?: "sent" | "rate_limited" | null; errors?: ReplyErrors; draft?: string; status?: number; sendOnTo?: string } = {},
): Promise<Response> {
  const thread = await shopperThread(ctx, link.ticketId);
  if (!thread) return problemPage(request, "not_found");
  const { notice = null, errors, draft, sendOnTo, status = 200 } = view;
  return htmlResponse(threadPage({ ...thread, token: link.token, notice, errors, draft, sendOnTo }), status);
}

/** GET /apps/support/ticket?t=… — the shopper's conversation. */
export function getThread(request: Request, ctx: TicketContext): Promise<Response> {
  return withLink(request, ctx, "thread", (link) => {
    const sent = new URL(request.url).searchParams.get("sent") === "1";
    return renderThread(request, ctx, link, { notice: sent ? "sent" : null });
  });
}

/** POST /apps/support/ticket?t=… (multipart) — the shopper answers; the ticket reopens. */
export function postThread(request: Request, ctx: TicketContext): Promise<Response> {
  return withLink(request, ctx, "thread", async (link) => {
    if (requestTooLarge(request)) return renderThread(request, ctx, link, { errors: { attachment: "photo_too_large" }, status: 400 });
    const result = await addShopperReply(ctx.db, ctx.shop, link.ticketId, await readTicketForm(request));
    if (result.ok) return renderThread(request, ctx, link, { notice: "sent", sendOnTo: ownAddress({ t: link.token, sent: "1" }) });
    if (result.kind === "not_found") return problemPage(request, "not_found");
    if (result.kind === "rate_limited") return renderThread(request, ctx, link, { notice: "rate_limited", status: 429 });
    return renderThread(request, ctx, link, { errors: result.errors, draft: result.draft, status: 400 });
  });
}

/** A rating from 1 to 5 as sent, or none. */
function ratingOrNull(value: string | null | undefined): number | null {
  const rating = Number(value);
  return [1, 2, 3, 4, 5].includes(rating) ? rating : null;
}

/**
 * GET /apps/support/csat?t=…&rating=1..5 — the email's rating links open the survey with the
 * rating chosen; nothing is recorded until the shopper sends it (mail scanners open links too).
 * An answered survey shows the answer.
 */
export function getCsat(request: Request, ctx: TicketContext): Promise<Response> {
  return withLink(request, ctx, "csat", (link) => renderSurvey(request, ctx, link));
}

/** The survey, or the answer on file; `sendOnTo` after it was posted (see ownAddress). */
async function renderSurvey(request: Request, ctx: TicketContext, link: TicketLink, sendOnTo?: string): Promise<Response> {
  const found = await survey(ctx, link.ticketId);
  if (!found) return problemPage(request, "not_found");
  const { locale, shopName, reference, answer } = found;
  if (answer) return htmlResponse(csatThanksPage({ locale, shopName, reference, rating: answer.rating, comment: answer.comment, sendOnTo }));
  const rating = ratingOrNull(new URL(request.url).searchParams.get("rating"));
  return htmlResponse(csatPage({ locale, shopName, reference, token: link.token, rating }));
}

/** POST /apps/support/csat?t=… — records the answer (the first one is final). */
export function postCsat(request: Request, ctx: TicketContext): Promise<Response> {
  return withLink(request, ctx, "csat", async (link) => {
    // The survey is two short fields, with no file.
    const form = await readMultipart(request, { total: BODY_LIMITS.small, fileSize: 0, files: 0 });
    const fields = { rating: form.fields.rating, comment: form.fields.comment };
    const result = await answerSurvey(ctx, link.ticketId, fields);
    // Recorded or answered before: the page then shows the answer on file.
    if (result.ok) return renderSurvey(request, ctx, link, ownAddress({ t: link.token }));
    if (result.code === "not_found") return problemPage(request, "not_found");
    const { locale, shopName, reference } = result.survey;
    const comment = typeof fields.comment === "string" ? fields.comment : "";
    return htmlResponse(csatPage({ locale, shopName, reference, token: link.token, rating: ratingOrNull(fields.rating), comment, errors: result.errors }), 400);
  });
}
