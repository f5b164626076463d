import { useFetcher } from "@remix-run/react";
import { BlockStack, Box, Card, InlineStack, Text } from "@shopify/polaris";
import { useEffect } from "react";
import type { FaqLocale } from "../../features/faq/domain/types";
import type { FaqPreviewOutcome } from "../../features/faq/admin-editor.server";

const PREVIEW_DELAY_MS = 400;

/** Rendered on the server by the storefront's own renderer, with the shop's live policy values. */
export function PreviewCard({ locale, language, question, answer }: { locale: FaqLocale; language: string; question: string; answer: string }) {
  const preview = useFetcher<FaqPreviewOutcome>();
  const { submit } = preview;

  // Asked a moment after the last key, not on every one.
  useEffect(() => {
    const timer = setTimeout(() => submit({ intent: "preview", locale, answer }, { method: "post" }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [submit, locale, answer]);

  const result = preview.data;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Preview
          </Text>
          {preview.state !== "idle" && (
            <Text as="span" tone="subdued" variant="bodySm">
              Updating…
            </Text>
          )}
        </InlineStack>
        <Text as="p" tone="subdued">
          {language}, with your current policy values, as the storefront shows it.
        </Text>
        <Box padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {question.trim() || "Your question"}
            </Text>
            {!result ? (
              <Text as="p" tone="subdued">
                Loading the preview…
              </Text>
            ) : !result.ok ? (
              <div role="status">
                <BlockStack gap="100">
                  {result.errors.map((error) => (
                    <Text key={error} as="p" tone="critical">
                      {error}
                    </Text>
                  ))}
                </BlockStack>
              </div>
            ) : result.html ? (
              // markdownToHtml escapes the whole source before adding its own few tags and keeps only
              // safe link targets, so this HTML holds no markup the admin (or a value) wrote.
              <div style={{ overflowWrap: "anywhere" }} dangerouslySetInnerHTML={{ __html: result.html }} />
            ) : (
              <Text as="p" tone="subdued">
                Write an answer to see it here.
              </Text>
            )}
          </BlockStack>
        </Box>
      </BlockStack>
    </Card>
  );
}
