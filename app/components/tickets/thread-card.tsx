/** The conversation: shopper messages, replies and internal notes, oldest first. */
import { Badge, BlockStack, Box, Card, InlineStack, Link, Text } from "@shopify/polaris";
import type { Detail } from "./detail-type";

const MESSAGE_BACKGROUNDS = { customer: "bg-surface", reply: "bg-surface-info", note: "bg-surface-warning" } as const;

export function ThreadCard({ detail }: { detail: Detail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Conversation
        </Text>
        <BlockStack gap="300" as="ol">
          {detail.messages.map((message) => (
            <Box
              as="li"
              key={message.id}
              padding="300"
              borderRadius="200"
              borderWidth="025"
              borderColor="border"
              background={MESSAGE_BACKGROUNDS[message.kind as keyof typeof MESSAGE_BACKGROUNDS] ?? "bg-surface"}
            >
              <BlockStack gap="200">
                <InlineStack align="space-between" gap="200" blockAlign="center">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h3" variant="headingSm">
                      {message.author}
                    </Text>
                    {message.kind === "note" && <Badge tone="warning">Internal note</Badge>}
                    {message.kind === "reply" && <Badge tone="info">{message.fromMacro ? "Reply (from a macro)" : "Reply"}</Badge>}
                  </InlineStack>
                  <Text as="span" tone="subdued" variant="bodySm">
                    <time dateTime={message.atIso}>{message.at}</time>
                  </Text>
                </InlineStack>
                <Text as="p" breakWord>
                  <span style={{ whiteSpace: "pre-wrap" }}>{message.body}</span>
                </Text>
                {message.attachment && (
                  <Link url={message.attachment.url} target="_blank">
                    {`Open the attached photo (${message.attachment.type.replace("image/", "").toUpperCase()}, ${Math.max(1, Math.round(message.attachment.size / 1024))} KB)`}
                  </Link>
                )}
              </BlockStack>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
