import { type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, Checkbox, EmptySearchResult, IndexTable, InlineStack, Link, Page, Select, Tabs, Text } from "@shopify/polaris";
import { useMemo } from "react";
import { PriorityBadge, TicketStatusBadge } from "../components/tickets/ticket-badges";
import { TimeLeft } from "../components/returns/return-status";
import db from "../db.server";
import { listInbox, parseInboxParams, rememberStaffVisit, type InboxRow, type InboxTab } from "../features/tickets/inbox-list.server";
import { requireAdmin } from "../guards/admin.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, sessionToken, staff, timeZone } = await requireAdmin(request);
  await rememberStaffVisit(db, session.shop, sessionToken?.sub, staff);
  return listInbox(db, session.shop, parseInboxParams(new URL(request.url)), { now: new Date(), timeZone });
};

const TAB_LABELS: Record<InboxTab, string> = { open: "Open", pending: "Pending", closed: "Closed", all: "All" };
// Display order; the server's INBOX_TABS would pull server code into the browser bundle.
const TABS = Object.keys(TAB_LABELS) as InboxTab[];

const EMPTY_TEXT: Record<InboxTab, string> = {
  open: "Nothing waits for a reply. Messages from the contact form appear here.",
  pending: "No ticket is waiting for a shopper's answer.",
  closed: "No closed tickets yet.",
  all: "Messages shoppers send from your storefront's contact form appear here.",
};

const PRIORITY_OPTIONS = [
  { label: "Any priority", value: "" },
  { label: "P1 (urgent)", value: "P1" },
  { label: "P2", value: "P2" },
  { label: "P3", value: "P3" },
  { label: "P4", value: "P4" },
];

export default function Inbox() {
  const inbox = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const { params, rows } = inbox;

  const tabs = useMemo(
    () =>
      TABS.map((tab) => ({
        id: `inbox-${tab}`,
        content: `${TAB_LABELS[tab]} (${inbox.counts[tab]})`,
        accessibilityLabel: `${TAB_LABELS[tab]}: ${inbox.counts[tab]} tickets`,
        panelID: "inbox-panel",
      })),
    [inbox.counts],
  );

  /** A filter change starts again at the first page. */
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!("after" in changes || "before" in changes)) {
      next.delete("after");
      next.delete("before");
    }
    setSearchParams(next, { preventScrollReset: true });
  };

  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app/inbox";
  const filtered = Boolean(params.priority || params.category || params.overdue);

  return (
    <Page fullWidth title="Inbox" subtitle="Messages from your storefront's contact form, the next one due first">
      <Card padding="0">
        <Text as="h2" visuallyHidden>
          Tickets
        </Text>
        <Tabs tabs={tabs} selected={Math.max(0, TABS.indexOf(params.status))} onSelect={(index) => go({ status: TABS[index] ?? "open" })} />
        <BlockStack gap="0">
          <Box paddingBlock="300" paddingInline="400">
            <InlineStack gap="400" blockAlign="end" wrap>
              <Select label="Priority" options={PRIORITY_OPTIONS} value={params.priority ?? ""} onChange={(value) => go({ priority: value })} />
              <Select
                label="Category"
                options={[{ label: "Any category", value: "" }, ...inbox.categories]}
                value={params.category ?? ""}
                onChange={(value) => go({ category: value })}
              />
              <Checkbox
                label="Overdue only"
                checked={params.overdue}
                disabled={params.status === "closed"}
                onChange={(checked) => go({ overdue: checked ? "1" : null })}
              />
            </InlineStack>
          </Box>
          <div id="inbox-panel">
            <IndexTable
              resourceName={{ singular: "ticket", plural: "tickets" }}
              itemCount={rows.length}
              selectable={false}
              loading={loading}
              emptyState={
                <EmptySearchResult
                  title={filtered ? "No tickets match these filters" : "No tickets"}
                  description={filtered ? "Change or clear the filters above." : EMPTY_TEXT[params.status]}
                  withIllustration
                />
              }
              headings={[
                { title: "Reference" },
                { title: "Subject" },
                { title: "Customer" },
                { title: "Category" },
                { title: "Priority" },
                { title: "Status" },
                { title: "SLA" },
                { title: "Assignee" },
              ]}
              pagination={
                inbox.previous || inbox.next
                  ? {
                      hasPrevious: inbox.previous !== null,
                      hasNext: inbox.next !== null,
                      onPrevious: () => go({ before: inbox.previous, after: null }),
                      onNext: () => go({ after: inbox.next, before: null }),
                    }
                  : undefined
              }
            >
              {rows.map((row, index) => (
                <TicketRow key={row.id} row={row} index={index} />
              ))}
            </IndexTable>
          </div>
        </BlockStack>
      </Card>
    </Page>
  );
}

function TicketRow({ row, index }: { row: InboxRow; index: number }) {
  return (
    <IndexTable.Row id={row.id} position={index} tone={row.sla?.overdue ? "critical" : undefined}>
      <IndexTable.Cell>
        <Link url={`/app/inbox/${row.id}`} dataPrimaryLink removeUnderline monochrome>
          <Text as="span" fontWeight="semibold">
            {row.reference}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <Text as="span" truncate>
            {row.subject}
          </Text>
          <Text as="span" tone="subdued" variant="bodySm">
            <time dateTime={row.lastMessageAt}>{row.lastMessage}</time>
            {row.orderName ? ` · ${row.orderName}` : ""}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <Text as="span">{row.customerName}</Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {row.customerEmail}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.categoryLabel}</IndexTable.Cell>
      <IndexTable.Cell>
        <PriorityBadge priority={row.priority} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <TicketStatusBadge status={row.status} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <TimeLeft sla={row.sla} />
      </IndexTable.Cell>
      <IndexTable.Cell>{row.assignee ?? <Badge>Unassigned</Badge>}</IndexTable.Cell>
    </IndexTable.Row>
  );
}
