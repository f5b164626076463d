import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Collapsible,
  Divider,
  InlineStack,
  Link,
  Page,
  Pagination,
  Text,
} from "@shopify/polaris";
import { Fragment, useState } from "react";
import { z } from "zod";
import db from "../db.server";
import { listOutbox } from "../features/notifications/outbox.server";
import { requireAdmin } from "../guards/admin.server";

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, timeZone } = await requireAdmin(request);
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return listOutbox(db, session.shop, page, timeZone);
};

const STATUS: Record<string, { label: string; tone?: "success" | "info" | "critical" | "attention" }> = {
  sent: { label: "Sent", tone: "success" },
  logged: { label: "Logged", tone: "info" },
  failed: { label: "Failed", tone: "critical" },
  pending: { label: "Sending", tone: "attention" },
  sending: { label: "Sending", tone: "attention" },
  retrying: { label: "Retrying", tone: "attention" },
};

const KINDS: Record<string, string> = {
  return_received: "Return received",
  return_approved: "Return approved",
  return_declined: "Return declined",
  ticket_received: "Message received",
  ticket_reply: "Reply to a message",
  ticket_csat: "Satisfaction survey",
};

type Message = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

export default function Outbox() {
  const { messages, page, hasNext } = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const goTo = (next: number) => {
    const params = new URLSearchParams(searchParams);
    if (next > 1) params.set("page", String(next));
    else params.delete("page");
    setSearchParams(params);
  };
  return (
    <Page title="Outbox" subtitle="Every message the app sent (or tried to send) to shoppers, newest first">
      <Card padding={messages.length ? "0" : undefined}>
        {messages.length === 0 ? (
          <BlockStack gap="200" inlineAlign="center">
            <Text as="h2" variant="headingMd">
              No messages yet
            </Text>
            <Text as="p" tone="subdued">
              Emails to shoppers about their return requests appear here as soon as they are sent.
            </Text>
          </BlockStack>
        ) : (
          <BlockStack>
            <Box padding="400" paddingBlockEnd="200">
              <Text as="h2" variant="headingMd">
                Messages
              </Text>
            </Box>
            <BlockStack as="ul">
              {messages.map((message, n) => (
                <Fragment key={message.id}>
                  {n > 0 && <Divider />}
                  <MessageRow message={message} />
                </Fragment>
              ))}
            </BlockStack>
            {(page > 1 || hasNext) && (
              <Box padding="300" borderBlockStartWidth="025" borderColor="border">
                <InlineStack align="center">
                  <Pagination
                    hasPrevious={page > 1 && navigation.state === "idle"}
                    hasNext={hasNext && navigation.state === "idle"}
                    onPrevious={() => goTo(page - 1)}
                    onNext={() => goTo(page + 1)}
                    label={`Page ${page}`}
                  />
                </InlineStack>
              </Box>
            )}
          </BlockStack>
        )}
      </Card>
    </Page>
  );
}

function MessageRow({ message }: { message: Message }) {
  const [open, setOpen] = useState(false);
  const status = STATUS[message.status] ?? { label: message.status };
  const bodyId = `outbox-text-${message.id}`;
  return (
    <Box as="li" padding="400">
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="start" gap="300">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {message.subject}
            </Text>
            <Text as="p" tone="subdued">
              To {message.to} · {KINDS[message.kind] ?? message.kind} · {message.created}
              {message.relatedId && message.kind.startsWith("return_") && (
                <>
                  {" · "}
                  <Link url={`/app/returns/${message.relatedId}`}>View request</Link>
                </>
              )}
            </Text>
          </BlockStack>
          <InlineStack gap="200" blockAlign="center" wrap={false}>
            <Badge tone={status.tone}>{status.label}</Badge>
            <Button variant="plain" onClick={() => setOpen((v) => !v)} ariaExpanded={open} ariaControls={bodyId}>
              {open ? "Hide message" : "Show message"}
            </Button>
          </InlineStack>
        </InlineStack>
        {(message.status === "failed" || message.status === "retrying") && message.error && (
          <Text as="p" tone="critical">
            Not delivered: {message.error}
          </Text>
        )}
        <Collapsible id={bodyId} open={open} transition={{ duration: "150ms", timingFunction: "ease-in-out" }}>
          <Box padding="300" background="bg-surface-secondary" borderRadius="200">
            <Text as="p" breakWord>
              <span style={{ whiteSpace: "pre-wrap" }}>{message.text}</span>
            </Text>
          </Box>
        </Collapsible>
      </BlockStack>
    </Box>
  );
}
