/** Each order line's policy rules, passed or failed, as checked when the request arrived. */
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { Detail } from "./detail-type";

export function RulesCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Policy check
          </Text>
          <Text as="span" tone="subdued">
            Policy version {detail.policyVersion}
          </Text>
        </InlineStack>
        {detail.rules.length === 0 && (
          <Text as="p" tone="subdued">
            No rules were recorded for this request.
          </Text>
        )}
        {detail.rules.map((line) => (
          <BlockStack gap="100" key={line.lineItemId}>
            <Text as="h3" variant="headingSm">
              {line.title}
              {line.inRequest ? "" : " (not in this request)"}
            </Text>
            <BlockStack gap="100" as="ul">
              {line.rules.map((rule) => (
                <InlineStack as="li" gap="200" key={rule.rule} wrap={false} blockAlign="start">
                  <Badge tone={rule.passed ? "success" : "critical"}>{rule.passed ? "Passed" : "Failed"}</Badge>
                  <Text as="span">{rule.detail}</Text>
                </InlineStack>
              ))}
            </BlockStack>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
