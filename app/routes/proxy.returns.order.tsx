import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { getReturnsByToken } from "../features/returns/proxy.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return getReturnsByToken(request, { shop, graphql: admin.graphql, db });
};
