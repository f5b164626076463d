import {
  currentQuantity,
  currentTotalPrice,
  fulfillmentLineItemOf,
  orderDisplayFulfillmentStatus,
  restockingFeeCents,
  returnTotalQuantity,
  unfulfilledQuantity,
} from "./derived";
import {
  fromCents,
  legacyId,
  toCents,
  type Fulfillment,
  type FulfillmentEvent,
  type Order,
  type Refund,
  type Return,
  type ReverseDelivery,
  type ShopData,
} from "./records";

/** Webhook payloads in Shopify's REST shape (snake_case, numeric ids beside the GraphQL id). */

const lower = (value: string | null) => (value === null ? null : value.toLowerCase());

export function fulfillmentPayload(order: Order, fulfillment: Fulfillment, index: number) {
  const latestEvent = fulfillment.events.at(-1);
  const tracking = fulfillment.trackingInfo;
  return {
    id: legacyId(fulfillment.id),
    admin_graphql_api_id: fulfillment.id,
    order_id: legacyId(order.id),
    name: `${order.name}.${index + 1}`,
    status: fulfillment.status.toLowerCase(),
    shipment_status: latestEvent ? latestEvent.status.toLowerCase() : null,
    created_at: fulfillment.createdAt,
    updated_at: fulfillment.updatedAt,
    tracking_company: tracking[0]?.company ?? null,
    tracking_number: tracking[0]?.number ?? null,
    tracking_numbers: tracking.map((info) => info.number),
    tracking_url: tracking[0]?.url ?? null,
    tracking_urls: tracking.map((info) => info.url),
    email: order.email,
    destination: order.shippingAddress && addressPayload(order.shippingAddress),
    origin_address: null,
    location_id: null,
    service: "manual",
    receipt: {},
    // The order's line item with the fulfilled quantity, as the reference shows.
    line_items: fulfillment.fulfillmentLineItems.map((item) => {
      const lineItem = order.lineItems.find((candidate) => candidate.id === item.lineItemId);
      return {
        id: legacyId(item.lineItemId),
        admin_graphql_api_id: item.lineItemId,
        title: lineItem?.title ?? null,
        variant_title: lineItem?.variantTitle ?? null,
        sku: lineItem?.sku ?? null,
        price: lineItem?.price ?? null,
        product_id: lineItem?.productId ? legacyId(lineItem.productId) : null,
        variant_id: lineItem?.variantId ? legacyId(lineItem.variantId) : null,
        gift_card: lineItem?.isGiftCard ?? false,
        requires_shipping: true,
        fulfillment_status: null,
        quantity: item.quantity,
      };
    }),
  };
}

function addressPayload(address: NonNullable<Order["shippingAddress"]>) {
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    province_code: address.provinceCode,
    country: address.country,
    country_code: address.countryCode,
    zip: address.zip,
  };
}

