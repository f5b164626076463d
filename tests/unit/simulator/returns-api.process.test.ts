import { describe, expect, it } from "vitest";
import { DEMO_SHOP_DOMAIN, legacyId, returnableQuantities } from "../../../simulator/store";
import { demoShop, DOCS, money, openReturn, refundTo, WAREHOUSE } from "../../helpers/simulated-returns";

// returnProcess through real GraphQL documents: dispositions, refunds to the sale or to store
// credit and their refusals, exchanges, and the return closing once everything is processed.

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
