import { capturedCents, isCapturedPayment, refundableCents, unrefundedCents } from "./derived";
import { refundPayload } from "./payloads";
import {
  fromCents,
  gidType,
  toCents,
  type Order,
  type OrderTransaction,
  type Refund,
  type RefundLineItem,
  type StoreCreditAccount,
  type StoreCreditTransaction,
} from "./records";
import type { ReturnUserError, StoreCore, UserError } from "./store-core";

/**
 * Money in the simulated shop: an order's payment transactions, refunds (to the original payment
 * and to store credit) and customers' store credit accounts. A store-credit refund is a REFUND
 * transaction on the `shopify_store_credit` gateway, which is also the credit's origin.
 */

export interface MoneyInput {
  /** Shopify's Decimal: a string, or a number when the caller sent one. */
  amount: string | number;
  currencyCode: string;
}

export interface IssueRefundInput {
  orderTransactions: Array<{ parentId: string; transactionAmount: MoneyInput }>;
  refundMethods?: Array<{ storeCreditRefund?: { amount: MoneyInput; expiresAt?: string | null } | null }> | null;
  allowOverRefunding?: boolean | null;
}

/** A refund checked against the order, ready to record. */
export interface RefundPlan {
  payments: Array<{ parent: OrderTransaction; cents: number }>;
  storeCredits: Array<{ cents: number; expiresAt: string | null }>;
}

export interface RecordRefundInput {
  plan: RefundPlan;
  note: string | null;
  returnId: string | null;
  refundLineItems: Array<Omit<RefundLineItem, "id">>;
}

export interface StoreCreditInput {
  creditAmount: MoneyInput;
  expiresAt?: string | null;
  notify?: boolean | null;
}

export type StoreCreditUserError = UserError<
  "ACCOUNT_NOT_FOUND" | "EXPIRES_AT_IN_PAST" | "MISMATCHING_CURRENCY" | "NEGATIVE_OR_ZERO_AMOUNT" | "OWNER_NOT_FOUND" | "UNSUPPORTED_CURRENCY"
>;

export interface StoreCreditResult {
  storeCreditAccountTransaction: StoreCreditTransaction | null;
  userErrors: StoreCreditUserError[];
}

export const STORE_CREDIT_GATEWAY = "shopify_store_credit";

