import type { VariantOption } from "../features/returns/domain/exchange";
import type { HeldReturn } from "../features/returns/domain/sent-returns";
import type { ReturnableOrder } from "../features/returns/domain/types";
import type { AdminGraphql } from "../shopify.server";
import type {
  ExchangeOptionsQuery,
  OrderCustomerQuery,
  OrderReturnsQuery,
  ReturnApproveMutation,
  ReturnDeclineMutation,
  ReturnOrderQuery,
  ReturnReasonsQuery,
  ReturnRequestMutation,
} from "../types/admin.generated";
import type { ReturnDeclineReason } from "../types/admin.types";
import { moneyInput, requireNoUserErrors, runQuery, ShopifyGraphqlError } from "./graphql.server";

/** The order as return eligibility needs it, and what Shopify says is still returnable. */
export const RETURN_ORDER_QUERY = `#graphql
  query ReturnOrder($id: ID!, $lines: Int!, $fulfillments: Int!) {
    shop {
      ianaTimezone
    }
    order(id: $id) {
      id
      name
      email
      currencyCode
      processedAt
      cancelledAt
      lineItems(first: $lines) {
        nodes {
          id
          title
          variantTitle
          currentQuantity
          originalUnitPriceSet {
            shopMoney {
              amount
            }
          }
          image {
            url(transform: { maxWidth: 160 })
          }
          product {
            id
            productType
            tags
          }
        }
      }
      fulfillments(first: $fulfillments) {
        id
        status
        createdAt
        deliveredAt
        fulfillmentLineItems(first: $lines) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
    }
    returnableFulfillments(orderId: $id, first: $fulfillments) {
      nodes {
        returnableFulfillmentLineItems(first: $lines) {
          nodes {
            quantity
            fulfillmentLineItem {
              id
            }
          }
        }
      }
    }
  }
`;

/** Other variants of the ordered products, for exchanges. */
export const EXCHANGE_OPTIONS_QUERY = `#graphql
  query ExchangeOptions($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        variants(first: 10) {
          nodes {
            id
            title
            price
            availableForSale
          }
        }
      }
    }
  }
`;

export const RETURN_REASONS_QUERY = `#graphql
  query ReturnReasons($handles: [String!]!) {
    returnReasonDefinitions(first: 50, handles: $handles, query: "deleted:false") {
      nodes {
        id
        handle
      }
    }
  }
`;

export const RETURN_REQUEST_MUTATION = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const RETURN_APPROVE_MUTATION = `#graphql
  mutation ReturnApprove($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const RETURN_DECLINE_MUTATION = `#graphql
  mutation ReturnDecline($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export type ShopifyReturnOrder = ReturnableOrder & {
  email: string | null;
  /** The shop's time zone: return windows end at midnight there. */
  timeZone: string;
  /** Product id per line item, for exchange options. */
  productIds: Record<string, string>;
};

/**
 * How much of an order ReturnOrder asks for: line items, and fulfillments (each with up to `lines`
 * line items). The requested cost grows with both (6 + 5·lines + 2·fulfillments·(3 + 2·lines)), so
 * callers that know the order's size ask for just that; the default covers any usual order.
 */
export type ReturnOrderSize = { lines: number; fulfillments: number };
export const FULL_RETURN_ORDER: ReturnOrderSize = { lines: 20, fulfillments: 5 };

export async function fetchReturnOrder(graphql: AdminGraphql, orderId: string, size: ReturnOrderSize = FULL_RETURN_ORDER): Promise<ShopifyReturnOrder | null> {
  const data = await runQuery<ReturnOrderQuery>(graphql, "ReturnOrder", RETURN_ORDER_QUERY, { id: orderId, ...size });
  const order = data.order;
  if (!order) return null;
  // Returnable entries name their fulfillment line item; its line item is in the fulfillments.
  const lineItemOf = new Map(order.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes.map((n) => [n.id, n.lineItem.id] as const)));
  return {
    id: order.id,
    name: order.name,
    email: order.email ?? null,
    timeZone: data.shop.ianaTimezone,
    currency: order.currencyCode,
    processedAt: order.processedAt,
    cancelledAt: order.cancelledAt ?? null,
    lineItems: order.lineItems.nodes.map((item) => ({
      id: item.id,
      title: item.title,
      variantTitle: item.variantTitle ?? null,
      quantity: item.currentQuantity,
      unitPrice: Number(item.originalUnitPriceSet.shopMoney.amount),
      productType: item.product?.productType ?? null,
      productTags: item.product?.tags ?? [],
      imageUrl: item.image?.url ?? null,
    })),
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      status: f.status,
      createdAt: f.createdAt,
      deliveredAt: f.deliveredAt ?? null,
      lineItems: f.fulfillmentLineItems.nodes.map((n) => ({
        fulfillmentLineItemId: n.id,
        lineItemId: n.lineItem.id,
        quantity: n.quantity ?? 0,
      })),
    })),
    returnable: data.returnableFulfillments.nodes.flatMap((r) =>
      r.returnableFulfillmentLineItems.nodes.flatMap((n) => {
        const lineItemId = lineItemOf.get(n.fulfillmentLineItem.id);
        return lineItemId ? [{ fulfillmentLineItemId: n.fulfillmentLineItem.id, lineItemId, quantity: n.quantity }] : [];
      }),
    ),
    pending: [],
    productIds: Object.fromEntries(order.lineItems.nodes.flatMap((i) => (i.product ? [[i.id, i.product.id]] : []))),
  };
}

