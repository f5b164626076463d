import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { PolicySection, withKeys } from "../components/policies/policy-editor";
import db from "../db.server";
import { loadPolicySection, savePolicySection, SUPPORT_SECTION, type SaveOutcome } from "../features/policies/policies.server";
import { timeZoneChoices, type SupportFormValues } from "../features/policies/support-form";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import type { EditorValues } from "../components/policies/support-editor";
import { HolidaysCard } from "../components/policies/support-holidays-card";
import { HoursCard } from "../components/policies/support-hours-card";
import { KeywordsCard } from "../components/policies/support-keywords-card";
import { PagesCard } from "../components/policies/support-pages-card";
import { TargetsCard } from "../components/policies/support-targets-card";
import { TopicsCard } from "../components/policies/support-topics-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, timeZone } = await requireAdmin(request);
  const page = await loadPolicySection(db, session.shop, SUPPORT_SECTION, timeZone);
  // Listed on the server so the page and its hydration agree, whatever zones the browser knows.
  return { ...page, shopTimeZone: timeZone, timeZones: timeZoneChoices(page.form.timeZone || null) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const outcome = await savePolicySection(db, session.shop, SUPPORT_SECTION, await readForm(request), staff);
  return data<SaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

const toEditor = (form: SupportFormValues): EditorValues => ({ ...form, holidays: withKeys(form.holidays, "holiday") });

export default function SupportSettingsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <PolicySection
      page={page}
      title="Support settings"
      saveBarId="support-settings-save-bar"
      versionsNote="Response-time promises and timers follow the version in force."
      toEditor={toEditor}
      cards={(cardProps) => (
        <>
          <HoursCard {...cardProps} shopTimeZone={page.shopTimeZone} timeZones={page.timeZones} />
          <HolidaysCard {...cardProps} />
          <TargetsCard {...cardProps} />
          <TopicsCard {...cardProps} />
          <KeywordsCard {...cardProps} />
          <PagesCard {...cardProps} />
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
