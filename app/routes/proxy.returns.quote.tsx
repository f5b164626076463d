import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { quote } from "../features/returns/returns.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return quote(request, { shop, graphql: admin.graphql, db });
};
