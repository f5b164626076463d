import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, Page, Text, TextField } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useState } from "react";
import { useSearchQuery } from "../components/shared/search-query";
import db from "../db.server";
import { loadFaqList, runFaqListAction, type FaqListOutcome } from "../features/faq/admin-list.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";
import { CategoryCard } from "../components/faq/category-card";
import { CategoryForm } from "../components/faq/category-form";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await requireAdmin(request);
  return loadFaqList(db, session.shop, new URL(request.url));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await requireAdmin(request);
  const outcome = await runFaqListAction(db, session.shop, await readForm(request));
  if (!outcome.ok && outcome.status === 404) throw new Response(outcome.message, { status: 404 });
  return data<FaqListOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

export default function FaqPage() {
  const list = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [query, setQuery] = useSearchQuery(list.q);
  const [adding, setAdding] = useState(false);
  const searching = list.q !== "";

  return (
    <Page
      title="FAQ"
      subtitle="Questions shoppers ask, answered with your live policy values. Shown by the FAQ block on your storefront."
      primaryAction={{ content: "Add article", url: "/app/faq/new" }}
      secondaryActions={[{ content: "Add category", onAction: () => setAdding(true), disabled: adding }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <TextField
                label="Search the FAQ"
                labelHidden
                placeholder="Search questions and answers, in every language"
                autoComplete="off"
                value={query}
                onChange={setQuery}
                clearButton
                onClearButtonClick={() => setQuery("")}
              />
            </Card>
            {adding && <CategoryForm localeNames={list.localeNames} onDone={() => setAdding(false)} />}
            {searching && list.total > 0 && (
              <Text as="p" tone="subdued">
                {list.total === 1 ? "1 article matches" : `${list.total} articles match`}. Clear the search to reorder.
              </Text>
            )}
            {searching && list.total === 0 ? (
              <Card>
                <EmptyState heading={`No article matches “${list.q}”`} image="">
                  <p>Try another word, or clear the search.</p>
                </EmptyState>
              </Card>
            ) : (
              list.categories.map((category, index) => (
                <CategoryCard
                  key={category.id}
                  category={category}
                  first={index === 0}
                  last={index === list.categories.length - 1}
                  onlyCategory={list.categoryCount === 1}
                  reorderable={!searching}
                  localeNames={list.localeNames}
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

// Shopify needs Remix to catch thrown responses so its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
