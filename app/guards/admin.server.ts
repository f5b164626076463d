import { shopTimeZone } from "../features/shop/profile.server";
import { authenticate } from "../shopify.server";
import { staffName } from "./staff";

/**
 * Every admin loader and action starts here: the library checks the session token (or bounces to
 * get one) and throws the Response that answers a bad one. What the pages need about who is asking
 * comes back once: the shop, the staff member's name for the record, and the shop's time zone
 * (read from Shopify at most every 10 minutes per shop) for every date the pages show.
 */
export async function requireAdmin(request: Request) {
  const context = await authenticate.admin(request);
  const shop = context.session.shop;
  const staffId = context.sessionToken?.sub;
  const staff = staffName({ shop, user: context.session.onlineAccessInfo?.associated_user, userId: staffId });
  const timeZone = await shopTimeZone(context.admin.graphql, shop);
  return { ...context, shop, staff, staffId, timeZone };
}
