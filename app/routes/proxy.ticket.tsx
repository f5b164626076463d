import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { postThreadReply, showThread } from "../features/tickets/shopper-thread.server";

/** GET /apps/support/ticket?t=… — the shopper's conversation, from the signed link in our emails. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return showThread(request, { db, shop, graphql: admin.graphql });
};

/** POST /apps/support/ticket?t=… (multipart) — the shopper answers; the ticket reopens. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return postThreadReply(request, { db, shop, graphql: admin.graphql });
};
