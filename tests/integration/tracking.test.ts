import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueOrderAccessToken } from "../../app/features/tracking/domain/order-access";
import { DEMO_CREDENTIALS, DEMO_SHOP, installApp, signedProxyUrl, startHarness, type Harness } from "../helpers/harness";
import { lookupOrder, trackOrdersCalls } from "../helpers/tracking";

let harness: Harness;
beforeAll(async () => {
  // A generous limit: this file is about lookups; tracking-rate-limit.test.ts is about the limit.
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const IN_TRANSIT = { order: "#1017", email: "liam.oconnor@example.com" };

describe("order tracking lookup", () => {
  it("GIVEN a seeded in-transit order and its email THEN the shopper gets its status, tracking and a token", async () => {
    const response = await lookupOrder(harness, IN_TRANSIT);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.order).toMatchObject({ orderName: "#1017", state: "in_transit" });
    expect(body.order.shipments[0]).toMatchObject({ carrier: "UPS", trackingNumber: "1Z7R4V420398457325" });
    expect(body.order.timeline.map((s: { reached: boolean }) => s.reached)).toEqual([true, true, true, false, false]);
    expect(body.token).toEqual(expect.any(String));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("GIVEN a successful lookup THEN no email, phone, street or payment detail leaves the app", async () => {
    const text = await (await lookupOrder(harness, IN_TRANSIT)).text();
    for (const secret of ["liam.oconnor@example.com", "+16045550178", "1055 Homer", "V6B 1G3", "O'Connor", "272.16"]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text).order.shipTo).toEqual({ city: "Vancouver", provinceCode: "BC", countryCode: "CA" });
  });

  it.each([
    ["1017", "liam.oconnor@example.com"],
    [" #1017 ", "LIAM.OConnor@Example.com "],
  ])("GIVEN order %j and email %j THEN the same order is found", async (order, email) => {
    const response = await lookupOrder(harness, { order, email });
    expect(response.status).toBe(200);
    expect((await response.json()).order.orderName).toBe("#1017");
  });

  it("GIVEN the order's phone instead of its email THEN the order is found", async () => {
    const response = await lookupOrder(harness, { order: "1017", phone: "(604) 555-0178" });
    expect(response.status).toBe(200);
  });

  it("GIVEN an unknown order number or a wrong email THEN both answers are identical", async () => {
    const unknown = await lookupOrder(harness, { order: "#9999", email: "liam.oconnor@example.com" });
    const wrongEmail = await lookupOrder(harness, { order: "#1017", email: "someone.else@example.com" });
    expect(unknown.status).toBe(404);
    expect(wrongEmail.status).toBe(404);
    expect(await unknown.text()).toBe(await wrongEmail.text());
    expect(unknown.headers.get("content-type")).toBe(wrongEmail.headers.get("content-type"));
  });

  it("GIVEN a missing email and a nonsense order number THEN the answer names the fields to fix", async () => {
    const response = await lookupOrder(harness, { order: "<script>" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe("invalid");
    expect(Object.keys(body.fields).sort()).toEqual(["contact"]);
  });

  it("GIVEN a lookup with a forged signature THEN the app answers 401", async () => {
    const url = new URL(signedProxyUrl(harness.app.url, "/tracking/lookup"));
    url.searchParams.set("signature", "f".repeat(64));
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(IN_TRANSIT) });
    expect(response.status).toBe(401);
  });

  it("GIVEN a lookup signed two minutes ago THEN the app answers 401", async () => {
    const url = signedProxyUrl(harness.app.url, "/tracking/lookup", { timestamp: Math.floor(Date.now() / 1000) - 120 });
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(IN_TRANSIT) });
    expect(response.status).toBe(401);
  });
});

