import { describe, expect, it } from "vitest";
import { createAdminApi } from "../../../simulator/admin-api";
import { createStore, DEMO_SHOP_DOMAIN, readFixture, type ChangeEvent } from "../../../simulator/store";

interface Body {
  // Response data is whatever the document asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { cost: { requestedQueryCost: number } };
}

const RETURN_FIELDS = `return { id name status requestApprovedAt closedAt totalQuantity decline { reason note } order { name }
  returnLineItems(first: 5) { nodes { ... on ReturnLineItem { id quantity processedQuantity customerNote returnReasonDefinition { handle } } } } }
  userErrors { field message code }`;

const MUTATIONS = {
  request: `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { ${RETURN_FIELDS} } }`,
  approve: `mutation($id: ID!) { returnApproveRequest(input: { id: $id, notifyCustomer: false }) { ${RETURN_FIELDS} } }`,
  decline: `mutation($id: ID!, $note: String) { returnDeclineRequest(input: { id: $id, declineReason: FINAL_SALE, declineNote: $note }) { ${RETURN_FIELDS} } }`,
  cancel: `mutation($id: ID!) { returnCancel(id: $id) { ${RETURN_FIELDS} } }`,
  close: `mutation($id: ID!) { returnClose(id: $id) { ${RETURN_FIELDS} } }`,
  reopen: `mutation($id: ID!) { returnReopen(id: $id) { ${RETURN_FIELDS} } }`,
  process: `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { ${RETURN_FIELDS} } }`,
};
type MutationName = keyof typeof MUTATIONS;
const PAYLOAD_FIELD: Record<MutationName, string> = {
  request: "returnRequest",
  approve: "returnApproveRequest",
  decline: "returnDeclineRequest",
  cancel: "returnCancel",
  close: "returnClose",
  reopen: "returnReopen",
  process: "returnProcess",
};

const RETURNABLE = `query($orderId: ID!) { returnableFulfillments(orderId: $orderId, first: 5) { nodes {
  returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id lineItem { name } } } } } } }`;

function demoShop() {
  const store = createStore({ now: () => new Date(readFixture().anchor) });
  store.loadShop(readFixture());
  const api = createAdminApi(store);
  const events: ChangeEvent[] = [];
  store.onChange((event) => events.push(event));
  const order = (name: string) => store.findOrderByName(DEMO_SHOP_DOMAIN, name)!;

  async function run(name: MutationName, variables: Record<string, unknown>, scopes?: string[]) {
    const response = await api.execute(DEMO_SHOP_DOMAIN, { query: MUTATIONS[name], variables }, scopes);
    const body = response.body as Body;
    expect(body.errors).toBeUndefined();
    return body.data[PAYLOAD_FIELD[name]] as { return: Record<string, unknown> | null; userErrors: unknown[] };
  }

  /** Returnable units per line item name, as the app reads them. */
  async function returnable(orderName: string): Promise<Record<string, number>> {
    const body = (await api.execute(DEMO_SHOP_DOMAIN, { query: RETURNABLE, variables: { orderId: order(orderName).id } })).body as Body;
    const result: Record<string, number> = {};
    for (const fulfillment of body.data.returnableFulfillments.nodes) {
      for (const item of fulfillment.returnableFulfillmentLineItems.nodes) result[item.fulfillmentLineItem.lineItem.name] = item.quantity;
    }
    return result;
  }

  /** A return request for one unit of the first item of the delivered, returnable demo order #1013. */
  const requestInput = (overrides: Record<string, unknown> = {}) => ({
    orderId: order("#1013").id,
    returnLineItems: [
      {
        fulfillmentLineItemId: order("#1013").fulfillments[0]!.fulfillmentLineItems[0]!.id,
        quantity: 1,
        returnReasonDefinitionId: "gid://shopify/ReturnReasonDefinition/102",
        customerNote: "A size too big.",
        ...overrides,
      },
    ],
  });

  return { store, api, events, order, run, returnable, requestInput, returnId: (name: string) => order(name).returns[0]!.id };
}

const invalidState = expect.objectContaining({ code: "INVALID_STATE" });

