/** The theme app extension's blocks the admin home offers to add, in the order shown. */
export type StorefrontBlock =
  | { kind: "block"; handle: string; name: string; target: "newAppsSection" | "mainSection" }
  | { kind: "embed"; handle: string; name: string };

export const STOREFRONT_BLOCKS: StorefrontBlock[] = [
  { kind: "block", handle: "order-tracking", name: "Order tracking", target: "newAppsSection" },
  { kind: "block", handle: "returns", name: "Returns", target: "newAppsSection" },
  { kind: "block", handle: "faq", name: "FAQ", target: "newAppsSection" },
  { kind: "block", handle: "contact", name: "Contact", target: "newAppsSection" },
  { kind: "embed", handle: "help-launcher", name: "Help launcher (every page)" },
];

/**
 * Shopify's deep links into the theme editor: an app block opens ready to add to a template; an
 * app embed opens the App embeds panel with it switched on.
 */
export function themeEditorUrl(shopDomain: string, apiKey: string, block: StorefrontBlock): string {
  const params =
    block.kind === "embed"
      ? new URLSearchParams({ context: "apps", activateAppId: `${apiKey}/${block.handle}` })
      : new URLSearchParams({ template: "index", addAppBlockId: `${apiKey}/${block.handle}`, target: block.target });
  return `https://${shopDomain}/admin/themes/current/editor?${params}`;
}
