/** The theme app extension's blocks the admin home offers to add, in the order shown. */
export type StorefrontBlock = { handle: string; name: string; target: "newAppsSection" | "mainSection" };

export const STOREFRONT_BLOCKS: StorefrontBlock[] = [
  { handle: "order-tracking", name: "Order tracking", target: "newAppsSection" },
  { handle: "returns", name: "Returns", target: "newAppsSection" },
];

/** Shopify's deep link that opens the theme editor with the block ready to add. */
export function themeEditorUrl(shopDomain: string, apiKey: string, block: StorefrontBlock): string {
  const params = new URLSearchParams({
    template: "index",
    addAppBlockId: `${apiKey}/${block.handle}`,
    target: block.target,
  });
  return `https://${shopDomain}/admin/themes/current/editor?${params}`;
}