describe("returnReasonDefinitions", () => {
  const REASONS = `query($handles: [String!], $query: String) {
    returnReasonDefinitions(first: 50, handles: $handles, query: $query, sortKey: HANDLE) { nodes { id handle name deleted } } }`;

  async function reasons(variables: Record<string, unknown>) {
    const body = (await demoShop().api.execute(DEMO_SHOP_DOMAIN, { query: REASONS, variables })).body as Body;
    expect(body.errors).toBeUndefined();
    return body.data.returnReasonDefinitions.nodes as Array<{ id: string; handle: string; name: string; deleted: boolean }>;
  }

  it("GIVEN handles WHEN reasons are read THEN exactly those definitions come back, with their ids and English names", async () => {
    expect(await reasons({ handles: ["too-small", "defective", "arrived-late"] })).toEqual([
      { id: "gid://shopify/ReturnReasonDefinition/109", handle: "arrived-late", name: "Arrived too late", deleted: false },
      { id: "gid://shopify/ReturnReasonDefinition/103", handle: "defective", name: "Damaged or defective", deleted: false },
      { id: "gid://shopify/ReturnReasonDefinition/101", handle: "too-small", name: "Too small", deleted: false },
    ]);
  });

  it("GIVEN deleted:false WHEN reasons are read THEN the deleted one is left out", async () => {
    const live = (await reasons({ query: "deleted:false" })).map((reason) => reason.handle);
    expect(live).toHaveLength(13);
    expect(live).not.toContain("color");
    expect((await reasons({})).map((reason) => reason.handle)).toContain("color");
  });
});

describe("returnRequest", () => {
  it("GIVEN a delivered order WHEN a return is requested THEN it is REQUESTED with the line, reason and note", async () => {
    const shop = demoShop();
    const payload = await shop.run("request", { input: shop.requestInput() });
    expect(payload.userErrors).toEqual([]);
    expect(payload.return).toMatchObject({
      name: "#1013-R1",
      status: "REQUESTED",
      totalQuantity: 1,
      order: { name: "#1013" },
      returnLineItems: { nodes: [{ quantity: 1, customerNote: "A size too big.", returnReasonDefinition: { handle: "too-large" } }] },
    });
  });

  it("GIVEN a delivered order WHEN a return is requested THEN returns/request and orders/updated fire", async () => {
    const shop = demoShop();
    await shop.run("request", { input: shop.requestInput() });
    expect(shop.events.map((event) => event.topic)).toEqual(["returns/request", "orders/updated"]);
    expect(shop.events[0]).toMatchObject({
      shop: DEMO_SHOP_DOMAIN,
      payload: { order: { id: 5013 }, status: "requested", admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/Return\/\d+$/) },
    });
  });

  it("GIVEN a requested return WHEN returnable quantities are read THEN the requested unit is no longer returnable", async () => {
    const shop = demoShop();
    expect(await shop.returnable("#1013")).toEqual({ "Harbor Rain Shell - L": 1, "Storm Cap": 1 });
    await shop.run("request", { input: shop.requestInput() });
    expect(await shop.returnable("#1013")).toEqual({ "Storm Cap": 1 });
  });

  it("GIVEN an unknown order WHEN a return is requested THEN NOT_FOUND", async () => {
    const shop = demoShop();
    const payload = await shop.run("request", { input: { ...shop.requestInput(), orderId: "gid://shopify/Order/1" } });
    expect(payload).toEqual({ return: null, userErrors: [{ field: ["input", "orderId"], code: "NOT_FOUND", message: "Order does not exist." }] });
  });

  it("GIVEN no line items WHEN a return is requested THEN BLANK", async () => {
    const shop = demoShop();
    const payload = await shop.run("request", { input: { orderId: shop.order("#1013").id, returnLineItems: [] } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ["input", "returnLineItems"], code: "BLANK" })]);
  });

  it("GIVEN more units than are returnable WHEN a return is requested THEN INVALID on the quantity", async () => {
    const shop = demoShop();
    const payload = await shop.run("request", { input: shop.requestInput({ quantity: 2 }) });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ["input", "returnLineItems", "0", "quantity"], code: "INVALID" })]);
  });

  it("GIVEN a zero quantity WHEN a return is requested THEN INVALID on the quantity", async () => {
    const shop = demoShop();
    const payload = await shop.run("request", { input: shop.requestInput({ quantity: 0 }) });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ["input", "returnLineItems", "0", "quantity"], code: "INVALID" })]);
  });

  it("GIVEN a customer note over 300 characters WHEN a return is requested THEN TOO_LONG", async () => {
    const shop = demoShop();
    const payload = await shop.run("request", { input: shop.requestInput({ customerNote: "x".repeat(301) }) });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "returnLineItems", "0", "customerNote"], code: "TOO_LONG" }),
    ]);
  });

  it("GIVEN a refunded delivered order WHEN returnable quantities are read THEN nothing is returnable", async () => {
    const shop = demoShop();
    expect(await shop.returnable("#1007")).toEqual({});
  });

  it("GIVEN scopes without write_returns WHEN a return is requested THEN ACCESS_DENIED", async () => {
    const shop = demoShop();
    const response = await shop.api.execute(
      DEMO_SHOP_DOMAIN,
      { query: MUTATIONS.request, variables: { input: shop.requestInput() } },
      ["read_orders", "read_returns"],
    );
    expect((response.body as Body).errors?.[0]).toMatchObject({
      message: "Access denied for returnRequest field. Required access: `write_returns` access scope or `write_marketplace_returns` access scope.",
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("GIVEN a mutation THEN it costs 10 points", async () => {
    const shop = demoShop();
    const response = await shop.api.execute(DEMO_SHOP_DOMAIN, { query: MUTATIONS.request, variables: { input: shop.requestInput() } });
    expect((response.body as Body).extensions?.cost.requestedQueryCost).toBe(10);
  });
});

describe("returnApproveRequest", () => {
  it("GIVEN a requested return WHEN approved THEN it is OPEN with requestApprovedAt and returns/approve fires", async () => {
    const shop = demoShop();
    const payload = await shop.run("approve", { id: shop.returnId("#1012") });
    expect(payload.return).toMatchObject({ status: "OPEN", requestApprovedAt: expect.any(String) });
    expect(shop.events[0]).toMatchObject({ topic: "returns/approve", payload: { order: { id: 5012 }, status: "open" } });
  });

  it("GIVEN an open return WHEN approved THEN INVALID_STATE", async () => {
    const shop = demoShop();
    expect((await shop.run("approve", { id: shop.returnId("#1006") })).userErrors).toEqual([invalidState]);
  });

  it("GIVEN an unknown return WHEN approved THEN NOT_FOUND", async () => {
    const shop = demoShop();
    const payload = await shop.run("approve", { id: "gid://shopify/Return/1" });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ["input", "id"], code: "NOT_FOUND" })]);
  });
});

