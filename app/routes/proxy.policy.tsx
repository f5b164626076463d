import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { cacheableJson, storefrontPolicy } from "../features/faq/storefront-content.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return cacheableJson(request, await storefrontPolicy({ db, shop, graphql: admin.graphql, now: new Date() }));
};
