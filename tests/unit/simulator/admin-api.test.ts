import { describe, expect, it } from "vitest";
import { createAdminApi, MAX_QUERY_COST, parseSearchQuery } from "../../../simulator/admin-api";
import { createStore, DEMO_SHOP_DOMAIN, readFixture, type ShopFixture } from "../../../simulator/store";

const fixture = readFixture();
const DAY = 24 * 3600 * 1000;
const OTHER_SHOP = "other-outfitters.myshopify.com";

/** A second, tiny shop: one recent order and one older than Shopify's 60-day window. */
function otherShopFixture(): ShopFixture {
  const at = (daysAgo: number) => new Date(Date.parse(fixture.anchor) - daysAgo * DAY).toISOString();
  const order = (id: number, name: string, createdAt: string) => ({
    id: `gid://shopify/Order/${id}`,
    name,
    email: "maya.chen@example.com",
    createdAt,
    processedAt: createdAt,
    updatedAt: createdAt,
    financialStatus: "PAID" as const,
    currencyCode: "GBP",
    subtotalPrice: "20.00",
    totalShippingPrice: "0.00",
    totalTax: "0.00",
    totalPrice: "20.00",
    shippingAddress: null,
    lineItems: [
      { id: `gid://shopify/LineItem/${id}1`, productId: null, variantId: null, title: "Mug", quantity: 1, price: "20.00" },
    ],
  });
  return {
    anchor: fixture.anchor,
    shop: {
      id: "gid://shopify/Shop/99",
      domain: OTHER_SHOP,
      name: "Other Outfitters",
      email: "owner@other.example",
      ianaTimezone: "Europe/London",
      currencyCode: "GBP",
    },
    orders: [order(90001, "#1001", at(1)), order(90002, "#1002", at(70))],
  };
}

interface Body {
  // Response data is whatever the query asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  extensions?: {
    cost: {
      requestedQueryCost: number;
      actualQueryCost: number | null;
      throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
    };
  };
}

function simulatedShops() {
  let now = new Date(fixture.anchor);
  const store = createStore({ now: () => now });
  store.loadShop(readFixture());
  store.loadShop(otherShopFixture());
  const api = createAdminApi(store);
  return {
    api,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    async query(query: string, variables?: Record<string, unknown>, scopes?: string[], shop = DEMO_SHOP_DOMAIN) {
      const response = await api.execute(shop, { query, variables }, scopes);
      expect(response.status).toBe(200);
      return response.body as Body;
    },
  };
}

const SEARCH = `query Search($q: String!) { orders(first: 10, query: $q) { nodes { id name email } } }`;

async function searchNames(shops: ReturnType<typeof simulatedShops>, q: string, shop = DEMO_SHOP_DOMAIN) {
  const body = await shops.query(SEARCH, { q }, undefined, shop);
  expect(body.errors).toBeUndefined();
  return (body.data.orders.nodes as Array<{ name: string }>).map((order) => order.name);
}

