import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAppProxy } from "../guards/app-proxy.server";
import { getPanel } from "../features/launcher/proxy.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireAppProxy(request);
  return getPanel(request, { shop, graphql: admin.graphql });
};
