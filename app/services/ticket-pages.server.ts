import { CSAT_COMMENT_MAX, CSAT_LABELS, MESSAGE_MAX } from "../domain/support/tickets";

/**
 * The shopper's pages behind a signed link: the conversation with a reply form, and the
 * satisfaction survey. Served through the app proxy as plain HTML (Shopify passes text/html
 * through untouched), so each page is self-contained: inline CSS, no script, no external asset,
 * and every value escaped. English only for now.
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

function document(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
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
 * The link is a key to the conversation: never cached, never sent on as a referrer, never indexed.
 * The policy allows nothing but the inline style and posting back to the same page.
 */
export function htmlResponse(html: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      ...headers,
    },
  });
}

// ---- the conversation -------------------------------------------------------------------------------

const STATUS_WORDS: Record<string, string> = {
  open: "Waiting for our reply",
  pending: "We replied",
  closed: "Closed (write below to reopen it)",
};

export type ThreadPageMessage = {
  fromShopper: boolean;
  author: string;
  body: string;
  at: string;
  atIso: string;
  attachment: { type: string; size: number } | null;
};

export type ReplyErrors = Partial<Record<"message" | "attachment", string>>;

const REPLY_ERROR_TEXT: Record<string, string> = {
  required: "Write your message.",
  too_long: `Keep your message under ${MESSAGE_MAX.toLocaleString("en-US")} characters.`,
  photo_type: "Attach a JPEG, PNG or WebP image.",
  photo_too_large: "The photo must be 5 MB or smaller.",
};

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-US")} KB`;

export function threadPage(input: {
  shopName: string;
  reference: string;
  subject: string;
  status: string;
  messages: ThreadPageMessage[];
  /** The form posts back to this page: "?t=…" keeps the app proxy's prefix whatever it is. */
  token: string;
  notice?: "sent" | "rate_limited" | null;
  errors?: ReplyErrors;
  draft?: string;
}): string {
  const errors = input.errors ?? {};
  const messageError = errors.message ? REPLY_ERROR_TEXT[errors.message] ?? "Check your message." : null;
  const attachmentError = errors.attachment ? REPLY_ERROR_TEXT[errors.attachment] ?? "Check the photo." : null;
  const notice =
    input.notice === "sent"
      ? `<p class="banner" role="status">Thanks, your message was added. We will answer by email.</p>`
      : input.notice === "rate_limited"
        ? `<p class="banner problem" role="alert">You have sent several messages in a short time. Please wait a few minutes and try again.</p>`
        : messageError || attachmentError
          ? `<p class="banner problem" role="alert">Your message was not sent: check the fields below.</p>`
          : "";
  const messages = input.messages
    .map(
      (m) => `<li class="msg ${m.fromShopper ? "shopper" : "team"}">
<p class="who"><strong>${escapeHtml(m.fromShopper ? "You" : m.author)}</strong> <time datetime="${escapeHtml(m.atIso)}">${escapeHtml(m.at)}</time></p>
<p class="body">${escapeHtml(m.body)}</p>${
        m.attachment ? `\n<p class="note">Photo attached (${escapeHtml(m.attachment.type.replace("image/", "").toUpperCase())}, ${kilobytes(m.attachment.size)})</p>` : ""
      }
</li>`,
    )
    .join("\n");
  return document(
    `${input.reference} · ${input.shopName}`,
    `<h1>Your conversation with ${escapeHtml(input.shopName)}</h1>
<p class="meta">Reference <strong>${escapeHtml(input.reference)}</strong> · ${escapeHtml(STATUS_WORDS[input.status] ?? input.status)}</p>
${notice}
<h2>${escapeHtml(input.subject)}</h2>
<ol class="thread" aria-label="Messages, oldest first">
${messages}
</ol>
<form method="post" enctype="multipart/form-data" action="?t=${escapeHtml(encodeURIComponent(input.token))}" aria-labelledby="reply-heading">
<h2 id="reply-heading">Reply</h2>
<label for="message">Your message</label>
<textarea id="message" name="message" required maxlength="${MESSAGE_MAX}" aria-invalid="${messageError ? "true" : "false"}"${
      messageError ? ` aria-describedby="message-error"` : ""
    }>${escapeHtml(input.draft ?? "")}</textarea>
${messageError ? `<p id="message-error" class="error">${escapeHtml(messageError)}</p>` : ""}
<label for="attachment">Photo (optional)</label>
<p class="hint" id="attachment-hint">JPEG, PNG or WebP, up to 5 MB.</p>
<input type="file" id="attachment" name="attachment" accept="image/jpeg,image/png,image/webp" aria-describedby="attachment-hint${
      attachmentError ? " attachment-error" : ""
    }" aria-invalid="${attachmentError ? "true" : "false"}">
${attachmentError ? `<p id="attachment-error" class="error">${escapeHtml(attachmentError)}</p>` : ""}
<button type="submit">Send</button>
</form>`,
  );
}

