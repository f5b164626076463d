import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { SegmentBadge } from "../shared/order-summary";
import type { Detail } from "./detail-type";

export function CustomerCard({ detail }: { detail: Detail }) {
  const { customer } = detail;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          <SegmentBadge segment={customer.segment} />
        </InlineStack>
        <Text as="p">{customer.name}</Text>
        <Text as="p" breakWord>
          {customer.email}
        </Text>
        {!customer.segment && (
          <Text as="p" tone="subdued" variant="bodySm">
            Segment unknown: no order is attached.
          </Text>
        )}
        {customer.signedIn && (
          <Text as="p" tone="subdued" variant="bodySm">
            Was signed in to the store when writing.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
