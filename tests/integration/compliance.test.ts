import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import { CUSTOMER_DATA, SHOP_TABLES } from "../../app/services/compliance.server";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const OTHER_SHOP = "other-store.myshopify.com";
const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

function createTicket(shop: string, data: { customerEmail: string; customerId?: string; orderId?: string; reference: string }) {
  return harness.db.ticket.create({
    data: {
      shop, status: "open", topic: "order", category: "other", priority: "normal", subject: "Where is my parcel?",
      customerName: "Ada Lovelace", responseDueAt: new Date(), resolutionDueAt: new Date(), ...data,
      messages: { create: [{ shop, kind: "customer", author: "Ada Lovelace", body: "It has not arrived." }] },
    },
  });
}

describe("compliance webhooks", () => {
  it("GIVEN every Prisma model with a shop column THEN shop/redact clears it", () => {
    const shopScoped = Prisma.dmmf.datamodel.models
      .filter((m) => m.fields.some((f) => f.name === "shop"))
      .map((m) => lowerFirst(m.name));
    expect([...SHOP_TABLES].sort()).toEqual(shopScoped.sort());
  });

  it("GIVEN every Prisma model with customer fields THEN it is listed for customer export and erasure", () => {
    const customerFields = /^(customer(Id|Email|Name)?|email|phone|to)$/;
    const holders = Prisma.dmmf.datamodel.models
      .filter((m) => m.name !== "Session" && m.name !== "ComplianceRequest")
      .filter((m) => m.fields.some((f) => customerFields.test(f.name)))
      .map((m) => lowerFirst(m.name));
    expect(CUSTOMER_DATA.map((t) => t.name).sort()).toEqual(holders.sort());
  });

  it("GIVEN customers/data_request THEN everything held about the customer is exported and recorded by Shopify ids", async () => {
    await harness.db.returnRequest.create({
      data: {
        shop: DEMO_SHOP, reference: "R-TEST01", idempotencyKey: "k1", orderId: "gid://shopify/Order/5001", orderName: "#1001",
        customerId: "777", customerEmail: "ada@example.com", status: "requested", resolution: "refund", policyVersion: 1,
        quote: "{}", rules: "[]", respondBy: new Date(),
        items: { create: [{ lineItemId: "gid://shopify/LineItem/1", title: "Boot", quantity: 1, reason: "other", sources: "[]" }] },
      },
    });
    await harness.db.outboxMessage.create({
      data: { shop: DEMO_SHOP, to: "ada@example.com", subject: "Return received", text: "…", kind: "return_received", status: "sent" },
    });
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/data_request", {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      orders_requested: [5001, 5002],
      customer: { id: 777, email: "ada@example.com", phone: null },
      data_request: { id: 9 },
    });
    expect(delivery?.status).toBe(200);
    const request = await harness.db.complianceRequest.findFirst({ where: { shop: DEMO_SHOP, topic: "customers/data_request" } });
    expect(request).toMatchObject({ customerId: "777", orderIds: '["5001","5002"]' });
    const exported = JSON.parse(request!.export!);
    expect(exported.returnRequest.map((r: { reference: string }) => r.reference)).toEqual(["R-TEST01"]);
    expect(exported.returnRequest[0].items[0].title).toBe("Boot");
    expect(exported.outboxMessage.map((m: { subject: string }) => m.subject)).toEqual(["Return received"]);
  });

  it("GIVEN customers/redact THEN the customer's requests, messages and earlier export are erased and the redaction recorded", async () => {
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/redact", {
      shop_id: 1,
      shop_domain: DEMO_SHOP,
      customer: { id: 777, email: "ada@example.com", phone: null },
      orders_to_redact: [5001],
    });
    expect(delivery?.status).toBe(200);
    expect(await harness.db.complianceRequest.count({ where: { topic: "customers/data_request", customerId: "777" } })).toBe(0);
    expect(await harness.db.returnRequest.count({ where: { customerId: "777" } })).toBe(0);
    expect(await harness.db.returnRequestItem.count()).toBe(0);
    expect(await harness.db.outboxMessage.count({ where: { to: "ada@example.com" } })).toBe(0);
    expect(await harness.db.complianceRequest.findFirst({ where: { topic: "customers/redact" } })).toMatchObject({
      customerId: "777",
      recordsDeleted: 3,
    });
  });

  it("GIVEN a malformed compliance payload THEN the app answers 400 and writes nothing", async () => {
    const before = await harness.db.complianceRequest.count();
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/redact", { shop_domain: DEMO_SHOP });
    expect(delivery?.status).toBe(400);
    expect(await harness.db.complianceRequest.count()).toBe(before);
  });

  it.each([
    ["customers/redact", { customer: { id: 888, email: "grace@example.com" }, orders_to_redact: [] }],
    ["customers/data_request", { customer: { id: 888, email: "grace@example.com" }, orders_requested: [] }],
    ["shop/redact", {}],
  ])("GIVEN shop A's signed %s body replayed under shop B's header THEN 400 and B keeps its data", async (topic, body) => {
    await createTicket(OTHER_SHOP, { customerEmail: "grace@example.com", customerId: "888", reference: `T-REPLAY-${topic.length}` });
    const before = { tickets: await harness.db.ticket.count({ where: { shop: OTHER_SHOP } }), records: await harness.db.complianceRequest.count() };

    const [delivery] = await harness.shop.deliverWebhook(OTHER_SHOP, topic, { shop_id: 1, shop_domain: DEMO_SHOP, ...body });

    expect(delivery?.status).toBe(400);
    expect(await harness.db.ticket.count({ where: { shop: OTHER_SHOP } })).toBe(before.tickets);
    expect(await harness.db.complianceRequest.count()).toBe(before.records);
    expect(await harness.db.webhookDelivery.count({ where: { shop: OTHER_SHOP } })).toBe(0);
  });

  it("GIVEN shop/redact THEN every row of that shop is deleted and another shop's rows stay", async () => {
    await harness.db.webhookDelivery.create({ data: { id: "other-1", shop: OTHER_SHOP, topic: "ORDERS_UPDATED" } });
    await harness.db.shop.create({ data: { domain: OTHER_SHOP } });

    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "shop/redact", { shop_id: 1, shop_domain: DEMO_SHOP }, "redact-1");

    expect(delivery?.status).toBe(200);
    for (const table of SHOP_TABLES) {
      const remaining = await (harness.db[table] as unknown as { findMany(a: object): Promise<{ id: string }[]> }).findMany({
        where: { shop: DEMO_SHOP },
      });
      // Only the redaction's own delivery mark stays, so a repeat of it is recognised.
      expect(remaining.map((r) => r.id)).toEqual(table === "webhookDelivery" ? ["redact-1"] : []);
    }
    expect(await harness.db.shop.findUnique({ where: { domain: DEMO_SHOP } })).toBeNull();
    expect(await harness.db.webhookDelivery.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(await harness.db.shop.count({ where: { domain: OTHER_SHOP } })).toBe(1);
  });
});