/**
 * The variants of each product id (the first 10), with price and stock: which of them a line may be
 * exchanged for is the returns rule's to say (features/returns/domain/exchange.ts).
 */
export async function fetchExchangeOptions(graphql: AdminGraphql, productIds: string[]): Promise<Record<string, VariantOption[]>> {
  if (productIds.length === 0) return {};
  const data = await runQuery<ExchangeOptionsQuery>(graphql, "ExchangeOptions", EXCHANGE_OPTIONS_QUERY, { ids: productIds });
  const options: Record<string, VariantOption[]> = {};
  for (const node of data.nodes) {
    if (!node || !("variants" in node)) continue;
    options[node.id] = node.variants.nodes.map((v) => ({ variantId: v.id, title: v.title, price: Number(v.price), availableForSale: v.availableForSale }));
  }
  return options;
}

/** Shopify's return reason definitions with these handles: id by handle (deleted ones left out). */
export async function fetchReturnReasonIds(graphql: AdminGraphql, handles: string[]): Promise<Record<string, string>> {
  if (handles.length === 0) return {};
  const data = await runQuery<ReturnReasonsQuery>(graphql, "ReturnReasons", RETURN_REASONS_QUERY, { handles });
  return Object.fromEntries(data.returnReasonDefinitions.nodes.map((r) => [r.handle, r.id]));
}

export const ORDER_CUSTOMER_QUERY = `#graphql
  query OrderCustomer($id: ID!) {
    order(id: $id) {
      customer {
        id
      }
    }
  }
`;

/** The order's customer account, which store credit goes to (needs read_customers). */
export async function fetchOrderCustomerId(graphql: AdminGraphql, orderId: string): Promise<string | null> {
  const data = await runQuery<OrderCustomerQuery>(graphql, "OrderCustomer", ORDER_CUSTOMER_QUERY, { id: orderId });
  return data.order?.customer?.id ?? null;
}


export async function requestReturn(
  graphql: AdminGraphql,
  input: {
    orderId: string;
    lines: {
      fulfillmentLineItemId: string;
      quantity: number;
      returnReasonDefinitionId?: string;
      customerNote?: string;
      restockingFeePercent?: number;
    }[];
    /** The return shipping fee the shopper was quoted, in cents of the order's currency. */
    shippingFee?: { cents: number; currency: string };
  },
): Promise<{ id: string; name: string; status: string }> {
  const data = await runQuery<ReturnRequestMutation>(graphql, "ReturnRequest", RETURN_REQUEST_MUTATION, {
    input: {
      orderId: input.orderId,
      returnLineItems: input.lines.map(({ restockingFeePercent, ...line }) => ({
        ...line,
        ...(restockingFeePercent ? { restockingFee: { percentage: restockingFeePercent } } : {}),
      })),
      ...(input.shippingFee?.cents
        ? { returnShippingFee: { amount: moneyInput(input.shippingFee.cents, input.shippingFee.currency) } }
        : {}),
    },
  });
  requireNoUserErrors("ReturnRequest", data.returnRequest?.userErrors);
  const created = data.returnRequest?.return;
  if (!created) throw new ShopifyGraphqlError("ReturnRequest", ["no return in the answer"]);
  return created;
}

/**
 * The order's latest returns with what each covers, to find one whose answer was lost. A lost
 * answer is found minutes later, so the five newest returns are enough; twenty lines each cover
 * any request of ours. About 200 cost points.
 */
export const ORDER_RETURNS_QUERY = `#graphql
  query OrderReturns($id: ID!) {
    order(id: $id) {
      returns(first: 5, reverse: true) {
        nodes {
          id
          name
          status
          createdAt
          returnLineItems(first: 20) {
            nodes {
              quantity
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

export async function orderReturns(graphql: AdminGraphql, orderId: string): Promise<HeldReturn[]> {
  const data = await runQuery<OrderReturnsQuery>(graphql, "OrderReturns", ORDER_RETURNS_QUERY, { id: orderId });
  return (data.order?.returns.nodes ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    createdAt: r.createdAt,
    lines: r.returnLineItems.nodes.flatMap((line) =>
      "fulfillmentLineItem" in line && line.fulfillmentLineItem ? [{ fulfillmentLineItemId: line.fulfillmentLineItem.id, quantity: line.quantity }] : [],
    ),
  }));
}

export async function approveReturn(graphql: AdminGraphql, returnId: string, notifyCustomer: boolean): Promise<void> {
  const data = await runQuery<ReturnApproveMutation>(graphql, "ReturnApprove", RETURN_APPROVE_MUTATION, {
    input: { id: returnId, notifyCustomer },
  });
  requireNoUserErrors("ReturnApprove", data.returnApproveRequest?.userErrors);
}

export async function declineReturn(
  graphql: AdminGraphql,
  input: { returnId: string; reason: "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER"; note?: string; notifyCustomer: boolean },
): Promise<void> {
  const data = await runQuery<ReturnDeclineMutation>(graphql, "ReturnDecline", RETURN_DECLINE_MUTATION, {
    input: {
      id: input.returnId,
      // The generated enum has exactly these members; the literal union keeps callers enum-free.
      declineReason: input.reason as ReturnDeclineReason,
      declineNote: input.note,
      notifyCustomer: input.notifyCustomer,
    },
  });
  requireNoUserErrors("ReturnDecline", data.returnDeclineRequest?.userErrors);
}
