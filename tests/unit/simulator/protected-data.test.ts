import { describe, expect, it } from "vitest";
import { createAdminApi } from "../../../simulator/admin-api";
import { ALL_PROTECTED_DATA, protectedDataFromSetting, topicNeedsApproval, type ProtectedDataGrant } from "../../../simulator/protected-data";
import { createStore, DEMO_SHOP_DOMAIN, readFixture } from "../../../simulator/store";

const QUERY = `query { orders(first: 1, query: "name:#1001") { nodes { id name email phone shippingAddress { city address1 } } } }`;

async function ask(grant: ProtectedDataGrant) {
  const store = createStore();
  store.loadShop(readFixture());
  const api = createAdminApi(store);
  const answer = await api.execute(DEMO_SHOP_DOMAIN, { query: QUERY }, undefined, grant);
  return answer.body as { data: { orders: { nodes: Record<string, unknown>[] } | null } | null; errors?: { message: string; path: string[] }[] };
}

describe("simulated shop: protected customer data", () => {
  it("GIVEN everything approved THEN the order comes whole", async () => {
    const body = await ask(ALL_PROTECTED_DATA);
    expect(body.errors).toBeUndefined();
    expect(body.data!.orders!.nodes[0]).toMatchObject({ name: "#1001", email: "maya.chen@example.com" });
  });

  it("GIVEN the request not approved (no level 1) THEN the Order object is refused as Shopify words it", async () => {
    const body = await ask({ approved: false, fields: [] });
    expect(body.data?.orders ?? null).toBeNull();
    expect(body.errors![0]!.message).toMatch(/^This app is not approved to access the Order object\./);
  });

  it("GIVEN level 1 without level 2 fields THEN the order comes with email, phone and street address refused, the city kept", async () => {
    const body = await ask({ approved: true, fields: [] });
    expect(body.errors!.map((e) => e.path.at(-1)).sort()).toEqual(["address1", "email", "phone"]);
    // email is non-null nowhere in the path: the refused fields read null, the rest stays.
    expect(body.data!.orders!.nodes[0]).toMatchObject({ name: "#1001", email: null, phone: null, shippingAddress: { city: expect.any(String), address1: null } });
  });

  it("GIVEN email approved but not phone THEN only phone is refused", async () => {
    const body = await ask({ approved: true, fields: ["email", "address"] });
    expect(body.errors!.map((e) => e.path.at(-1))).toEqual(["phone"]);
  });

  it("GIVEN order, fulfillment and return topics THEN they need approval; compliance and app topics do not", () => {
    expect(["orders/updated", "fulfillments/create", "fulfillment_events/create", "returns/request", "refunds/create"].every(topicNeedsApproval)).toBe(true);
    expect(["app/uninstalled", "app/scopes_update", "customers/redact", "customers/data_request", "shop/redact"].some(topicNeedsApproval)).toBe(false);
  });

  it("GIVEN the demo's setting THEN none, level1, a field list and all read as grants; an unknown field is refused", () => {
    expect(protectedDataFromSetting("none")).toEqual({ approved: false, fields: [] });
    expect(protectedDataFromSetting("level1")).toEqual({ approved: true, fields: [] });
    expect(protectedDataFromSetting("email,phone")).toEqual({ approved: true, fields: ["email", "phone"] });
    expect(protectedDataFromSetting(undefined)).toEqual(ALL_PROTECTED_DATA);
    expect(() => protectedDataFromSetting("emial")).toThrow(/unknown field/);
  });
});
