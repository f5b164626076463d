/**
 * The access scopes Harbor Support asks for, and why; shopify.app.toml lists the same ones
 * (tests/unit/shopify-config.test.ts compares them).
 * - read_orders: order lookup and tracking — orders, line items, fulfillments, tracking numbers,
 *   delivery events — and, with read_returns, which items are still returnable.
 * - read_fulfillments: the fulfillments/* and fulfillment_events/* webhooks that keep tracking fresh.
 * - read_returns: returns and the shop's return reason definitions.
 * - write_returns: create return requests for shoppers; staff approve, decline, close them.
 * - read_products: a line item's product tags and type, which decide "final sale" and excluded
 *   product types in return eligibility.
 * Not asked: read_customers (the order's own email is enough to verify a shopper) and
 * read_all_orders (needs Shopify's approval; without it orders older than 60 days cannot be read).
 */
export const SCOPES = [
  "read_orders",
  "read_fulfillments",
  "read_returns",
  "write_returns",
  "read_products",
] as const;
