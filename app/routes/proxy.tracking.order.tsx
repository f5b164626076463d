import db from "../db.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../guards/app-proxy.server";
import { getOrderByToken } from "../features/tracking/proxy.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return getOrderByToken(request, { shop, graphql: admin.graphql, db });
};
