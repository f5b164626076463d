import { describe, expect, it } from "vitest";
import { createStore, DEMO_SHOP_DOMAIN, readFixture } from "../../../simulator/store";
import { demoShop, DOCS, money, WAREHOUSE } from "../../helpers/simulated-returns";

// Money and places beside returns: the fixture's transactions and refunds, storeCreditAccountCredit
// with its error codes and scope, and the shop's locations.

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
