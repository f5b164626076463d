import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as ShopifyServer from "../../app/shopify.server";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";

// The app's own Shopify configuration, loaded in this test's process after the harness set the
// environment: its Admin client goes through the library and the simulated shop like the app's.
let harness: Harness;
let shopify: typeof ShopifyServer;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
  shopify = await import("../../app/shopify.server");
});
afterAll(() => harness?.close());

async function adminGraphql(query: string) {
  const { admin } = await shopify.unauthenticated.admin(DEMO_SHOP);
  return admin.graphql(query);
}

describe("Admin API through the app's Shopify client", () => {
  it("GIVEN a valid named query THEN data comes back with Shopify's cost extension", async () => {
    const response = await adminGraphql("#graphql\n query ShopName { shop { name } }");
    const body = await response.json();
    expect(body.data.shop.name).toBe("Harbor Demo Outfitters");
    expect(body.extensions?.cost).toMatchObject({
      requestedQueryCost: expect.any(Number),
      throttleStatus: { maximumAvailable: 2000, restoreRate: 100 },
    });
  });

  it("GIVEN a misspelled field THEN the call fails with the schema's validation message", async () => {
    await expect(adminGraphql("query Broken { shop { nmae } }")).rejects.toMatchObject({
      body: { errors: { graphQLErrors: [expect.objectContaining({ message: 'Cannot query field "nmae" on type "Shop". Did you mean "name"?' })] } },
    });
  });

  it("GIVEN an emptied cost bucket THEN the call fails THROTTLED, and succeeds once the bucket refills", async () => {
    harness.shop.adminApi.drainBucket(DEMO_SHOP);
    // ~460 requested points: the bucket (100 points a second) cannot refill that in the meantime.
    const costly = "query Costly { orders(first: 20) { nodes { lineItems(first: 20) { nodes { id } } } } }";
    await expect(adminGraphql(costly)).rejects.toMatchObject({
      body: { errors: { graphQLErrors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "THROTTLED" }) })] } },
    });
    harness.shop.adminApi.resetBucket(DEMO_SHOP);
    const body = await (await adminGraphql("query ShopName { shop { name } }")).json();
    expect(body.data.shop.name).toBe("Harbor Demo Outfitters");
  });

  it("GIVEN one injected 503 THEN the library's retry gets the answer", async () => {
    harness.shop.faults.failNext = 1;
    const { admin } = await shopify.unauthenticated.admin(DEMO_SHOP);
    const response = await admin.graphql("query ShopName { shop { name } }", { tries: 2 });
    expect((await response.json()).data.shop.name).toBe("Harbor Demo Outfitters");
    expect(harness.shop.faults.failNext).toBe(0);
  });

  it("GIVEN injected 5xx on every try THEN the call fails instead of hanging", async () => {
    harness.shop.faults.failNext = 3;
    harness.shop.faults.failStatus = 500;
    await expect(adminGraphql("query ShopName { shop { name } }")).rejects.toThrow();
    harness.shop.faults.failNext = 0;
  });

  it("GIVEN added latency THEN answers still arrive, after at least that delay", async () => {
    harness.shop.faults.latencyMs = 150;
    const started = performance.now();
    const body = await (await adminGraphql("query ShopName { shop { name } }")).json();
    harness.shop.faults.latencyMs = 0;
    expect(body.data.shop.name).toBe("Harbor Demo Outfitters");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("GIVEN a search by order name and email THEN only that shop's matching order is returned", async () => {
    const body = await (
      await adminGraphql(`query FindOrder { orders(first: 2, query: "name:\\"#1017\\" email:\\"liam.oconnor@example.com\\"") { nodes { name email } } }`)
    ).json();
    expect(body.data.orders.nodes).toEqual([{ name: "#1017", email: "liam.oconnor@example.com" }]);
  });
});
