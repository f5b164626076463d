import { type ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { postContact } from "../features/tickets/proxy.server";

/** POST /apps/support/contact (multipart) — the contact block's form becomes a ticket. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return postContact(request, { db, shop, graphql: admin.graphql });
};

export const loader = () => Response.json({ error: "method" }, { status: 405 });
