/**
 * Answers the storefront adapters (`features/<name>/proxy.server.ts`) build from use-case results.
 * The blocks translate each answer's `code`; `error` is the English fallback.
 */

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  // Storefront answers carry an order's details, a token or a shopper's message: never cached by a shared cache.
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store", ...headers } });
}

/** Shopify throttled or down while answering about an order: the blocks offer to try again. */
const UNAVAILABLE = { code: "unavailable", error: "Order tracking is unavailable right now. Please try again shortly." };

/** What the order lookup and order-access links can fail with, in tracking and returns alike. */
export type OrderFailure =
  | { code: "rate_limited"; retryAfterSeconds: number }
  | { code: "invalid"; fields: Record<string, string> }
  | { code: "not_found" }
  | { code: "expired" }
  | { code: "unavailable" };

/** Every failure of the lookup reads the same, whichever detail was wrong. */
export function orderFailure(failure: OrderFailure): Response {
  switch (failure.code) {
    case "rate_limited":
      return json(
        { code: "rate_limited", error: "Too many lookups. Please wait a minute and try again.", retryAfter: failure.retryAfterSeconds },
        429,
        { "Retry-After": String(failure.retryAfterSeconds) },
      );
    case "invalid":
      return json({ code: "invalid", error: "Check the highlighted fields.", fields: failure.fields }, 400);
    case "not_found":
      return json({ code: "not_found", error: "We couldn't find an order with those details." }, 404);
    case "expired":
      return json({ code: "expired", error: "This link has expired. Look up your order again." }, 401);
    case "unavailable":
      return json(UNAVAILABLE, 503, { "Retry-After": "5" });
  }
}
