import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../services/app-proxy.server";
import { orderByToken } from "../services/tracking.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return orderByToken(request, { shop, graphql: admin.graphql });
};