describe("admin API: order search", () => {
  it("GIVEN an order number with or without # WHEN searching by name THEN the same single order is found", async () => {
    const shops = simulatedShops();
    expect(await searchNames(shops, "name:#1013")).toEqual(["#1013"]);
    expect(await searchNames(shops, 'name:"1013"')).toEqual(["#1013"]);
  });

  it("GIVEN an email in another case WHEN searching by email THEN the order is found", async () => {
    const shops = simulatedShops();
    expect(await searchNames(shops, 'email:"Lucas.Silva@EXAMPLE.com"')).toEqual(["#1013"]);
  });

  it("GIVEN a name and somebody else's email WHEN searching both THEN nothing is found", async () => {
    const shops = simulatedShops();
    expect(await searchNames(shops, 'name:1013 email:"liam.oconnor@example.com"')).toEqual([]);
  });

  it("GIVEN an unknown filter key WHEN searching THEN the key is ignored", async () => {
    const shops = simulatedShops();
    expect(await searchNames(shops, "name:1013 flavour:vanilla")).toEqual(["#1013"]);
  });

  it("GIVEN status and fulfillment filters WHEN searching THEN only matching orders are found", async () => {
    const shops = simulatedShops();
    expect(await searchNames(shops, "status:cancelled")).toEqual(["#1005"]);
    expect(await searchNames(shops, "fulfillment_status:partial")).toEqual(["#1018"]);
  });

  it("GIVEN a created_at lower bound WHEN searching THEN only newer orders are found", async () => {
    const shops = simulatedShops();
    const since = new Date(Date.parse(fixture.anchor) - 2 * DAY).toISOString();
    expect(await searchNames(shops, `created_at:>='${since}'`)).toEqual(["#1021", "#1022", "#1023"]);
  });

  it("GIVEN a bare order number WHEN searching THEN only that order is found", async () => {
    const shops = simulatedShops();
    expect(await searchNames(shops, "1013")).toEqual(["#1013"]);
  });

  it("GIVEN a negated filter WHEN searching THEN matching orders are excluded", async () => {
    const shops = simulatedShops();
    const names = await searchNames(shops, 'email:"maya.chen@example.com" -fulfillment_status:unfulfilled');
    expect(names).toEqual(["#1001", "#1003", "#1008"]);
  });

  it("GIVEN quoted values with escaped quotes and comparators WHEN parsed THEN each is one term", () => {
    expect(parseSearchQuery(String.raw`name:"#10\"01" created_at:<=2026-10-01 -tag:vip hello`)).toEqual([
      { key: "name", comparator: "=", value: '#10"01', negated: false },
      { key: "created_at", comparator: "<=", value: "2026-10-01", negated: false },
      { key: "tag", comparator: "=", value: "vip", negated: true },
      { key: null, comparator: "=", value: "hello", negated: false },
    ]);
  });

  it("GIVEN a first page WHEN the next page is requested with its end cursor THEN it continues without overlap", async () => {
    const shops = simulatedShops();
    const page = `query($after: String) { orders(first: 10, after: $after, sortKey: ORDER_NUMBER) { nodes { name } pageInfo { hasNextPage endCursor } } }`;
    const first = await shops.query(page);
    const second = await shops.query(page, { after: first.data.orders.pageInfo.endCursor });
    expect(first.data.orders.pageInfo.hasNextPage).toBe(true);
    expect(second.data.orders.nodes[0].name).toBe("#1011");
  });

  it("GIVEN a connection without first or last WHEN queried THEN Shopify's error is returned", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ orders { nodes { id } } }`);
    expect(body.errors?.[0]).toMatchObject({ message: "you must provide one of first or last", path: ["orders"] });
  });
});

describe("admin API: shop scoping", () => {
  it("GIVEN two shops WHEN the demo shop lists orders THEN the other shop's orders never appear", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ orders(first: 100, query: "email:maya.chen@example.com") { nodes { id } } }`);
    const ids = (body.data.orders.nodes as Array<{ id: string }>).map((order) => order.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.startsWith("gid://shopify/Order/9000"))).toEqual([]);
  });

  it("GIVEN the other shop's order id WHEN the demo shop looks it up THEN it is not found", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ order(id: "gid://shopify/Order/90001") { id } node(id: "gid://shopify/Order/90001") { id } }`);
    expect(body.data).toEqual({ order: null, node: null });
  });

  it("GIVEN the other shop WHEN it searches its own order name THEN only its own order is found", async () => {
    const shops = simulatedShops();
    const body = await shops.query(SEARCH, { q: "name:1001" }, undefined, OTHER_SHOP);
    expect(body.data.orders.nodes).toEqual([{ id: "gid://shopify/Order/90001", name: "#1001", email: "maya.chen@example.com" }]);
  });

  it("GIVEN an order older than 60 days WHEN read without read_all_orders THEN it is hidden", async () => {
    const shops = simulatedShops();
    const names = async (scopes: string[]) =>
      (await shops.query(`{ orders(first: 5) { nodes { name } } }`, undefined, scopes, OTHER_SHOP)).data.orders.nodes;
    expect(await names(["read_orders"])).toEqual([{ name: "#1001" }]);
    expect(await names(["read_orders", "read_all_orders"])).toHaveLength(2);
  });

  it("GIVEN an unknown shop WHEN queried THEN the response is 404", async () => {
    const { api } = simulatedShops();
    expect(await api.execute("missing.myshopify.com", { query: "{ shop { id } }" })).toEqual({
      status: 404,
      body: { errors: "Not Found" },
    });
  });
});

describe("admin API: documents", () => {
  it("GIVEN a misspelled field WHEN queried THEN graphql-js's validation message is returned without data", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ order(id: "gid://shopify/Order/5001") { foo } }`);
    expect(body).toEqual({
      errors: [{ message: 'Cannot query field "foo" on type "Order".', locations: [{ line: 1, column: 43 }] }],
    });
  });

  it("GIVEN a syntax error WHEN queried THEN the parse error is returned", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ shop { name }`);
    expect(body.errors?.[0]?.message).toBe("Syntax Error: Expected Name, found <EOF>.");
  });

  it("GIVEN the shop query THEN the shop's details are returned", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ shop { name myshopifyDomain ianaTimezone currencyCode url } }`);
    expect(body.data.shop).toEqual({
      name: "Harbor Demo Outfitters",
      myshopifyDomain: DEMO_SHOP_DOMAIN,
      ianaTimezone: "America/Toronto",
      currencyCode: "CAD",
      url: `https://${DEMO_SHOP_DOMAIN}`,
    });
  });

  it("GIVEN the partially fulfilled order WHEN its line items are read THEN the waiting unit is unfulfilled", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ orders(first: 1, query: "name:1018") { nodes {
      displayFulfillmentStatus lineItems(first: 5) { nodes { name quantity unfulfilledQuantity } } } } }`);
    expect(body.data.orders.nodes[0]).toEqual({
      displayFulfillmentStatus: "PARTIALLY_FULFILLED",
      lineItems: {
        nodes: [
          { name: "Coastline Hiking Boot - 11", quantity: 1, unfulfilledQuantity: 0 },
          { name: "Harbor Rain Shell - M", quantity: 1, unfulfilledQuantity: 1 },
        ],
      },
    });
  });

  it("GIVEN an in-transit order WHEN its tracking is read THEN carrier, number, URL and events are returned", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ order(id: "gid://shopify/Order/5017") { fulfillments(first: 5) {
      displayStatus trackingInfo(first: 1) { company number url } events(first: 1, sortKey: HAPPENED_AT, reverse: true) { nodes { status city } } } } }`);
    expect(body.data.order.fulfillments).toEqual([
      {
        displayStatus: "IN_TRANSIT",
        trackingInfo: [{ company: "UPS", number: "1Z7R4V420398457325", url: "https://www.ups.com/track?loc=en_CA&tracknum=1Z7R4V420398457325" }],
        events: { nodes: [{ status: "IN_TRANSIT", city: "Calgary" }] },
      },
    ]);
  });

  it("GIVEN order money fields WHEN read THEN amounts use Shopify's decimal format and shop currency", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ order(id: "gid://shopify/Order/5007") { displayFinancialStatus
      totalPriceSet { shopMoney { amount currencyCode } } currentTotalPriceSet { shopMoney { amount } } } }`);
    expect(body.data.order).toEqual({
      displayFinancialStatus: "REFUNDED",
      totalPriceSet: { shopMoney: { amount: "160.74", currencyCode: "CAD" } },
      currentTotalPriceSet: { shopMoney: { amount: "0.0" } },
    });
  });

  it("GIVEN non-null fields the simulator does not model WHEN read THEN empty values come back without errors", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ order(id: "gid://shopify/Order/5001") { test merchantEditable paymentGatewayNames
      currentTotalDiscountsSet { shopMoney { amount currencyCode } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.order).toEqual({
      test: false,
      merchantEditable: false,
      paymentGatewayNames: [],
      currentTotalDiscountsSet: { shopMoney: { amount: "0.0", currencyCode: "CAD" } },
    });
  });
});

describe("admin API: access scopes", () => {
  it("GIVEN scopes without read_orders WHEN orders are read THEN Shopify's ACCESS_DENIED error is returned", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ orders(first: 1) { nodes { id } } }`, undefined, ["read_returns"]);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message:
          "Access denied for orders field. Required access: `read_orders` access scope, " +
          "`read_marketplace_orders` access scope or `read_quick_sale` access scope.",
        path: ["orders"],
        extensions: expect.objectContaining({ code: "ACCESS_DENIED" }),
      }),
    ]);
  });

  it("GIVEN read_orders but not read_returns WHEN returnable fulfillments are read THEN access is denied", async () => {
    const shops = simulatedShops();
    const body = await shops.query(
      `{ returnableFulfillments(orderId: "gid://shopify/Order/5013", first: 1) { nodes { id } } }`,
      undefined,
      ["read_orders"],
    );
    expect(body.errors?.[0]?.message).toMatch(/^Access denied for returnableFulfillments field\. .*Also: Requires the `read_returns` access scope\.$/);
  });

  it("GIVEN read_orders without read_customers WHEN an order's customer is read THEN only that field is denied", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ order(id: "gid://shopify/Order/5001") { name customer { id } } }`, undefined, ["read_orders"]);
    expect(body.data.order).toEqual({ name: "#1001", customer: null });
    expect(body.errors?.[0]).toMatchObject({ path: ["order", "customer"], extensions: { code: "ACCESS_DENIED" } });
  });

  it("GIVEN granted scopes WHEN the app installation is read THEN exactly those scopes are listed", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ currentAppInstallation { accessScopes { handle } } }`, undefined, ["read_orders", "write_returns"]);
    const handles = body.data.currentAppInstallation.accessScopes.map((scope: { handle: string }) => scope.handle);
    expect(handles).toEqual(["read_orders", "read_returns", "write_returns"]);
  });
});

