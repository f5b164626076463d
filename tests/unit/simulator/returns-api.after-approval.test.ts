import { describe, expect, it } from "vitest";
import { returnableQuantities } from "../../../simulator/store";
import { demoShop, DOCS, money, openReturn, RETURN_FIELDS, type Shop } from "../../helpers/simulated-returns";

// Returns up to the parcel coming back, through real GraphQL documents: fees, returnCreate with
// exchanges, reverse fulfillment orders, reverse deliveries with label and tracking.

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
        return_shipping_fees: [{ price: { shop_money: { amount: "7.95", currency_code: "CAD" } } }],
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