describe("returnDeclineRequest", () => {
  it("GIVEN a requested return WHEN declined THEN it is DECLINED with the reason, note and returns/decline", async () => {
    const shop = demoShop();
    const payload = await shop.run("decline", { id: shop.returnId("#1012"), note: "Worn outdoors." });
    expect(payload.return).toMatchObject({ status: "DECLINED", decline: { reason: "FINAL_SALE", note: "Worn outdoors." } });
    expect(shop.events[0]).toMatchObject({ topic: "returns/decline", payload: { status: "declined" } });
  });

  it("GIVEN a requested return WHEN declined THEN its units are returnable again", async () => {
    const shop = demoShop();
    const { return: requested } = await shop.run("request", { input: shop.requestInput() });
    await shop.run("decline", { id: requested!.id });
    expect(await shop.returnable("#1013")).toEqual({ "Harbor Rain Shell - L": 1, "Storm Cap": 1 });
  });

  it("GIVEN an open return WHEN declined THEN INVALID_STATE", async () => {
    const shop = demoShop();
    expect((await shop.run("decline", { id: shop.returnId("#1006") })).userErrors).toEqual([invalidState]);
  });

  it("GIVEN a decline note over 500 characters WHEN declined THEN TOO_LONG", async () => {
    const shop = demoShop();
    const payload = await shop.run("decline", { id: shop.returnId("#1012"), note: "x".repeat(501) });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ["input", "declineNote"], code: "TOO_LONG" })]);
  });
});

