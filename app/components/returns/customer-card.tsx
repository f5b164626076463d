/** The shopper: segment, order history and their other return requests. */
import { BlockStack, Box, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { SegmentBadge } from "../shared/order-summary";
import { ReturnStatusBadge } from "./return-status";
import type { Detail } from "./detail-type";

export function CustomerCard({ detail }: { detail: Detail }) {
  const customer = detail.customer;
  if (!customer) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          <Text as="p" tone="subdued">
            The order has no email address.
          </Text>
        </BlockStack>
      </Card>
    );
  }
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          <SegmentBadge segment={customer.segment} />
        </InlineStack>
        <Text as="p" breakWord>
          {customer.email}
        </Text>
        <Text as="p" tone="subdued">
          {customer.history === null
            ? "Order history unavailable"
            : `${customer.history.orderCount}${customer.history.capped ? "+" : ""} order${customer.history.orderCount === 1 ? "" : "s"} · ${customer.history.spent} spent`}
        </Text>
        <Text as="h3" variant="headingSm">
          Other return requests
        </Text>
        {customer.otherRequests.length === 0 ? (
          <Text as="p" tone="subdued">
            None
          </Text>
        ) : (
          <BlockStack gap="100" as="ul">
            {customer.otherRequests.map((r) => (
              <Box as="li" key={r.id}>
                <InlineStack gap="200" blockAlign="center">
                  <Link url={`/app/returns/${r.id}`}>{r.reference}</Link>
                  <Text as="span" tone="subdued">
                    {r.orderName} · {r.created}
                  </Text>
                  <ReturnStatusBadge status={r.status} />
                </InlineStack>
              </Box>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
