import { createHash } from "node:crypto";
import type { Db } from "../../db-client.server";
import type { AdminGraphql } from "../../shopify.server";
import { LocaleQuerySchema, storefrontFaq, storefrontPolicy } from "./storefront-content.server";
import { policyRevision } from "../policies/repo.server";

/**
 * The FAQ and policy blocks' requests (through the app proxy). Both answers are cache-friendly: an
 * ETag from the content and a short max-age, so a browser revalidates within a minute of a save.
 */

const STOREFRONT_MAX_AGE_SECONDS = 60;

type ProxyContext = { db: Db; shop: string; graphql: AdminGraphql };

const cacheHeaders = (etag: string) => ({ ETag: etag, "Cache-Control": `public, max-age=${STOREFRONT_MAX_AGE_SECONDS}` });

const matches = (request: Request, etag: string) =>
  request.headers.get("if-none-match")?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag) ?? false;

/** A JSON answer with an ETag of its content; a matching If-None-Match gets an empty 304. */
function cacheableJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  if (matches(request, etag)) return new Response(null, { status: 304, headers: cacheHeaders(etag) });
  return new Response(text, { status: 200, headers: { ...cacheHeaders(etag), "Content-Type": "application/json; charset=utf-8" } });
}

/**
 * The policy's last ETag per shop, with the policy revision it was made from. A revalidation with
 * that ETag is answered 304 without building the body, while the revision is unchanged and for at
 * most max-age: the body also depends on the clock (open now, peak season), which a minute covers.
 * A cache per process: a miss only means building the body once.
 */
const policyTags = new Map<string, { revision: string; etag: string; until: number }>();


/** GET /apps/support/faq?locale=… — the published FAQ in the shopper's language (English when we have none). */
export async function getFaq(request: Request, ctx: ProxyContext): Promise<Response> {
  const locale = LocaleQuerySchema.parse(new URL(request.url).searchParams.get("locale") ?? "en");
  return cacheableJson(request, await storefrontFaq({ ...ctx, now: new Date() }, locale));
}

/** GET /apps/support/policy — the returns, shipping and support summary. */
export async function getPolicy(request: Request, ctx: ProxyContext): Promise<Response> {
  const now = new Date();
  const revision = await policyRevision(ctx.db, ctx.shop);
  const stored = policyTags.get(ctx.shop);
  if (stored && stored.revision === revision && stored.until > now.getTime() && matches(request, stored.etag)) {
    return new Response(null, { status: 304, headers: cacheHeaders(stored.etag) });
  }
  const response = cacheableJson(request, await storefrontPolicy({ ...ctx, now }));
  policyTags.set(ctx.shop, { revision, etag: response.headers.get("ETag")!, until: now.getTime() + STOREFRONT_MAX_AGE_SECONDS * 1000 });
  return response;
}
