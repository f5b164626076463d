/**
 * The demo shop for tests of returns after approval in the simulated Admin API: GraphQL documents
 * for each step, and a shop that runs them and records every change event.
 */
import { expect } from "vitest";
import { createAdminApi } from "../../simulator/admin-api";
import { createStore, DEMO_SHOP_DOMAIN, readFixture, type ChangeEvent } from "../../simulator/store";

export interface Body {
  // Response data is whatever the document asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export const WAREHOUSE = "gid://shopify/Location/71001";
export const money = (amount: string) => ({ shopMoney: { amount, currencyCode: "CAD" } });

export const RETURN_FIELDS = `id status closedAt requestApprovedAt
  returnLineItems(first: 5) { nodes { ... on ReturnLineItem { id quantity processedQuantity refundedQuantity returnReasonNote
    restockingFee { percentage amountSet { shopMoney { amount currencyCode } } } } } }
  returnShippingFees { amountSet { shopMoney { amount currencyCode } } }
  exchangeLineItems(first: 5) { nodes { id variantId variantTitle title quantity processedQuantity unprocessedQuantity processableQuantity lineItems { name } } }
  reverseFulfillmentOrders(first: 2) { nodes { id status lineItems(first: 5) { nodes { id totalQuantity fulfillmentLineItem { id }
    dispositions { type quantity location { name } } } }
    reverseDeliveries(first: 5) { nodes { id } } } }`;
const PAYLOAD = `return { ${RETURN_FIELDS} } userErrors { field message code }`;

export const DOCS = {
  request: `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { ${PAYLOAD} } }`,
  create: `mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { ${PAYLOAD} } }`,
  approve: `mutation($id: ID!) { returnApproveRequest(input: { id: $id }) { ${PAYLOAD} } }`,
  process: `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { ${PAYLOAD} } }`,
  deliver: `mutation($rfo: ID!, $lines: [ReverseDeliveryLineItemInput!]!, $label: ReverseDeliveryLabelInput, $tracking: ReverseDeliveryTrackingInput) {
    reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $rfo, reverseDeliveryLineItems: $lines, labelInput: $label, trackingInput: $tracking, notifyCustomer: false) {
      reverseDelivery { id reverseDeliveryLineItems(first: 5) { nodes { quantity reverseFulfillmentOrderLineItem { id } } }
        deliverable { __typename ... on ReverseDeliveryShippingDeliverable { label { publicFileUrl createdAt } tracking { number url carrierName } } }
        reverseFulfillmentOrder { id } }
      userErrors { field message code } } }`,
  redeliver: `mutation($id: ID!, $tracking: ReverseDeliveryTrackingInput) {
    reverseDeliveryShippingUpdate(reverseDeliveryId: $id, trackingInput: $tracking) {
      reverseDelivery { deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { number carrierName } } } }
      userErrors { field message code } } }`,
  credit: `mutation($id: ID!, $input: StoreCreditAccountCreditInput!) { storeCreditAccountCredit(id: $id, creditInput: $input) {
    storeCreditAccountTransaction { id amount { amount currencyCode } balanceAfterTransaction { amount } event account { id balance { amount currencyCode } } }
    userErrors { field message code } } }`,
  order: `query($id: ID!) { order(id: $id) { displayFinancialStatus displayFulfillmentStatus totalRefundedSet { shopMoney { amount } }
    transactions(first: 10) { id kind status gateway amountSet { shopMoney { amount currencyCode } } parentTransaction { id } maximumRefundableV2 { amount } }
    refunds(first: 5) { id note totalRefundedSet { shopMoney { amount } } return { id }
      transactions(first: 5) { nodes { kind gateway amountSet { shopMoney { amount } } parentTransaction { kind } } }
      refundLineItems(first: 5) { nodes { quantity restockType lineItem { name } } } }
    fulfillmentOrders(first: 5) { nodes { status lineItems(first: 5) { nodes { totalQuantity remainingQuantity lineItem { name } } } } }
    lineItems(first: 10) { nodes { name quantity currentQuantity } } } }`,
  accounts: `query($id: ID!) { customer(id: $id) { storeCreditAccounts(first: 5) { nodes { id balance { amount currencyCode }
    transactions(first: 5) { nodes { __typename amount { amount } createdAt
      ... on StoreCreditAccountCreditTransaction { event expiresAt remainingAmount { amount } origin { ... on OrderTransaction { kind gateway } } } } } } } } }`,
};

export function demoShop() {
  const store = createStore({ now: () => new Date(readFixture().anchor) });
  store.loadShop(readFixture());
  const api = createAdminApi(store);
  const events: ChangeEvent[] = [];
  store.onChange((event) => events.push(event));
  const order = (name: string) => store.findOrderByName(DEMO_SHOP_DOMAIN, name)!;
  const variant = (id: string) => store.getVariant(DEMO_SHOP_DOMAIN, id)!.variant;

  async function raw(query: string, variables: Record<string, unknown> = {}, scopes?: string[]) {
    return (await api.execute(DEMO_SHOP_DOMAIN, { query, variables }, scopes)).body as Body;
  }

  async function gql(query: string, variables: Record<string, unknown> = {}, scopes?: string[]) {
    const body = await raw(query, variables, scopes);
    expect(body.errors).toBeUndefined();
    // The payload or query root field: the document's only top-level field.
    return Object.values(body.data)[0] as Body["data"];
  }

  const topics = () => events.map((event) => event.topic);
  const saleOf = (name: string) => order(name).transactions.find((transaction) => transaction.kind === "SALE")!;

  /** An OPEN return made by returnCreate: the #1013 rain shell (L) for an M, the exchange the ADR describes. */
  async function exchangeReturn() {
    const line = order("#1013").fulfillments[0]!.fulfillmentLineItems[0]!;
    return gql(DOCS.create, {
      input: {
        orderId: order("#1013").id,
        returnLineItems: [{ fulfillmentLineItemId: line.id, quantity: 1, returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/102", returnReasonNote: "Runs large" }],
        exchangeLineItems: [{ variantId: "gid://shopify/ProductVariant/45002", quantity: 1 }],
      },
    });
  }

  return { store, api, events, order, variant, raw, gql, topics, saleOf, exchangeReturn };
}

export type Shop = ReturnType<typeof demoShop>;

/** #1006's open return (Tidewater Fleece, S, 89.00), ready to process. */
export function openReturn(shop: Shop) {
  const ret = shop.order("#1006").returns[0]!;
  return { ret, line: ret.returnLineItems[0]!, rfoLine: ret.reverseFulfillmentOrders[0]!.lineItems[0]! };
}

export const refundTo = (parentId: string, amount: string, currencyCode = "CAD") => ({ parentId, transactionAmount: { amount, currencyCode } });
