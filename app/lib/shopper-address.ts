/**
 * The shopper's address as Shopify's app proxy reports it. Each proxy appends the address that
 * connected to it to X-Forwarded-For, so the list reads: whatever the browser sent, the shopper
 * (appended by Shopify), then one address per proxy of our own hosting (a load balancer appends
 * Shopify's). Counting `trustedHops` (our hosting's proxies, TRUSTED_PROXY_HOPS) from the end
 * skips those and never reaches the hops a browser can forge. Storefront limits are keyed on this,
 * never on an id the browser chooses.
 */
export function shopperAddress(request: Request, trustedHops: number): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return hops[hops.length - 1 - trustedHops] ?? "unknown";
}
