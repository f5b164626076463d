import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { recordActivity } from "../features/dashboard/events.server";
import { postReturnRequest } from "../features/returns/proxy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  const response = await postReturnRequest(request, { shop, graphql: admin.graphql, db });
  if (response.status === 201) await recordActivity(db, shop, "return_started", { visitor: new URL(request.url).searchParams.get("visitor") }, new Date());
  return response;
};
