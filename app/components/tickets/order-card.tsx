import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { OrderSummaryCard, Row } from "../shared/order-summary";
import type { Detail } from "./detail-type";

export function OrderCard({ detail }: { detail: Detail }) {
  const { order, ticket } = detail;
  if (!order) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Order
          </Text>
          <Text as="p" tone="subdued">
            {ticket.orderName
              ? `The customer mentioned ${ticket.orderName}, but it is not attached: its email is not theirs, or it does not exist. Check before sharing details.`
              : "No order mentioned."}
          </Text>
        </BlockStack>
      </Card>
    );
  }
  return (
    <OrderSummaryCard name={order.ok ? order.name : ticket.orderName} order={order}>
      {order.ok && (
        <>
          {order.estimatedDelivery && <Row label="Expected">{order.estimatedDelivery}</Row>}
          <BlockStack gap="100" as="ul">
            {order.items.map((item, n) => (
              <Box as="li" key={`${item.title}-${n}`}>
                <Text as="span">
                  {item.quantity} × {item.title}
                </Text>
              </Box>
            ))}
          </BlockStack>
        </>
      )}
    </OrderSummaryCard>
  );
}
