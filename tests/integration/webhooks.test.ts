import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookHmac } from "../../simulator/signing";
import { API_VERSION, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

function postWebhook(body: string, hmac: string, id: string) {
  return fetch(`${harness.app.url}/webhooks`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Topic": "orders/updated",
      "X-Shopify-Shop-Domain": DEMO_SHOP,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": id,
    },
  });
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