describe("order-access token", () => {
  async function tokenFor(lookup: Record<string, string>) {
    return (await (await lookupOrder(harness, lookup)).json()).token as string;
  }
  const orderWithToken = (token: string) => fetch(`${harness.shop.url}/apps/support/tracking/order?token=${encodeURIComponent(token)}`);

  it("GIVEN the token from a lookup THEN the order can be fetched again without its details", async () => {
    const response = await orderWithToken(await tokenFor(IN_TRANSIT));
    expect(response.status).toBe(200);
    expect((await response.json()).order.orderName).toBe("#1017");
  });

  it("GIVEN order A's token with its claims changed to order B THEN it is refused", async () => {
    const [body, signature] = (await tokenFor(IN_TRANSIT)).split(".");
    const claims = JSON.parse(Buffer.from(body!, "base64url").toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, orderId: "gid://shopify/Order/5013" })).toString("base64url")}.${signature}`;
    expect((await orderWithToken(forged)).status).toBe(401);
  });

  it("GIVEN a token issued for another shop THEN this shop refuses it", async () => {
    const { token } = issueOrderAccessToken(DEMO_CREDENTIALS.apiSecret, { shop: "other-store.myshopify.com", orderId: "gid://shopify/Order/5017" }, new Date());
    expect((await orderWithToken(token)).status).toBe(401);
  });

  it("GIVEN an expired token THEN it is refused with a code the block explains", async () => {
    const { token } = issueOrderAccessToken(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, orderId: "gid://shopify/Order/5017" }, new Date(Date.now() - 3_600_000));
    const response = await orderWithToken(token);
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe("expired");
  });
});

describe("tracking cache", () => {
  it("GIVEN the same order looked up repeatedly THEN Shopify is asked once", async () => {
    const lookup = { order: "#1013", email: "lucas.silva@example.com" };
    const before = trackOrdersCalls(harness);
    for (let i = 0; i < 5; i++) expect((await lookupOrder(harness, lookup)).status).toBe(200);
    expect(trackOrdersCalls(harness) - before).toBe(1);
  });

  it("GIVEN a carrier event on a cached order THEN the webhook refreshes what the shopper sees", async () => {
    const lookup = { order: "#1016", email: harness.shop.store.findOrderByName(DEMO_SHOP, "#1016")!.email! };
    expect((await (await lookupOrder(harness, lookup)).json()).order.state).toBe("out_for_delivery");
    const fulfillment = harness.shop.store.findOrderByName(DEMO_SHOP, "#1016")!.fulfillments[0]!;

    harness.shop.store.markDelivered(DEMO_SHOP, fulfillment.id);
    await harness.shop.settled();

    expect((await (await lookupOrder(harness, lookup)).json()).order.state).toBe("delivered");
  });

  it("GIVEN Shopify throttling the app THEN the shopper is told to try again shortly", async () => {
    harness.shop.adminApi.drainBucket(DEMO_SHOP, { untilReset: true });
    const response = await lookupOrder(harness, { order: "#1001", email: "maya.chen@example.com" });
    harness.shop.adminApi.resetBucket(DEMO_SHOP);
    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe("unavailable");
  });
});

describe("signed-in customers", () => {
  it("GIVEN a signed-in returning customer THEN their recent orders come without typing, only theirs", async () => {
    const maya = harness.shop.store.customers(DEMO_SHOP).find((c) => c.email === "maya.chen@example.com")!;
    const login = await fetch(`${harness.shop.url}/account/login?customer_id=${maya.id.split("/").pop()}`, { redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const body = await (await fetch(`${harness.shop.url}/apps/support/tracking/mine`, { headers: { cookie } })).json();
    expect(body.signedIn).toBe(true);
    expect(body.orders).toHaveLength(3);
    const mayas = harness.shop.store.orders(DEMO_SHOP).filter((o) => o.customerId === maya.id).map((o) => o.name);
    for (const { order, token } of body.orders) {
      expect(mayas).toContain(order.orderName);
      expect(token).toEqual(expect.any(String));
    }
  });

  it("GIVEN no signed-in customer THEN /mine says so and lists nothing", async () => {
    expect(await (await fetch(`${harness.shop.url}/apps/support/tracking/mine`)).json()).toEqual({ signedIn: false, orders: [] });
  });
});
