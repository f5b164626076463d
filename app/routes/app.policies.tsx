import type { HeadersFunction } from "@remix-run/node";
import { Outlet, useLocation, useRouteError } from "@remix-run/react";
import { Box, Page, Tabs } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";

/**
 * The Policies page: one tab per policy document, each its own route with its own loader, action
 * and save bar. No loader here: the tabs need no data, and each section authenticates itself.
 */
const SECTIONS = [
  { id: "policy-tab-returns", content: "Returns", url: "/app/policies" },
  { id: "policy-tab-shipping", content: "Shipping", url: "/app/policies/shipping" },
  { id: "policy-tab-support", content: "Support", url: "/app/policies/support" },
];

export default function PoliciesLayout() {
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, "");
  const selected = Math.max(
    0,
    SECTIONS.findIndex((section) => section.url === path),
  );
  return (
    <Page title="Policies">
      {/* Each tab is a link (Remix's, through Polaris' link component), so the URL names the section. */}
      <Tabs tabs={SECTIONS} selected={selected}>
        <Box paddingBlockStart="400">
          <Outlet />
        </Box>
      </Tabs>
    </Page>
  );
}

// Shopify's own responses (re-authentication) must reach the browser unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
