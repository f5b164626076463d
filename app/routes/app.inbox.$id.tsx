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
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useState } from "react";
import { MacroPicker, useMacroMessage } from "../components/macros/macro-picker";
import { NotFoundBoundary } from "../components/shared/not-found-boundary";
import { OrderSummaryCard, Row, SegmentBadge } from "../components/shared/order-summary";
import { TimeLeft } from "../components/returns/return-status";
import { PriorityBadge, TicketStatusBadge } from "../components/tickets/ticket-badges";
import db from "../db.server";
import { env } from "../env.server";
import { currentReturnPolicy } from "../features/policies/repo.server";
import { loadTicketDetail, TicketIdSchema, type TicketDetail } from "../features/tickets/ticket-detail.server";
import { rememberStaffVisit } from "../features/tickets/inbox-list.server";
import { submitInboxAction, type InboxOutcome } from "../features/tickets/inbox-actions.server";
import { loadReplyMacros } from "../features/macros/replies.server";
import { shopProfile } from "../features/shop/profile.server";
import { staffFirstName, supportProfile } from "../features/policies/support-settings.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

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

type Detail = NonNullable<TicketDetail>;

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

const MESSAGE_BACKGROUNDS = { customer: "bg-surface", reply: "bg-surface-info", note: "bg-surface-warning" } as const;

function ThreadCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Conversation
        </Text>
        <BlockStack gap="300" as="ol">
          {detail.messages.map((message) => (
            <Box
              as="li"
              key={message.id}
              padding="300"
              borderRadius="200"
              borderWidth="025"
              borderColor="border"
              background={MESSAGE_BACKGROUNDS[message.kind as keyof typeof MESSAGE_BACKGROUNDS] ?? "bg-surface"}
            >
              <BlockStack gap="200">
                <InlineStack align="space-between" gap="200" blockAlign="center">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h3" variant="headingSm">
                      {message.author}
                    </Text>
                    {message.kind === "note" && <Badge tone="warning">Internal note</Badge>}
                    {message.kind === "reply" && <Badge tone="info">{message.fromMacro ? "Reply (from a macro)" : "Reply"}</Badge>}
                  </InlineStack>
                  <Text as="span" tone="subdued" variant="bodySm">
                    <time dateTime={message.atIso}>{message.at}</time>
                  </Text>
                </InlineStack>
                <Text as="p" breakWord>
                  <span style={{ whiteSpace: "pre-wrap" }}>{message.body}</span>
                </Text>
                {message.attachment && (
                  <Link url={message.attachment.url} target="_blank">
                    {`Open the attached photo (${message.attachment.type.replace("image/", "").toUpperCase()}, ${Math.max(1, Math.round(message.attachment.size / 1024))} KB)`}
                  </Link>
                )}
              </BlockStack>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function busyWith(navigation: ReturnType<typeof useNavigation>, intent: string, extra?: [string, string]) {
  if (navigation.state === "idle" || navigation.formData?.get("intent") !== intent) return false;
  return extra ? navigation.formData?.get(extra[0]) === extra[1] : true;
}

function ReplyCard({ detail, outcome }: { detail: Detail; outcome: InboxOutcome | undefined }) {
  const navigation = useNavigation();
  const { message, setMessage, macroId, pick } = useMacroMessage("");
  const errors = outcome && !outcome.ok && outcome.intent === "reply" ? outcome.fieldErrors : {};

  // A sent reply clears the form for the next one.
  useEffect(() => {
    if (outcome?.ok && outcome.intent === "reply") {
      setMessage("");
      pick(null);
    }
  }, [outcome, setMessage, pick]);

  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="macroId" value={macroId} />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Reply to {detail.customer.name}
          </Text>
          <MacroPicker macros={detail.macros} value={macroId} onPick={pick} />
          <TextField
            label="Message"
            name="message"
            value={message}
            onChange={setMessage}
            autoComplete="off"
            multiline={6}
            maxLength={detail.messageMax}
            helpText="Emailed to the customer with a link to the conversation. The ticket then waits for their answer (pending)."
            error={errors.message}
          />
          <InlineStack align="end">
            <Button submit variant="primary" loading={busyWith(navigation, "reply")}>
              Send reply
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}

function NoteCard({ detail, outcome }: { detail: Detail; outcome: InboxOutcome | undefined }) {
  const navigation = useNavigation();
  const [note, setNote] = useState("");
  const errors = outcome && !outcome.ok && outcome.intent === "note" ? outcome.fieldErrors : {};
  useEffect(() => {
    if (outcome?.ok && outcome.intent === "note") setNote("");
  }, [outcome]);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="note" />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Internal note
          </Text>
          <TextField
            label="Note for your team"
            name="note"
            value={note}
            onChange={setNote}
            autoComplete="off"
            multiline={3}
            maxLength={detail.messageMax}
            helpText="Only staff see notes; they are never emailed."
            error={errors.note}
          />
          <InlineStack align="end">
            <Button submit loading={busyWith(navigation, "note")}>
              Add internal note
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}

function StatusCard({ detail, outcome }: { detail: Detail; outcome: InboxOutcome | undefined }) {
  const navigation = useNavigation();
  const { ticket } = detail;
  const [assignee, setAssignee] = useState(ticket.assignee ?? "");
  const errors = outcome && !outcome.ok && outcome.intent === "assign" ? outcome.fieldErrors : {};
  const options = [{ label: "Unassigned", value: "" }, ...detail.staff.map((s) => ({ label: s.name, value: s.id }))];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Status
        </Text>
        <Row label="Status">
          <TicketStatusBadge status={ticket.status} />
        </Row>
        {ticket.sla && (
          <InlineStack align="end">
            <TimeLeft sla={ticket.sla} />
          </InlineStack>
        )}
        <Row label="Received">{ticket.created}</Row>
        <Row label="First reply due">{ticket.responseDue}</Row>
        <Row label="Resolution due">{ticket.resolutionDue}</Row>
        {ticket.firstResponse && <Row label="First reply">{ticket.firstResponse}</Row>}
        {ticket.responseOutcome && <Row label="Response SLA">{ticket.responseOutcome}</Row>}
        {ticket.closed && <Row label="Closed">{ticket.closed}</Row>}
        <InlineStack gap="200">
          {ticket.status !== "open" && (
            <Form method="post">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="status" value="open" />
              <Button submit loading={busyWith(navigation, "status", ["status", "open"])}>
                {ticket.status === "closed" ? "Reopen" : "Mark as open"}
              </Button>
            </Form>
          )}
          {ticket.status === "open" && (
            <Form method="post">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="status" value="pending" />
              <Button submit loading={busyWith(navigation, "status", ["status", "pending"])}>
                Mark as pending
              </Button>
            </Form>
          )}
          {ticket.status !== "closed" && (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button submit variant="primary" loading={busyWith(navigation, "close")}>
                Close ticket
              </Button>
            </Form>
          )}
        </InlineStack>
        {ticket.status !== "closed" && (
          <Text as="p" tone="subdued" variant="bodySm">
            {ticket.surveySent ? "The satisfaction survey was already sent; closing again sends nothing." : "Closing emails the customer a short satisfaction survey."}
          </Text>
        )}
        <Divider />
        <Form method="post">
          <input type="hidden" name="intent" value="assign" />
          <BlockStack gap="200">
            <Select label="Assignee" name="assignee" options={options} value={assignee} onChange={setAssignee} error={errors.assignee} />
            <InlineStack align="end">
              <Button submit disabled={assignee === (ticket.assignee ?? "")} loading={busyWith(navigation, "assign")}>
                Assign
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
}

function PriorityCard({ detail }: { detail: Detail }) {
  const { ticket } = detail;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Priority
          </Text>
          <PriorityBadge priority={ticket.priority} />
        </InlineStack>
        <Row label="Category">{ticket.category}</Row>
        <Row label="Topic chosen">{ticket.topic}</Row>
        {ticket.priorityReasons.length > 0 && (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Why
            </Text>
            <List>
              {ticket.priorityReasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

function CustomerCard({ detail }: { detail: Detail }) {
  const { customer } = detail;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          <SegmentBadge segment={customer.segment} />
        </InlineStack>
        <Text as="p">{customer.name}</Text>
        <Text as="p" breakWord>
          {customer.email}
        </Text>
        {!customer.segment && (
          <Text as="p" tone="subdued" variant="bodySm">
            Segment unknown: no order is attached.
          </Text>
        )}
        {customer.signedIn && (
          <Text as="p" tone="subdued" variant="bodySm">
            Was signed in to the store when writing.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

function OrderCard({ detail }: { detail: Detail }) {
  const { order, ticket } = detail;
  if (!order) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Order
          </Text>
          <Text as="p" tone="subdued">
            {ticket.orderName
              ? `The customer mentioned ${ticket.orderName}, but it is not attached: its email is not theirs, or it does not exist. Check before sharing details.`
              : "No order mentioned."}
          </Text>
        </BlockStack>
      </Card>
    );
  }
  return (
    <OrderSummaryCard name={order.ok ? order.name : ticket.orderName} order={order}>
      {order.ok && (
        <>
          {order.estimatedDelivery && <Row label="Expected">{order.estimatedDelivery}</Row>}
          <BlockStack gap="100" as="ul">
            {order.items.map((item, n) => (
              <Box as="li" key={`${item.title}-${n}`}>
                <Text as="span">
                  {item.quantity} × {item.title}
                </Text>
              </Box>
            ))}
          </BlockStack>
        </>
      )}
    </OrderSummaryCard>
  );
}

function CsatCard({ detail }: { detail: Detail }) {
  const { csat, ticket } = detail;
  if (!csat && !ticket.surveySent) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Satisfaction
        </Text>
        {csat ? (
          <>
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {csat.rating} / 5
              </Text>{" "}
              ({csat.label})
            </Text>
            {csat.comment && <Text as="p">“{csat.comment}”</Text>}
            <Text as="p" tone="subdued" variant="bodySm">
              Answered {csat.at}
            </Text>
          </>
        ) : (
          <Text as="p" tone="subdued">
            Survey sent {ticket.surveySent}; no answer yet.
          </Text>
        )}
      </BlockStack>
    </Card>
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
