import { isCapturedPayment, restockingFeeCents, returnTotalQuantity, unfulfilledQuantity, unrefundedCents } from "./derived";
import { STORE_CREDIT_GATEWAY } from "./money-store";
import {
  fromCents,
  toCents,
  type ExchangeLineItem,
  type FulfillmentOrder,
  type Order,
  type OrderTransaction,
  type Refund,
  type RefundLineItem,
  type Return,
  type ReturnLineItem,
  type ReturnShippingFee,
  type ReverseDelivery,
  type ReverseFulfillmentOrder,
  type ReverseFulfillmentOrderDisposition,
  type ReverseFulfillmentOrderLineItem,
  type StoreCreditAccount,
  type StoreCreditTransaction,
} from "./records";
import { findOrder, moneyBag, moneyV2, paginate, type ConnectionArgs, type Context, type Resolver } from "./resolver-kit";
import { matchesTerms, parseSearchQuery, sameText, type SearchTerm } from "./search";
import type {
  CreateReturnInput,
  CreateReverseDeliveryInput,
  DeclineReturnInput,
  ProcessReturnInput,
  RequestReturnInput,
  StoreCreditInput,
  UpdateReverseDeliveryInput,
} from "./store";

/**
 * Resolvers for returns and what follows them: reverse fulfillment orders and deliveries,
 * exchanges, processing, the order's transactions and refunds, store credit and locations.
 * admin-api.ts merges them with its own.
 */

type InputArgs<T> = { input: T };

// --- record lookups from a resolver's source ------------------------------------------------------

function orderOf(context: Context, record: { id: string }, find: (order: Order) => boolean): Order {
  const order = context.data.orders.find(find);
  if (!order) throw new Error(`${record.id} has no order`);
  return order;
}

const returnOrder = (context: Context, ret: Return) => orderOf(context, ret, (order) => order.returns.includes(ret));

function returnLineItemContext(context: Context, item: ReturnLineItem) {
  const found = context.store.getReturnLineItem(context.domain, item.id);
  if (!found) throw new Error(`${item.id} has no return`);
  return found;
}

function openUnprocessed(context: Context, item: ReturnLineItem): number {
  return returnLineItemContext(context, item).return.status === "OPEN" ? item.quantity - item.processedQuantity : 0;
}

function unitPrice(order: Order, fulfillmentLineItemId: string): string {
  const lineItemId = order.fulfillments.flatMap((f) => f.fulfillmentLineItems).find((item) => item.id === fulfillmentLineItemId)?.lineItemId;
  return order.lineItems.find((lineItem) => lineItem.id === lineItemId)?.price ?? "0.00";
}

function transactionsOf(order: Order, refund: Refund): OrderTransaction[] {
  return order.transactions.filter((transaction) => refund.transactionIds.includes(transaction.id));
}

/** Amounts in the order's currency: the simulator has one currency per shop. */
const orderMoney = (order: Order, amount: string | number) => moneyBag(amount, order.currencyCode);

function creditOf(context: Context, entry: StoreCreditTransaction) {
  const found = context.store.getStoreCreditTransaction(context.domain, entry.id);
  if (!found) throw new Error(`${entry.id} has no account`);
  return found;
}

/** Money in the credit's account currency. */
const creditMoney = (context: Context, entry: StoreCreditTransaction, amount: string) => moneyV2(amount, creditOf(context, entry).account.currencyCode);

const firstOf = <T>(items: readonly T[], first: number | null | undefined) => (first == null ? items : items.slice(0, Math.max(0, first)));

function storeCreditAccountFilters(): Record<string, (account: StoreCreditAccount, term: SearchTerm) => boolean> {
  return { currency_code: (account, term) => sameText(account.currencyCode, term.value) };
}

/** Node lookups for the ids this module's records carry; undefined for other types. */
export function lookupReturnsNode(context: Context, type: string, id: string): unknown {
  const { store, domain } = context;
  switch (type) {
    case "ReverseFulfillmentOrder":
      return store.getReverseFulfillmentOrder(domain, id)?.reverseFulfillmentOrder ?? null;
    case "ReverseFulfillmentOrderLineItem":
      return store.getReverseFulfillmentOrderLineItem(domain, id)?.lineItem ?? null;
    case "ReverseDelivery":
      return store.getReverseDelivery(domain, id)?.reverseDelivery ?? null;
    case "ExchangeLineItem":
      return store.getExchangeLineItem(domain, id)?.exchangeLineItem ?? null;
    case "Refund":
      return store.getRefund(domain, id)?.refund ?? null;
    case "OrderTransaction":
      return store.getTransaction(domain, id)?.transaction ?? null;
    case "FulfillmentOrder":
      return store.getFulfillmentOrder(domain, id)?.fulfillmentOrder ?? null;
    case "Location":
      return store.getLocation(domain, id) ?? null;
    case "StoreCreditAccount":
      return store.getStoreCreditAccount(domain, id) ?? null;
    case "StoreCreditAccountCreditTransaction":
      return store.getStoreCreditTransaction(domain, id)?.transaction ?? null;
    default:
      return undefined;
  }
}

