import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link as RemixLink, useFetcher, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Button, Card, EmptyState, FormLayout, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useState } from "react";
import { useSearchQuery } from "../components/shared/search-query";
import db from "../db.server";
import { FAQ_LOCALES, type FaqLocale } from "../features/faq/domain/types";
import { loadFaqList, runFaqListAction, type FaqArticleRow, type FaqCategoryView, type FaqListOutcome } from "../features/faq/admin-list.server";
import type { CategoryFieldErrors } from "../features/faq/admin-forms";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

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

type Fetcher = ReturnType<typeof useFetcher<FaqListOutcome>>;

/** A fetcher for one row's actions that toasts its success. */
function useRowFetcher(): Fetcher {
  const fetcher = useFetcher<FaqListOutcome>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(fetcher.data.message);
  }, [fetcher.state, fetcher.data, shopify]);
  return fetcher;
}

const failure = (fetcher: Fetcher) => (fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : null);

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
            {adding && <CategoryForm onDone={() => setAdding(false)} />}
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

/** Adds a category (no `category`) or renames one: a title per language, English required. */
function CategoryForm({ category, onDone }: { category?: FaqCategoryView; onDone(): void }) {
  const { localeNames } = useLoaderData<typeof loader>();
  const fetcher = useRowFetcher();
  const [titles, setTitles] = useState<Partial<Record<FaqLocale, string>>>(category?.titles ?? {});
  const errors: CategoryFieldErrors = failure(fetcher)?.errors ?? {};

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);

  const submit = () =>
    fetcher.submit(
      {
        intent: category ? "rename-category" : "create-category",
        ...(category ? { id: category.id } : {}),
        ...Object.fromEntries(FAQ_LOCALES.map((locale) => [`title.${locale}`, titles[locale] ?? ""])),
      },
      { method: "post" },
    );

  return (
    <Card>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {category ? `Rename “${category.title}”` : "New category"}
          </Text>
          <FormLayout>
            <FormLayout.Group>
              {FAQ_LOCALES.map((locale) => (
                <TextField
                  key={locale}
                  label={locale === "en" ? "Title in English" : `Title in ${localeNames[locale]} (optional)`}
                  autoComplete="off"
                  value={titles[locale] ?? ""}
                  onChange={(value) => setTitles((current) => ({ ...current, [locale]: value }))}
                  error={errors[`title.${locale}`]}
                  helpText={locale === "en" ? undefined : "Empty: shoppers see the English title."}
                />
              ))}
            </FormLayout.Group>
          </FormLayout>
          <InlineStack gap="200">
            <Button submit variant="primary" loading={fetcher.state !== "idle"}>
              {category ? "Save titles" : "Add category"}
            </Button>
            <Button onClick={onDone} disabled={fetcher.state !== "idle"}>
              Cancel
            </Button>
          </InlineStack>
        </BlockStack>
      </form>
    </Card>
  );
}

