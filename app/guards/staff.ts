/** Who decided, for the record: the staff member when Shopify says who it is, else the shop. */
export function staffName(input: {
  shop: string;
  user?: { first_name?: string | null; last_name?: string | null; email?: string | null } | null;
  userId?: string | null;
}): string {
  const name = [input.user?.first_name, input.user?.last_name].filter((part) => part?.trim()).join(" ");
  const email = input.user?.email?.trim();
  if (name && email) return `${name} <${email}>`;
  if (name || email) return (name || email)!;
  return input.userId ? `Staff #${input.userId} (${input.shop})` : `Staff (${input.shop})`;
}
