import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireAppProxy } from "../guards/app-proxy.server";
import { getCsat, postCsat } from "../features/tickets/proxy.server";

/** GET /apps/support/csat?t=…&rating=1..5 — the survey, with the rating picked in the email chosen. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return getCsat(request, { db, shop, graphql: admin.graphql });
};

/** POST /apps/support/csat?t=… — records the answer (the first one is final). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return postCsat(request, { db, shop, graphql: admin.graphql });
};
