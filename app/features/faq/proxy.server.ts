import { createHash } from "node:crypto";
import type { Db } from "../../db-client.server";
import type { AdminGraphql } from "../../shopify.server";
import { LocaleQuerySchema, storefrontFaq, storefrontPolicy } from "./storefront-content.server";

/**
 * The FAQ and policy blocks' requests (through the app proxy). Both answers are cache-friendly: an
 * ETag from the content and a short max-age, so a browser revalidates within a minute of a save.
 */

const STOREFRONT_MAX_AGE_SECONDS = 60;

type ProxyContext = { db: Db; shop: string; graphql: AdminGraphql };

/** A JSON answer with an ETag of its content; a matching If-None-Match gets an empty 304. */
function cacheableJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": `public, max-age=${STOREFRONT_MAX_AGE_SECONDS}`,
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/** GET /apps/support/faq?locale=… — the published FAQ in the shopper's language (English when we have none). */
export async function getFaq(request: Request, ctx: ProxyContext): Promise<Response> {
  const locale = LocaleQuerySchema.parse(new URL(request.url).searchParams.get("locale") ?? "en");
  return cacheableJson(request, await storefrontFaq({ ...ctx, now: new Date() }, locale));
}

/** GET /apps/support/policy — the returns, shipping and support summary. */
export async function getPolicy(request: Request, ctx: ProxyContext): Promise<Response> {
  return cacheableJson(request, await storefrontPolicy({ ...ctx, now: new Date() }));
}