/** Cents of a Decimal input, or null when it is not a number. */
function parseCents(amount: string | number): number | null {
  const value = Number(amount);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

export type MoneyOperations = ReturnType<typeof createMoneyOperations>;

export function createMoneyOperations(core: StoreCore) {
  const { newGid, timestamp } = core;

  // --- lookups ---------------------------------------------------------------------------------

  function getTransaction(domain: string, id: string): { order: Order; transaction: OrderTransaction } | undefined {
    for (const order of core.shopData(domain).orders) {
      const transaction = order.transactions.find((candidate) => candidate.id === id);
      if (transaction) return { order, transaction };
    }
    return undefined;
  }

  function getRefund(domain: string, id: string): { order: Order; refund: Refund } | undefined {
    for (const order of core.shopData(domain).orders) {
      const refund = order.refunds.find((candidate) => candidate.id === id);
      if (refund) return { order, refund };
    }
    return undefined;
  }

  function getStoreCreditAccount(domain: string, id: string): StoreCreditAccount | undefined {
    return core.shopData(domain).storeCreditAccounts.find((account) => account.id === id);
  }

  function getStoreCreditTransaction(
    domain: string,
    id: string,
  ): { account: StoreCreditAccount; transaction: StoreCreditTransaction } | undefined {
    for (const account of core.shopData(domain).storeCreditAccounts) {
      const transaction = account.transactions.find((candidate) => candidate.id === id);
      if (transaction) return { account, transaction };
    }
    return undefined;
  }

  /** A customer's accounts, one per currency, oldest first. */
  function storeCreditAccounts(domain: string, customerId: string): StoreCreditAccount[] {
    return core.shopData(domain).storeCreditAccounts.filter((account) => account.ownerId === customerId);
  }

  // --- payments --------------------------------------------------------------------------------

  /**
   * The payment an order loaded from a fixture (or created) already had: a SALE for the total
   * when paid, an AUTHORIZATION when only authorized, and one refund for what the fixture says
   * was refunded. Nothing is derived when the fixture lists transactions.
   */
  function deriveTransactions(domain: string, order: Order) {
    if (order.transactions.length > 0) return;
    const kind = ({ PAID: "SALE", PARTIALLY_REFUNDED: "SALE", REFUNDED: "SALE", AUTHORIZED: "AUTHORIZATION" } as const)[
      order.financialStatus as string
    ];
    if (!kind) return;
    const payment = transaction(domain, { kind, amount: order.totalPrice, at: order.processedAt, parentTransactionId: null });
    order.transactions.push(payment);
    if (kind !== "SALE" || toCents(order.totalRefunded) === 0 || order.refunds.length > 0) return;
    const at = order.cancelledAt ?? order.closedAt ?? order.updatedAt;
    const refund = transaction(domain, { kind: "REFUND", amount: order.totalRefunded, at, parentTransactionId: payment.id });
    order.transactions.push(refund);
    order.refunds.push({
      id: newGid(domain, "Refund"),
      createdAt: at,
      note: null,
      returnId: null,
      transactionIds: [refund.id],
      refundLineItems: order.lineItems
        .filter((lineItem) => lineItem.refundedQuantity > 0)
        .map((lineItem) => ({
          id: newGid(domain, "RefundLineItem"),
          lineItemId: lineItem.id,
          quantity: lineItem.refundedQuantity,
          restockType: order.cancelledAt ? "CANCEL" : "NO_RESTOCK",
        })),
    });
  }

  function transaction(
    domain: string,
    fields: Pick<OrderTransaction, "kind" | "amount" | "parentTransactionId"> & { at: string; gateway?: string },
  ): OrderTransaction {
    return {
      id: newGid(domain, "OrderTransaction"),
      kind: fields.kind,
      status: "SUCCESS",
      gateway: fields.gateway ?? "shopify_payments",
      amount: fields.amount,
      createdAt: fields.at,
      processedAt: fields.at,
      parentTransactionId: fields.parentTransactionId,
    };
  }

  /** Voids what is authorized and not yet voided, as cancelling an unpaid order does. */
  function voidAuthorizations(domain: string, order: Order) {
    const voided = new Set(order.transactions.filter((t) => t.kind === "VOID").map((t) => t.parentTransactionId));
    const open = order.transactions.filter((t) => t.kind === "AUTHORIZATION" && t.status === "SUCCESS" && !voided.has(t.id));
    for (const authorization of open) {
      order.transactions.push(
        transaction(domain, { kind: "VOID", amount: authorization.amount, at: timestamp(), parentTransactionId: authorization.id }),
      );
    }
  }

  /** Everything still unrefunded on the order's payments: a full refund. */
  function fullRefundPlan(order: Order): RefundPlan {
    const payments = order.transactions
      .filter(isCapturedPayment)
      .map((parent) => ({ parent, cents: unrefundedCents(order, parent) }))
      .filter((payment) => payment.cents > 0);
    return { payments, storeCredits: [] };
  }

  // --- refunds ---------------------------------------------------------------------------------

  /**
   * Checks a `returnProcess` refund against the order: each parent a successful SALE/CAPTURE of
   * this order refunded no further than it has left, amounts positive in the order's currency,
   * store credit only for an order with a customer, and the total within what is refundable
   * unless over-refunding is allowed. `path` is where the input sits in the mutation.
   */
  function planRefund(
    order: Order,
    input: IssueRefundInput,
    path: string[],
  ): { plan: RefundPlan } | { userErrors: ReturnUserError[] } {
    const userErrors: ReturnUserError[] = [];
    const amountOf = (money: MoneyInput, at: string[]): number | null => {
      if (money.currencyCode !== order.currencyCode) {
        userErrors.push({ field: [...at, "currencyCode"], code: "INVALID", message: `Currency must be the order's currency (${order.currencyCode}).` });
        return null;
      }
      const cents = parseCents(money.amount);
      if (cents === null || cents <= 0) {
        userErrors.push({ field: [...at, "amount"], code: "INVALID", message: "Amount must be greater than 0." });
        return null;
      }
      return cents;
    };

    const payments: RefundPlan["payments"] = [];
    const askedOf = new Map<string, number>();
    input.orderTransactions.forEach((line, index) => {
      const at = [...path, "orderTransactions", String(index)];
      const parent = order.transactions.find((candidate) => candidate.id === line.parentId);
      if (!parent) {
        userErrors.push({ field: [...at, "parentId"], code: "NOT_FOUND", message: "Transaction does not exist on this order." });
        return;
      }
      if (!isCapturedPayment(parent)) {
        userErrors.push({ field: [...at, "parentId"], code: "INVALID", message: "Only a successful sale or capture can be refunded." });
        return;
      }
      const cents = amountOf(line.transactionAmount, [...at, "transactionAmount"]);
      if (cents === null) return;
      const asked = (askedOf.get(parent.id) ?? 0) + cents;
      const left = unrefundedCents(order, parent);
      if (asked > left) {
        userErrors.push({
          field: [...at, "transactionAmount", "amount"],
          code: "INVALID",
          message: `Amount exceeds what is left to refund on the transaction (${fromCents(left)} ${order.currencyCode}).`,
        });
        return;
      }
      askedOf.set(parent.id, asked);
      payments.push({ parent, cents });
    });

    const storeCredits: RefundPlan["storeCredits"] = [];
    (input.refundMethods ?? []).forEach((method, index) => {
      const credit = method.storeCreditRefund;
      if (!credit) return;
      const at = [...path, "refundMethods", String(index), "storeCreditRefund"];
      if (!order.customerId) {
        userErrors.push({ field: at, code: "INVALID", message: "Store credit can only be refunded on an order with a customer." });
        return;
      }
      if (credit.expiresAt && Date.parse(credit.expiresAt) <= core.now().getTime()) {
        userErrors.push({ field: [...at, "expiresAt"], code: "INVALID", message: "Expiry date must be in the future." });
        return;
      }
      const cents = amountOf(credit.amount, [...at, "amount"]);
      if (cents !== null) storeCredits.push({ cents, expiresAt: credit.expiresAt ?? null });
    });
    if (userErrors.length > 0) return { userErrors };

    const total = [...payments, ...storeCredits].reduce((sum, part) => sum + part.cents, 0);
    const refundable = refundableCents(order);
    if (!input.allowOverRefunding && total > refundable) {
      return {
        userErrors: [
          {
            field: path,
            code: "INVALID",
            message: `Refund of ${fromCents(total)} ${order.currencyCode} exceeds the refundable amount of ${fromCents(refundable)} ${order.currencyCode}.`,
          },
        ],
      };
    }
    return { plan: { payments, storeCredits } };
  }

  /**
   * Records a checked refund: REFUND transactions against the payments, a store-credit REFUND
   * transaction crediting the customer's account in the order's currency, the refunded units,
   * the order's refunded total and financial status; emits refunds/create.
   */
  function recordRefund(domain: string, order: Order, input: RecordRefundInput): Refund {
    const at = timestamp();
    const transactions = input.plan.payments.map(({ parent, cents }) =>
      transaction(domain, { kind: "REFUND", amount: fromCents(cents), at, parentTransactionId: parent.id, gateway: parent.gateway }),
    );
    for (const credit of input.plan.storeCredits) {
      const refund = transaction(domain, { kind: "REFUND", amount: fromCents(credit.cents), at, parentTransactionId: null, gateway: STORE_CREDIT_GATEWAY });
      transactions.push(refund);
      const account = accountFor(domain, order.customerId!, order.currencyCode);
      addCredit(domain, account, { cents: credit.cents, expiresAt: credit.expiresAt, event: "ORDER_REFUND", originTransactionId: refund.id });
    }
    order.transactions.push(...transactions);

    const refund: Refund = {
      id: newGid(domain, "Refund"),
      createdAt: at,
      note: input.note,
      returnId: input.returnId,
      transactionIds: transactions.map((t) => t.id),
      refundLineItems: input.refundLineItems.map((line) => ({ id: newGid(domain, "RefundLineItem"), ...line })),
    };
    for (const line of refund.refundLineItems) {
      const lineItem = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
      if (lineItem) lineItem.refundedQuantity += line.quantity;
    }
    order.refunds.push(refund);

    const total = transactions.reduce((sum, t) => sum + toCents(t.amount), 0);
    if (total > 0) {
      order.totalRefunded = fromCents(toCents(order.totalRefunded) + total);
      order.financialStatus = toCents(order.totalRefunded) >= capturedCents(order) ? "REFUNDED" : "PARTIALLY_REFUNDED";
    }
    core.emit(domain, "refunds/create", refundPayload(order, refund));
    return refund;
  }

  // --- store credit ----------------------------------------------------------------------------

  function accountFor(domain: string, ownerId: string, currencyCode: string): StoreCreditAccount {
    const existing = storeCreditAccounts(domain, ownerId).find((account) => account.currencyCode === currencyCode);
    if (existing) return existing;
    const account: StoreCreditAccount = { id: newGid(domain, "StoreCreditAccount"), ownerId, currencyCode, transactions: [] };
    core.shopData(domain).storeCreditAccounts.push(account);
    return account;
  }

  function addCredit(
    domain: string,
    account: StoreCreditAccount,
    credit: { cents: number; expiresAt: string | null; event: StoreCreditTransaction["event"]; originTransactionId: string | null },
  ): StoreCreditTransaction {
    const entry: StoreCreditTransaction = {
      id: newGid(domain, "StoreCreditAccountCreditTransaction"),
      amount: fromCents(credit.cents),
      createdAt: timestamp(),
      expiresAt: credit.expiresAt,
      event: credit.event,
      originTransactionId: credit.originTransactionId,
    };
    account.transactions.push(entry);
    return entry;
  }

  /**
   * `storeCreditAccountCredit`: `id` is an account, or a customer whose account in the credit's
   * currency is made when missing (only the shop's currency is supported).
   */
  function creditStoreCredit(domain: string, id: string, input: StoreCreditInput): StoreCreditResult {
    const fail = (field: string[], code: StoreCreditUserError["code"], message: string): StoreCreditResult => ({
      storeCreditAccountTransaction: null,
      userErrors: [{ field, code, message }],
    });
    const currencyField = ["creditInput", "creditAmount", "currencyCode"];
    const cents = parseCents(input.creditAmount.amount);
    if (cents === null || cents <= 0) {
      return fail(["creditInput", "creditAmount", "amount"], "NEGATIVE_OR_ZERO_AMOUNT", "A positive amount must be used to credit a store credit account.");
    }
    if (input.expiresAt && Date.parse(input.expiresAt) <= core.now().getTime()) {
      return fail(["creditInput", "expiresAt"], "EXPIRES_AT_IN_PAST", "The expiry date must be in the future.");
    }
    const currency = input.creditAmount.currencyCode;
    let account: StoreCreditAccount;
    if (gidType(id) === "Customer") {
      if (!core.getCustomer(domain, id)) return fail(["id"], "OWNER_NOT_FOUND", "Owner does not exist.");
      if (currency !== core.shopData(domain).shop.currencyCode) {
        return fail(currencyField, "UNSUPPORTED_CURRENCY", "The currency provided is not supported by the shop.");
      }
      account = accountFor(domain, id, currency);
    } else {
      const found = getStoreCreditAccount(domain, id);
      if (!found) return fail(["id"], "ACCOUNT_NOT_FOUND", "Store credit account does not exist.");
      if (found.currencyCode !== currency) {
        return fail(currencyField, "MISMATCHING_CURRENCY", "The currency provided does not match the currency of the store credit account.");
      }
      account = found;
    }
    const entry = addCredit(domain, account, { cents, expiresAt: input.expiresAt ?? null, event: "ADJUSTMENT", originTransactionId: null });
    return { storeCreditAccountTransaction: entry, userErrors: [] };
  }

  return {
    internal: { deriveTransactions, voidAuthorizations, fullRefundPlan, planRefund, recordRefund },
    getTransaction,
    getRefund,
    getStoreCreditAccount,
    getStoreCreditTransaction,
    storeCreditAccounts,
    creditStoreCredit,
  };
}
