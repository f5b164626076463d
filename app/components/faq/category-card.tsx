import { Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { FAQ_LOCALES } from "../../features/faq/domain/types";
import type { FaqCategoryView, FaqList } from "../../features/faq/admin-list.server";
import { ArticleRow } from "./article-row";
import { CategoryForm } from "./category-form";
import { failure, useRowFetcher } from "./row-fetcher";

export function CategoryCard({
  category,
  first,
  last,
  onlyCategory,
  reorderable,
  localeNames,
}: {
  category: FaqCategoryView;
  first: boolean;
  last: boolean;
  onlyCategory: boolean;
  reorderable: boolean;
  localeNames: FaqList["localeNames"];
}) {
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

  if (renaming) return <CategoryForm category={category} localeNames={localeNames} onDone={() => setRenaming(false)} />;

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
              localeNames={localeNames}
            />
          ))
        )}
      </BlockStack>
    </Card>
  );
}
