import { BlockStack, Card, Text } from "@shopify/polaris";
import type { Detail } from "./detail-type";

export function CsatCard({ detail }: { detail: Detail }) {
  const { csat, ticket } = detail;
  if (!csat && !ticket.surveySent) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Satisfaction
        </Text>
        {csat ? (
          <>
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {csat.rating} / 5
              </Text>{" "}
              ({csat.label})
            </Text>
            {csat.comment && <Text as="p">“{csat.comment}”</Text>}
            <Text as="p" tone="subdued" variant="bodySm">
              Answered {csat.at}
            </Text>
          </>
        ) : (
          <Text as="p" tone="subdued">
            Survey sent {ticket.surveySent}; no answer yet.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
