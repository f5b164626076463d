import { BlockStack, Card, InlineStack, List, Text } from "@shopify/polaris";
import { Row } from "../shared/order-summary";
import { PriorityBadge } from "./ticket-badges";
import type { Detail } from "./detail-type";

export function PriorityCard({ detail }: { detail: Detail }) {
  const { ticket } = detail;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Priority
          </Text>
          <PriorityBadge priority={ticket.priority} />
        </InlineStack>
        <Row label="Category">{ticket.category}</Row>
        <Row label="Topic chosen">{ticket.topic}</Row>
        {ticket.priorityReasons.length > 0 && (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Why
            </Text>
            <List>
              {ticket.priorityReasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
