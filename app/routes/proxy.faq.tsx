import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { cacheableJson, LocaleQuerySchema, storefrontFaq } from "../features/faq/storefront-content.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  const locale = LocaleQuerySchema.parse(new URL(request.url).searchParams.get("locale") ?? "en");
  return cacheableJson(request, await storefrontFaq({ db, shop, graphql: admin.graphql, now: new Date() }, locale));
};
