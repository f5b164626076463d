/**
 * The shopper's address as Shopify's app proxy reports it: the last X-Forwarded-For hop. The proxy
 * keeps whatever the browser sent before it, so only the hop it appends is trusted. Storefront
 * limits are keyed on this, never on an id the browser chooses.
 */
export function shopperAddress(request: Request): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops[hops.length - 1] ?? "unknown";
}
