import { currentQuantity, currentTotalPrice, orderDisplayFulfillmentStatus, returnTotalQuantity, unfulfilledQuantity } from "./derived";
import { legacyId, type Fulfillment, type FulfillmentEvent, type Order, type Return, type ShopData } from "./records";

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
    line_items: fulfillment.fulfillmentLineItems.map((item) => ({
      id: legacyId(item.lineItemId),
      admin_graphql_api_id: item.lineItemId,
      quantity: item.quantity,
    })),
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
    shipping_address: address && {
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
    },
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
  };
}

export function fulfillmentEventPayload(order: Order, fulfillment: Fulfillment, event: FulfillmentEvent) {
  return {
    id: legacyId(event.id),
    admin_graphql_api_id: event.id,
    fulfillment_id: legacyId(fulfillment.id),
    order_id: legacyId(order.id),
    status: event.status.toLowerCase(),
    message: event.message,
    happened_at: event.happenedAt,
    city: event.city,
    province: event.province,
    country: event.country,
    estimated_delivery_at: event.estimatedDeliveryAt,
    created_at: event.happenedAt,
  };
}

export function returnPayload(data: ShopData, order: Order, ret: Return) {
  return {
    id: legacyId(ret.id),
    admin_graphql_api_id: ret.id,
    order_id: legacyId(order.id),
    order: { id: legacyId(order.id), admin_graphql_api_id: order.id },
    name: ret.name,
    status: ret.status.toLowerCase(),
    total_return_line_items: returnTotalQuantity(ret),
    decline: ret.decline && { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note },
    return_line_items: ret.returnLineItems.map((item) => {
      const reason = data.returnReasonDefinitions.find((definition) => definition.id === item.returnReasonDefinitionId);
      return {
        id: legacyId(item.id),
        admin_graphql_api_id: item.id,
        fulfillment_line_item_id: legacyId(item.fulfillmentLineItemId),
        quantity: item.quantity,
        processed_quantity: item.processedQuantity,
        customer_note: item.customerNote,
        return_reason_definition: reason ? { id: legacyId(reason.id), handle: reason.handle, name: reason.name } : null,
      };
    }),
  };
}
