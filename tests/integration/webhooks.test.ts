import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookHmac } from "../../simulator/signing";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { postWebhook as postHelper } from "../helpers/webhooks";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const postWebhook = (body: string, hmac: string, id: string, headers: Record<string, string> = {}) =>
  postHelper(harness.app.url, body, { id, hmac, headers });

/** A body signed with the app's real secret, so only what follows the signature check is tried. */
const postSigned = (body: string, id: string, headers: Record<string, string> = {}) =>
  postHelper(harness.app.url, body, { id, headers });

async function expectRefused(response: Response, status: number, error: RegExp, id: string) {
  expect(response.status).toBe(status);
  expect(((await response.json()) as { error: string }).error).toMatch(error);
  expect(await harness.db.webhookDelivery.count({ where: { id } })).toBe(0);
}

describe("webhooks", () => {
  it("GIVEN a signed delivery THEN it is processed and recorded once", async () => {
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "orders/updated", { id: 1001 }, "wh-once");
    expect(delivery?.status).toBe(200);
    expect(await harness.db.webhookDelivery.findUnique({ where: { id: "wh-once" } })).toMatchObject({
      shop: DEMO_SHOP,
      topic: "ORDERS_UPDATED",
    });
  });

  it("GIVEN the same webhook id delivered twice THEN the second delivery changes nothing", async () => {
    await harness.shop.deliverWebhook(DEMO_SHOP, "app/scopes_update", { current: ["read_orders"] }, "wh-twice");
    const before = await harness.db.session.findUnique({ where: { id: `offline_${DEMO_SHOP}` } });
    expect(before?.scope).toBe("read_orders");
    await harness.db.session.update({ where: { id: before!.id }, data: { scope: "read_orders,read_returns" } });

    const [again] = await harness.shop.deliverWebhook(DEMO_SHOP, "app/scopes_update", { current: ["read_orders"] }, "wh-twice");

    expect(again?.status).toBe(200);
    const after = await harness.db.session.findUnique({ where: { id: before!.id } });
    expect(after?.scope).toBe("read_orders,read_returns");
    expect(await harness.db.webhookDelivery.count({ where: { id: "wh-twice" } })).toBe(1);
  });

  it("GIVEN a body signed with another secret THEN the app answers 401 and records nothing", async () => {
    const body = JSON.stringify({ id: 1 });
    const response = await postWebhook(body, webhookHmac(body, "wrong-secret"), "wh-forged");
    expect(response.status).toBe(401);
    expect(await harness.db.webhookDelivery.count({ where: { id: "wh-forged" } })).toBe(0);
  });

  it("GIVEN a signed body that is not JSON THEN the app answers 400 saying so and records nothing", async () => {
    await expectRefused(await postSigned("{not json", "wh-not-json"), 400, /not JSON/, "wh-not-json");
  });

  it("GIVEN a signed JSON body of the wrong shape THEN the app answers 400 naming the topic and records nothing", async () => {
    await expectRefused(await postSigned("[1, 2]", "wh-array"), 400, /ORDERS_UPDATED/, "wh-array");
    await expectRefused(await postSigned("null", "wh-null", { "X-Shopify-Topic": "app/uninstalled" }), 400, /APP_UNINSTALLED/, "wh-null");
    expect(await harness.db.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({ uninstalledAt: null });
  });

  it.each(["evil.example.com", "harbor-demo.shopify.com", "harbor demo.myshopify.com", "harbor-demo.myshopify.com.evil.io"])(
    "GIVEN a signed delivery whose shop header is %s THEN the app answers 400 and records nothing",
    async (domain) => {
      const id = `wh-shop-${domain.length}`;
      await expectRefused(await postSigned(JSON.stringify({ id: 1 }), id, { "X-Shopify-Shop-Domain": domain }), 400, /myshopify\.com/, id);
    },
  );

  it("GIVEN a signed delivery without its topic header THEN the app answers 400 saying what is missing", async () => {
    await expectRefused(await postSigned(JSON.stringify({ id: 1 }), "wh-no-topic", { "X-Shopify-Topic": "" }), 400, /headers/, "wh-no-topic");
  });

  it("GIVEN a body over the webhook limit THEN the app answers 413 and records nothing", async () => {
    const body = JSON.stringify({ id: 1, note: "x".repeat(5 * 1024 * 1024) });
    await expectRefused(await postSigned(body, "wh-huge"), 413, /too large/, "wh-huge");
  });

  it("GIVEN a change in the simulated shop THEN a signed webhook reaches the app", async () => {
    const order = harness.shop.store.findOrderByName(DEMO_SHOP, "#1001")!;
    harness.shop.store.cancelOrder(DEMO_SHOP, order.id, "CUSTOMER");
    await harness.shop.settled();
    const sent = harness.shop.deliveries.filter((d) => d.topic === "orders/cancelled");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe(200);
    expect(await harness.db.webhookDelivery.findUnique({ where: { id: sent[0]!.id } })).not.toBeNull();
  });

  it("GIVEN app/uninstalled THEN the shop's sessions are deleted and the shop marked uninstalled", async () => {
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "app/uninstalled", { id: 1, domain: DEMO_SHOP });
    expect(delivery?.status).toBe(200);
    expect(await harness.db.session.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    expect((await harness.db.shop.findUnique({ where: { domain: DEMO_SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
  });

  it("GIVEN a delivery after uninstall THEN it is still accepted (Shopify may send late ones)", async () => {
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "orders/updated", { id: 1002 });
    expect(delivery?.status).toBe(200);
  });
});
