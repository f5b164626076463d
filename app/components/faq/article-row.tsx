import { Link as RemixLink } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import type { FaqArticleRow, FaqList } from "../../features/faq/admin-list.server";
import { failure, useRowFetcher } from "./row-fetcher";

export function ArticleRow({
  article,
  first,
  last,
  reorderable,
  localeNames,
}: {
  article: FaqArticleRow;
  first: boolean;
  last: boolean;
  reorderable: boolean;
  localeNames: FaqList["localeNames"];
}) {
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