function CategoryCard({
  category,
  first,
  last,
  onlyCategory,
  reorderable,
}: {
  category: FaqCategoryView;
  first: boolean;
  last: boolean;
  onlyCategory: boolean;
  reorderable: boolean;
}) {
  const { localeNames } = useLoaderData<typeof loader>();
  const fetcher = useRowFetcher();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const busy = fetcher.state !== "idle";
  const problem = failure(fetcher);
  // A 409 carries the category's count as it is now: the next confirmation deletes exactly those.
  const articleCount = problem?.articleCount ?? category.articleCount;
  const otherTitles = FAQ_LOCALES.filter((locale) => locale !== "en" && category.titles[locale]).map(
    (locale) => `${localeNames[locale]}: ${category.titles[locale]}`,
  );
  const move = (direction: "up" | "down") => fetcher.submit({ intent: "move-category", id: category.id, direction }, { method: "post" });
  const remove = () => {
    setConfirming(false);
    fetcher.submit({ intent: "delete-category", id: category.id, articleCount: String(articleCount) }, { method: "post" });
  };

  if (renaming) return <CategoryForm category={category} onDone={() => setRenaming(false)} />;

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start" gap="300">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {category.title} ({category.articleCount})
            </Text>
            {otherTitles.length > 0 && (
              <Text as="p" tone="subdued" variant="bodySm">
                {otherTitles.join(" · ")}
              </Text>
            )}
            {onlyCategory && (
              <Text as="p" tone="subdued" variant="bodySm">
                The only category: add another before deleting it.
              </Text>
            )}
          </BlockStack>
          <InlineStack gap="200">
            {reorderable && (
              <>
                <Button onClick={() => move("up")} disabled={busy || first} accessibilityLabel={`Move category “${category.title}” up`}>
                  Move up
                </Button>
                <Button onClick={() => move("down")} disabled={busy || last} accessibilityLabel={`Move category “${category.title}” down`}>
                  Move down
                </Button>
              </>
            )}
            <Button url={`/app/faq/new?category=${encodeURIComponent(category.id)}`} accessibilityLabel={`Add an article to “${category.title}”`}>
              Add article
            </Button>
            <Button onClick={() => setRenaming(true)} disabled={busy} accessibilityLabel={`Rename category “${category.title}”`}>
              Rename
            </Button>
            <Button
              tone="critical"
              onClick={() => setConfirming(true)}
              disabled={busy || onlyCategory}
              accessibilityLabel={`Delete category “${category.title}”`}
            >
              Delete
            </Button>
          </InlineStack>
        </InlineStack>
        {problem && !confirming && (
          <Banner tone="critical">
            <p role="alert">{problem.message}</p>
          </Banner>
        )}
        {confirming && (
          <Banner
            tone="critical"
            title={articleCount === 0 ? `Delete “${category.title}”?` : `Delete “${category.title}” and its ${articleCount === 1 ? "article" : `${articleCount} articles`}?`}
            action={{ content: articleCount === 0 ? "Delete category" : `Delete category and ${articleCount === 1 ? "1 article" : `${articleCount} articles`}`, onAction: remove }}
            secondaryAction={{ content: "Cancel", onAction: () => setConfirming(false) }}
          >
            <p>
              {articleCount === 0
                ? "The category is empty."
                : "Its articles and all their translations are deleted too, and leave the storefront. To keep an article, move it to another category in its editor first."}{" "}
              This cannot be undone.
            </p>
          </Banner>
        )}
        {category.articles.length === 0 ? (
          <Text as="p" tone="subdued">
            No articles yet.
          </Text>
        ) : (
          category.articles.map((article, index) => (
            <ArticleRow
              key={article.id}
              article={article}
              first={index === 0}
              last={index === category.articles.length - 1}
              reorderable={reorderable}
            />
          ))
        )}
      </BlockStack>
    </Card>
  );
}

function ArticleRow({ article, first, last, reorderable }: { article: FaqArticleRow; first: boolean; last: boolean; reorderable: boolean }) {
  const { localeNames } = useLoaderData<typeof loader>();
  const fetcher = useRowFetcher();
  const busy = fetcher.state !== "idle";
  const problem = failure(fetcher);
  const run = (fields: Record<string, string>) => fetcher.submit({ id: article.id, ...fields }, { method: "post" });

  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" blockAlign="center" gap="300" wrap={false}>
        <BlockStack gap="100">
          <RemixLink to={`/app/faq/${article.id}`}>
            <Text as="span" fontWeight="semibold">
              {article.question}
            </Text>
          </RemixLink>
          {/* align is set: Polaris stacks otherwise inherit the row's space-between. */}
          <InlineStack gap="200" align="start" blockAlign="center">
            {article.published ? <Badge tone="success">Published</Badge> : <Badge>Draft</Badge>}
            <Text as="span" tone="subdued" variant="bodySm">
              {article.locales.map((locale) => localeNames[locale]).join(", ")}
            </Text>
            {article.votes.yes + article.votes.no > 0 && (
              <Text as="span" tone={article.votes.no > article.votes.yes ? "critical" : "subdued"} variant="bodySm">
                Helpful: {article.votes.yes} yes, {article.votes.no} no
              </Text>
            )}
          </InlineStack>
        </BlockStack>
        <InlineStack gap="200" wrap={false}>
          {reorderable && (
            <>
              <Button onClick={() => run({ intent: "move-article", direction: "up" })} disabled={busy || first} accessibilityLabel={`Move “${article.question}” up`}>
                Move up
              </Button>
              <Button
                onClick={() => run({ intent: "move-article", direction: "down" })}
                disabled={busy || last}
                accessibilityLabel={`Move “${article.question}” down`}
              >
                Move down
              </Button>
            </>
          )}
          <Button
            onClick={() => run({ intent: article.published ? "unpublish" : "publish" })}
            disabled={busy}
            accessibilityLabel={`${article.published ? "Unpublish" : "Publish"} “${article.question}”`}
          >
            {article.published ? "Unpublish" : "Publish"}
          </Button>
        </InlineStack>
      </InlineStack>
      {problem && (
        <div role="alert">
          <Text as="p" tone="critical">
            {problem.message}
          </Text>
        </div>
      )}
    </BlockStack>
  );
}

// Shopify needs Remix to catch thrown responses so its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
