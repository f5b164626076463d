import { describe, expect, it } from "vitest";
import { createAdminApi } from "../../../simulator/admin-api";
import { createStore, DEMO_SHOP_DOMAIN, legacyId, readFixture, returnableQuantities, type ChangeEvent } from "../../../simulator/store";

// Returns after approval in the simulated shop, through real GraphQL documents: fees, returnCreate
// with exchanges, reverse fulfillment orders and deliveries, processing with dispositions and
// refunds, store credit, locations and the @idempotent directive.

interface Body {
  // Response data is whatever the document asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const WAREHOUSE = "gid://shopify/Location/71001";
const money = (amount: string) => ({ shopMoney: { amount, currencyCode: "CAD" } });

const RETURN_FIELDS = `id status closedAt requestApprovedAt
  returnLineItems(first: 5) { nodes { ... on ReturnLineItem { id quantity processedQuantity refundedQuantity returnReasonNote
    restockingFee { percentage amountSet { shopMoney { amount currencyCode } } } } } }
  returnShippingFees { amountSet { shopMoney { amount currencyCode } } }
  exchangeLineItems(first: 5) { nodes { id variantId variantTitle title quantity processedQuantity unprocessedQuantity processableQuantity lineItems { name } } }
  reverseFulfillmentOrders(first: 2) { nodes { id status lineItems(first: 5) { nodes { id totalQuantity fulfillmentLineItem { id }
    dispositions { type quantity location { name } } } }
    reverseDeliveries(first: 5) { nodes { id } } } }`;
const PAYLOAD = `return { ${RETURN_FIELDS} } userErrors { field message code }`;

const DOCS = {
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

function demoShop() {
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
    return Object.values(body.data)[0] as ReturnType<typeof JSON.parse>;
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

type Shop = ReturnType<typeof demoShop>;

/** #1006's open return (Tidewater Fleece, S, 89.00), ready to process. */
function openReturn(shop: Shop) {
  const ret = shop.order("#1006").returns[0]!;
  return { ret, line: ret.returnLineItems[0]!, rfoLine: ret.reverseFulfillmentOrders[0]!.lineItems[0]! };
}

const refundTo = (parentId: string, amount: string, currencyCode = "CAD") => ({ parentId, transactionAmount: { amount, currencyCode } });

describe("return fees", () => {
  const rainShell = (shop: Shop) => shop.order("#1013").fulfillments[0]!.fulfillmentLineItems[0]!.id;

  it("GIVEN a restocking fee and a return shipping fee WHEN a return is requested THEN both are stored, priced and sent in the webhook", async () => {
    const shop = demoShop();
    const payload = await shop.gql(DOCS.request, {
      input: {
        orderId: shop.order("#1013").id,
        returnLineItems: [{ fulfillmentLineItemId: rainShell(shop), quantity: 1, restockingFee: { percentage: 15 } }],
        returnShippingFee: { amount: { amount: "7.95", currencyCode: "CAD" } },
      },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.return.returnLineItems.nodes[0].restockingFee).toEqual({ percentage: 15, amountSet: money("28.35") });
    expect(payload.return.returnShippingFees).toEqual([{ amountSet: money("7.95") }]);
    expect(shop.events[0]).toMatchObject({
      topic: "returns/request",
      payload: {
        return_line_items: [{ restocking_fee: { percentage: 15, amount: "28.35", currency: "CAD" } }],
        return_shipping_fees: [{ amount: "7.95", currency: "CAD" }],
      },
    });
  });

  it("GIVEN a fee of half a cent WHEN priced THEN it rounds half up", async () => {
    const shop = demoShop();
    const payload = await shop.gql(DOCS.request, {
      input: { orderId: shop.order("#1013").id, returnLineItems: [{ fulfillmentLineItemId: rainShell(shop), quantity: 1, restockingFee: { percentage: 0.5 } }] },
    });
    // 0.5 % of 189.00 is 0.945.
    expect(payload.return.returnLineItems.nodes[0].restockingFee.amountSet).toEqual(money("0.95"));
  });

  it("GIVEN a percentage over 100, a fee in another currency and a negative fee THEN each is INVALID on its field", async () => {
    const shop = demoShop();
    const payload = await shop.gql(DOCS.request, {
      input: {
        orderId: shop.order("#1013").id,
        returnLineItems: [{ fulfillmentLineItemId: rainShell(shop), quantity: 1, restockingFee: { percentage: 101 } }],
        returnShippingFee: { amount: { amount: "-1.00", currencyCode: "USD" } },
      },
    });
    expect(payload.return).toBeNull();
    expect(payload.userErrors.map((error: { field: string[]; code: string }) => [error.field.join("."), error.code])).toEqual([
      ["input.returnLineItems.0.restockingFee.percentage", "INVALID"],
      ["input.returnShippingFee.amount.currencyCode", "INVALID"],
      ["input.returnShippingFee.amount.amount", "INVALID"],
    ]);
    expect(shop.events).toEqual([]);
  });
});

describe("returnCreate", () => {
  it("GIVEN an exchange in stock WHEN a return is created THEN it is OPEN with its exchange line and reverse fulfillment order, and returns/approve fires", async () => {
    const shop = demoShop();
    const payload = await shop.exchangeReturn();
    expect(payload.userErrors).toEqual([]);
    expect(payload.return).toMatchObject({
      status: "OPEN",
      requestApprovedAt: expect.any(String),
      returnLineItems: { nodes: [{ quantity: 1, returnReasonNote: "Runs large", processedQuantity: 0 }] },
      exchangeLineItems: {
        nodes: [
          {
            variantId: "gid://shopify/ProductVariant/45002",
            title: "Harbor Rain Shell",
            variantTitle: "M",
            quantity: 1,
            processedQuantity: 0,
            unprocessedQuantity: 1,
            processableQuantity: 1,
            lineItems: [],
          },
        ],
      },
      reverseFulfillmentOrders: {
        nodes: [
          {
            status: "OPEN",
            lineItems: { nodes: [{ totalQuantity: 1, fulfillmentLineItem: { id: shop.order("#1013").fulfillments[0]!.fulfillmentLineItems[0]!.id }, dispositions: [] }] },
            reverseDeliveries: { nodes: [] },
          },
        ],
      },
    });
    expect(shop.topics()).toEqual(["returns/approve", "orders/updated"]);
    expect(shop.events[0]!.payload).toMatchObject({ status: "open", exchange_line_items: [{ variant_id: 45002, quantity: 1 }] });
    expect(returnableQuantities(shop.order("#1013")).get(shop.order("#1013").fulfillments[0]!.fulfillmentLineItems[0]!.id)).toBe(0);
  });

  it("GIVEN the exchange variant sold out WHEN a return is created THEN it is refused on the variant as out of stock and nothing is created", async () => {
    const shop = demoShop();
    shop.variant("gid://shopify/ProductVariant/45002").inventoryQuantity = 0;
    const payload = await shop.exchangeReturn();
    expect(payload).toEqual({
      return: null,
      userErrors: [
        { field: ["returnInput", "exchangeLineItems", "0", "variantId"], code: "INVALID", message: "Harbor Rain Shell - M is out of stock: 0 available." },
      ],
    });
    expect(shop.order("#1013").returns).toEqual([]);
    expect(shop.events).toEqual([]);
  });

  it("GIVEN a return reason note over 255 characters or an unknown variant THEN TOO_LONG and NOT_FOUND", async () => {
    const shop = demoShop();
    const payload = await shop.gql(DOCS.create, {
      input: {
        orderId: shop.order("#1013").id,
        returnLineItems: [{ fulfillmentLineItemId: shop.order("#1013").fulfillments[0]!.fulfillmentLineItems[0]!.id, quantity: 1, returnReasonNote: "x".repeat(256) }],
        exchangeLineItems: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }],
      },
    });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ field: ["returnInput", "returnLineItems", "0", "returnReasonNote"], code: "TOO_LONG" }),
      expect.objectContaining({ field: ["returnInput", "exchangeLineItems", "0", "variantId"], code: "NOT_FOUND" }),
    ]);
  });
});

