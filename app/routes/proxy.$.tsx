import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../services/app-proxy.server";

/**
 * Storefront requests arrive through Shopify's app proxy (https://{shop}/apps/support/* →
 * /proxy/*). Paths without a feature behind them answer 404 in the same JSON shape the blocks read.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAppProxy(request);
  const path = new URL(request.url).pathname.replace(/^\/proxy\/?/, "");
  if (path === "" || path === "status") return Response.json({ ok: true, shop });
  return Response.json({ error: "Not found" }, { status: 404 });
};
