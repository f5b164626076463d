import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { postQuote } from "../features/returns/proxy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return postQuote(request, { shop, graphql: admin.graphql, db });
};