describe("reverse fulfillment orders", () => {
  it("GIVEN a requested return WHEN approved THEN it gets one OPEN reverse fulfillment order, readable as a node", async () => {
    const shop = demoShop();
    const ret = shop.order("#1012").returns[0]!;
    const payload = await shop.gql(DOCS.approve, { id: ret.id });
    const [rfo] = payload.return.reverseFulfillmentOrders.nodes;
    expect(rfo).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ totalQuantity: 1, fulfillmentLineItem: { id: ret.returnLineItems[0]!.fulfillmentLineItemId } }] } });
    const node = await shop.gql(`query($id: ID!) { node(id: $id) { ... on ReverseFulfillmentOrder { id status order { name } } } }`, { id: rfo.id });
    expect(node).toEqual({ id: rfo.id, status: "OPEN", order: { name: "#1012" } });
  });

  it("GIVEN a return WHEN closed and reopened THEN its reverse fulfillment order follows", async () => {
    const shop = demoShop();
    const { ret } = openReturn(shop);
    await shop.gql(`mutation($id: ID!) { returnClose(id: $id) { userErrors { code } } }`, { id: ret.id });
    expect(ret.reverseFulfillmentOrders[0]!.status).toBe("CLOSED");
    await shop.gql(`mutation($id: ID!) { returnReopen(id: $id) { userErrors { code } } }`, { id: ret.id });
    expect(ret.reverseFulfillmentOrders[0]!.status).toBe("OPEN");
  });
});

