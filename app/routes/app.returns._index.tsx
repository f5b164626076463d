import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptySearchResult,
  IndexTable,
  InlineStack,
  Link,
  List,
  Page,
  Tabs,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import db from "../db.server";
import { currentReturnPolicy } from "../features/policies/repo.server";
import { approveMany, BulkApproveSchema, type BulkApproveResult } from "../features/returns/decisions.server";
import { listReturnQueue, parseQueueParams, type QueueRow, type QueueTab } from "../features/returns/queue.server";
import { decide } from "../features/returns/decide.server";
import { syncDueRequests } from "../features/returns/sync.server";
import { ReturnStatusBadge, TimeLeft } from "../components/returns/return-status";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, timeZone } = await requireAdmin(request);
  const policy = await currentReturnPolicy(db, session.shop);
  return listReturnQueue(db, session.shop, parseQueueParams(new URL(request.url)), { now: new Date(), timeZone, policy });
};

export type BulkActionData = { ok: true; result: BulkApproveResult } | { ok: false; error: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, staff } = await requireAdmin(request);
  const form = await readForm(request);
  const parsed = BulkApproveSchema.safeParse({ intent: form.get("intent"), ids: form.getAll("ids") });
  if (!parsed.success) {
    return data<BulkActionData>({ ok: false, error: parsed.error.issues[0]?.message ?? "Nothing to approve." }, { status: 400 });
  }
  const result = await approveMany({ shop: session.shop, graphql: admin.graphql, db }, { decide, syncDueRequests }, parsed.data.ids, staff);
  return data<BulkActionData>({ ok: true, result });
};

const TAB_LABELS: Record<QueueTab, string> = {
  review: "Review",
  awaiting_items: "Awaiting items",
  received: "Received",
  to_refund: "To refund",
  done: "Done",
  attention: "Needs attention",
  all: "All",
};

// The tabs in display order (keys of a Record over QueueTab, so none can be missing). The server
// module's QUEUE_TABS cannot be imported here: it would pull server code into the browser bundle.
const QUEUE_TABS = Object.keys(TAB_LABELS) as QueueTab[];

const EMPTY_TEXT: Record<QueueTab, string> = {
  review: "Nothing waits for a decision. New requests from the storefront appear here.",
  awaiting_items: "No approved return is waiting for its items.",
  received: "No parcel waits to be inspected.",
  to_refund: "No return waits for its money to be issued.",
  done: "No closed, declined or cancelled returns yet.",
  attention: "Shopify has refused no step: nothing needs attention.",
  all: "Shoppers' return requests from your storefront appear here.",
};

/** Only requests under review can be approved, so only those tabs offer selecting rows. */
const SELECTABLE_TABS: QueueTab[] = ["review", "all"];

function summary(result: BulkApproveResult): string {
  const parts = [`${result.approved.length} approved`];
  if (result.skipped.length) parts.push(`${result.skipped.length} skipped`);
  if (result.failed.length) parts.push(`${result.failed.length} failed`);
  return parts.join(", ");
}

