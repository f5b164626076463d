import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { postReturnsLookup } from "../features/returns/proxy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return postReturnsLookup(request, { shop, graphql: admin.graphql, db });
};
