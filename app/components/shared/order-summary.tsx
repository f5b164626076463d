import { Badge, Banner, BlockStack, Card, Divider, InlineStack, Link, Text } from "@shopify/polaris";
import { type ReactNode } from "react";
import { type OrderContext } from "../../features/returns/detail.server";
import { type Tone } from "../returns/return-status";

/** The order and customer cards a return request and a ticket both show beside their own content. */

const ORDER_STATES: Record<string, string> = {
  placed: "Placed, not shipped",
  fulfilled: "Fulfilled",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** A label and its value on one line, as the side cards list them. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <InlineStack align="space-between" gap="200" wrap={false}>
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Text as="span" alignment="end">
        {children}
      </Text>
    </InlineStack>
  );
}

/**
 * The order as Shopify shows it now: status, date placed, then each shipment with its tracking
 * link; `children` come between the two, only when the order could be read.
 */
export function OrderSummaryCard({ name, order, children }: { name: string | null; order: OrderContext; children?: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Order {name}
        </Text>
        {!order.ok ? (
          <Banner tone="warning">
            <p>{order.error}</p>
          </Banner>
        ) : (
          <>
            <Row label="Status">{ORDER_STATES[order.state] ?? order.state}</Row>
            <Row label="Placed">{order.placedAt}</Row>
            {children}
            {order.shipments.map((shipment, n) => (
              <BlockStack gap="100" key={shipment.id}>
                <Divider />
                <Text as="h3" variant="headingSm">
                  Shipment {n + 1}: {ORDER_STATES[shipment.step] ?? shipment.step}
                </Text>
                <Text as="p">
                  {shipment.carrier ?? "Carrier unknown"}
                  {shipment.trackingNumber && " · "}
                  {shipment.trackingNumber &&
                    (shipment.trackingUrl ? (
                      <Link url={shipment.trackingUrl} target="_blank">
                        {shipment.trackingNumber}
                      </Link>
                    ) : (
                      shipment.trackingNumber
                    ))}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  Shipped {shipment.shippedAt}
                  {shipment.deliveredAt ? ` · delivered ${shipment.deliveredAt}` : ""}
                </Text>
              </BlockStack>
            ))}
          </>
        )}
      </BlockStack>
    </Card>
  );
}

const SEGMENTS: Record<string, { label: string; tone?: Tone }> = {
  new: { label: "New customer" },
  repeat: { label: "Repeat customer", tone: "info" },
  vip: { label: "VIP", tone: "success" },
};

export function SegmentBadge({ segment }: { segment: string | null }) {
  const badge = segment ? SEGMENTS[segment] : null;
  return badge ? <Badge tone={badge.tone}>{badge.label}</Badge> : null;
}