describe("reverseDeliveryCreateWithShipping", () => {
  const label = { fileUrl: "https://labels.example.com/return-1012.pdf" };
  const tracking = { number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" };

  async function approved(shop: Shop) {
    const ret = shop.order("#1012").returns[0]!;
    await shop.gql(DOCS.approve, { id: ret.id });
    shop.events.length = 0;
    return { ret, rfo: ret.reverseFulfillmentOrders[0]! };
  }

  it("GIVEN an open return WHEN a delivery with label and tracking is created THEN it is on the reverse fulfillment order and attach_deliverable fires", async () => {
    const shop = demoShop();
    const { ret, rfo } = await approved(shop);
    const payload = await shop.gql(DOCS.deliver, { rfo: rfo.id, lines: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1 }], label, tracking });
    expect(payload.userErrors).toEqual([]);
    expect(payload.reverseDelivery).toMatchObject({
      reverseDeliveryLineItems: { nodes: [{ quantity: 1, reverseFulfillmentOrderLineItem: { id: rfo.lineItems[0]!.id } }] },
      deliverable: {
        __typename: "ReverseDeliveryShippingDeliverable",
        label: { publicFileUrl: label.fileUrl, createdAt: expect.any(String) },
        tracking: { ...tracking, carrierName: "UPS" },
      },
      reverseFulfillmentOrder: { id: rfo.id },
    });
    expect(shop.topics()).toEqual(["reverse_deliveries/attach_deliverable"]);
    expect(shop.events[0]!.payload).toMatchObject({
      admin_graphql_api_id: payload.reverseDelivery.id,
      return: { admin_graphql_api_id: ret.id },
      shipping_deliverable: {
        tracking: { carrier_name: "UPS", tracking_number: tracking.number, tracking_url: tracking.url },
        label: { public_file_url: label.fileUrl },
      },
    });
    const read = await shop.gql(`query($id: ID!) { return(id: $id) { ${RETURN_FIELDS} } }`, { id: ret.id });
    expect(read.reverseFulfillmentOrders.nodes[0].reverseDeliveries.nodes).toEqual([{ id: payload.reverseDelivery.id }]);
  });

  it("GIVEN a delivery WHEN its tracking is updated THEN the new number and carrier are read and attach_deliverable fires again", async () => {
    const shop = demoShop();
    const { rfo } = await approved(shop);
    const created = await shop.gql(DOCS.deliver, { rfo: rfo.id, lines: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1 }], label });
    const updated = await shop.gql(DOCS.redeliver, {
      id: created.reverseDelivery.id,
      tracking: { number: "7000123", url: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=7000123" },
    });
    expect(updated).toEqual({ reverseDelivery: { deliverable: { tracking: { number: "7000123", carrierName: "Canada Post" } } }, userErrors: [] });
    expect(shop.topics()).toEqual(["reverse_deliveries/attach_deliverable", "reverse_deliveries/attach_deliverable"]);
  });

  it("GIVEN an unknown or closed return's reverse fulfillment order THEN NOT_FOUND and INVALID_STATE", async () => {
    const shop = demoShop();
    const line = { reverseFulfillmentOrderLineItemId: "gid://shopify/ReverseFulfillmentOrderLineItem/1", quantity: 1 };
    const unknown = await shop.gql(DOCS.deliver, { rfo: "gid://shopify/ReverseFulfillmentOrder/1", lines: [line], label });
    expect(unknown.userErrors).toEqual([expect.objectContaining({ field: ["reverseFulfillmentOrderId"], code: "NOT_FOUND" })]);
    const closed = shop.order("#1002").returns[0]!.reverseFulfillmentOrders[0]!;
    const refused = await shop.gql(DOCS.deliver, { rfo: closed.id, lines: [{ ...line, reverseFulfillmentOrderLineItemId: closed.lineItems[0]!.id }], label });
    expect(refused).toEqual({
      reverseDelivery: null,
      userErrors: [{ field: ["reverseFulfillmentOrderId"], code: "INVALID_STATE", message: "Return is closed and cannot get a reverse delivery." }],
    });
  });

  it("GIVEN another return's line, too many units and a label that is not http(s) THEN each is refused on its field and nothing is created", async () => {
    const shop = demoShop();
    const { rfo } = await approved(shop);
    const elsewhere = openReturn(shop).rfoLine;
    const payload = await shop.gql(DOCS.deliver, {
      rfo: rfo.id,
      lines: [
        { reverseFulfillmentOrderLineItemId: elsewhere.id, quantity: 1 },
        { reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 2 },
      ],
      label: { fileUrl: "ftp://labels.example.com/label.pdf" },
    });
    expect(payload.userErrors.map((error: { field: string[]; code: string }) => [error.field.join("."), error.code])).toEqual([
      ["reverseDeliveryLineItems.0.reverseFulfillmentOrderLineItemId", "NOT_FOUND"],
      ["reverseDeliveryLineItems.1.quantity", "INVALID"],
      ["labelInput.fileUrl", "INVALID"],
    ]);
    expect(rfo.reverseDeliveries).toEqual([]);
    expect(shop.events).toEqual([]);
  });
});

