/** The resolution, the refund the shopper was quoted (and what was issued), and the dates that matter. */
import { BlockStack, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import { Row } from "../shared/order-summary";
import { TimeLeft } from "./return-status";
import type { Detail } from "./detail-type";

export function SummaryCard({ detail }: { detail: Detail }) {
  const quote = detail.quote;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Summary
        </Text>
        <Row label="Resolution">{detail.resolution}</Row>
        {quote ? (
          <>
            <Row label="Items value">{quote.itemsValue}</Row>
            {quote.restockingFee && <Row label="Restocking fee">−{quote.restockingFee}</Row>}
            {quote.shippingFee && <Row label="Return shipping">−{quote.shippingFee}</Row>}
            {quote.storeCreditBonus && <Row label="Store-credit bonus">+{quote.storeCreditBonus}</Row>}
            <Divider />
            <Row label="Shopper expects">
              <Text as="span" fontWeight="semibold">
                {quote.expected}
              </Text>
            </Row>
          </>
        ) : (
          <Text as="p" tone="subdued">
            No quote was stored.
          </Text>
        )}
        {detail.settlement && detail.processed && (
          <>
            <Divider />
            {detail.settlement.amounts.map((amount) => (
              <Row key={amount.field} label={amount.label}>
                {amount.text}
              </Row>
            ))}
            {detail.settlement.reason && <Row label="Raised because">{detail.settlement.reason}</Row>}
          </>
        )}
        <Divider />
        <Row label="Created">{detail.created}</Row>
        <Row label="Answer by">{detail.respondBy}</Row>
        {detail.sla && (
          <InlineStack align="end">
            <TimeLeft sla={detail.sla} />
          </InlineStack>
        )}
        {detail.received && <Row label="Items arrived">{detail.received}</Row>}
        {detail.processed && <Row label="Money issued">{detail.processed}</Row>}
        {detail.closed && <Row label="Closed">{detail.closed}</Row>}
        <Row label="Policy version">{detail.policyVersion}</Row>
      </BlockStack>
    </Card>
  );
}
