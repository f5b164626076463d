/**
 * Support tickets, framework-free: the contact form's validation (with the error codes the
 * storefront block translates), references, subjects, and the signed links that let a shopper
 * read and answer a thread, or rate it, without an account. Time is passed in.
 */
import { createHmac, randomInt } from "node:crypto";
import { z } from "zod";
import { MAX_PHOTO_BYTES, sniffImageType, type PhotoType } from "../../returns/domain/photos";
import { signaturesMatch, signedResourceLinks, type SignatureVerdict } from "../../../lib/signed-url";
import { normalizeOrderName } from "../../tracking/domain/verify";
import { csatLabel, shopperLocale } from "./shopper-messages";
import { TOPICS } from "./types";
import { storedText } from "../../../lib/text";

// ---- references and subjects ---------------------------------------------------------------------

/** No 0/O or 1/I: a shopper can read the reference out on the phone. */
export const REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const REFERENCE = /^HS-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;

/** "HS-4K7P2Q": 32^6 ≈ 10^9 values, so a collision within one shop is rare (and retried). */
export function newTicketReference(random: (max: number) => number = randomInt): string {
  return `HS-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)]).join("")}`;
}

export const isTicketReference = (value: string) => REFERENCE.test(value);

export const SUBJECT_MAX = 60;

/**
 * A subject for staff lists, from the first words of the message: whitespace collapsed, cut at a
 * word boundary with "…" when the message is longer (a single huge word is cut where it must).
 */