export const RETURNS_RESOLVERS: Record<string, Record<string, Resolver>> = {
  QueryRoot: {
    return: (_root, args: { id: string }, context: Context) => context.store.getReturn(context.domain, args.id)?.return ?? null,
    reverseFulfillmentOrder: (_root, args: { id: string }, context: Context) =>
      context.store.getReverseFulfillmentOrder(context.domain, args.id)?.reverseFulfillmentOrder ?? null,
    reverseDelivery: (_root, args: { id: string }, context: Context) =>
      context.store.getReverseDelivery(context.domain, args.id)?.reverseDelivery ?? null,
    refund: (_root, args: { id: string }, context: Context) => context.store.getRefund(context.domain, args.id)?.refund ?? null,
    locations: (_root, args: ConnectionArgs, context: Context) => paginate(context.data.locations, args),
    // Without an id Shopify answers the shop's primary location.
    location: (_root, args: { id?: string | null }, context: Context) =>
      args.id ? (context.store.getLocation(context.domain, args.id) ?? null) : (context.data.locations[0] ?? null),
  },

  Mutation: {
    returnRequest: (_root, args: InputArgs<RequestReturnInput>, context: Context) => {
      if (!findOrder(context, args.input.orderId)) {
        return { return: null, userErrors: [{ field: ["input", "orderId"], code: "NOT_FOUND", message: "Order does not exist." }] };
      }
      return context.store.requestReturn(context.domain, args.input);
    },
    returnCreate: (_root, args: { returnInput: CreateReturnInput }, context: Context) => {
      if (!findOrder(context, args.returnInput.orderId)) {
        return { return: null, userErrors: [{ field: ["returnInput", "orderId"], code: "NOT_FOUND", message: "Order does not exist." }] };
      }
      return context.store.createReturn(context.domain, args.returnInput);
    },
    returnApproveRequest: (_root, args: InputArgs<{ id: string }>, context: Context) =>
      context.store.approveReturn(context.domain, { id: args.input.id }),
    returnDeclineRequest: (_root, args: InputArgs<DeclineReturnInput>, context: Context) =>
      context.store.declineReturn(context.domain, args.input),
    returnCancel: (_root, args: { id: string }, context: Context) => context.store.cancelReturn(context.domain, args.id),
    returnClose: (_root, args: { id: string }, context: Context) => context.store.closeReturn(context.domain, args.id),
    returnReopen: (_root, args: { id: string }, context: Context) => context.store.reopenReturn(context.domain, args.id),
    returnProcess: (_root, args: InputArgs<ProcessReturnInput>, context: Context) => context.store.processReturn(context.domain, args.input),
    reverseDeliveryCreateWithShipping: (_root, args: CreateReverseDeliveryInput, context: Context) =>
      context.store.createReverseDelivery(context.domain, args),
    reverseDeliveryShippingUpdate: (_root, args: UpdateReverseDeliveryInput, context: Context) =>
      context.store.updateReverseDelivery(context.domain, args),
    storeCreditAccountCredit: (_root, args: { id: string; creditInput: StoreCreditInput }, context: Context) =>
      context.store.creditStoreCredit(context.domain, args.id, args.creditInput),
  },

  Order: {
    transactions: (order: Order, args: { first?: number | null; capturable?: boolean | null }) =>
      // Every captured payment is settled in the simulator: nothing is left to capture.
      firstOf(args.capturable ? [] : order.transactions, args.first),
    refunds: (order: Order, args: { first?: number | null }) => firstOf(order.refunds, args.first),
    fulfillmentOrders: (order: Order, args: ConnectionArgs) => paginate(order.fulfillmentOrders, args),
  },

  Return: {
    order: (ret: Return, _args, context: Context) => returnOrder(context, ret),
    totalQuantity: (ret: Return) => returnTotalQuantity(ret),
    returnLineItems: (ret: Return, args: ConnectionArgs & { processingStatus?: "PROCESSABLE" | "PROCESSED" | null }) => {
      const items = ret.returnLineItems.filter((item) => {
        if (args.processingStatus === "PROCESSED") return item.processedQuantity > 0;
        if (args.processingStatus === "PROCESSABLE") return ret.status === "OPEN" && item.processedQuantity < item.quantity;
        return true;
      });
      return paginate(items, args);
    },
    exchangeLineItems: (ret: Return, args: ConnectionArgs & { processingStatus?: "PROCESSABLE" | "PROCESSED" | null }) => {
      const items = ret.exchangeLineItems.filter((item) => {
        if (args.processingStatus === "PROCESSED") return item.processedQuantity > 0;
        if (args.processingStatus === "PROCESSABLE") return ret.status === "OPEN" && item.processedQuantity < item.quantity;
        return true;
      });
      return paginate(items, args);
    },
    returnShippingFees: (ret: Return, _args, context: Context) =>
      ret.returnShippingFees.map((fee: ReturnShippingFee) => ({ id: fee.id, amountSet: orderMoney(returnOrder(context, ret), fee.amount) })),
    reverseFulfillmentOrders: (ret: Return, args: ConnectionArgs) => paginate(ret.reverseFulfillmentOrders, args),
    refunds: (ret: Return, args: ConnectionArgs, context: Context) =>
      paginate(returnOrder(context, ret).refunds.filter((refund) => refund.returnId === ret.id), args),
    transactions: (ret: Return, args: ConnectionArgs, context: Context) => {
      const order = returnOrder(context, ret);
      return paginate(order.refunds.filter((refund) => refund.returnId === ret.id).flatMap((refund) => transactionsOf(order, refund)), args);
    },
  },

  ReturnLineItem: {
    fulfillmentLineItem: (item: ReturnLineItem, _args, context: Context) =>
      context.store.getFulfillmentLineItem(context.domain, item.fulfillmentLineItemId)?.fulfillmentLineItem,
    returnReasonDefinition: (item: ReturnLineItem, _args, context: Context) =>
      item.returnReasonDefinitionId ? (context.store.getReturnReasonDefinition(context.domain, item.returnReasonDefinitionId) ?? null) : null,
    unprocessedQuantity: (item: ReturnLineItem) => item.quantity - item.processedQuantity,
    processableQuantity: (item: ReturnLineItem, _args, context: Context) => openUnprocessed(context, item),
    refundableQuantity: (item: ReturnLineItem, _args, context: Context) =>
      returnLineItemContext(context, item).return.status === "OPEN" ? item.quantity - item.refundedQuantity : 0,
    restockingFee: (item: ReturnLineItem, _args, context: Context) => {
      if (!item.restockingFee) return null;
      const { order } = returnLineItemContext(context, item);
      const cents = restockingFeeCents(unitPrice(order, item.fulfillmentLineItemId), item.quantity, item.restockingFee.percentage);
      return { ...item.restockingFee, amountSet: orderMoney(order, fromCents(cents)) };
    },
    withCodeDiscountedTotalPriceSet: (item: ReturnLineItem, _args, context: Context) => {
      const { order } = returnLineItemContext(context, item);
      return orderMoney(order, fromCents(toCents(unitPrice(order, item.fulfillmentLineItemId)) * item.quantity));
    },
  },

  ExchangeLineItem: {
    title: (item: ExchangeLineItem, _args, context: Context) => context.store.getVariant(context.domain, item.variantId)?.product.title ?? null,
    variantTitle: (item: ExchangeLineItem, _args, context: Context) => context.store.getVariant(context.domain, item.variantId)?.variant.title ?? null,
    variantSku: (item: ExchangeLineItem, _args, context: Context) => context.store.getVariant(context.domain, item.variantId)?.variant.sku ?? null,
    productId: (item: ExchangeLineItem, _args, context: Context) => context.store.getVariant(context.domain, item.variantId)?.product.id ?? null,
    unprocessedQuantity: (item: ExchangeLineItem) => item.quantity - item.processedQuantity,
    processableQuantity: (item: ExchangeLineItem, _args, context: Context) =>
      context.store.getExchangeLineItem(context.domain, item.id)?.return.status === "OPEN" ? item.quantity - item.processedQuantity : 0,
    lineItems: (item: ExchangeLineItem, _args, context: Context) =>
      item.lineItemIds.flatMap((id) => context.store.getLineItem(context.domain, id)?.lineItem ?? []),
  },

  ReverseFulfillmentOrder: {
    order: (rfo: ReverseFulfillmentOrder, _args, context: Context) => context.store.getReverseFulfillmentOrder(context.domain, rfo.id)?.order ?? null,
    lineItems: (rfo: ReverseFulfillmentOrder, args: ConnectionArgs) => paginate(rfo.lineItems, args),
    reverseDeliveries: (rfo: ReverseFulfillmentOrder, args: ConnectionArgs) => paginate(rfo.reverseDeliveries, args),
  },

  ReverseFulfillmentOrderLineItem: {
    fulfillmentLineItem: (item: ReverseFulfillmentOrderLineItem, _args, context: Context) =>
      context.store.getFulfillmentLineItem(context.domain, item.fulfillmentLineItemId)?.fulfillmentLineItem ?? null,
  },

  ReverseFulfillmentOrderDisposition: {
    location: (disposition: ReverseFulfillmentOrderDisposition, _args, context: Context) =>
      disposition.locationId ? (context.store.getLocation(context.domain, disposition.locationId) ?? null) : null,
  },

  ReverseDelivery: {
    reverseFulfillmentOrder: (delivery: ReverseDelivery, _args, context: Context) =>
      context.store.getReverseDelivery(context.domain, delivery.id)?.reverseFulfillmentOrder,
    reverseDeliveryLineItems: (delivery: ReverseDelivery, args: ConnectionArgs, context: Context) => {
      const lines = context.store.getReverseDelivery(context.domain, delivery.id)?.reverseFulfillmentOrder.lineItems ?? [];
      const views = delivery.lineItems.map((line) => {
        const reverseLine = lines.find((candidate) => candidate.id === line.reverseFulfillmentOrderLineItemId);
        return { id: line.id, quantity: line.quantity, reverseFulfillmentOrderLineItem: reverseLine, dispositions: reverseLine?.dispositions ?? [] };
      });
      return paginate(views, args);
    },
    deliverable: (delivery: ReverseDelivery) =>
      delivery.label || delivery.tracking
        ? {
            __typename: "ReverseDeliveryShippingDeliverable",
            label: delivery.label && { publicFileUrl: delivery.label.fileUrl, createdAt: delivery.label.createdAt, updatedAt: delivery.label.updatedAt },
            tracking: delivery.tracking,
          }
        : null,
  },

  OrderTransaction: {
    order: (transaction: OrderTransaction, _args, context: Context) => context.store.getTransaction(context.domain, transaction.id)?.order ?? null,
    amountSet: (transaction: OrderTransaction, _args, context: Context) =>
      orderMoney(orderOf(context, transaction, (order) => order.transactions.includes(transaction)), transaction.amount),
    parentTransaction: (transaction: OrderTransaction, _args, context: Context) =>
      transaction.parentTransactionId ? (context.store.getTransaction(context.domain, transaction.parentTransactionId)?.transaction ?? null) : null,
    formattedGateway: (transaction: OrderTransaction) => (transaction.gateway === STORE_CREDIT_GATEWAY ? "Store credit" : "Shopify Payments"),
    maximumRefundableV2: (transaction: OrderTransaction, _args, context: Context) => {
      if (!isCapturedPayment(transaction)) return null;
      const order = orderOf(context, transaction, (candidate) => candidate.transactions.includes(transaction));
      return moneyV2(fromCents(unrefundedCents(order, transaction)), order.currencyCode);
    },
  },

  Refund: {
    order: (refund: Refund, _args, context: Context) => context.store.getRefund(context.domain, refund.id)?.order,
    processedAt: (refund: Refund) => refund.createdAt,
    updatedAt: (refund: Refund) => refund.createdAt,
    return: (refund: Refund, _args, context: Context) =>
      refund.returnId ? (context.store.getReturn(context.domain, refund.returnId)?.return ?? null) : null,
    totalRefundedSet: (refund: Refund, _args, context: Context) => {
      const order = orderOf(context, refund, (candidate) => candidate.refunds.includes(refund));
      return orderMoney(order, fromCents(transactionsOf(order, refund).reduce((sum, t) => sum + toCents(t.amount), 0)));
    },
    transactions: (refund: Refund, args: ConnectionArgs, context: Context) =>
      paginate(transactionsOf(orderOf(context, refund, (order) => order.refunds.includes(refund)), refund), args),
    refundLineItems: (refund: Refund, args: ConnectionArgs) => paginate(refund.refundLineItems, args),
  },

  RefundLineItem: {
    lineItem: (item: RefundLineItem, _args, context: Context) => context.store.getLineItem(context.domain, item.lineItemId)?.lineItem,
    priceSet: (item: RefundLineItem, _args, context: Context) => {
      const found = context.store.getLineItem(context.domain, item.lineItemId);
      return found && orderMoney(found.order, found.lineItem.price);
    },
    subtotalSet: (item: RefundLineItem, _args, context: Context) => {
      const found = context.store.getLineItem(context.domain, item.lineItemId);
      return found && orderMoney(found.order, fromCents(toCents(found.lineItem.price) * item.quantity));
    },
  },

  FulfillmentOrder: {
    order: (fulfillmentOrder: FulfillmentOrder, _args, context: Context) =>
      context.store.getFulfillmentOrder(context.domain, fulfillmentOrder.id)?.order,
    orderId: (fulfillmentOrder: FulfillmentOrder, _args, context: Context) =>
      context.store.getFulfillmentOrder(context.domain, fulfillmentOrder.id)?.order.id,
    orderName: (fulfillmentOrder: FulfillmentOrder, _args, context: Context) =>
      context.store.getFulfillmentOrder(context.domain, fulfillmentOrder.id)?.order.name,
    updatedAt: (fulfillmentOrder: FulfillmentOrder) => fulfillmentOrder.createdAt,
    requestStatus: () => "UNSUBMITTED",
    lineItems: (fulfillmentOrder: FulfillmentOrder, args: ConnectionArgs) => paginate(fulfillmentOrder.lineItems, args),
  },

  FulfillmentOrderLineItem: {
    lineItem: (item: { lineItemId: string }, _args, context: Context) => context.store.getLineItem(context.domain, item.lineItemId)?.lineItem,
    remainingQuantity: (item: { lineItemId: string }, _args, context: Context) => {
      const found = context.store.getLineItem(context.domain, item.lineItemId);
      return found ? unfulfilledQuantity(found.order, found.lineItem) : 0;
    },
    productTitle: (item: { lineItemId: string }, _args, context: Context) => context.store.getLineItem(context.domain, item.lineItemId)?.lineItem.title,
    variantTitle: (item: { lineItemId: string }, _args, context: Context) =>
      context.store.getLineItem(context.domain, item.lineItemId)?.lineItem.variantTitle ?? null,
    sku: (item: { lineItemId: string }, _args, context: Context) => context.store.getLineItem(context.domain, item.lineItemId)?.lineItem.sku ?? null,
    requiresShipping: (item: { lineItemId: string }, _args, context: Context) =>
      context.store.getLineItem(context.domain, item.lineItemId)?.lineItem.requiresShipping ?? false,
  },

  Location: {
    isActive: () => true,
    fulfillsOnlineOrders: () => true,
    shipsInventory: () => true,
    hasActiveInventory: () => true,
  },

  Customer: {
    storeCreditAccounts: (customer: { id: string }, args: ConnectionArgs & { query?: string | null }, context: Context) => {
      const terms = parseSearchQuery(args.query ?? "");
      const accounts = context.store.storeCreditAccounts(context.domain, customer.id);
      return paginate(accounts.filter((account) => matchesTerms(account, terms, storeCreditAccountFilters())), args);
    },
  },

  StoreCreditAccount: {
    balance: (account: StoreCreditAccount) =>
      moneyV2(fromCents(account.transactions.reduce((sum, credit) => sum + toCents(credit.amount), 0)), account.currencyCode),
    owner: (account: StoreCreditAccount, _args, context: Context) => context.store.getCustomer(context.domain, account.ownerId),
    transactions: (account: StoreCreditAccount, args: ConnectionArgs) => paginate(account.transactions, args),
  },

  StoreCreditAccountCreditTransaction: {
    account: (entry: StoreCreditTransaction, _args, context: Context) => context.store.getStoreCreditTransaction(context.domain, entry.id)?.account,
    amount: (entry: StoreCreditTransaction, _args, context: Context) => creditMoney(context, entry, entry.amount),
    // Debits are not modelled: a credit keeps all of its amount.
    remainingAmount: (entry: StoreCreditTransaction, _args, context: Context) => creditMoney(context, entry, entry.amount),
    balanceAfterTransaction: (entry: StoreCreditTransaction, _args, context: Context) => {
      const { account } = creditOf(context, entry);
      const upTo = account.transactions.slice(0, account.transactions.indexOf(entry) + 1);
      return creditMoney(context, entry, fromCents(upTo.reduce((sum, credit) => sum + toCents(credit.amount), 0)));
    },
    origin: (entry: StoreCreditTransaction, _args, context: Context) =>
      entry.originTransactionId ? (context.store.getTransaction(context.domain, entry.originTransactionId)?.transaction ?? null) : null,
  },
};
