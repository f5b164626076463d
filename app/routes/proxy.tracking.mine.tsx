import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../guards/app-proxy.server";
import { recentOrders } from "../features/tracking/tracking.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return recentOrders(request, { shop, graphql: admin.graphql });
};
