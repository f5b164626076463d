import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  Select,
  Text,
  TextField,
  Thumbnail,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useState } from "react";
import db from "../db.server";
import { env } from "../env.server";
import { currentReturnPolicy } from "../features/policies/repo.server";
import { DECLINE_NOTE_MAX, submitDecision, type DecisionOutcome } from "../features/returns/decisions.server";
import { defaultApprovalMessage, loadReturnDetail, ReturnIdSchema, type ReturnDetail } from "../features/returns/detail.server";
import { shopProfile } from "../features/shop/profile.server";
import { decide, syncDueRequests } from "../features/returns/returns.server";
import { MacroIdSchema, recordMacroUse, loadReplyMacros, type MacroChoice } from "../features/macros/replies.server";
import { decisionMacros } from "../features/returns/decision-macros.server";
import { staffFirstName, supportProfile } from "../features/policies/support-settings.server";
import { MacroPicker, useMacroMessage } from "../components/macros/macro-picker";
import { NotFoundBoundary } from "../components/shared/not-found-boundary";
import { OrderSummaryCard, Row, SegmentBadge } from "../components/shared/order-summary";
import { capitalize, ReturnStatusBadge, TimeLeft } from "../components/returns/return-status";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

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
  const form = await readForm(request);
  const outcome = await submitDecision({ shop: session.shop, graphql: admin.graphql, db }, { decide, syncDueRequests }, id.data, staff, form);
  if (outcome.ok) await recordMacroUse(db, session.shop, MacroIdSchema.safeParse(form.get("macroId")).data, new Date());
  return data<DecisionOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

type Detail = NonNullable<ReturnDetail>;


const DECLINE_REASON_OPTIONS = [
  { label: "Choose a reason", value: "", disabled: true },
  { label: "Final sale", value: "FINAL_SALE" },
  { label: "Return period ended", value: "RETURN_PERIOD_ENDED" },
  { label: "Other", value: "OTHER" },
];

const EVENT_LABELS: Record<string, string> = {
  received: "Request received",
  requested: "Created in Shopify",
  approved: "Approved",
  declined: "Declined",
  failed: "Shopify refused the request",
  closed: "Closed",
  cancelled: "Cancelled",
};