describe("returnProcess with dispositions and a refund", () => {
  it("GIVEN an open return WHEN processed with a restock and a refund to the sale THEN the money, inventory, dispositions and refunds all show", async () => {
    const shop = demoShop();
    const { ret, line, rfoLine } = openReturn(shop);
    const sale = shop.saleOf("#1006");
    const fleece = shop.variant("gid://shopify/ProductVariant/45005");
    const stockBefore = fleece.inventoryQuantity;

    const payload = await shop.gql(DOCS.process, {
      input: {
        returnId: ret.id,
        returnLineItems: [
          { id: line.id, quantity: 1, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLine.id, quantity: 1, dispositionType: "RESTOCKED", locationId: WAREHOUSE }] },
        ],
        financialTransfer: { issueRefund: { orderTransactions: [refundTo(sale.id, "89.00")] } },
        note: "Inspected: as new",
        notifyCustomer: false,
      },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.return).toMatchObject({
      status: "CLOSED",
      returnLineItems: { nodes: [{ processedQuantity: 1, refundedQuantity: 1 }] },
      reverseFulfillmentOrders: { nodes: [{ status: "CLOSED", lineItems: { nodes: [{ dispositions: [{ type: "RESTOCKED", quantity: 1, location: { name: "Harbor Warehouse" } }] }] } }] },
    });
    expect(fleece.inventoryQuantity).toBe(stockBefore + 1);
    expect(shop.topics()).toEqual(["returns/process", "refunds/create", "returns/close", "orders/updated"]);
    expect(shop.events[1]!.payload).toMatchObject({
      return: { admin_graphql_api_id: ret.id },
      note: "Inspected: as new",
      refund_line_items: [{ quantity: 1, restock_type: "return" }],
      transactions: [{ kind: "refund", amount: "89.00", parent_id: legacyId(sale.id) }],
    });

    const order = await shop.gql(DOCS.order, { id: shop.order("#1006").id });
    expect(order).toMatchObject({ displayFinancialStatus: "PARTIALLY_REFUNDED", totalRefundedSet: { shopMoney: { amount: "89.0" } } });
    expect(order.transactions).toEqual([
      expect.objectContaining({ id: sale.id, kind: "SALE", gateway: "shopify_payments", amountSet: money("178.0"), maximumRefundableV2: { amount: "89.0" } }),
      expect.objectContaining({ kind: "REFUND", status: "SUCCESS", amountSet: money("89.0"), parentTransaction: { id: sale.id } }),
    ]);
    expect(order.refunds).toEqual([
      expect.objectContaining({
        note: "Inspected: as new",
        totalRefundedSet: { shopMoney: { amount: "89.0" } },
        return: { id: ret.id },
        transactions: { nodes: [{ kind: "REFUND", gateway: "shopify_payments", amountSet: { shopMoney: { amount: "89.0" } }, parentTransaction: { kind: "SALE" } }] },
        refundLineItems: { nodes: [{ quantity: 1, restockType: "RETURN", lineItem: { name: "Tidewater Fleece Pullover - S" } }] },
      }),
    ]);
    expect(order.lineItems.nodes[0]).toEqual({ name: "Tidewater Fleece Pullover - S", quantity: 1, currentQuantity: 0 });
    const onReturn = await shop.gql(`query($id: ID!) { return(id: $id) { refunds(first: 5) { nodes { id } } } }`, { id: ret.id });
    expect(onReturn.refunds.nodes).toEqual([{ id: order.refunds[0].id }]);
  });

  it("GIVEN a processed and refunded unit THEN returnable quantities count it once", async () => {
    const shop = demoShop();
    const { ret, line } = openReturn(shop);
    await shop.gql(DOCS.process, {
      input: { returnId: ret.id, returnLineItems: [{ id: line.id, quantity: 1 }], financialTransfer: { issueRefund: { orderTransactions: [refundTo(shop.saleOf("#1006").id, "89.00")] } } },
    });
    const order = shop.order("#1006");
    expect([...returnableQuantities(order).values()]).toEqual([0, 1]);
  });

  it("GIVEN a refund to store credit WHEN processed THEN the customer's account is credited in the order's currency, from the refund transaction", async () => {
    const shop = demoShop();
    const { ret, line } = openReturn(shop);
    const payload = await shop.gql(DOCS.process, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: line.id, quantity: 1 }],
        financialTransfer: { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: { amount: "89.00", currencyCode: "CAD" } } }] } },
      },
    });
    expect(payload.userErrors).toEqual([]);
    const customer = await shop.gql(DOCS.accounts, { id: "gid://shopify/Customer/6003" });
    expect(customer.storeCreditAccounts.nodes).toEqual([
      expect.objectContaining({
        balance: { amount: "89.0", currencyCode: "CAD" },
        transactions: {
          nodes: [
            expect.objectContaining({
              __typename: "StoreCreditAccountCreditTransaction",
              amount: { amount: "89.0" },
              event: "ORDER_REFUND",
              remainingAmount: { amount: "89.0" },
              origin: { kind: "REFUND", gateway: "shopify_store_credit" },
            }),
          ],
        },
      }),
    ]);
    const order = await shop.gql(DOCS.order, { id: shop.order("#1006").id });
    expect(order).toMatchObject({ displayFinancialStatus: "PARTIALLY_REFUNDED", totalRefundedSet: { shopMoney: { amount: "89.0" } } });
    expect(shop.store.storeCreditAccounts(DEMO_SHOP_DOMAIN, "gid://shopify/Customer/6003")).toHaveLength(1);
  });

  it("GIVEN money and store credit over what was paid WHEN processed THEN it is refused as a whole, unless over-refunding is allowed", async () => {
    const shop = demoShop();
    const { ret, line } = openReturn(shop);
    const sale = shop.saleOf("#1006");
    const input = (allowOverRefunding: boolean) => ({
      returnId: ret.id,
      returnLineItems: [{ id: line.id, quantity: 1 }],
      financialTransfer: {
        issueRefund: {
          orderTransactions: [refundTo(sale.id, "178.00")],
          refundMethods: [{ storeCreditRefund: { amount: { amount: "10.00", currencyCode: "CAD" } } }],
          allowOverRefunding,
        },
      },
    });
    const refused = await shop.gql(DOCS.process, { input: input(false) });
    expect(refused).toEqual({
      return: null,
      userErrors: [
        { field: ["input", "financialTransfer", "issueRefund"], code: "INVALID", message: "Refund of 188.00 CAD exceeds the refundable amount of 178.00 CAD." },
      ],
    });
    expect(line.processedQuantity).toBe(0);
    expect(shop.events).toEqual([]);

    expect((await shop.gql(DOCS.process, { input: input(true) })).userErrors).toEqual([]);
    const order = await shop.gql(DOCS.order, { id: shop.order("#1006").id });
    expect(order).toMatchObject({ displayFinancialStatus: "REFUNDED", totalRefundedSet: { shopMoney: { amount: "188.0" } } });
  });

  it("GIVEN a parent that is not a sale, more than a sale has left, another currency and an unknown parent THEN each is refused on its field", async () => {
    const shop = demoShop();
    const refunded = shop.order("#1002").transactions.find((transaction) => transaction.kind === "REFUND")!;
    const { ret, line } = openReturn(shop);
    const sale = shop.saleOf("#1006");
    const payload = await shop.gql(DOCS.process, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: line.id, quantity: 1 }],
        financialTransfer: {
          issueRefund: {
            orderTransactions: [
              refundTo(sale.id, "178.01"),
              refundTo(sale.id, "1.00", "USD"),
              refundTo(refunded.id, "1.00"),
              refundTo("gid://shopify/OrderTransaction/1", "1.00"),
            ],
            allowOverRefunding: true,
          },
        },
      },
    });
    const path = (index: number, ...rest: string[]) => ["input", "financialTransfer", "issueRefund", "orderTransactions", String(index), ...rest].join(".");
    expect(payload.userErrors.map((error: { field: string[]; code: string }) => [error.field.join("."), error.code])).toEqual([
      [path(0, "transactionAmount", "amount"), "INVALID"],
      [path(1, "transactionAmount", "currencyCode"), "INVALID"],
      [path(2, "parentId"), "NOT_FOUND"],
      [path(3, "parentId"), "NOT_FOUND"],
    ]);
  });

  it("GIVEN an order without a customer WHEN store credit is refunded THEN INVALID on the store credit refund", async () => {
    const shop = demoShop();
    const ret = shop.order("#1012").returns[0]!;
    await shop.gql(DOCS.approve, { id: ret.id });
    const payload = await shop.gql(DOCS.process, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: ret.returnLineItems[0]!.id, quantity: 1 }],
        financialTransfer: { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: { amount: "10.00", currencyCode: "CAD" } } }] } },
      },
    });
    expect(payload.userErrors).toEqual([
      {
        field: ["input", "financialTransfer", "issueRefund", "refundMethods", "0", "storeCreditRefund"],
        code: "INVALID",
        message: "Store credit can only be refunded on an order with a customer.",
      },
    ]);
  });

  it("GIVEN dispositions for another line, over the processed units or a restock without a location THEN each is refused", async () => {
    const shop = demoShop();
    const { ret, line, rfoLine } = openReturn(shop);
    const disposition = (overrides: Record<string, unknown>) => ({ reverseFulfillmentOrderLineItemId: rfoLine.id, quantity: 1, dispositionType: "NOT_RESTOCKED", ...overrides });
    const process = (dispositions: unknown[]) =>
      shop.gql(DOCS.process, { input: { returnId: ret.id, returnLineItems: [{ id: line.id, quantity: 1, dispositions }] } });
    const at = (...rest: string[]) => ["input", "returnLineItems", "0", ...rest];

    expect((await process([disposition({ reverseFulfillmentOrderLineItemId: "gid://shopify/ReverseFulfillmentOrderLineItem/1" })])).userErrors).toEqual([
      expect.objectContaining({ field: at("dispositions", "0", "reverseFulfillmentOrderLineItemId"), code: "INVALID" }),
    ]);
    expect((await process([disposition({}), disposition({ dispositionType: "MISSING" })])).userErrors).toEqual([
      expect.objectContaining({ field: at("dispositions"), code: "INVALID", message: "Dispositions cover 2 units, more than the 1 processed." }),
    ]);
    expect((await process([disposition({ dispositionType: "RESTOCKED" })])).userErrors).toEqual([
      expect.objectContaining({ field: at("dispositions", "0", "locationId"), code: "BLANK" }),
    ]);
    expect((await process([disposition({ dispositionType: "RESTOCKED", locationId: "gid://shopify/Location/1" })])).userErrors).toEqual([
      expect.objectContaining({ field: at("dispositions", "0", "locationId"), code: "NOT_FOUND" }),
    ]);
    expect(line.processedQuantity).toBe(0);
  });
});

