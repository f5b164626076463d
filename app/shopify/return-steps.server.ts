import type { AdminGraphql } from "../shopify.server";
import type {
  CustomerStoreCreditQuery,
  OrderPaymentsQuery,
  PrimaryLocationQuery,
  ReturnCloseMutation,
  ReturnCreateMutation,
  ReturnProcessMutation,
  ReturnStateQuery,
  ReverseDeliveryCreateMutation,
  StoreCreditCreditMutation,
  VariantAvailabilityQuery,
} from "../types/admin.generated";
import type { ReverseFulfillmentOrderDispositionType } from "../types/admin.types";
import { moneyInput, requireNoUserErrors, runQuery, ShopifyGraphqlError } from "./graphql.server";

/**
 * The Shopify side of a return after approval (docs/decisions/0018): the exchange's return, the
 * reverse delivery with the label, processing with dispositions and money, the store-credit
 * bonus, closing — and the reads that tell whether one of them already happened.
 */


const toCents = (amount: string | number) => Math.round(Number(amount) * 100);

export const RETURN_CREATE_MUTATION = `#graphql
  mutation ReturnCreate($input: ReturnInput!) {
    returnCreate(returnInput: $input) {
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

export type ReturnLineInput = {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId?: string;
  restockingFeePercent?: number;
};

/** An approved return made directly, with the exchange lines `returnRequest` cannot carry. */
export async function createReturn(
  graphql: AdminGraphql,
  input: {
    orderId: string;
    lines: ReturnLineInput[];
    exchange: { variantId: string; quantity: number }[];
    shippingFee?: { cents: number; currency: string };
    requestedAt: Date;
  },
): Promise<{ id: string; name: string; status: string }> {
  const data = await runQuery<ReturnCreateMutation>(graphql, "ReturnCreate", RETURN_CREATE_MUTATION, {
    input: {
      orderId: input.orderId,
      requestedAt: input.requestedAt.toISOString(),
      returnLineItems: input.lines.map((line) => ({
        fulfillmentLineItemId: line.fulfillmentLineItemId,
        quantity: line.quantity,
        ...(line.returnReasonDefinitionId ? { returnReasonDefinitionId: line.returnReasonDefinitionId } : {}),
        ...(line.restockingFeePercent ? { restockingFee: { percentage: line.restockingFeePercent } } : {}),
      })),
      exchangeLineItems: input.exchange,
      ...(input.shippingFee?.cents ? { returnShippingFee: { amount: moneyInput(input.shippingFee.cents, input.shippingFee.currency) } } : {}),
    },
  });
  requireNoUserErrors("ReturnCreate", data.returnCreate?.userErrors);
  const created = data.returnCreate?.return;
  if (!created) throw new ShopifyGraphqlError("ReturnCreate", ["no return in the answer"]);
  return created;
}

/** Everything a step needs to know about a return, and to tell whether it already happened. */
export const RETURN_STATE_QUERY = `#graphql
  query ReturnState($id: ID!) {
    return(id: $id) {
      id
      name
      status
      returnLineItems(first: 20) {
        nodes {
          ... on ReturnLineItem {
            id
            quantity
            processedQuantity
            fulfillmentLineItem {
              id
            }
          }
        }
      }
      exchangeLineItems(first: 5) {
        nodes {
          id
          quantity
          processedQuantity
          variantTitle
          lineItems {
            id
          }
        }
      }
      reverseFulfillmentOrders(first: 1) {
        nodes {
          id
          lineItems(first: 20) {
            nodes {
              id
              totalQuantity
              fulfillmentLineItem {
                id
              }
            }
          }
          reverseDeliveries(first: 5) {
            nodes {
              id
              deliverable {
                ... on ReverseDeliveryShippingDeliverable {
                  tracking {
                    number
                  }
                }
              }
            }
          }
        }
      }
      refunds(first: 5) {
        nodes {
          id
          createdAt
          totalRefundedSet {
            shopMoney {
              amount
            }
          }
        }
      }
    }
  }
