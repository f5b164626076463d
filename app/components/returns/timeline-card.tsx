/** Every step of the request, oldest first: what happened, who or what did it, and when. */
import { Badge, BlockStack, Box, Card, InlineStack, Text } from "@shopify/polaris";
import type { Detail } from "./detail-type";

export function TimelineCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        <BlockStack gap="300" as="ol">
          {detail.events.map((event) => (
            <Box as="li" key={event.id}>
              <InlineStack gap="200" blockAlign="center">
                <Text as="span" fontWeight="semibold">
                  {event.label}
                </Text>
                {event.problem && <Badge tone="critical">Refused</Badge>}
              </InlineStack>
              <Text as="p" tone="subdued">
                {event.automatic ? event.by : `by ${event.by}`} · <time dateTime={event.atIso}>{event.at}</time>
              </Text>
              {event.detail && <Text as="p">{event.detail}</Text>}
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
