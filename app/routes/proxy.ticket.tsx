import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { getThread, postThread } from "../features/tickets/proxy.server";

/** GET /apps/support/ticket?t=… — the shopper's conversation, from the signed link in our emails. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return getThread(request, { db, shop, graphql: admin.graphql });
};

/** POST /apps/support/ticket?t=… (multipart) — the shopper answers; the ticket reopens. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return postThread(request, { db, shop, graphql: admin.graphql });
};
