import type { ActionFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../services/app-proxy.server";
import { lookup } from "../services/tracking.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return lookup(request, { shop, graphql: admin.graphql });
};

export const loader = () => Response.json({ code: "method", error: "Send the lookup as a POST." }, { status: 405 });