export function orderPayload(data: ShopData, order: Order) {
  const customer = data.customers.find((candidate) => candidate.id === order.customerId);
  const address = order.shippingAddress;
  const fulfillmentStatus = orderDisplayFulfillmentStatus(order);
  return {
    id: legacyId(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    order_number: Number(order.name.slice(1)),
    email: order.email,
    phone: order.phone,
    created_at: order.createdAt,
    processed_at: order.processedAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: lower(order.cancelReason),
    closed_at: order.closedAt,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", UNFULFILLED: null }[fulfillmentStatus],
    currency: order.currencyCode,
    subtotal_price: order.subtotalPrice,
    total_price: order.totalPrice,
    total_tax: order.totalTax,
    current_total_price: currentTotalPrice(order),
    note: order.note,
    tags: order.tags.join(", "),
    customer: customer
      ? {
          id: legacyId(customer.id),
          admin_graphql_api_id: customer.id,
          email: customer.email,
          first_name: customer.firstName,
          last_name: customer.lastName,
        }
      : null,
    shipping_address: address && addressPayload(address),
    line_items: order.lineItems.map((lineItem) => ({
      id: legacyId(lineItem.id),
      admin_graphql_api_id: lineItem.id,
      title: lineItem.title,
      variant_title: lineItem.variantTitle,
      sku: lineItem.sku,
      quantity: lineItem.quantity,
      current_quantity: currentQuantity(lineItem),
      fulfillable_quantity: unfulfilledQuantity(order, lineItem),
      price: lineItem.price,
      product_id: lineItem.productId && legacyId(lineItem.productId),
      variant_id: lineItem.variantId && legacyId(lineItem.variantId),
      gift_card: lineItem.isGiftCard,
    })),
    fulfillments: order.fulfillments.map((fulfillment, index) => fulfillmentPayload(order, fulfillment, index)),
    refunds: order.refunds.map((refund) => refundPayload(order, refund)),
  };
}

/** fulfillment_events/create: the reference's fields, null where the carrier gave none. */
export function fulfillmentEventPayload(shopId: string, order: Order, fulfillment: Fulfillment, event: FulfillmentEvent) {
  return {
    id: legacyId(event.id),
    admin_graphql_api_id: event.id,
    fulfillment_id: legacyId(fulfillment.id),
    order_id: legacyId(order.id),
    shop_id: legacyId(shopId),
    status: event.status.toLowerCase(),
    message: event.message,
    happened_at: event.happenedAt,
    address1: null,
    city: event.city,
    province: event.province,
    country: event.country,
    zip: null,
    latitude: null,
    longitude: null,
    estimated_delivery_at: event.estimatedDeliveryAt,
    created_at: event.happenedAt,
    updated_at: event.happenedAt,
  };
}

/** A REST MoneyBag: the amount in the shop's and the shopper's currency (the same here). */
const restMoneyBag = (amount: string, currency: string) => ({
  shop_money: { amount, currency_code: currency },
  presentment_money: { amount, currency_code: currency },
});

/**
 * A returns/* payload in the shape Shopify's webhook reference shows for its topic: request and
 * approve carry the whole return (its name may be null, line items name their fulfillment line
 * item as a nested object); decline adds the decline; cancel, close and reopen carry only ids and
 * the status. returns/process is sent whole, like approve ([U]: the reference's sample was not read).
 */
export function returnPayload(data: ShopData, order: Order, ret: Return, topic: string) {
  const ids = { id: legacyId(ret.id), admin_graphql_api_id: ret.id };
  const status = ret.status.toLowerCase();
  if (topic === "returns/cancel" || topic === "returns/close" || topic === "returns/reopen") {
    return { ...ids, order_id: legacyId(order.id), status };
  }
  if (topic === "returns/decline") {
    return { ...ids, status, decline: ret.decline && { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note } };
  }
  const lineItemPrice = (fulfillmentLineItemId: string) => {
    const lineItemId = fulfillmentLineItemOf(order, fulfillmentLineItemId)?.lineItemId;
    return order.lineItems.find((lineItem) => lineItem.id === lineItemId)?.price ?? "0.00";
  };
  return {
    ...ids,
    status,
    order: { id: legacyId(order.id), admin_graphql_api_id: order.id },
    total_return_line_items: returnTotalQuantity(ret),
    name: ret.name,
    return_line_items: ret.returnLineItems.map((item) => {
      const reason = data.returnReasonDefinitions.find((definition) => definition.id === item.returnReasonDefinitionId);
      const lineItemId = fulfillmentLineItemOf(order, item.fulfillmentLineItemId)?.lineItemId ?? null;
      return {
        id: legacyId(item.id),
        admin_graphql_api_id: item.id,
        fulfillment_line_item: {
          id: legacyId(item.fulfillmentLineItemId),
          admin_graphql_api_id: item.fulfillmentLineItemId,
          line_item: lineItemId && { id: legacyId(lineItemId), admin_graphql_api_id: lineItemId },
        },
        quantity: item.quantity,
        return_reason: reason?.handle ?? "other",
        return_reason_note: item.returnReasonNote,
        customer_note: item.customerNote,
        processed_quantity: item.processedQuantity,
        return_reason_definition: reason ? { id: legacyId(reason.id), handle: reason.handle, name: reason.name } : null,
        restocking_fee: item.restockingFee && {
          id: legacyId(item.restockingFee.id),
          percentage: item.restockingFee.percentage,
          amount: fromCents(restockingFeeCents(lineItemPrice(item.fulfillmentLineItemId), item.quantity, item.restockingFee.percentage)),
          currency: order.currencyCode,
        },
      };
    }),
    return_shipping_fees: ret.returnShippingFees.map((fee) => ({
      id: legacyId(fee.id),
      admin_graphql_api_id: fee.id,
      price: restMoneyBag(fee.amount, order.currencyCode),
    })),
    exchange_line_items: ret.exchangeLineItems.map((item) => ({
      id: legacyId(item.id),
      admin_graphql_api_id: item.id,
      // Shopify sends null until processing makes the order's line item.
      line_item: item.lineItemIds[0] ? { id: legacyId(item.lineItemIds[0]), admin_graphql_api_id: item.lineItemIds[0] } : null,
      variant_id: legacyId(item.variantId),
      quantity: item.quantity,
      processed_quantity: item.processedQuantity,
    })),
    total_exchange_line_items: ret.exchangeLineItems.reduce((sum, item) => sum + item.quantity, 0),
  };
}

export function refundPayload(order: Order, refund: Refund) {
  return {
    id: legacyId(refund.id),
    admin_graphql_api_id: refund.id,
    order_id: legacyId(order.id),
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    return: refund.returnId && { id: legacyId(refund.returnId), admin_graphql_api_id: refund.returnId },
    refund_line_items: refund.refundLineItems.map((item) => {
      const lineItem = order.lineItems.find((candidate) => candidate.id === item.lineItemId);
      return {
        id: legacyId(item.id),
        line_item_id: legacyId(item.lineItemId),
        quantity: item.quantity,
        restock_type: item.restockType.toLowerCase(),
        subtotal: fromCents(toCents(lineItem?.price ?? "0.00") * item.quantity),
      };
    }),
    transactions: order.transactions
      .filter((transaction) => refund.transactionIds.includes(transaction.id))
      .map((transaction) => ({
        id: legacyId(transaction.id),
        admin_graphql_api_id: transaction.id,
        order_id: legacyId(order.id),
        kind: transaction.kind.toLowerCase(),
        gateway: transaction.gateway,
        status: transaction.status.toLowerCase(),
        amount: transaction.amount,
        currency: order.currencyCode,
        parent_id: transaction.parentTransactionId && legacyId(transaction.parentTransactionId),
        created_at: transaction.createdAt,
        processed_at: transaction.processedAt,
      })),
  };
}

/** reverse_deliveries/attach_deliverable: the delivery with its label and tracking. */
export function reverseDeliveryPayload(ret: Return, delivery: ReverseDelivery) {
  return {
    id: legacyId(delivery.id),
    admin_graphql_api_id: delivery.id,
    return: { id: legacyId(ret.id), admin_graphql_api_id: ret.id },
    shipping_deliverable: {
      tracking: delivery.tracking && {
        carrier_name: delivery.tracking.carrierName,
        tracking_number: delivery.tracking.number,
        tracking_url: delivery.tracking.url,
      },
      label: delivery.label && { public_file_url: delivery.label.fileUrl, created_at: delivery.label.createdAt },
    },
  };
}
