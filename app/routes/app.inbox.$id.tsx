import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, InlineStack, Layout, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect } from "react";
import { NotFoundBoundary } from "../components/shared/not-found-boundary";
import { PriorityBadge, TicketStatusBadge } from "../components/tickets/ticket-badges";
import db from "../db.server";
import { env } from "../env.server";
import { currentReturnPolicy } from "../features/policies/repo.server";
import { loadTicketDetail, TicketIdSchema } from "../features/tickets/ticket-detail.server";
import { rememberStaffVisit } from "../features/tickets/inbox-list.server";
import { submitInboxAction, type InboxOutcome } from "../features/tickets/inbox-actions.server";
import { loadReplyMacros } from "../features/macros/replies.server";
import { shopProfile } from "../features/shop/profile.server";
import { staffFirstName, supportProfile } from "../features/policies/support-settings.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import { CsatCard } from "../components/tickets/csat-card";
import { CustomerCard } from "../components/tickets/customer-card";
import { NoteCard } from "../components/tickets/note-card";
import { OrderCard } from "../components/tickets/order-card";
import { PriorityCard } from "../components/tickets/priority-card";
import { ReplyCard } from "../components/tickets/reply-card";
import { StatusCard } from "../components/tickets/status-card";
import { ThreadCard } from "../components/tickets/thread-card";

const notFound = () => new Response("This ticket does not exist in this shop.", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session, sessionToken, staff } = await requireAdmin(request);
  const id = TicketIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const now = new Date();
  const user = session.onlineAccessInfo?.associated_user;
  const [profile, policy, macros] = await Promise.all([
    shopProfile(admin.graphql, session.shop),
    currentReturnPolicy(db, session.shop),
    loadReplyMacros(db, session.shop),
    rememberStaffVisit(db, session.shop, sessionToken?.sub, staff),
  ]);
  const support = await supportProfile(db, session.shop, profile.timeZone, now);
  const detail = await loadTicketDetail({ db, shop: session.shop, graphql: admin.graphql }, id.data, {
    now,
    secret: env.SHOPIFY_API_SECRET,
    shop: profile,
    support,
    policy,
    macros,
    staffFirstName: staffFirstName(user),
  });
  if (!detail) throw notFound();
  return detail;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session, staff } = await requireAdmin(request);
  const id = TicketIdSchema.safeParse(params.id);
  if (!id.success) throw notFound();
  const profile = await shopProfile(admin.graphql, session.shop);
  const outcome = await submitInboxAction({ db, shop: session.shop, graphql: admin.graphql }, id.data, { name: staff }, await readForm(request), profile.name);
  return data<InboxOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

export default function TicketPage() {
  const detail = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const shopify = useAppBridge();
  const { ticket } = detail;

  useEffect(() => {
    if (outcome?.ok) shopify.toast.show(outcome.toast);
  }, [outcome, shopify]);

  const formError = outcome && !outcome.ok ? outcome.formError : null;

  return (
    <Page
      backAction={{ content: "Inbox", url: "/app/inbox" }}
      title={ticket.reference}
      titleMetadata={
        <InlineStack gap="100">
          <TicketStatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
        </InlineStack>
      }
      subtitle={`${ticket.subject} · ${detail.customer.name} <${detail.customer.email}>`}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {formError && (
              <Banner tone="critical" title="That didn't go through">
                <p role="alert">{formError}</p>
              </Banner>
            )}
            <ThreadCard detail={detail} />
            <ReplyCard detail={detail} outcome={outcome} />
            <NoteCard detail={detail} outcome={outcome} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <StatusCard detail={detail} outcome={outcome} />
            <PriorityCard detail={detail} />
            <CustomerCard detail={detail} />
            <OrderCard detail={detail} />
            <CsatCard detail={detail} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <NotFoundBoundary
      title="Ticket not found"
      back={{ content: "Inbox", url: "/app/inbox", label: "Back to the inbox" }}
      heading="This ticket does not exist in this shop"
      message="It may have been removed, or the link belongs to another store."
    />
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
