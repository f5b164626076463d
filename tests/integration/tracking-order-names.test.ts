import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../../simulator/store";
import { installApp, startHarness, type Harness } from "../helpers/harness";
import { lookupOrder } from "../helpers/tracking";

/**
 * Order lookups against a shop whose search is as loose as Shopify's (`#7-A` also finds `#77-A`)
 * and slow to index new orders, with order names in several formats: the shopper's exact order is
 * found whatever the format, and a near match is never shown.
 */
const RENAMED: Record<string, string> = { "#1013": "#7-A", "#1017": "#77-A", "#1018": "HB-2001-EU" };

let harness: Harness;
beforeAll(async () => {
  const fixture = readFixture();
  fixture.orders = fixture.orders?.map((order) => ({ ...order, name: RENAMED[order.name] ?? order.name }));
  harness = await startHarness({ fixtures: [fixture], shopOptions: { searchLagMs: 60_000 }, env: { TRACKING_LOOKUP_LIMIT: "100" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

async function found(order: string, email: string): Promise<string | null> {
  const response = await lookupOrder(harness, { order, email });
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return ((await response.json()) as { order: { orderName: string } }).order.orderName;
}

describe("order lookup by name, as Shopify searches", () => {
  it("GIVEN #7-A and a newer #77-A WHEN the shopper of #7-A looks it up THEN #7-A is found, not the near match Shopify's search puts first", async () => {
    expect(await found("#7-A", "lucas.silva@example.com")).toBe("#7-A");
    expect(await found("7-a", "lucas.silva@example.com")).toBe("#7-A");
  });

  it("GIVEN #77-A exists WHEN somebody types #7 or #7-A with its email THEN nothing is shown", async () => {
    expect(await found("#7", "liam.oconnor@example.com")).toBeNull();
    expect(await found("#7-A", "liam.oconnor@example.com")).toBeNull();
    expect(await found("#77-A", "liam.oconnor@example.com")).toBe("#77-A");
  });

  it("GIVEN a shop with an order-number prefix and suffix THEN the name or the bare number finds the order, a part of the number does not", async () => {
    for (const typed of ["HB-2001-EU", "#HB-2001-EU", "2001", "#2001"]) expect(await found(typed, "olivia.brown@example.com")).toBe("HB-2001-EU");
    expect(await found("200", "olivia.brown@example.com")).toBeNull();
  });

  it("GIVEN an order placed a moment ago that Shopify's search does not list yet THEN the shopper finds it", async () => {
    const store = harness.shop.store;
    const shop = store.shops()[0]!.domain;
    const order = store.createOrder(shop, { email: "fresh@example.com", lineItems: [{ variantId: "gid://shopify/ProductVariant/45011", quantity: 1 }], shippingAddress: null });
    expect(await found(order.name, "fresh@example.com")).toBe(order.name);
  });
});
