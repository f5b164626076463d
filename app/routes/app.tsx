import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { env } from "../env.server";
import { requireAdmin } from "../guards/admin.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return {
    apiKey: env.SHOPIFY_API_KEY,
    // Demo only: App Bridge lives on Shopify's CDN, unreachable here; the simulated shop serves a stand-in.
    appBridgeUrl: env.SHOPIFY_SIMULATOR_URL ? `${env.SHOPIFY_SIMULATOR_URL}/app-bridge.js` : undefined,
  };
};

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <NavMenu>
        <Link to="/app" rel="home">
          Home
        </Link>
        <Link to="/app/inbox">Inbox</Link>
        <Link to="/app/returns">Returns</Link>
        <Link to="/app/macros">Macros</Link>
        <Link to="/app/faq">FAQ</Link>
        <Link to="/app/policies">Policies</Link>
        <Link to="/app/outbox">Outbox</Link>
        <Link to="/app/import-export">Import and export</Link>
        <Link to="/app/data-requests">Data requests</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses so its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