export default function ReturnsQueue() {
  const queue = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const fetcher = useFetcher<BulkActionData>();
  const shopify = useAppBridge();
  const rows = queue.rows;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows);

  // A new tab or page is a new list: what was selected on the previous one no longer applies.
  const firstRow = queue.rows[0]?.id;
  useEffect(() => clearSelection(), [queue.tab, firstRow, clearSelection]);

  useEffect(() => {
    if (!fetcher.data) return;
    if (fetcher.data.ok) {
      shopify.toast.show(summary(fetcher.data.result), { isError: fetcher.data.result.approved.length === 0 });
      clearSelection();
    } else {
      shopify.toast.show(fetcher.data.error, { isError: true });
    }
  }, [fetcher.data, shopify, clearSelection]);

  const tabs = useMemo(
    () =>
      QUEUE_TABS.map((tab) => ({
        id: `returns-${tab}`,
        content: `${TAB_LABELS[tab]} (${queue.counts[tab]})`,
        accessibilityLabel: `${TAB_LABELS[tab]}: ${queue.counts[tab]} requests`,
        panelID: "returns-queue-panel",
      })),
    [queue.counts],
  );

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next, { preventScrollReset: true });
  };

  const approving = fetcher.state !== "idle";
  const approveSelected = () => {
    const form = new FormData();
    form.set("intent", "approve");
    for (const id of selectedResources) form.append("ids", id);
    fetcher.submit(form, { method: "post" });
  };
  const selectable = SELECTABLE_TABS.includes(queue.tab);
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app/returns";
  const [dismissed, setDismissed] = useState<BulkActionData | null>(null);
  const result = fetcher.state === "idle" && fetcher.data?.ok && dismissed !== fetcher.data ? fetcher.data.result : null;

  return (
    <Page fullWidth title="Returns" subtitle="Return requests from your storefront, by stage">
      <BlockStack gap="400">
        {result && (result.skipped.length > 0 || result.failed.length > 0) && (
          <Banner
            tone={result.failed.length ? "critical" : "warning"}
            title={`Bulk approve: ${summary(result)}`}
            onDismiss={() => setDismissed(fetcher.data ?? null)}
          >
            <List>
              {[...result.skipped, ...result.failed].map((r) => (
                <List.Item key={r.reference}>
                  {r.reference}: {r.why}
                </List.Item>
              ))}
            </List>
          </Banner>
        )}
        <Card padding="0">
          <Text as="h2" visuallyHidden>
            Return requests
          </Text>
          <Tabs
            tabs={tabs}
            selected={Math.max(0, QUEUE_TABS.indexOf(queue.tab))}
            onSelect={(index) => go({ stage: QUEUE_TABS[index] ?? "review", after: null, before: null })}
          />
          <div id="returns-queue-panel">
            <IndexTable
              resourceName={{ singular: "return request", plural: "return requests" }}
              itemCount={rows.length}
              selectable={selectable}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={[{ content: approving ? "Approving…" : "Approve", onAction: approveSelected, disabled: approving }]}
              loading={loading || approving}
              emptyState={<EmptySearchResult title="No return requests" description={EMPTY_TEXT[queue.tab]} withIllustration />}
              headings={[
                { title: "Reference" },
                { title: "Order" },
                { title: "Items" },
                { title: "Reason" },
                { title: "Resolution" },
                { title: "Customer" },
                { title: "Created" },
                { title: "Time left" },
                { title: "Status" },
              ]}
              pagination={
                queue.previous || queue.next
                  ? {
                      hasPrevious: queue.previous !== null,
                      hasNext: queue.next !== null,
                      onPrevious: () => go({ before: queue.previous, after: null }),
                      onNext: () => go({ after: queue.next, before: null }),
                    }
                  : undefined
              }
            >
              {rows.map((row, index) => (
                <QueueRowView key={row.id} row={row} index={index} selected={selectedResources.includes(row.id)} />
              ))}
            </IndexTable>
          </div>
        </Card>
      </BlockStack>
    </Page>
  );
}

function QueueRowView({ row, index, selected }: { row: QueueRow; index: number; selected: boolean }) {
  return (
    <IndexTable.Row id={row.id} position={index} selected={selected} tone={row.sla?.overdue ? "critical" : undefined}>
      <IndexTable.Cell>
        <Link url={`/app/returns/${row.id}`} dataPrimaryLink removeUnderline monochrome>
          <Text as="span" fontWeight="semibold">
            {row.reference}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.orderName}</IndexTable.Cell>
      <IndexTable.Cell>
        <BlockStack gap="050">
          <Text as="span" truncate>
            {row.firstItem}
          </Text>
          <Text as="span" tone="subdued" variant="bodySm">
            {row.itemCount === 1 ? "1 item" : `${row.itemCount} items`}
          </Text>
        </BlockStack>
      </IndexTable.Cell>
      <IndexTable.Cell>{row.reasons.join(", ")}</IndexTable.Cell>
      <IndexTable.Cell>{row.resolution}</IndexTable.Cell>
      <IndexTable.Cell>{row.customerEmail ?? <Text as="span" tone="subdued">No email</Text>}</IndexTable.Cell>
      <IndexTable.Cell>
        <time dateTime={row.createdAt}>{row.created}</time>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <TimeLeft sla={row.sla} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="100" wrap={false}>
          <StatusBadges row={row} />
        </InlineStack>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}


function StatusBadges({ row }: { row: QueueRow }) {
  return (
    <>
      <ReturnStatusBadge status={row.status} />
      {row.autoApproved && <Badge tone="info">Auto-approved</Badge>}
      {row.needsOverride && <Badge tone="warning">Rule failed</Badge>}
      {row.needsAttention && <Badge tone="critical">Shopify refused a step</Badge>}
    </>
  );
}


