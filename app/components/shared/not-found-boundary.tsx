import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";

/**
 * A detail page's error boundary. Another shop's record, or a mistyped id, reads as "not found"
 * inside the admin frame, with the way back to the list; Shopify's own responses
 * (re-authentication) must reach the browser unchanged.
 */
export function NotFoundBoundary({
  title,
  back,
  heading,
  message,
}: {
  title: string;
  back: { content: string; url: string; label: string };
  heading?: string;
  message: string;
}) {
  const error = useRouteError();
  if (!isRouteErrorResponse(error) || error.status !== 404) return boundary.error(error);
  return (
    <Page backAction={{ content: back.content, url: back.url }} title={title}>
      <Card>
        <BlockStack gap="300">
          {heading && (
            <Text as="h2" variant="headingMd">
              {heading}
            </Text>
          )}
          <Text as="p">{message}</Text>
          <InlineStack>
            <Button url={back.url}>{back.label}</Button>
          </InlineStack>
        </BlockStack>
      </Card>
    </Page>
  );
}