describe("returnProcess with an exchange", () => {
  it("GIVEN an exchange return WHEN the returned unit, then the exchange are processed THEN it closes only after the exchange, which joins the order with a fulfillment order", async () => {
    const shop = demoShop();
    const created = await shop.exchangeReturn();
    const medium = shop.variant("gid://shopify/ProductVariant/45002");
    const stockBefore = medium.inventoryQuantity;
    shop.events.length = 0;

    const returned = await shop.gql(DOCS.process, {
      input: { returnId: created.return.id, returnLineItems: [{ id: created.return.returnLineItems.nodes[0].id, quantity: 1 }] },
    });
    expect(returned.return).toMatchObject({ status: "OPEN", exchangeLineItems: { nodes: [{ processedQuantity: 0, processableQuantity: 1 }] } });
    expect(medium.inventoryQuantity).toBe(stockBefore);

    const payload = await shop.gql(DOCS.process, {
      input: { returnId: created.return.id, exchangeLineItems: [{ id: created.return.exchangeLineItems.nodes[0].id, quantity: 1 }] },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.return).toMatchObject({
      status: "CLOSED",
      exchangeLineItems: { nodes: [{ processedQuantity: 1, unprocessedQuantity: 0, processableQuantity: 0, lineItems: [{ name: "Harbor Rain Shell - M" }] }] },
    });
    expect(medium.inventoryQuantity).toBe(stockBefore - 1);
    expect(shop.topics()).toEqual(["returns/process", "orders/updated", "returns/process", "returns/close", "orders/updated"]);

    const order = await shop.gql(DOCS.order, { id: shop.order("#1013").id });
    expect(order.lineItems.nodes.at(-1)).toEqual({ name: "Harbor Rain Shell - M", quantity: 1, currentQuantity: 1 });
    expect(order.fulfillmentOrders.nodes).toEqual([
      { status: "OPEN", lineItems: { nodes: [{ totalQuantity: 1, remainingQuantity: 1, lineItem: { name: "Harbor Rain Shell - M" } }] } },
    ]);
    expect(order).toMatchObject({ displayFulfillmentStatus: "PARTIALLY_FULFILLED", displayFinancialStatus: "PAID", refunds: [] });
  });

  it("GIVEN a two-unit return WHEN one unit is processed THEN it stays OPEN, and closes with returns/close only when the second is", async () => {
    const shop = demoShop();
    const tees = shop.order("#1015").fulfillments[0]!.fulfillmentLineItems[0]!;
    const created = await shop.gql(DOCS.create, { input: { orderId: shop.order("#1015").id, returnLineItems: [{ fulfillmentLineItemId: tees.id, quantity: 2 }] } });
    const line = created.return.returnLineItems.nodes[0];
    const processOne = () => shop.gql(DOCS.process, { input: { returnId: created.return.id, returnLineItems: [{ id: line.id, quantity: 1 }] } });
    shop.events.length = 0;

    expect((await processOne()).return).toMatchObject({ status: "OPEN", closedAt: null });
    expect(shop.topics()).toEqual(["returns/process", "orders/updated"]);
    expect((await processOne()).return).toMatchObject({ status: "CLOSED", closedAt: expect.any(String) });
    expect(shop.topics().slice(2)).toEqual(["returns/process", "returns/close", "orders/updated"]);
    expect((await processOne()).userErrors).toEqual([expect.objectContaining({ field: ["input", "returnId"], code: "INVALID_STATE" })]);
  });
});

describe("orders' transactions and refunds from the fixture", () => {
  it("GIVEN a paid order THEN it has one SALE for its total", async () => {
    const shop = demoShop();
    const order = await shop.gql(DOCS.order, { id: shop.order("#1001").id });
    expect(order.transactions).toEqual([
      expect.objectContaining({ kind: "SALE", status: "SUCCESS", gateway: "shopify_payments", amountSet: money("267.81"), parentTransaction: null }),
    ]);
    expect(order.refunds).toEqual([]);
  });

  it("GIVEN a refunded order THEN its refund is a REFUND against the SALE; #1002's refund belongs to its closed return", async () => {
    const shop = demoShop();
    const refunded = await shop.gql(DOCS.order, { id: shop.order("#1007").id });
    expect(refunded.refunds).toEqual([
      expect.objectContaining({ totalRefundedSet: { shopMoney: { amount: "160.74" } }, return: null, refundLineItems: { nodes: [expect.objectContaining({ quantity: 1 })] } }),
    ]);
    expect(refunded.transactions.map((transaction: { kind: string }) => transaction.kind)).toEqual(["SALE", "REFUND"]);
    const withReturn = await shop.gql(DOCS.order, { id: shop.order("#1002").id });
    expect(withReturn.refunds).toEqual([expect.objectContaining({ return: { id: shop.order("#1002").returns[0]!.id }, totalRefundedSet: { shopMoney: { amount: "56.7" } } })]);
  });
});

describe("storeCreditAccountCredit", () => {
  const credit = (amount: string, currencyCode = "CAD") => ({ creditAmount: { amount, currencyCode }, notify: false });

  it("GIVEN a customer without an account WHEN credited by customer id, then by account id THEN one CAD account holds both credits", async () => {
    const shop = demoShop();
    const first = await shop.gql(DOCS.credit, { id: "gid://shopify/Customer/6001", input: credit("10.00") });
    expect(first.userErrors).toEqual([]);
    expect(first.storeCreditAccountTransaction).toMatchObject({
      amount: { amount: "10.0", currencyCode: "CAD" },
      balanceAfterTransaction: { amount: "10.0" },
      event: "ADJUSTMENT",
      account: { balance: { amount: "10.0", currencyCode: "CAD" } },
    });
    const accountId = first.storeCreditAccountTransaction.account.id;
    const second = await shop.gql(DOCS.credit, { id: accountId, input: { ...credit("15.50"), expiresAt: "2027-01-01T00:00:00Z" } });
    expect(second.storeCreditAccountTransaction).toMatchObject({ balanceAfterTransaction: { amount: "25.5" }, account: { id: accountId, balance: { amount: "25.5" } } });
    expect(shop.store.storeCreditAccounts(DEMO_SHOP_DOMAIN, "gid://shopify/Customer/6001")).toEqual([
      expect.objectContaining({ id: accountId, currencyCode: "CAD", transactions: [expect.objectContaining({ amount: "10.00" }), expect.objectContaining({ amount: "15.50", expiresAt: "2027-01-01T00:00:00Z" })] }),
    ]);
  });

  it("GIVEN an unknown account or customer, another currency or a zero amount THEN Shopify's store credit error codes", async () => {
    const shop = demoShop();
    const accountId = (await shop.gql(DOCS.credit, { id: "gid://shopify/Customer/6001", input: credit("1.00") })).storeCreditAccountTransaction.account.id;
    const errorOf = async (id: string, input: unknown) => (await shop.gql(DOCS.credit, { id, input })).userErrors;
    expect(await errorOf("gid://shopify/StoreCreditAccount/1", credit("1.00"))).toEqual([expect.objectContaining({ field: ["id"], code: "ACCOUNT_NOT_FOUND" })]);
    expect(await errorOf("gid://shopify/Customer/1", credit("1.00"))).toEqual([expect.objectContaining({ field: ["id"], code: "OWNER_NOT_FOUND" })]);
    expect(await errorOf(accountId, credit("1.00", "USD"))).toEqual([
      expect.objectContaining({ field: ["creditInput", "creditAmount", "currencyCode"], code: "MISMATCHING_CURRENCY" }),
    ]);
    expect(await errorOf(accountId, credit("0.00"))).toEqual([expect.objectContaining({ field: ["creditInput", "creditAmount", "amount"], code: "NEGATIVE_OR_ZERO_AMOUNT" })]);
  });

  it("GIVEN scopes without write_store_credit_account_transactions WHEN crediting THEN ACCESS_DENIED and nothing is credited; with it, the credit goes through", async () => {
    const shop = demoShop();
    const variables = { id: "gid://shopify/Customer/6001", input: credit("5.00") };
    const denied = await shop.raw(DOCS.credit, variables, ["read_customers", "read_orders", "read_returns", "write_returns"]);
    expect(denied.errors?.[0]).toMatchObject({
      message: "Access denied for storeCreditAccountCredit field. Required access: `write_store_credit_account_transactions` access scope.",
      extensions: { code: "ACCESS_DENIED" },
    });
    expect(shop.store.storeCreditAccounts(DEMO_SHOP_DOMAIN, "gid://shopify/Customer/6001")).toEqual([]);
    const allowed = await shop.gql(DOCS.credit, variables, ["read_customers", "read_store_credit_accounts", "write_store_credit_account_transactions"]);
    expect(allowed.userErrors).toEqual([]);
  });
});

describe("locations", () => {
  it("GIVEN the demo shop THEN its warehouse is listed, found by id, and is the location without an id", async () => {
    const shop = demoShop();
    const body = await shop.raw(`query($id: ID) { locations(first: 5) { nodes { id name isActive } } byId: location(id: $id) { name } primary: location { id } }`, {
      id: WAREHOUSE,
    });
    expect(body.data).toEqual({
      locations: { nodes: [{ id: WAREHOUSE, name: "Harbor Warehouse", isActive: true }] },
      byId: { name: "Harbor Warehouse" },
      primary: { id: WAREHOUSE },
    });
  });

  it("GIVEN a fixture without locations WHEN loaded THEN the shop gets one", () => {
    const store = createStore();
    const fixture = readFixture();
    delete fixture.locations;
    expect(store.loadShop(fixture).locations).toEqual([{ id: expect.stringMatching(/^gid:\/\/shopify\/Location\/\d+$/), name: "Shop location" }]);
  });
});

describe("@idempotent", () => {
  it("GIVEN @idempotent on returnProcess, which does not document it, THEN the request is refused and nothing is processed", async () => {
    const shop = demoShop();
    const { ret, line } = openReturn(shop);
    const body = await shop.raw(
      `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) @idempotent(key: "3f1c") { return { id } } }`,
      { input: { returnId: ret.id, returnLineItems: [{ id: line.id, quantity: 1 }] } },
    );
    expect(body.errors).toEqual([expect.objectContaining({ message: "The @idempotent directive is not supported on the returnProcess field.", extensions: { code: "BAD_REQUEST" } })]);
    expect(body.data).toBeUndefined();
    expect(line.processedQuantity).toBe(0);
  });

  it("GIVEN @idempotent on refundCreate, which documents it, THEN it is accepted, but never with a blank key", async () => {
    const shop = demoShop();
    const document = (key: string) =>
      `mutation($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "${key}") { refund { id } userErrors { message } } }`;
    const input = { orderId: shop.order("#1001").id };
    expect((await shop.raw(document("9b2e6c1a"), { input })).errors).toBeUndefined();
    expect((await shop.raw(document("  "), { input })).errors).toEqual([expect.objectContaining({ message: "The idempotency key cannot be blank." })]);
  });
});
