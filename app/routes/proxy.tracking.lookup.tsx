import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { queueActivity } from "../features/dashboard/events.server";
import { postLookup } from "../features/tracking/proxy.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  const response = await postLookup(request, { shop, graphql: admin.graphql, db });
  // Counted for the dashboard (written in batches); the block passes its anonymous visitor id in the query.
  if (response.ok) queueActivity(db, shop, "tracking_lookup", { visitor: new URL(request.url).searchParams.get("visitor") }, new Date());
  return response;
};

export const loader = () => Response.json({ code: "method", error: "Send the lookup as a POST." }, { status: 405 });