`;

export type ReturnState = {
  id: string;
  name: string;
  status: string;
  lines: { id: string; fulfillmentLineItemId: string; quantity: number; processedQuantity: number }[];
  exchange: { id: string; quantity: number; processedQuantity: number; lineItemIds: string[] }[];
  reverseFulfillmentOrder: { id: string; lines: { id: string; fulfillmentLineItemId: string; quantity: number }[] } | null;
  deliveries: { id: string; trackingNumber: string | null }[];
  refunds: { id: string; createdAt: string | null; cents: number }[];
};

export async function fetchReturnState(graphql: AdminGraphql, returnId: string): Promise<ReturnState | null> {
  const data = await runQuery<ReturnStateQuery>(graphql, "ReturnState", RETURN_STATE_QUERY, { id: returnId });
  const ret = data.return;
  if (!ret) return null;
  const rfo = ret.reverseFulfillmentOrders.nodes[0];
  return {
    id: ret.id,
    name: ret.name,
    status: ret.status,
    lines: ret.returnLineItems.nodes.flatMap((line) =>
      "fulfillmentLineItem" in line && line.fulfillmentLineItem
        ? [{ id: line.id, fulfillmentLineItemId: line.fulfillmentLineItem.id, quantity: line.quantity, processedQuantity: line.processedQuantity }]
        : [],
    ),
    exchange: ret.exchangeLineItems.nodes.map((line) => ({
      id: line.id,
      quantity: line.quantity,
      processedQuantity: line.processedQuantity,
      lineItemIds: (line.lineItems ?? []).map((item) => item.id),
    })),
    reverseFulfillmentOrder: rfo
      ? {
          id: rfo.id,
          lines: rfo.lineItems.nodes.flatMap((line) =>
            line.fulfillmentLineItem ? [{ id: line.id, fulfillmentLineItemId: line.fulfillmentLineItem.id, quantity: line.totalQuantity }] : [],
          ),
        }
      : null,
    deliveries: (rfo?.reverseDeliveries.nodes ?? []).map((delivery) => ({
      id: delivery.id,
      trackingNumber: delivery.deliverable && "tracking" in delivery.deliverable ? (delivery.deliverable.tracking?.number ?? null) : null,
    })),
    refunds: ret.refunds.nodes.map((refund) => ({
      id: refund.id,
      createdAt: refund.createdAt ?? null,
      cents: toCents(refund.totalRefundedSet.shopMoney.amount),
    })),
  };
}

export const REVERSE_DELIVERY_CREATE_MUTATION = `#graphql
  mutation ReverseDeliveryCreate(
    $reverseFulfillmentOrderId: ID!
    $lines: [ReverseDeliveryLineItemInput!]!
    $label: ReverseDeliveryLabelInput
    $tracking: ReverseDeliveryTrackingInput
    $notifyCustomer: Boolean
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $lines
      labelInput: $label
      trackingInput: $tracking
      notifyCustomer: $notifyCustomer
    ) {
      reverseDelivery {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** The label and tracking, attached to the return so Shopify and the shopper both see them. */
export async function createReverseDelivery(
  graphql: AdminGraphql,
  input: {
    reverseFulfillmentOrderId: string;
    lines: { id: string; quantity: number }[];
    labelUrl: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    notifyCustomer: boolean;
  },
): Promise<{ id: string }> {
  const data = await runQuery<ReverseDeliveryCreateMutation>(graphql, "ReverseDeliveryCreate", REVERSE_DELIVERY_CREATE_MUTATION, {
    reverseFulfillmentOrderId: input.reverseFulfillmentOrderId,
    lines: input.lines.map((line) => ({ reverseFulfillmentOrderLineItemId: line.id, quantity: line.quantity })),
    label: input.labelUrl ? { fileUrl: input.labelUrl } : null,
    tracking: input.trackingNumber || input.trackingUrl ? { number: input.trackingNumber, url: input.trackingUrl } : null,
    notifyCustomer: input.notifyCustomer,
  });
  requireNoUserErrors("ReverseDeliveryCreate", data.reverseDeliveryCreateWithShipping?.userErrors);
  const delivery = data.reverseDeliveryCreateWithShipping?.reverseDelivery;
  if (!delivery) throw new ShopifyGraphqlError("ReverseDeliveryCreate", ["no reverse delivery in the answer"]);
  return delivery;
}

export const ORDER_PAYMENTS_QUERY = `#graphql
  query OrderPayments($id: ID!) {
    order(id: $id) {
      id
      transactions(first: 10) {
        id
        kind
        status
        amountSet {
          shopMoney {
            amount
          }
        }
        parentTransaction {
          id
        }
      }
    }
  }
`;

export type OrderPayment = { id: string; kind: string; status: string; cents: number; parentId: string | null };

export async function fetchOrderPayments(graphql: AdminGraphql, orderId: string): Promise<OrderPayment[]> {
  const data = await runQuery<OrderPaymentsQuery>(graphql, "OrderPayments", ORDER_PAYMENTS_QUERY, { id: orderId });
  return (data.order?.transactions ?? []).map((t) => ({
    id: t.id,
    kind: t.kind,
    status: t.status,
    cents: toCents(t.amountSet.shopMoney.amount),
    parentId: t.parentTransaction?.id ?? null,
  }));
}

export const PRIMARY_LOCATION_QUERY = `#graphql
  query PrimaryLocation {
    locations(first: 1) {
      nodes {
        id
      }
    }
  }
`;

/** Where restocked units go back into inventory. */
export async function fetchPrimaryLocationId(graphql: AdminGraphql): Promise<string | null> {
  const data = await runQuery<PrimaryLocationQuery>(graphql, "PrimaryLocation", PRIMARY_LOCATION_QUERY);
  return data.locations.nodes[0]?.id ?? null;
}

export const RETURN_PROCESS_MUTATION = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        status
        refunds(first: 5) {
          nodes {
            id
            createdAt
          }
        }
        exchangeLineItems(first: 5) {
          nodes {
            lineItems {
              id
            }
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export type Disposition = { reverseFulfillmentOrderLineItemId: string; quantity: number; type: "RESTOCKED" | "NOT_RESTOCKED" | "MISSING"; locationId?: string };

/** Confirms what came back (dispositions) and issues the money, in one mutation. */
export async function processReturn(
  graphql: AdminGraphql,
  input: {
    returnId: string;
    lines: { id: string; quantity: number; dispositions: Disposition[] }[];
    exchangeLines: { id: string; quantity: number }[];
    currency: string;
    refund: { parentId: string; cents: number }[];
    storeCreditCents: number;
    notifyCustomer: boolean;
  },
): Promise<{ status: string; refundId: string | null; exchangeLineItemIds: string[] }> {
  const issueRefund =
    input.refund.length > 0 || input.storeCreditCents > 0
      ? {
          orderTransactions: input.refund.map((t) => ({ parentId: t.parentId, transactionAmount: moneyInput(t.cents, input.currency) })),
          ...(input.storeCreditCents > 0 ? { refundMethods: [{ storeCreditRefund: { amount: moneyInput(input.storeCreditCents, input.currency) } }] } : {}),
        }
      : null;
  const data = await runQuery<ReturnProcessMutation>(graphql, "ReturnProcess", RETURN_PROCESS_MUTATION, {
    input: {
      returnId: input.returnId,
      returnLineItems: input.lines.map((line) => ({
        id: line.id,
        quantity: line.quantity,
        dispositions: line.dispositions.map((d) => ({
          reverseFulfillmentOrderLineItemId: d.reverseFulfillmentOrderLineItemId,
          quantity: d.quantity,
          // The generated enum has exactly these members; the literal union keeps callers enum-free.
          dispositionType: d.type as ReverseFulfillmentOrderDispositionType,
          ...(d.locationId ? { locationId: d.locationId } : {}),
        })),
      })),
      ...(input.exchangeLines.length ? { exchangeLineItems: input.exchangeLines } : {}),
      ...(issueRefund ? { financialTransfer: { issueRefund } } : {}),
      notifyCustomer: input.notifyCustomer,
    },
  });
  requireNoUserErrors("ReturnProcess", data.returnProcess?.userErrors);
  const processed = data.returnProcess?.return;
  if (!processed) throw new ShopifyGraphqlError("ReturnProcess", ["no return in the answer"]);
  const latest = [...processed.refunds.nodes].sort((a, b) => Date.parse(b.createdAt ?? "") - Date.parse(a.createdAt ?? ""))[0];
  return {
    status: processed.status,
    refundId: issueRefund ? (latest?.id ?? null) : null,
    // The order's new line items for the exchange, made by this processing.
    exchangeLineItemIds: processed.exchangeLineItems.nodes.flatMap((e) => (e.lineItems ?? []).map((item) => item.id)),
  };
}

export const STORE_CREDIT_CREDIT_MUTATION = `#graphql
  mutation StoreCreditCredit($id: ID!, $input: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $input) {
      storeCreditAccountTransaction {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** Credits the customer's store-credit account (made by Shopify if the currency has none). */
export async function creditStoreCredit(
  graphql: AdminGraphql,
  input: { customerId: string; cents: number; currency: string; notify: boolean },
): Promise<{ transactionId: string }> {
  const data = await runQuery<StoreCreditCreditMutation>(graphql, "StoreCreditCredit", STORE_CREDIT_CREDIT_MUTATION, {
    id: input.customerId,
    input: { creditAmount: moneyInput(input.cents, input.currency), notify: input.notify },
  });
  requireNoUserErrors("StoreCreditCredit", data.storeCreditAccountCredit?.userErrors);
  const transaction = data.storeCreditAccountCredit?.storeCreditAccountTransaction;
  if (!transaction) throw new ShopifyGraphqlError("StoreCreditCredit", ["no transaction in the answer"]);
  return { transactionId: transaction.id };
}

export const CUSTOMER_STORE_CREDIT_QUERY = `#graphql
  query CustomerStoreCredit($id: ID!) {
    customer(id: $id) {
      storeCreditAccounts(first: 3) {
        nodes {
          id
          balance {
            amount
            currencyCode
          }
          transactions(first: 10, reverse: true) {
            nodes {
              amount {
                amount
                currencyCode
              }
              createdAt
              ... on StoreCreditAccountCreditTransaction {
                id
              }
            }
          }
        }
      }
    }
  }
`;

export type StoreCreditCredit = { id: string; cents: number; currency: string; createdAt: string };

/** The customer's latest store-credit credits, newest first, and the balance per currency. */
export async function fetchStoreCredit(
  graphql: AdminGraphql,
  customerId: string,
): Promise<{ credits: StoreCreditCredit[]; balances: Record<string, number> }> {
  const data = await runQuery<CustomerStoreCreditQuery>(graphql, "CustomerStoreCredit", CUSTOMER_STORE_CREDIT_QUERY, { id: customerId });
  const accounts = data.customer?.storeCreditAccounts.nodes ?? [];
  return {
    credits: accounts.flatMap((account) =>
      account.transactions.nodes.flatMap((t) =>
        "id" in t && typeof t.id === "string" && toCents(t.amount.amount) > 0
          ? [{ id: t.id, cents: toCents(t.amount.amount), currency: t.amount.currencyCode, createdAt: t.createdAt }]
          : [],
      ),
    ),
    balances: Object.fromEntries(accounts.map((a) => [a.balance.currencyCode, toCents(a.balance.amount)])),
  };
}

export const RETURN_CLOSE_MUTATION = `#graphql
  mutation ReturnClose($id: ID!) {
    returnClose(id: $id) {
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

export async function closeReturn(graphql: AdminGraphql, returnId: string): Promise<void> {
  const data = await runQuery<ReturnCloseMutation>(graphql, "ReturnClose", RETURN_CLOSE_MUTATION, { id: returnId });
  requireNoUserErrors("ReturnClose", data.returnClose?.userErrors);
}

export const VARIANT_AVAILABILITY_QUERY = `#graphql
  query VariantAvailability($id: ID!) {
    productVariant(id: $id) {
      id
      title
      availableForSale
    }
  }
`;

/** Whether a variant can still be sold (an exchange's, at approval); false when it is gone. */
export async function variantAvailable(graphql: AdminGraphql, variantId: string): Promise<boolean> {
  const data = await runQuery<VariantAvailabilityQuery>(graphql, "VariantAvailability", VARIANT_AVAILABILITY_QUERY, { id: variantId });
  return data.productVariant?.availableForSale ?? false;
}
