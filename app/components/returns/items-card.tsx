/** The returned items, each with the shopper's reason, note and photos (full size in a new tab). */
import { BlockStack, Card, Divider, InlineStack, Text, Thumbnail } from "@shopify/polaris";
import type { Detail } from "./detail-type";

export function ItemsCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Items
        </Text>
        {detail.inspectionNote && (
          <Text as="p" tone="subdued">
            Inspection note: {detail.inspectionNote}
          </Text>
        )}
        {detail.items.map((item, index) => (
          <BlockStack gap="200" key={item.id}>
            {index > 0 && <Divider />}
            <InlineStack align="space-between" blockAlign="start" gap="200">
              <BlockStack gap="100">
                <Text as="h3" variant="headingSm">
                  {item.title}
                </Text>
                <Text as="p">
                  Quantity {item.quantity} · {item.reason}
                </Text>
                {item.counted && (
                  <Text as="p">
                    Received: {item.counted.restocked} restocked · {item.counted.notRestocked} not restocked · {item.counted.missing} missing
                  </Text>
                )}
                {item.note && (
                  <Text as="p" tone="subdued">
                    “{item.note}”
                  </Text>
                )}
              </BlockStack>
            </InlineStack>
            {item.photos.length > 0 && (
              <InlineStack gap="200">
                {item.photos.map((photo, n) => (
                  <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer" aria-label={`Open photo ${n + 1} of ${item.title} in full size`}>
                    <Thumbnail source={photo.url} alt={`Photo ${n + 1} of ${item.title}`} size="large" />
                  </a>
                ))}
              </InlineStack>
            )}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
