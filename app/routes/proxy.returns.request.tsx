import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../services/app-proxy.server";
import { submitReturnRequest } from "../services/returns.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return submitReturnRequest(request, { shop, graphql: admin.graphql, db });
};
