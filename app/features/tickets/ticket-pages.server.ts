import { MAX_PHOTO_BYTES } from "../returns/domain/photos";
import {
  csatLabel,
  formatShopperFileSize,
  formatShopperNumber,
  interpolate,
  SHOPPER_MESSAGES,
  shopperText,
  type ShopperLocale,
  type ShopperMessageKey,
  type ShopperText,
} from "./domain/shopper-messages";
import { CSAT_COMMENT_MAX, MESSAGE_MAX } from "./domain/tickets";

/**
 * The shopper's pages behind a signed link: the conversation with a reply form, and the
 * satisfaction survey. Served through the app proxy as plain HTML (Shopify passes text/html
 * through untouched), so each page is self-contained: inline CSS, no script, no external asset,
 * and every value escaped. Worded in the ticket's language (shopper-messages.ts); every text, the
 * catalogue's included, is escaped here.
 */

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f6f7}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
.meta{color:#4a4a4a;margin:0 0 1rem}
.thread{list-style:none;margin:0;padding:0}
.msg{border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .75rem;background:#fff;border:1px solid #d2d2d2}
.msg.team{background:#eef4ff;border-color:#9bb7e6}
.who{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;font-size:.875rem;color:#4a4a4a;margin:0 0 .25rem}
.who strong{color:#1a1a1a}
.body{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.note{font-size:.875rem;color:#4a4a4a;margin:.5rem 0 0}
label,legend{display:block;font-weight:600;margin:1rem 0 .25rem}
.hint{font-size:.875rem;color:#4a4a4a;margin:0 0 .25rem}
textarea,input[type=file]{width:100%;font:inherit}
textarea{min-height:8rem;padding:.5rem;border:1px solid #8a8a8a;border-radius:.25rem}
textarea[aria-invalid=true]{border-color:#b3261e}
fieldset{border:0;margin:0;padding:0}
.ratings{display:flex;flex-wrap:wrap;gap:.5rem}
.ratings label{font-weight:400;margin:0;display:flex;align-items:center;gap:.35rem;padding:.4rem .7rem;border:1px solid #8a8a8a;border-radius:.25rem;background:#fff}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.25rem;border:0;border-radius:.25rem;background:#1a1a1a;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #2c6ecb;outline-offset:2px}
.error{color:#b3261e;margin:.25rem 0 0}
.banner{padding:.75rem 1rem;border-radius:.5rem;margin:0 0 1rem;background:#e3f1df;border:1px solid #7fb069}
.banner.problem{background:#fbeae5;border-color:#d9826f}
`;

/**
 * `sendOnTo`, a relative address ("?t=…"): after a form was posted, the browser moves on to the
 * page's own address by GET at once, so a reload does not send the form again. A redirect cannot
 * do this behind Shopify's app proxy, which follows 30x answers itself (docs/decisions/0021).
 */
function document(locale: ShopperLocale, title: string, main: string, sendOnTo?: string): string {
  const refresh = sendOnTo ? `\n<meta http-equiv="refresh" content="0;url=${escapeHtml(sendOnTo)}">` : "";
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">${refresh}
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>`;
}

/**
 * A message as HTML whose slots are HTML already built by the caller (each value escaped there):
 * for the few sentences with markup inside, such as the reference in bold.
 */
function markup(template: string, html: Readonly<Record<string, string>>): string {
  return interpolate(escapeHtml(template), html);
}

// ---- the conversation -------------------------------------------------------------------------------

const STATUS_KEYS = { open: "status_open", pending: "status_pending", closed: "status_closed" } as const;

const statusWords = (status: string, t: ShopperText) => (Object.hasOwn(STATUS_KEYS, status) ? t(STATUS_KEYS[status as keyof typeof STATUS_KEYS]) : status);

export type ThreadPageMessage = {
  fromShopper: boolean;
  author: string;
  body: string;
  at: string;
  atIso: string;
  attachment: { type: string; size: number } | null;
};

export type ReplyErrors = Partial<Record<"message" | "attachment", string>>;

/** The reply's error codes (ThreadReplySchema, checkAttachment) in words. */
function replyErrorText(code: string, t: ShopperText, limits: { message: string; photo: string }): string {
  switch (code) {
    case "required":
      return t("error_message_required");
    case "too_long":
      return t("error_message_too_long", { max: limits.message });
    case "photo_type":
      return t("error_photo_type");
    case "photo_too_large":
      return t("error_photo_too_large", { size: limits.photo });
    default:
      return "";
  }
}

/** A ticket's conversation as the shopper sees it (shopper-thread.server.ts reads it). */
export type ThreadView = {
  locale: ShopperLocale;
  shopName: string;
  reference: string;
  subject: string;
  status: string;
  messages: ThreadPageMessage[];
};

export function threadPage(input: ThreadView & {
  /** The form posts back to this page: "?t=…" keeps the app proxy's prefix whatever it is. */
  token: string;
  notice?: "sent" | "rate_limited" | null;
  errors?: ReplyErrors;
  draft?: string;
  /** After a reply was posted: the page's own address to move on to (see document()). */
  sendOnTo?: string;
}): string {
  const { locale } = input;
  const t = shopperText(locale);
  const photoLimit = formatShopperFileSize(MAX_PHOTO_BYTES, locale);
  const limits = { message: formatShopperNumber(MESSAGE_MAX, locale), photo: photoLimit };
  const errors = input.errors ?? {};
  const messageError = errors.message ? replyErrorText(errors.message, t, limits) || t("error_message_other") : null;
  const attachmentError = errors.attachment ? replyErrorText(errors.attachment, t, limits) || t("error_photo_other") : null;
  const notice =
    input.notice === "sent"
      ? `<p class="banner" role="status">${escapeHtml(t("notice_sent"))}</p>`
      : input.notice === "rate_limited"
        ? `<p class="banner problem" role="alert">${escapeHtml(t("notice_rate_limited"))}</p>`
        : messageError || attachmentError
          ? `<p class="banner problem" role="alert">${escapeHtml(t("notice_reply_invalid"))}</p>`
          : "";
  const messages = input.messages
    .map(
      (m) => `<li class="msg ${m.fromShopper ? "shopper" : "team"}">
<p class="who"><strong>${escapeHtml(m.fromShopper ? t("author_you") : m.author)}</strong> <time datetime="${escapeHtml(m.atIso)}">${escapeHtml(m.at)}</time></p>
<p class="body">${escapeHtml(m.body)}</p>${
        m.attachment
          ? `\n<p class="note">${escapeHtml(
              t("photo_attached", { type: m.attachment.type.replace("image/", "").toUpperCase(), size: formatShopperFileSize(m.attachment.size, locale) }),
            )}</p>`
          : ""
      }
</li>`,
    )
    .join("\n");
  return document(
    locale,
    `${input.reference} · ${input.shopName}`,
    `<h1>${escapeHtml(t("thread_heading", { shop: input.shopName }))}</h1>
<p class="meta">${markup(SHOPPER_MESSAGES[locale].thread_reference, { reference: `<strong>${escapeHtml(input.reference)}</strong>` })} · ${escapeHtml(
      statusWords(input.status, t),
    )}</p>
${notice}
<h2>${escapeHtml(input.subject)}</h2>
<ol class="thread" aria-label="${escapeHtml(t("thread_messages_label"))}">
${messages}
</ol>
<form method="post" enctype="multipart/form-data" action="?t=${escapeHtml(encodeURIComponent(input.token))}" aria-labelledby="reply-heading">
<h2 id="reply-heading">${escapeHtml(t("reply_heading"))}</h2>
<label for="message">${escapeHtml(t("reply_label"))}</label>
<textarea id="message" name="message" required maxlength="${MESSAGE_MAX}" aria-invalid="${messageError ? "true" : "false"}"${
      messageError ? ` aria-describedby="message-error"` : ""
    }>${escapeHtml(input.draft ?? "")}</textarea>
${messageError ? `<p id="message-error" class="error">${escapeHtml(messageError)}</p>` : ""}
<label for="attachment">${escapeHtml(t("photo_label"))}</label>
<p class="hint" id="attachment-hint">${escapeHtml(t("photo_hint", { size: photoLimit }))}</p>
<input type="file" id="attachment" name="attachment" accept="image/jpeg,image/png,image/webp" aria-describedby="attachment-hint${
      attachmentError ? " attachment-error" : ""
    }" aria-invalid="${attachmentError ? "true" : "false"}">
${attachmentError ? `<p id="attachment-error" class="error">${escapeHtml(attachmentError)}</p>` : ""}
<button type="submit">${escapeHtml(t("reply_send"))}</button>
</form>`,
    input.sendOnTo,
  );
}

// ---- the survey --------------------------------------------------------------------------------------

export function csatPage(input: {
  locale: ShopperLocale;
  shopName: string;
  reference: string;
  token: string;
  rating: number | null;
  comment?: string;
  errors?: Partial<Record<"rating" | "comment", string>>;
}): string {
  const { locale } = input;
  const t = shopperText(locale);
  const errors = input.errors ?? {};
  const ratingError = errors.rating ? t("csat_error_rating") : null;
  const commentError = errors.comment ? t("csat_error_comment_too_long", { max: formatShopperNumber(CSAT_COMMENT_MAX, locale) }) : null;
  const options = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<label><input type="radio" name="rating" value="${n}" required${input.rating === n ? " checked" : ""}> ${n} – ${escapeHtml(csatLabel(locale, n))}</label>`,
    )
    .join("\n");
  return document(
    locale,
    `${t("csat_title")} · ${input.shopName}`,
    `<h1>${escapeHtml(t("csat_title"))}</h1>
<p class="meta">${escapeHtml(t("csat_intro", { reference: input.reference, shop: input.shopName }))}</p>
${ratingError || commentError ? `<p class="banner problem" role="alert">${escapeHtml(t("csat_invalid"))}</p>` : ""}
<form method="post" action="?t=${escapeHtml(encodeURIComponent(input.token))}">
<fieldset${ratingError ? ` aria-describedby="rating-error"` : ""}>
<legend>${escapeHtml(t("csat_rating_legend"))}</legend>
<div class="ratings">
${options}
</div>
${ratingError ? `<p id="rating-error" class="error">${escapeHtml(ratingError)}</p>` : ""}
</fieldset>
<label for="comment">${escapeHtml(t("csat_comment_label"))}</label>
<textarea id="comment" name="comment" maxlength="${CSAT_COMMENT_MAX}" aria-invalid="${commentError ? "true" : "false"}"${
      commentError ? ` aria-describedby="comment-error"` : ""
    }>${escapeHtml(input.comment ?? "")}</textarea>
${commentError ? `<p id="comment-error" class="error">${escapeHtml(commentError)}</p>` : ""}
<button type="submit">${escapeHtml(t("csat_send"))}</button>
</form>`,
  );
}

export function csatThanksPage(input: {
  locale: ShopperLocale;
  shopName: string;
  reference: string;
  rating: number;
  comment: string | null;
  /** After the survey was posted: the page's own address to move on to (see document()). */
  sendOnTo?: string;
}): string {
  const { locale } = input;
  const t = shopperText(locale);
  const rating = t("csat_thanks_rating", { reference: input.reference, rating: input.rating, label: csatLabel(locale, input.rating) });
  return document(
    locale,
    `${t("csat_thanks_title")} · ${input.shopName}`,
    `<h1>${escapeHtml(t("csat_thanks_heading"))}</h1>
<p class="banner" role="status">${escapeHtml(rating)}</p>
${input.comment ? `<p class="body">${escapeHtml(input.comment)}</p>` : ""}
<p>${escapeHtml(t("csat_thanks_reads", { shop: input.shopName }))}</p>`,
    input.sendOnTo,
  );
}

// ---- when the link does not work ----------------------------------------------------------------------

const LINK_PROBLEMS = {
  invalid: { title: "link_invalid_title", text: "link_invalid_text" },
  expired: { title: "link_expired_title", text: "link_expired_text" },
  not_found: { title: "link_not_found_title", text: "link_not_found_text" },
} as const satisfies Record<string, { title: ShopperMessageKey; text: ShopperMessageKey }>;

export type LinkProblem = keyof typeof LINK_PROBLEMS;

export function linkProblemPage(problem: LinkProblem, locale: ShopperLocale): string {
  const t = shopperText(locale);
  const title = t(LINK_PROBLEMS[problem].title);
  return document(locale, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t(LINK_PROBLEMS[problem].text))}</p>`);
}
