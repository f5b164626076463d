import { type SignatureVerdict } from "./signed-url";

/**
 * The answers of the routes that serve a shopper's photo to the admin on a signed link (return
 * photos, ticket attachments): a link or <img> carries no session token, so the signature stands in.
 */

/** A refused link: an expired one only needs the page reloaded (`page`: "the ticket") for a fresh signature. */
export function refusedLinkResponse(reason: Extract<SignatureVerdict, { ok: false }>["reason"], page: string): Response {
  const text = reason === "expired" ? `This link has expired: reload ${page}.` : "Invalid link.";
  return new Response(text, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The stored bytes as an image only: never sniffed into anything else, never able to run script. */
export function storedImageResponse(bytes: Uint8Array, contentType: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      // Stored only after sniffing the bytes (JPEG, PNG or WebP); never the shopper's declared type.
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, max-age=600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Referrer-Policy": "no-referrer",
    },
  });
}
