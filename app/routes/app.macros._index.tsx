import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import {
  Link as RemixLink,
  useFetcher,
  useLoaderData,
  useNavigation,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  Checkbox,
  EmptyState,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect } from "react";
import { useSearchQuery } from "../components/shared/search-query";
import db from "../db.server";
import { loadMacroList, runRowAction, type MacroRow, type RowActionOutcome } from "../features/macros/macro-list.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, timeZone } = await requireAdmin(request);
  return loadMacroList(
    db,
    session.shop,
    new URL(request.url),
    timeZone
  );
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const outcome = await runRowAction(
    db,
    session.shop,
    await readForm(request),
    staff
  );
  if (!outcome.ok && outcome.status === 404)
    throw new Response(outcome.message, { status: 404 });
  return data<RowActionOutcome>(outcome, {
    status: outcome.ok ? 200 : outcome.status,
  });
};

const capitalize = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);

export default function MacrosPage() {
  const list = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const [query, setQuery] = useSearchQuery(list.q);

  const toggleArchived = (checked: boolean) => {
    const next = new URLSearchParams(searchParams);
    if (checked) next.set("archived", "1");
    else next.delete("archived");
    setSearchParams(next, { replace: true });
  };

  return (
    <Page
      title="Macros"
      subtitle="Saved replies with placeholders filled from the order."
      primaryAction={{ content: "New macro", url: "/app/macros/new" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <InlineStack gap="400" blockAlign="end" wrap={false}>
                <div style={{ flex: 1 }}>
                  <TextField
                    label="Search macros"
                    labelHidden
                    placeholder="Search titles and replies"
                    autoComplete="off"
                    value={query}
                    onChange={setQuery}
                    clearButton
                    onClearButtonClick={() => setQuery("")}
                  />
                </div>
                <Checkbox
                  label="Show archived"
                  checked={list.includeArchived}
                  onChange={toggleArchived}
                />
              </InlineStack>
            </Card>
            {list.total === 0 ? (
              <Card>
                <EmptyState
                  heading={
                    list.q ? `No macro matches “${list.q}”` : "No macros yet"
                  }
                  image=""
                  action={{ content: "New macro", url: "/app/macros/new" }}
                >
                  <p>
                    {list.q
                      ? "Try another word, or show archived macros."
                      : "Write a reply once, use it on every similar question."}
                  </p>
                </EmptyState>
              </Card>
            ) : (
              list.groups.map((group) => (
                <FamilyCard
                  key={group.family}
                  family={group.family}
                  macros={group.macros}
                />
              ))
            )}
            {navigation.state === "loading" && (
              <Text as="p" tone="subdued">
                Loading…
              </Text>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function FamilyCard({
  family,
  macros,
}: {
  family: string;
  macros: MacroRow[];
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {capitalize(family)} ({macros.length})
        </Text>
        {macros.map((macro) => (
          <MacroRowView key={macro.id} macro={macro} />
        ))}
      </BlockStack>
    </Card>
  );
}

function MacroRowView({ macro }: { macro: MacroRow }) {
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok)
      shopify.toast.show(fetcher.data.message);
  }, [fetcher.state, fetcher.data, shopify]);
  const busy = fetcher.state !== "idle";
  const run = (intent: "duplicate" | "archive" | "unarchive") =>
    fetcher.submit({ intent, id: macro.id }, { method: "post" });

  return (
    <InlineStack
      align="space-between"
      blockAlign="center"
      gap="300"
      wrap={false}
    >
      <BlockStack gap="100">
        <InlineStack gap="200" blockAlign="center">
          <RemixLink to={`/app/macros/${macro.id}`}>
            <Text as="span" fontWeight="semibold">
              {macro.title}
            </Text>
          </RemixLink>
          {macro.archived && <Badge>Archived</Badge>}
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {macro.usageCount === 0
            ? "Never used"
            : `Used ${
                macro.usageCount === 1 ? "once" : `${macro.usageCount} times`
              }, last ${macro.lastUsed}`}
        </Text>
      </BlockStack>
      <InlineStack gap="200" wrap={false}>
        <Button
          onClick={() => run("duplicate")}
          disabled={busy}
          accessibilityLabel={`Duplicate ${macro.title}`}
        >
          Duplicate
        </Button>
        <Button
          onClick={() => run(macro.archived ? "unarchive" : "archive")}
          disabled={busy}
          accessibilityLabel={`${macro.archived ? "Unarchive" : "Archive"} ${
            macro.title
          }`}
        >
          {macro.archived ? "Unarchive" : "Archive"}
        </Button>
      </InlineStack>
    </InlineStack>
  );
}

// Shopify needs Remix to catch thrown responses so its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) =>
  boundary.headers(headersArgs);
