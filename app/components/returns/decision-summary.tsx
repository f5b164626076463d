/** Who decided, when, and why, once the request is decided. */
import { BlockStack, Card, Text } from "@shopify/polaris";
import { capitalize } from "./return-status";
import type { Detail } from "./detail-type";

export function DecisionSummary({ detail }: { detail: Detail }) {
  if (!detail.decidedBy) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Decision
        </Text>
        <Text as="p">
          {detail.status === "declined" ? "Declined" : "Approved"} by {detail.decidedBy}
          {detail.decided ? ` on ${detail.decided}` : ""}.
        </Text>
        {detail.declineReason && <Text as="p">Reason: {capitalize(detail.declineReason.toLowerCase().replace(/_/g, " "))}</Text>}
        {detail.overrideReason && <Text as="p">Approved despite a failed rule because: {detail.overrideReason}</Text>}
        {detail.decisionNote && (
          <Text as="p" tone="subdued">
            {detail.status === "declined" ? "Note to the shopper" : "Message"}: {detail.decisionNote}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
