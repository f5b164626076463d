import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { returnsByToken } from "../features/returns/returns.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return returnsByToken(request, { shop, graphql: admin.graphql, db });
};
