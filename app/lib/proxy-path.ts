/** Where the storefront reaches the app unless the merchant changed it (shopify.app.toml's app_proxy). */
export const DEFAULT_PROXY_PATH = "/apps/support";

/**
 * An app proxy path as Shopify signs it into each request (`path_prefix`): one of the prefixes a
 * merchant may pick (/apps, /a, /community, /tools), then the subpath. Null for anything else.
 */
export function proxyPathOrNull(value: unknown): string | null {
  return typeof value === "string" && /^\/(apps|a|community|tools)\/[A-Za-z0-9._~-]{1,100}$/.test(value) ? value : null;
}
