import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { lookupForReturns } from "../features/returns/returns.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return lookupForReturns(request, { shop, graphql: admin.graphql, db });
};
