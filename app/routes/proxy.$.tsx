import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../guards/app-proxy.server";

/**
 * Storefront requests arrive through Shopify's app proxy (https://{shop}/apps/support/* →
 * /proxy/*). Paths without a feature behind them answer 404 in the same JSON shape the blocks read.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAppProxy(request);
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/proxy\/?/, "");
  // Blocks ask whether the shopper is signed in to offer "your orders" instead of a lookup form.
  const customerSignedIn = Boolean(url.searchParams.get("logged_in_customer_id"));
  if (path === "" || path === "status") return Response.json({ ok: true, shop, customerSignedIn });
  return Response.json({ error: "Not found" }, { status: 404 });
};
