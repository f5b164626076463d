/**
 * The access scopes Harbor Support asks for, why, and what stops working without each; the
 * admin home names the missing ones with that consequence. shopify.app.toml lists the same scopes
 * (tests/unit/contracts compares them).
 * Not asked: read_all_orders (needs Shopify's approval; without it orders older than 60 days
 * cannot be read).
 */
export const SCOPE_REASONS = {
  read_orders: {
    why: "order lookup and tracking: orders, line items, fulfillments, tracking, delivery events, refunds and payments",
    without: "order tracking and returns cannot read orders",
  },
  read_fulfillments: {
    why: "the fulfillments/* and fulfillment_events/* webhooks that keep tracking fresh",
    without: "tracking updates only when a shopper looks",
  },
  read_returns: {
    why: "returns, their reverse deliveries and the shop's return reason definitions",
    without: "returns cannot be read",
  },
  write_returns: {
    why: "create return requests and exchanges, approve or decline them, attach labels, process and close them",
    without: "returns cannot be created or moved on in Shopify",
  },
  read_products: {
    why: "a line item's product tags, type and variants: final sale, excluded types, exchange options",
    without: "return eligibility and exchanges cannot see products",
  },
  read_customers: {
    why: "the order's customer account, which store credit is issued to (only its id is read)",
    without: "the store-credit bonus waits for you to credit it in Shopify",
  },
  read_locations: {
    why: "the location restocked return items go back to",
    without: "returned items cannot be restocked by the app",
  },
  read_store_credit_accounts: {
    why: "a customer's store-credit transactions, read back before a bonus is credited again after a lost answer",
    without: "the store-credit bonus waits for you to credit it in Shopify",
  },
  write_store_credit_account_transactions: {
    why: "credit the store-credit bonus a shopper was promised",
    without: "the store-credit bonus waits for you to credit it in Shopify",
  },
  // https://shopify.dev/docs/apps/build/online-store/app-proxies: "Configuring an app proxy
  // requires the write_app_proxy access scope."
  write_app_proxy: {
    why: "the app proxy (/apps/support) every storefront block talks to: order tracking, returns, FAQ, contact",
    without: "the storefront blocks cannot reach the app: shoppers see no tracking, returns, FAQ or contact form",
  },
} as const;

export type Scope = keyof typeof SCOPE_REASONS;
export const SCOPES = Object.keys(SCOPE_REASONS) as Scope[];

/** What the merchant loses while these scopes are not granted, each consequence once. */
export function missingScopeConsequences(granted: readonly string[]): { scope: Scope; without: string }[] {
  return SCOPES.filter((scope) => !granted.includes(scope)).map((scope) => ({ scope, without: SCOPE_REASONS[scope].without }));
}
