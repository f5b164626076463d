/** The numeric part of a Shopify gid (gid://shopify/Order/123 → "123"). */
export function legacyId(gid: string): string | null {
  const match = /\/(\d+)$/.exec(gid);
  return match ? match[1]! : null;
}
