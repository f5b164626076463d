import type { AdminGraphql } from "../../shopify.server";
import { shopProfile } from "../shop/profile.server";
import { DEFAULT_PROXY_PATH, proxyPathOrNull } from "../../lib/proxy-path";
import { PanelQuerySchema, renderPanel } from "./panels.server";

/** GET /apps/support/panel?piece=tracking&locale=fr&root=/fr — one launcher panel's markup. */
export async function getPanel(request: Request, ctx: { shop: string; graphql: AdminGraphql }): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = PanelQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return Response.json({ error: "Ask for one of the launcher's pieces: tracking, returns, faq or contact." }, { status: 400 });
  const { currency } = await shopProfile(ctx.graphql, ctx.shop);
  const signedIn = Boolean(params.get("logged_in_customer_id"));
  const proxyPath = proxyPathOrNull(params.get("path_prefix")) ?? DEFAULT_PROXY_PATH;
  const html = await renderPanel({ ...parsed.data, signedIn, currency, proxyPath });
  // Private: the tracking panel differs for a signed-in customer (the proxy adds who is signed in).
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, max-age=300" } });
}
