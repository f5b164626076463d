import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, InlineStack, Layout, List, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect } from "react";
import db from "../db.server";
import { env } from "../env.server";
import { currentReturnPolicy } from "../features/policies/repo.server";
import { DECLINE_NOTE_MAX } from "../features/returns/decisions.server";
import { attachLabel, issueSettlement, markReturned, receiveItems, retryRefusedStep } from "../features/returns/fulfilment.server";
import { submitRequestAction } from "../features/returns/request-actions.server";
import type { FormOutcome } from "../features/returns/request-forms";
import { defaultApprovalMessage, loadReturnDetail, ReturnIdSchema } from "../features/returns/detail.server";
import { shopProfile } from "../features/shop/profile.server";
import { decide } from "../features/returns/decide.server";
import { syncDueRequests } from "../features/returns/sync.server";
import { MacroIdSchema, recordMacroUse, loadReplyMacros } from "../features/macros/replies.server";
import { decisionMacros } from "../features/returns/decision-macros.server";
import { staffFirstName, supportProfile } from "../features/policies/support-settings.server";
import { NotFoundBoundary } from "../components/shared/not-found-boundary";
import { ReturnStatusBadge } from "../components/returns/return-status";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import { MAX_LABEL_BYTES } from "../features/returns/domain/labels";
import { CustomerCard } from "../components/returns/customer-card";
import { DecisionForms } from "../components/returns/decision-forms";
import { DecisionSummary } from "../components/returns/decision-summary";
import { ItemsCard } from "../components/returns/items-card";
import { OrderCard } from "../components/returns/order-card";
import { RulesCard } from "../components/returns/rules-card";
import { SummaryCard } from "../components/returns/summary-card";
import { NextSteps } from "../components/returns/next-steps";
import { ShopifyCard } from "../components/returns/shopify-card";
import { StepBanner } from "../components/returns/step-banner";
import { SyncBanner } from "../components/returns/sync-banner";
import { TimelineCard } from "../components/returns/timeline-card";

const notFound = () => new Response("This return request does not exist in this shop.", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await requireAdmin(request);
  const id = ReturnIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const now = new Date();
  const [profile, policy, macros] = await Promise.all([
    shopProfile(admin.graphql, session.shop),
    currentReturnPolicy(db, session.shop),
    loadReplyMacros(db, session.shop),
  ]);
  const support = await supportProfile(db, session.shop, profile.timeZone);
  const detail = await loadReturnDetail({ db, shop: session.shop, graphql: admin.graphql }, id.data, {
    now,
    timeZone: profile.timeZone,
    currency: profile.currency,
    segments: support.settings.segments,
    policy,
    secret: env.SHOPIFY_API_SECRET,
  });
  if (!detail) throw notFound();
  const replies = decisionMacros({
    detail,
    macros,
    policy,
    profile,
    now,
    staffFirstName: staffFirstName(session.onlineAccessInfo?.associated_user),
    returnLink: support.links.returns(session.shop),
    support: { hours: support.hoursText, responseTime: support.responseTimeFor("returns") },
  });
  return { detail, approvalMessage: defaultApprovalMessage(detail.reference, detail.orderName), declineNoteMax: DECLINE_NOTE_MAX, replies };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session, staff } = await requireAdmin(request);
  const id = ReturnIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  // A label file may come with the form (at most 2 MB, checked again when it is stored).
  const form = await readForm(request, MAX_LABEL_BYTES + 64 * 1024);
  const outcome = await submitRequestAction(
    { shop: session.shop, graphql: admin.graphql, db },
    { decide, syncDueRequests, attachLabel, markReturned, receiveItems, issueSettlement, retryRefusedStep },
    id.data,
    staff,
    form,
  );
  if (outcome.ok) await recordMacroUse(db, session.shop, MacroIdSchema.safeParse(form.get("macroId")).data, new Date());
  return data<FormOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

export default function ReturnDetailPage() {
  const { detail, approvalMessage, declineNoteMax, replies } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const shopify = useAppBridge();

  useEffect(() => {
    if (outcome?.ok) shopify.toast.show(outcome.toast);
  }, [outcome, shopify]);

  // A sold-out exchange's refusal is shown in the approve form, beside its two choices.
  const formError = outcome && !outcome.ok && !outcome.offerFallback ? outcome.formError : null;

  return (
    <Page
      backAction={{ content: "Returns", url: "/app/returns" }}
      title={detail.reference}
      titleMetadata={
        <InlineStack gap="100">
          <ReturnStatusBadge status={detail.status} />
          {detail.autoApproved && <Badge tone="info">Auto-approved</Badge>}
        </InlineStack>
      }
      subtitle={`Order ${detail.orderName}${detail.customer ? ` · ${detail.customer.email}` : ""}`}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {formError && (
              <Banner tone="critical" title="That didn't go through">
                <p role="alert">{formError}</p>
              </Banner>
            )}
            <SyncBanner detail={detail} />
            <StepBanner detail={detail} />
            {detail.failedRules.length > 0 && (
              <Banner tone="critical" title="This request failed a policy rule">
                <BlockStack gap="200">
                  <List>
                    {detail.failedRules.map((rule) => (
                      <List.Item key={rule}>{rule}</List.Item>
                    ))}
                  </List>
                  {detail.status === "requested" && <p>To approve it anyway, give a reason: it is kept with the decision.</p>}
                </BlockStack>
              </Banner>
            )}
            <ItemsCard detail={detail} />
            {detail.actions.decide ? (
              <DecisionForms detail={detail} approvalMessage={approvalMessage} declineNoteMax={declineNoteMax} replies={replies} outcome={outcome} />
            ) : (
              <DecisionSummary detail={detail} />
            )}
            <NextSteps detail={detail} outcome={outcome} />
            <RulesCard detail={detail} />
            <TimelineCard detail={detail} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SummaryCard detail={detail} />
            <ShopifyCard detail={detail} />
            <OrderCard detail={detail} />
            <CustomerCard detail={detail} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="Return request not found"
      back={{ content: "Returns", url: "/app/returns", label: "Back to returns" }}
      heading="This return request does not exist in this shop"
      message="It may have been removed, or the link belongs to another store."
    />
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
