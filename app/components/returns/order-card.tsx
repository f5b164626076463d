import { Text } from "@shopify/polaris";
import { OrderSummaryCard } from "../shared/order-summary";
import type { Detail } from "./detail-type";

export function OrderCard({ detail }: { detail: Detail }) {
  const order = detail.order;
  return (
    <OrderSummaryCard name={detail.orderName} order={order}>
      {order.ok && order.shipments.length === 0 && (
        <Text as="p" tone="subdued">
          Not shipped yet.
        </Text>
      )}
    </OrderSummaryCard>
  );
}