export function subjectFromMessage(message: string, max = SUBJECT_MAX): string {
  const flat = message.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const words = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,.;:!?-]+$/, "")}…`;
}

// ---- the contact form ------------------------------------------------------------------------------

/** A submission faster than this (ms since the form was shown) is a script, not a person. */
export const MIN_ELAPSED_MS = 3000;

export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 5000;

export type ContactFieldCode = "required" | "email" | "too_short" | "too_long" | "topic" | "photo_type" | "photo_too_large";

const required = { required_error: "required", invalid_type_error: "required" };

const Visitor = z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9-]+$/);

/** Every message is a spec code (proxy-api.md): the first issue of a field is the one reported. */
export const ContactFormSchema = z.object({
  name: storedText(z.string(required).trim().min(1, "required").max(100, "too_long")),
  email: storedText(
    z
      .string(required)
      .trim()
      .min(1, "required")
      .max(254, "too_long")
      .email("email")
      .transform((email) => email.toLowerCase()),
  ),
  topic: z.string(required).trim().min(1, "required").pipe(z.enum(TOPICS, { errorMap: () => ({ message: "topic" }) })),
  // Anything that is not an order name is dropped rather than refused: the message still says it.
  order: storedText(
    z
      .string()
      .trim()
      .max(40, "too_long")
      .optional()
      .transform((order) => (order ? normalizeOrderName(order) : null)),
  ),
  order_token: z.string().max(2000).optional().catch(undefined),
  message: storedText(z.string(required).trim().min(1, "required").min(MESSAGE_MIN, "too_short").max(MESSAGE_MAX, "too_long")),
  visitor: Visitor.optional().catch(undefined),
  // Stored as one of the languages our emails and pages speak ("fr-CA" → "fr", "pt-BR" → "en").
  locale: z.unknown().transform(shopperLocale),
});
export type ContactForm = z.infer<typeof ContactFormSchema>;

export type ContactVerdict =
  | { kind: "spam" }
  | { kind: "too_fast" }
  | { kind: "invalid"; fields: Partial<Record<string, ContactFieldCode>> }
  | { kind: "ok"; form: ContactForm; attachment: Attachment | null };

export type Attachment = { bytes: Uint8Array; type: PhotoType };

/**
 * Checks a contact submission in the order a bot is most cheaply turned away: the honeypot (a
 * field people never see; answered as a success so the bot learns nothing), then the time taken
 * to fill the form (missing counts as too fast: the block always sends it), then the fields.
 */
export function checkContactForm(fields: Record<string, string | undefined>, attachment: Uint8Array | null): ContactVerdict {
  if ((fields.website ?? "").trim() !== "") return { kind: "spam" };
  const elapsed = Number(fields.elapsed);
  if (!Number.isFinite(elapsed) || elapsed < MIN_ELAPSED_MS) return { kind: "too_fast" };
  const parsed = ContactFormSchema.safeParse(fields);
  const problems: Partial<Record<string, ContactFieldCode>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      problems[field] ??= issue.message as ContactFieldCode;
    }
  }
  const photo = attachment ? checkAttachment(attachment) : null;
  if (typeof photo === "string") problems.attachment = photo;
  if (!parsed.success || typeof photo === "string") return { kind: "invalid", fields: problems };
  return { kind: "ok", form: parsed.data, attachment: attachment && photo ? { bytes: attachment, type: photo.type } : null };
}

/** The attachment's sniffed type, or why it is refused: the same limits as return photos. */
export function checkAttachment(bytes: Uint8Array): { type: PhotoType } | "photo_type" | "photo_too_large" {
  if (bytes.length > MAX_PHOTO_BYTES) return "photo_too_large";
  const type = sniffImageType(bytes);
  return type ? { type } : "photo_type";
}

/** A shopper's answer on the thread page. */
export const ThreadReplySchema = z.object({
  message: storedText(z.string(required).trim().min(1, "required").max(MESSAGE_MAX, "too_long")),
});

export const CSAT_COMMENT_MAX = 1000;

/** A survey answer: 1 (very poor) to 5 (excellent), and an optional comment. */
export const CsatAnswerSchema = z.object({
  rating: z.coerce.number({ invalid_type_error: "rating" }).int("rating").min(1, "rating").max(5, "rating"),
  comment: storedText(
    z
      .string()
      .trim()
      .max(CSAT_COMMENT_MAX, "too_long")
      .optional()
      .transform((comment) => comment || null),
  ),
});

/** The rating words staff see: the shopper's, in English. */
export const CSAT_LABELS: Readonly<Record<number, string>> = Object.freeze(Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, csatLabel("en", n)])));

// ---- signed links for the shopper -------------------------------------------------------------------

/** What a link lets its holder do: read and answer the thread, or answer the survey. */
export type TicketLinkPurpose = "thread" | "csat";

/** Long enough for a slow conversation; every email carries a fresh link. */
export const TICKET_LINK_TTL_MS = 60 * 24 * 60 * 60 * 1000;

const TICKET_ID = /^[A-Za-z0-9_-]{1,64}$/;

function linkMac(secret: string, purpose: TicketLinkPurpose, shop: string, ticketId: string, exp: number): string {
  // Prefixed per purpose, so a thread link is never a survey link, nor any other token signed with this secret.
  return createHmac("sha256", secret).update(`harbor-ticket-${purpose}\n${shop}\n${ticketId}\n${exp}`).digest("base64url");
}

/**
 * "<ticket id>.<expiry in seconds>.<HMAC>". The shop is not in the token: it is signed over, and
 * the verifying request's shop (from the app proxy's signature) must be the same.
 */
export function signTicketToken(
  secret: string,
  claims: { shop: string; ticketId: string; purpose: TicketLinkPurpose },
  now: Date,
  ttlMs = TICKET_LINK_TTL_MS,
): string {
  const exp = Math.floor((now.getTime() + ttlMs) / 1000);
  return `${claims.ticketId}.${exp}.${linkMac(secret, claims.purpose, claims.shop, claims.ticketId, exp)}`;
}

export type TicketTokenVerdict = { ok: true; ticketId: string } | { ok: false; reason: "invalid" | "expired" };

/** The ticket a link opens in this shop for this purpose; forged, altered or other-shop tokens are "invalid". */
export function verifyTicketToken(
  secret: string,
  token: string | null | undefined,
  expected: { shop: string; purpose: TicketLinkPurpose },
  now: Date,
): TicketTokenVerdict {
  const [ticketId, expText, sig, extra] = (token ?? "").split(".");
  if (!ticketId || !expText || !sig || extra !== undefined) return { ok: false, reason: "invalid" };
  if (!TICKET_ID.test(ticketId) || !/^\d{1,12}$/.test(expText) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: "invalid" };
  const exp = Number(expText);
  if (!signaturesMatch(sig, linkMac(secret, expected.purpose, expected.shop, ticketId, exp))) return { ok: false, reason: "invalid" };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, ticketId };
}

/** The storefront address of a thread or survey page, under the shop's app proxy path (e.g. /apps/support). */
export function storefrontTicketUrl(
  shop: { domain: string; proxyPath: string },
  page: "ticket" | "csat",
  token: string,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ t: token, ...extra });
  return `https://${shop.domain}${shop.proxyPath}/${page}?${query}`;
}

// ---- attachment URLs for the admin ------------------------------------------------------------------

/** <img> and link requests carry no session token, so attachments are served on a short signature. */
export const ATTACHMENT_URL_TTL_SECONDS = 10 * 60;

const ATTACHMENT_LINKS = signedResourceLinks("ticket-attachment", "/app/inbox/attachments");

export function signAttachmentUrl(secret: string, input: { shop: string; messageId: string }, now: Date, ttlSeconds = ATTACHMENT_URL_TTL_SECONDS): string {
  return ATTACHMENT_LINKS.sign(secret, input.shop, input.messageId, now, ttlSeconds);
}

export function verifyAttachmentSignature(secret: string, messageId: string, query: URLSearchParams, now: Date): SignatureVerdict {
  return ATTACHMENT_LINKS.verify(secret, messageId, query, now);
}
