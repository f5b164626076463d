/** What Shopify holds for this request — the return, its shipping, the refund, the bonus, the exchange — from the ids stored as each step succeeded. */
import { BlockStack, Card, Link, Text } from "@shopify/polaris";
import { Row } from "../shared/order-summary";
import type { Detail } from "./detail-type";

const NOT_YET = (
  <Text as="span" tone="subdued">
    Not yet
  </Text>
);

export function ShopifyCard({ detail }: { detail: Detail }) {
  const shopify = detail.shopify;
  const delivery = shopify.delivery;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          In Shopify
        </Text>
        <Row label="Return">{shopify.returnId ? `#${shopify.returnId}` : NOT_YET}</Row>
        {shopify.orderUrl && (
          <Link url={shopify.orderUrl} target="_top">
            Open order {detail.orderName} in Shopify
          </Link>
        )}
        {detail.keepItems ? (
          <Text as="p" tone="subdued">
            The shopper keeps the items: nothing is shipped back.
          </Text>
        ) : (
          <>
            <Row label="Return shipping">{delivery ? (delivery.carrier ?? "Carrier not given") : NOT_YET}</Row>
            {delivery?.trackingNumber && (
              <Row label="Tracking">
                {delivery.trackingUrl ? (
                  <Link url={delivery.trackingUrl} target="_blank">
                    {delivery.trackingNumber}
                  </Link>
                ) : (
                  delivery.trackingNumber
                )}
              </Row>
            )}
            {delivery?.labelUrl && (
              <Link url={delivery.labelUrl} target="_blank">
                Open the return label
              </Link>
            )}
            {delivery?.id && <Row label="Reverse delivery">#{delivery.id}</Row>}
          </>
        )}
        <Row label="Refund">{shopify.refundId ? `#${shopify.refundId}` : NOT_YET}</Row>
        {(shopify.bonusTransactionId || detail.settlement?.amounts.some((a) => a.field === "bonus")) && (
          <Row label="Store-credit bonus">{shopify.bonusTransactionId ? `Transaction #${shopify.bonusTransactionId}` : NOT_YET}</Row>
        )}
        {shopify.exchange && (
          <>
            <Row label="Exchange for">{shopify.exchange.variantTitle ?? "Variant not recorded"}</Row>
            <Row label="Exchange item">{shopify.exchange.lineItemId ? `Line item #${shopify.exchange.lineItemId} on the order` : NOT_YET}</Row>
            <Row label="Exchange shipment">
              {shopify.exchange.trackingNumber ? (
                shopify.exchange.trackingUrl ? (
                  <Link url={shopify.exchange.trackingUrl} target="_blank">
                    {shopify.exchange.trackingNumber}
                  </Link>
                ) : (
                  shopify.exchange.trackingNumber
                )
              ) : (
                NOT_YET
              )}
            </Row>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
