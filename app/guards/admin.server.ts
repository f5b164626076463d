import { authenticate } from "../shopify.server";

/**
 * Every admin loader and action starts here: the library checks the session token (or bounces to
 * get one) and throws the Response that answers a bad one. What the pages need about who is asking
 * comes back once: the shop, and the staff member's name for the record.
 */
export async function requireAdmin(request: Request) {
  const context = await authenticate.admin(request);
  const shop = context.session.shop;
  const staffId = context.sessionToken?.sub;
  const staff = staffName({ shop, user: context.session.onlineAccessInfo?.associated_user, userId: staffId });
  return { ...context, shop, staff, staffId };
}

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
