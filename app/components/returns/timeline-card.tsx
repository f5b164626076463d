import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { capitalize } from "./return-status";
import type { Detail } from "./detail-type";

const EVENT_LABELS: Record<string, string> = {
  received: "Request received",
  requested: "Created in Shopify",
  approved: "Approved",
  declined: "Declined",
  failed: "Shopify refused the request",
  closed: "Closed",
  cancelled: "Cancelled",
};

export function TimelineCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        <BlockStack gap="200" as="ol">
          {detail.events.map((event) => (
            <Box as="li" key={event.id}>
              <Text as="p">
                <Text as="span" fontWeight="semibold">
                  {EVENT_LABELS[event.type] ?? capitalize(event.type)}
                </Text>{" "}
                by {event.actor}
              </Text>
              {event.detail && (
                <Text as="p" tone="subdued">
                  {event.detail}
                </Text>
              )}
              <Text as="p" tone="subdued" variant="bodySm">
                {event.at}
              </Text>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