export default function ReturnDetailPage() {
  const { detail, approvalMessage, declineNoteMax, replies } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const shopify = useAppBridge();

  useEffect(() => {
    if (outcome?.ok) shopify.toast.show(outcome.toast);
  }, [outcome, shopify]);

  const formError = outcome && !outcome.ok ? outcome.formError : null;

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
            {detail.status === "requested" ? (
              <DecisionForms detail={detail} approvalMessage={approvalMessage} declineNoteMax={declineNoteMax} replies={replies} outcome={outcome} />
            ) : (
              <DecisionSummary detail={detail} />
            )}
            <RulesCard detail={detail} />
            <TimelineCard detail={detail} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SummaryCard detail={detail} />
            <OrderCard detail={detail} />
            <CustomerCard detail={detail} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function SyncBanner({ detail }: { detail: Detail }) {
  const navigation = useNavigation();
  const retrying = navigation.state !== "idle" && navigation.formData?.get("intent") === "retry";
  if (detail.status === "received") {
    return (
      <Banner tone="info" title="Waiting for Shopify — retried automatically">
        <BlockStack gap="200">
          <p>
            The request is stored; Shopify has not accepted it yet.
            {detail.nextSync ? ` Next try: ${detail.nextSync}.` : ""}
            {detail.lastSyncError ? ` Last answer: ${detail.lastSyncError}` : ""}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <Button submit loading={retrying}>
              Retry now
            </Button>
          </Form>
        </BlockStack>
      </Banner>
    );
  }
  if (detail.status === "failed") {
    return (
      <Banner tone="critical" title="Shopify refused this request">
        <p>{detail.lastSyncError ?? "No reason was given."} Create the return in Shopify's admin, or contact the shopper.</p>
      </Banner>
    );
  }
  return null;
}

function ItemsCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Items
        </Text>
        {detail.items.map((item, index) => (
          <BlockStack gap="200" key={item.id}>
            {index > 0 && <Divider />}
            <InlineStack align="space-between" blockAlign="start" gap="200">
              <BlockStack gap="100">
                <Text as="h3" variant="headingSm">
                  {item.title}
                </Text>
                <Text as="p">
                  Quantity {item.quantity} · {item.reason}
                </Text>
                {item.note && (
                  <Text as="p" tone="subdued">
                    “{item.note}”
                  </Text>
                )}
              </BlockStack>
            </InlineStack>
            {item.photos.length > 0 && (
              <InlineStack gap="200">
                {item.photos.map((photo, n) => (
                  <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer" aria-label={`Open photo ${n + 1} of ${item.title} in full size`}>
                    <Thumbnail source={photo.url} alt={`Photo ${n + 1} of ${item.title}`} size="large" />
                  </a>
                ))}
              </InlineStack>
            )}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

type Replies = { approve: MacroChoice[]; decline: Record<string, MacroChoice[]> };

function ApproveForm({
  detail,
  approvalMessage,
  macros,
  outcome,
}: {
  detail: Detail;
  approvalMessage: string;
  macros: MacroChoice[];
  outcome: DecisionOutcome | undefined;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "approve";
  const { message, setMessage, macroId, pick } = useMacroMessage(approvalMessage);
  const [overrideReason, setOverrideReason] = useState("");
  const errors = outcome && !outcome.ok && outcome.intent === "approve" ? outcome.fieldErrors : {};
  const needsReason = detail.failedRules.length > 0;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="macroId" value={macroId} />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Approve
        </Text>
        <MacroPicker macros={macros} value={macroId} onPick={pick} />
        {needsReason && (
          <TextField
            label="Why approve despite the failed rule?"
            name="overrideReason"
            value={overrideReason}
            onChange={setOverrideReason}
            autoComplete="off"
            multiline={2}
            maxLength={500}
            requiredIndicator
            helpText="Kept with the decision for your team; not sent to the shopper."
            error={errors.overrideReason}
          />
        )}
        <TextField
          label="Message to the shopper"
          name="message"
          value={message}
          onChange={setMessage}
          autoComplete="off"
          multiline={4}
          maxLength={2000}
          helpText="Emailed with the approval. Shopify also sends its own return instructions."
          error={errors.message}
        />
        <InlineStack align="end">
          <Button submit variant="primary" loading={busy}>
            Approve return
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}

function DeclineForm({ noteMax, macros, outcome }: { noteMax: number; macros: Record<string, MacroChoice[]>; outcome: DecisionOutcome | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "decline";
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const { message, setMessage, macroId, pick } = useMacroMessage("");
  const errors = outcome && !outcome.ok && outcome.intent === "decline" ? outcome.fieldErrors : {};
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="decline" />
      <input type="hidden" name="macroId" value={macroId} />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Decline
        </Text>
        <Select label="Reason" name="reason" options={DECLINE_REASON_OPTIONS} value={reason} onChange={setReason} error={errors.reason} requiredIndicator />
        {/* Macros quote the reason, so they are offered once it is chosen. */}
        {reason && <MacroPicker macros={macros[reason] ?? []} value={macroId} onPick={pick} />}
        <TextField
          label="Note shown to the shopper"
          name="note"
          value={note}
          onChange={setNote}
          autoComplete="off"
          multiline={3}
          maxLength={noteMax}
          showCharacterCount
          helpText="Shopify shows it with the declined return."
          error={errors.note}
        />
        <TextField
          label="Message to the shopper"
          name="message"
          value={message}
          onChange={setMessage}
          autoComplete="off"
          multiline={3}
          maxLength={2000}
          placeholder="Leave empty to send our standard message with your note."
          error={errors.message}
        />
        <InlineStack align="end">
          <Button submit tone="critical" loading={busy}>
            Decline return
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}

function DecisionForms({
  detail,
  approvalMessage,
  declineNoteMax,
  replies,
  outcome,
}: {
  detail: Detail;
  approvalMessage: string;
  declineNoteMax: number;
  replies: Replies;
  outcome: DecisionOutcome | undefined;
}) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Decision
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="600">
          <ApproveForm detail={detail} approvalMessage={approvalMessage} macros={replies.approve} outcome={outcome} />
          <DeclineForm noteMax={declineNoteMax} macros={replies.decline} outcome={outcome} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

function DecisionSummary({ detail }: { detail: Detail }) {
  if (!detail.decidedBy) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Decision
        </Text>
        <Text as="p">
          {detail.status === "declined" ? "Declined" : "Approved"} by {detail.decidedBy}
          {detail.decided ? ` on ${detail.decided}` : ""}.
        </Text>
        {detail.declineReason && <Text as="p">Reason: {capitalize(detail.declineReason.toLowerCase().replace(/_/g, " "))}</Text>}
        {detail.overrideReason && <Text as="p">Approved despite a failed rule because: {detail.overrideReason}</Text>}
        {detail.decisionNote && (
          <Text as="p" tone="subdued">
            {detail.status === "declined" ? "Note to the shopper" : "Message"}: {detail.decisionNote}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function RulesCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Policy check
          </Text>
          <Text as="span" tone="subdued">
            Policy version {detail.policyVersion}
          </Text>
        </InlineStack>
        {detail.rules.length === 0 && (
          <Text as="p" tone="subdued">
            No rules were recorded for this request.
          </Text>
        )}
        {detail.rules.map((line) => (
          <BlockStack gap="100" key={line.lineItemId}>
            <Text as="h3" variant="headingSm">
              {line.title}
              {line.inRequest ? "" : " (not in this request)"}
            </Text>
            <BlockStack gap="100" as="ul">
              {line.rules.map((rule) => (
                <InlineStack as="li" gap="200" key={rule.rule} wrap={false} blockAlign="start">
                  <Badge tone={rule.passed ? "success" : "critical"}>{rule.passed ? "Passed" : "Failed"}</Badge>
                  <Text as="span">{rule.detail}</Text>
                </InlineStack>
              ))}
            </BlockStack>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

function TimelineCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        <BlockStack gap="200" as="ol">
          {detail.events.map((event) => (
            <Box as="li" key={event.id}>
              <Text as="p">
                <Text as="span" fontWeight="semibold">
                  {EVENT_LABELS[event.type] ?? capitalize(event.type)}
                </Text>{" "}
                by {event.actor}
              </Text>
              {event.detail && (
                <Text as="p" tone="subdued">
                  {event.detail}
                </Text>
              )}
              <Text as="p" tone="subdued" variant="bodySm">
                {event.at}
              </Text>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function SummaryCard({ detail }: { detail: Detail }) {
  const quote = detail.quote;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Summary
        </Text>
        <Row label="Resolution">{detail.resolution}</Row>
        {quote ? (
          <>
            <Row label="Items value">{quote.itemsValue}</Row>
            {quote.restockingFee && <Row label="Restocking fee">−{quote.restockingFee}</Row>}
            {quote.shippingFee && <Row label="Return shipping">−{quote.shippingFee}</Row>}
            {quote.storeCreditBonus && <Row label="Store-credit bonus">+{quote.storeCreditBonus}</Row>}
            <Divider />
            <Row label="Shopper expects">
              <Text as="span" fontWeight="semibold">
                {quote.expected}
              </Text>
            </Row>
          </>
        ) : (
          <Text as="p" tone="subdued">
            No quote was stored.
          </Text>
        )}
        <Divider />
        <Row label="Created">{detail.created}</Row>
        <Row label="Answer by">{detail.respondBy}</Row>
        {detail.sla && (
          <InlineStack align="end">
            <TimeLeft sla={detail.sla} />
          </InlineStack>
        )}
        <Row label="Policy version">{detail.policyVersion}</Row>
      </BlockStack>
    </Card>
  );
}

function OrderCard({ detail }: { detail: Detail }) {
  const order = detail.order;
  return (
    <OrderSummaryCard name={detail.orderName} order={order}>
      {order.ok && order.shipments.length === 0 && (
        <Text as="p" tone="subdued">
          Not shipped yet.
        </Text>
      )}
    </OrderSummaryCard>
  );
}

function CustomerCard({ detail }: { detail: Detail }) {
  const customer = detail.customer;
  if (!customer) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          <Text as="p" tone="subdued">
            The order has no email address.
          </Text>
        </BlockStack>
      </Card>
    );
  }
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          <SegmentBadge segment={customer.segment} />
        </InlineStack>
        <Text as="p" breakWord>
          {customer.email}
        </Text>
        <Text as="p" tone="subdued">
          {customer.history === null
            ? "Order history unavailable"
            : `${customer.history.orderCount}${customer.history.capped ? "+" : ""} order${customer.history.orderCount === 1 ? "" : "s"} · ${customer.history.spent} spent`}
        </Text>
        <Text as="h3" variant="headingSm">
          Other return requests
        </Text>
        {customer.otherRequests.length === 0 ? (
          <Text as="p" tone="subdued">
            None
          </Text>
        ) : (
          <BlockStack gap="100" as="ul">
            {customer.otherRequests.map((r) => (
              <Box as="li" key={r.id}>
                <InlineStack gap="200" blockAlign="center">
                  <Link url={`/app/returns/${r.id}`}>{r.reference}</Link>
                  <Text as="span" tone="subdued">
                    {r.orderName} · {r.created}
                  </Text>
                  <ReturnStatusBadge status={r.status} />
                </InlineStack>
              </Box>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
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
