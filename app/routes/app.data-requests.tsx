import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { download, type DownloadFile } from "../components/shared/download";
import db from "../db.server";
import { readForm } from "../lib/body.server";
import { dataRequestFile, deleteDataRequestExport, EXPORT_RETENTION_DAYS, listDataRequests, type PendingDataRequest } from "../features/compliance/compliance.server";
import { requireAdmin } from "../guards/admin.server";

/**
 * Customer data requests (customers/data_request): Shopify expects the merchant to send the
 * customer what the app holds about them. Each export waits here for staff to download and send,
 * then to delete; it also expires, and customers/redact or shop/redact removes it.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  return { requests: await listDataRequests(db, session.shop, new Date()), retentionDays: EXPORT_RETENTION_DAYS };
};

const ActionSchema = z.object({ intent: z.enum(["download", "delete"]), id: z.string().min(1).max(64) });

type ActionResult = { file: DownloadFile } | { deleted: true } | { error: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data<ActionResult>({ error: "Unknown action: reload the page and try again." }, { status: 400 });
  const { intent, id } = parsed.data;
  // Both look the request up in the signed-in shop only: another shop's id is simply not found.
  if (intent === "download") {
    const file = await dataRequestFile(db, session.shop, id, new Date());
    return file ? data<ActionResult>({ file }) : gone();
  }
  return (await deleteDataRequestExport(db, session.shop, id)) ? data<ActionResult>({ deleted: true }) : gone();
};

function gone() {
  return data<ActionResult>({ error: "This export no longer exists: it was deleted, expired or redacted." }, { status: 404 });
}

// Dates in UTC, so the server's and the browser's rendering agree.
const DAY = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function DataRequest({ request }: { request: PendingDataRequest }) {
  const downloader = useFetcher<ActionResult>();
  const remover = useFetcher<ActionResult>();
  useEffect(() => {
    if (downloader.state === "idle" && downloader.data && "file" in downloader.data) download(downloader.data.file);
  }, [downloader.state, downloader.data]);
  const error = [downloader.data, remover.data].find((d) => d && "error" in d) as { error: string } | undefined;
  const who = request.customerId ? `Customer ${request.customerId}` : "Guest customer (no account)";
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {who}
        </Text>
        <Text as="p" tone="subdued">
          Received {DAY.format(new Date(request.receivedAt))}
          {request.dataRequestId ? ` · Shopify request ${request.dataRequestId}` : ""}
          {request.orderIds.length ? ` · Orders ${request.orderIds.join(", ")}` : ""} · Export deleted on {DAY.format(new Date(request.expiresAt))}
        </Text>
        {error && <Banner tone="critical">{error.error}</Banner>}
        <InlineStack gap="200">
          <Button onClick={() => downloader.submit({ intent: "download", id: request.id }, { method: "post" })} loading={downloader.state !== "idle"}>
            Download JSON
          </Button>
          <Button tone="critical" onClick={() => remover.submit({ intent: "delete", id: request.id }, { method: "post" })} loading={remover.state !== "idle"}>
            Delete export
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

export default function DataRequests() {
  const { requests, retentionDays } = useLoaderData<typeof loader>();
  return (
    <Page title="Customer data requests" subtitle="What the app holds about a customer who asked for their data, for you to send them">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">
              {requests.length === 0
                ? "No data requests are waiting."
                : `${requests.length} ${requests.length === 1 ? "request is" : "requests are"} waiting. Download each export, send it to the customer, then delete it. Exports are deleted automatically after ${retentionDays} days.`}
            </Text>
            {requests.map((request) => (
              <DataRequest key={request.id} request={request} />
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