describe("admin API: cost and throttling", () => {
  const ORDER_QUERY = `{ order(id: "gid://shopify/Order/5013") { name lineItems(first: 10) { nodes { name } } } }`;

  it("GIVEN a successful query THEN extensions.cost reports requested and actual cost and the bucket", async () => {
    const shops = simulatedShops();
    const body = await shops.query(ORDER_QUERY);
    expect(body.extensions?.cost).toEqual({
      requestedQueryCost: 13, // order 1 + lineItems connection 2 + 10 × 1
      actualQueryCost: 5, // the order has 2 line items
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1995, restoreRate: 100 },
    });
  });

  it("GIVEN nested connections over the limit WHEN queried THEN MAX_COST_EXCEEDED is returned", async () => {
    const shops = simulatedShops();
    const body = await shops.query(`{ orders(first: 50) { nodes { lineItems(first: 50) { nodes { id } } } } }`);
    expect(body.data).toBeUndefined();
    // 2 + 50 orders × (1 + lineItems 2 + 50 × 1)
    expect(body.errors?.[0]?.message).toMatch(/^Query cost is 2652, which exceeds the single query max cost limit \(1000\)/);
    expect(body.errors?.[0]?.extensions).toEqual({ code: "MAX_COST_EXCEEDED", cost: 2652, maxCost: MAX_QUERY_COST });
  });

  it("GIVEN a drained bucket WHEN queried THEN THROTTLED is returned with the bucket state", async () => {
    const shops = simulatedShops();
    shops.api.drainBucket(DEMO_SHOP_DOMAIN);
    const body = await shops.query(ORDER_QUERY);
    expect(body).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: {
        cost: {
          requestedQueryCost: 13,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
        },
      },
    });
  });

  it("GIVEN a drained bucket WHEN enough time passes for the restore rate THEN the query succeeds", async () => {
    const shops = simulatedShops();
    shops.api.drainBucket(DEMO_SHOP_DOMAIN);
    shops.advance(130); // 13 points at 100 points per second
    const body = await shops.query(ORDER_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data.order.name).toBe("#1013");
  });

  it("GIVEN one shop's drained bucket WHEN another shop queries THEN it is not throttled", async () => {
    const shops = simulatedShops();
    shops.api.drainBucket(DEMO_SHOP_DOMAIN);
    const body = await shops.query(`{ shop { name } }`, undefined, undefined, OTHER_SHOP);
    expect(body.data.shop.name).toBe("Other Outfitters");
  });
});