// ---- the survey --------------------------------------------------------------------------------------

export function csatPage(input: {
  shopName: string;
  reference: string;
  token: string;
  rating: number | null;
  comment?: string;
  errors?: Partial<Record<"rating" | "comment", string>>;
}): string {
  const errors = input.errors ?? {};
  const ratingError = errors.rating ? "Choose a rating from 1 to 5." : null;
  const commentError = errors.comment ? `Keep your comment under ${CSAT_COMMENT_MAX.toLocaleString("en-US")} characters.` : null;
  const options = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<label><input type="radio" name="rating" value="${n}" required${input.rating === n ? " checked" : ""}> ${n} – ${escapeHtml(CSAT_LABELS[n]!)}</label>`,
    )
    .join("\n");
  return document(
    `How did we do? · ${input.shopName}`,
    `<h1>How did we do?</h1>
<p class="meta">Your conversation ${escapeHtml(input.reference)} with ${escapeHtml(input.shopName)}</p>
${ratingError || commentError ? `<p class="banner problem" role="alert">Your answer was not sent: check the fields below.</p>` : ""}
<form method="post" action="?t=${escapeHtml(encodeURIComponent(input.token))}">
<fieldset${ratingError ? ` aria-describedby="rating-error"` : ""}>
<legend>Your rating</legend>
<div class="ratings">
${options}
</div>
${ratingError ? `<p id="rating-error" class="error">${escapeHtml(ratingError)}</p>` : ""}
</fieldset>
<label for="comment">Anything you would like to add? (optional)</label>
<textarea id="comment" name="comment" maxlength="${CSAT_COMMENT_MAX}" aria-invalid="${commentError ? "true" : "false"}"${
      commentError ? ` aria-describedby="comment-error"` : ""
    }>${escapeHtml(input.comment ?? "")}</textarea>
${commentError ? `<p id="comment-error" class="error">${escapeHtml(commentError)}</p>` : ""}
<button type="submit">Send my answer</button>
</form>`,
  );
}

export function csatThanksPage(input: { shopName: string; reference: string; rating: number; comment: string | null }): string {
  return document(
    `Thank you · ${input.shopName}`,
    `<h1>Thank you for your answer</h1>
<p class="banner" role="status">You rated our help with ${escapeHtml(input.reference)} ${input.rating} out of 5 (${escapeHtml(CSAT_LABELS[input.rating] ?? "")}).</p>
${input.comment ? `<p class="body">${escapeHtml(input.comment)}</p>` : ""}
<p>${escapeHtml(input.shopName)} reads every answer.</p>`,
  );
}

// ---- when the link does not work ----------------------------------------------------------------------

const LINK_PROBLEMS = {
  invalid: {
    title: "This link does not work",
    text: "The link may be incomplete or changed. Open it again from our most recent email, or contact us again from the store.",
  },
  expired: {
    title: "This link has expired",
    text: "For your privacy, links to a conversation work for a limited time. Use the link in our most recent email, or contact us again from the store.",
  },
  not_found: {
    title: "This conversation is no longer available",
    text: "It may have been removed at your request. Contact us again from the store if you still need help.",
  },
} as const;

export function linkProblemPage(problem: keyof typeof LINK_PROBLEMS): string {
  const { title, text } = LINK_PROBLEMS[problem];
  return document(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}