describe("returnCancel", () => {
  it("GIVEN a requested return WHEN canceled THEN it is CANCELED and returns/cancel fires", async () => {
    const shop = demoShop();
    expect((await shop.run("cancel", { id: shop.returnId("#1012") })).return).toMatchObject({ status: "CANCELED" });
    expect(shop.events[0]?.topic).toBe("returns/cancel");
  });

  it("GIVEN a closed return WHEN canceled THEN INVALID_STATE", async () => {
    const shop = demoShop();
    expect((await shop.run("cancel", { id: shop.returnId("#1002") })).userErrors).toEqual([invalidState]);
  });

  it("GIVEN an open return with some units processed WHEN canceled THEN INVALID_STATE", async () => {
    const shop = demoShop();
    const tees = shop.order("#1015").fulfillments[0]!.fulfillmentLineItems[0]!;
    const { return: ret } = shop.store.createReturn(DEMO_SHOP_DOMAIN, {
      orderId: shop.order("#1015").id,
      returnLineItems: [{ fulfillmentLineItemId: tees.id, quantity: 2 }],
    });
    await shop.run("process", { input: { returnId: ret!.id, returnLineItems: [{ id: ret!.returnLineItems[0]!.id, quantity: 1 }] } });
    expect((await shop.run("cancel", { id: ret!.id })).userErrors).toEqual([
      { field: ["id"], code: "INVALID_STATE", message: "Return has processed items and cannot be canceled." },
    ]);
  });
});

describe("returnClose and returnReopen", () => {
  it("GIVEN an open return WHEN closed THEN it is CLOSED with closedAt and returns/close fires", async () => {
    const shop = demoShop();
    expect((await shop.run("close", { id: shop.returnId("#1006") })).return).toMatchObject({ status: "CLOSED", closedAt: expect.any(String) });
    expect(shop.events[0]?.topic).toBe("returns/close");
  });

  it("GIVEN a requested return WHEN closed THEN INVALID_STATE", async () => {
    const shop = demoShop();
    expect((await shop.run("close", { id: shop.returnId("#1012") })).userErrors).toEqual([invalidState]);
  });

  it("GIVEN a closed return WHEN reopened THEN it is OPEN again and returns/reopen fires", async () => {
    const shop = demoShop();
    expect((await shop.run("reopen", { id: shop.returnId("#1002") })).return).toMatchObject({ status: "OPEN", closedAt: null });
    expect(shop.events[0]?.topic).toBe("returns/reopen");
  });

  it("GIVEN an open return WHEN reopened THEN INVALID_STATE", async () => {
    const shop = demoShop();
    expect((await shop.run("reopen", { id: shop.returnId("#1006") })).userErrors).toEqual([invalidState]);
  });
});

describe("returnProcess", () => {
  it("GIVEN an open return WHEN its only item is processed THEN it is recorded, returns/process fires and the return closes", async () => {
    const shop = demoShop();
    const ret = shop.order("#1006").returns[0]!;
    const payload = await shop.run("process", { input: { returnId: ret.id, returnLineItems: [{ id: ret.returnLineItems[0]!.id, quantity: 1 }] } });
    expect(payload.return).toMatchObject({ status: "CLOSED", closedAt: expect.any(String), returnLineItems: { nodes: [{ processedQuantity: 1 }] } });
    expect(shop.events.map((event) => event.topic)).toEqual(["returns/process", "returns/close", "orders/updated"]);
    expect(shop.events[0]).toMatchObject({ payload: { order: { id: 5006 }, return_line_items: [{ processed_quantity: 1 }] } });
  });

  it("GIVEN a requested return WHEN processed THEN INVALID_STATE", async () => {
    const shop = demoShop();
    const ret = shop.order("#1012").returns[0]!;
    const payload = await shop.run("process", { input: { returnId: ret.id, returnLineItems: [{ id: ret.returnLineItems[0]!.id, quantity: 1 }] } });
    expect(payload.userErrors).toEqual([invalidState]);
  });

  it("GIVEN an open return WHEN more units are processed than were returned THEN INVALID", async () => {
    const shop = demoShop();
    const ret = shop.order("#1006").returns[0]!;
    const payload = await shop.run("process", { input: { returnId: ret.id, returnLineItems: [{ id: ret.returnLineItems[0]!.id, quantity: 2 }] } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ["input", "returnLineItems", "0", "quantity"], code: "INVALID" })]);
  });
});
