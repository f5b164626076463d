import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { PolicySection, withKeys } from "../components/policies/policy-editor";
import db from "../db.server";
import { loadPolicySection, RETURNS_SECTION, savePolicySection, type SaveOutcome } from "../features/policies/policies.server";
import type { ReturnPolicyFormValues } from "../features/policies/returns-form";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import { AutoApproveCard } from "../components/policies/auto-approve-card";
import { ExclusionsCard } from "../components/policies/return-exclusions-card";
import { ProcessingCard } from "../components/policies/return-processing-card";
import type { EditorValues } from "../components/policies/return-policy-editor";
import { ReasonsCard } from "../components/policies/return-reasons-card";
import { ResolutionsCard } from "../components/policies/return-resolutions-card";
import { ResponseCard } from "../components/policies/return-response-card";
import { ShippingCard } from "../components/policies/return-shipping-card";
import { WindowCard } from "../components/policies/return-window-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, timeZone } = await requireAdmin(request);
  return loadPolicySection(db, session.shop, RETURNS_SECTION, timeZone);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const outcome = await savePolicySection(db, session.shop, RETURNS_SECTION, await readForm(request), staff);
  return data<SaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

const toEditor = (form: ReturnPolicyFormValues): EditorValues => ({ ...form, reasons: withKeys(form.reasons, "reason").map((r) => ({ ...r, isNew: false })) });

export default function ReturnPolicyPage() {
  return (
    <PolicySection
      page={useLoaderData<typeof loader>()}
      title="Return policy"
      saveBarId="return-policy-save-bar"
      versionsNote="Each return request keeps the version it was judged by."
      toEditor={toEditor}
      cards={(cardProps) => (
        <>
          <WindowCard {...cardProps} />
          <ExclusionsCard {...cardProps} />
          <ResolutionsCard {...cardProps} />
          <ShippingCard {...cardProps} />
          <ProcessingCard {...cardProps} />
          <ReasonsCard {...cardProps} />
          <AutoApproveCard {...cardProps} />
          <ResponseCard {...cardProps} />
        </>
      )}
    />
  );
}

// Shopify's own responses (re-authentication) must reach the browser unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