describe("admin API: order search as loose as Shopify's", () => {
  const SORTED = `query Search($q: String!) { orders(first: 10, query: $q, sortKey: ORDER_NUMBER) { nodes { name number } } }`;

  it("GIVEN an order number WHEN searching by name THEN longer numbers that start with it are found too, the exact one first by number", async () => {
    const shops = simulatedShops();
    const body = await shops.query(SORTED, { q: 'name:"101"' });
    const names = (body.data.orders.nodes as Array<{ name: string }>).map((order) => order.name);
    expect(names).toEqual(["#1010", "#1011", "#1012", "#1013", "#1014", "#1015", "#1016", "#1017", "#1018", "#1019"]);
    expect(body.data.orders.nodes[0].number).toBe(1010);
  });

  it("GIVEN a search lag WHEN an order was just created THEN a name search misses it while a plain list shows it, until the lag has passed", async () => {
    let now = new Date(fixture.anchor);
    const store = createStore({ now: () => now });
    store.loadShop(readFixture());
    const api = createAdminApi(store, { searchLagMs: 5000 });
    const names = async (query: string) => {
      const body = (await api.execute(DEMO_SHOP_DOMAIN, { query }, undefined)).body as Body;
      return (body.data.orders.nodes as Array<{ name: string }>).map((order) => order.name);
    };
    const order = store.createOrder(DEMO_SHOP_DOMAIN, { email: "new@example.com", lineItems: [{ variantId: "gid://shopify/ProductVariant/45011", quantity: 1 }], shippingAddress: null });
    expect(await names(`{ orders(first: 5, query: "name:${order.name.slice(1)}") { nodes { name } } }`)).toEqual([]);
    expect(await names(`{ orders(first: 1, sortKey: CREATED_AT, reverse: true) { nodes { name } } }`)).toEqual([order.name]);
    now = new Date(now.getTime() + 5000);
    expect(await names(`{ orders(first: 5, query: "name:${order.name.slice(1)}") { nodes { name } } }`)).toEqual([order.name]);
  });
});
