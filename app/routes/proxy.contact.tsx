import { type ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { createFromContact } from "../features/tickets/tickets.server";

/** POST /apps/support/contact (multipart) — the contact block's form becomes a ticket. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return createFromContact(request, { db, shop, graphql: admin.graphql });
};

export const loader = () => Response.json({ error: "method" }, { status: 405 });
