// What the blocks send to the app proxy, built in one place so tests/unit/storefront-contract.test.ts
// can hold each payload against the zod schema its route reads. Pure: no DOM, no fetch.

/** Tracking and returns lookup (LookupSchema in app/services/tracking.server.ts): an email, or a phone when allowed. */
export function lookupBody(order: string, contact: string, phoneAllowed: boolean) {
  const by: "email" | "phone" = phoneAllowed && !contact.includes("@") ? "phone" : "email";
  return { by, body: { order, [by]: contact } as { order: string; email?: string; phone?: string } };
}

export type ReturnItem = { lineItemId: string; quantity: number; reason: string };

/** A returns quote (QuoteSchema in app/services/returns.server.ts), as the JSON the block posts. */
export const quoteBody = (token: string, resolution: string, items: ReturnItem[]) => JSON.stringify({ token, resolution, items });

export type ReturnSubmission = {
  token: string;
  visitor: string;
  idempotencyKey: string;
  resolution: string;
  /** The storefront's language (request.locale.iso_code), so emails and the status page speak it. */
  locale: string | undefined;
  items: (ReturnItem & { note: string; exchangeVariantId?: string })[];
  photos: { lineItemId: string; file: Blob; name: string }[];
};

/**
 * A return request (SubmissionSchema in app/services/returns.server.ts). The order-access token and
 * the visitor go in the query: Shopify signs the query, so the server can check the token before it
 * reads a multipart body of photos, and the route counts the return for the dashboard by visitor.
 */
export function returnRequest(s: ReturnSubmission): { query: Record<string, string>; form: FormData } {
  const form = new FormData();
  form.append("idempotencyKey", s.idempotencyKey);
  form.append("resolution", s.resolution);
  if (s.locale) form.append("locale", s.locale);
  form.append("items", JSON.stringify(s.items));
  for (const p of s.photos) form.append("photo:" + p.lineItemId, p.file, p.name);
  return { query: { token: s.token, visitor: s.visitor }, form };
}

/** The contact form's fields beyond the visible ones (ContactFormSchema in app/domain/support/tickets.ts). */
export function contactExtras(e: { orderToken: string | null; elapsed: number; visitor: string; locale: string | undefined }): Record<string, string> {
  const extras = { order_token: e.orderToken, elapsed: e.elapsed, visitor: e.visitor, locale: e.locale };
  return Object.fromEntries(Object.entries(extras).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]));
}
