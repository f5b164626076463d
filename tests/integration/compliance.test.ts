import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import { CUSTOMER_DATA } from "../../app/features/compliance/compliance.server";
import { requestShopErasure, runRedactBatch, SHOP_TABLES } from "../../app/features/compliance/shop-erasure.server";
import { seedShop } from "../helpers/scale-seed";
import { sqlitePath } from "../../app/sqlite-adapter.server";
import { testProvider } from "../helpers/postgres";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const OTHER_SHOP = "other-store.myshopify.com";
const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

function createReturn(shop: string, data: { reference: string; orderId: string; customerId?: string; customerEmail?: string }) {
  return harness.db.returnRequest.create({
    data: {
      shop, idempotencyKey: data.reference, orderName: "#1001", status: "requested", resolution: "refund", policyVersion: 1,
      quote: "{}", rules: "[]", respondBy: new Date(), ...data,
    },
  });
}

function createMessage(shop: string, to: string, kind: string, relatedId: string | null) {
  return harness.db.outboxMessage.create({
    data: { shop, to, kind, relatedId, subject: "We received your message", text: "Follow your thread: https://…/ticket?t=…", status: "sent" },
  });
}

function createTicket(shop: string, data: { customerEmail: string; customerId?: string; orderId?: string; reference: string }) {
  return harness.db.ticket.create({
    data: {
      shop, status: "open", topic: "order", category: "other", priority: "normal", subject: "Where is my parcel?",
      customerName: "Ada Lovelace", responseDueAt: new Date(), resolutionDueAt: new Date(), dueAt: new Date(), ...data,
      messages: { create: [{ shop, kind: "customer", author: "Ada Lovelace", body: "It has not arrived." }] },
    },
  });
}

describe("compliance webhooks", () => {
  it("GIVEN every Prisma model with a shop column THEN shop/redact clears it", () => {
    const shopScoped = Prisma.dmmf.datamodel.models
      // The erasure's own record stays as proof that it was carried out (it holds the domain only).
      .filter((m) => m.name !== "ShopErasure")
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

  it("GIVEN messages about the customer's ticket and return sent to another address they gave THEN customers/redact removes them too", async () => {
    const ticket = await createTicket(DEMO_SHOP, { customerEmail: "lin.work@example.net", customerId: "901", reference: "T-SECOND" });
    const ret = await createReturn(DEMO_SHOP, { reference: "R-SECOND", customerId: "901", customerEmail: "lin.work@example.net", orderId: "gid://shopify/Order/5901" });
    await createMessage(DEMO_SHOP, "lin.work@example.net", "ticket_received", ticket.id);
    await createMessage(DEMO_SHOP, "lin.work@example.net", "return_received", ret.id);
    await createMessage(DEMO_SHOP, "someone.else@example.com", "ticket_received", "another-ticket");

    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/redact", {
      shop_id: 1, shop_domain: DEMO_SHOP, customer: { id: 901, email: "lin@example.com", phone: null }, orders_to_redact: [],
    });

    expect(delivery?.status).toBe(200);
    expect(await harness.db.outboxMessage.count({ where: { to: "lin.work@example.net" } })).toBe(0);
    expect(await harness.db.ticket.count({ where: { reference: "T-SECOND" } })).toBe(0);
    expect(await harness.db.returnRequest.count({ where: { reference: "R-SECOND" } })).toBe(0);
    expect(await harness.db.outboxMessage.count({ where: { to: "someone.else@example.com" } })).toBe(1);
  });

  it("GIVEN a guest customer (no customer id) THEN customers/redact finds their rows and earlier export by email and orders", async () => {
    await createTicket(DEMO_SHOP, { customerEmail: "guest@example.com", reference: "T-GUEST" });
    // A return made by order lookup, stored without the guest's email.
    await createReturn(DEMO_SHOP, { reference: "R-GUEST", orderId: "gid://shopify/Order/6001" });
    await createMessage(DEMO_SHOP, "guest@example.com", "ticket_received", null);
    await harness.shop.deliverWebhook(DEMO_SHOP, "customers/data_request", {
      shop_id: 1, shop_domain: DEMO_SHOP, customer: { email: "guest@example.com", phone: null }, orders_requested: [6001], data_request: { id: 31 },
    });
    const held = await harness.db.complianceRequest.findFirstOrThrow({ where: { dataRequestId: "31" } });
    expect(held.customerId).toBeNull();
    expect(JSON.parse(held.export!).ticket.map((t: { reference: string }) => t.reference)).toEqual(["T-GUEST"]);
    // Only a keyed hash of the email is kept beside the export.
    expect(JSON.stringify({ ...held, export: null })).not.toContain("guest@example.com");

    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/redact", {
      shop_id: 1, shop_domain: DEMO_SHOP, customer: { email: "Guest@Example.com", phone: null }, orders_to_redact: [6001],
    });

    expect(delivery?.status).toBe(200);
    expect(await harness.db.ticket.count({ where: { reference: "T-GUEST" } })).toBe(0);
    expect(await harness.db.returnRequest.count({ where: { reference: "R-GUEST" } })).toBe(0);
    expect(await harness.db.outboxMessage.count({ where: { to: "guest@example.com" } })).toBe(0);
    expect(await harness.db.complianceRequest.count({ where: { id: held.id } })).toBe(0);
  });

  it.runIf(testProvider() === "sqlite")("GIVEN customers/redact on SQLite THEN the erased text is in neither the database file nor its write-ahead log", async () => {
    const secret = "zoe.erasable@example.org";
    const ticket = await createTicket(DEMO_SHOP, { customerEmail: secret, customerId: "4242", reference: "T-ZOE" });
    await harness.db.ticketMessage.create({ data: { shop: DEMO_SHOP, ticketId: ticket.id, kind: "customer", author: "Zoe", body: `My new address is 12 Erasable Lane, ${secret}` } });
    await createMessage(DEMO_SHOP, secret, "ticket_received", ticket.id);
    const files = () => [sqlitePath(harness.database.url), `${sqlitePath(harness.database.url)}-wal`].filter(existsSync);
    expect(files().some((f) => readFileSync(f).includes(secret))).toBe(true);

    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/redact", {
      shop_id: 1, shop_domain: DEMO_SHOP, customer: { id: 4242, email: secret, phone: null }, orders_to_redact: [],
    });

    expect(delivery?.status).toBe(200);
    for (const file of files()) {
      expect(readFileSync(file).includes(secret), file).toBe(false);
      expect(readFileSync(file).includes("Erasable Lane"), file).toBe(false);
    }
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

    // Acknowledged at once; the app's maintenance loop erases in the background.
    expect(delivery?.status).toBe(200);
    const erasure = await erasureFinished(DEMO_SHOP);
    expect(erasure.deleted).toBeGreaterThan(0);
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

async function erasureFinished(shop: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const erasure = await harness.db.shopErasure.findUnique({ where: { shop } });
    if (erasure?.finishedAt) return erasure;
    if (Date.now() > deadline) throw new Error(`the erasure of ${shop} did not finish: ${JSON.stringify(erasure)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function rowsOf(shop: string): Promise<number> {
  let total = 0;
  for (const table of SHOP_TABLES) total += await (harness.db[table] as unknown as { count(a: object): Promise<number> }).count({ where: { shop } });
  return total;
}

describe("shop/redact of a large shop", () => {
  const BIG = "big-store.myshopify.com";

  it("GIVEN an erasure interrupted midway (its process stopped holding the lease) THEN another process carries on once the lease lapses and nothing of the shop is left", async () => {
    await seedShop(harness.db, BIG, { tickets: 2_000, returns: 400, events: 3_000, messages: true }, new Date(), 7);
    const otherRows = await rowsOf(OTHER_SHOP);
    const seeded = await rowsOf(BIG);
    expect(seeded).toBeGreaterThan(7_000);

    // The process that took the delivery erases five batches, then stops with the lease still held.
    await harness.db.$transaction((tx) => requestShopErasure(tx, BIG, { shop_id: 2, shop_domain: BIG }));
    await harness.db.shopErasure.update({ where: { shop: BIG }, data: { leaseUntil: new Date(Date.now() + 3_000) } });
    for (let i = 0; i < 5; i++) expect(await runRedactBatch(harness.db, BIG, 200)).toEqual({ deleted: 200, finished: false });
    expect(await rowsOf(BIG)).toBe(seeded - 1_000);

    // The app's maintenance loop (another process) waits for the lease, then finishes the job.
    const erasure = await erasureFinished(BIG);
    expect(await rowsOf(BIG)).toBe(0);
    expect(erasure.deleted).toBe(seeded);
    expect(erasure.batches).toBeGreaterThan(5);
    expect(await rowsOf(OTHER_SHOP)).toBe(otherRows);
    // Finished is final: another batch finds nothing to do.
    expect(await runRedactBatch(harness.db, BIG)).toEqual({ deleted: 0, finished: true });
  });
});

describe("data request exports in the admin", () => {
  const DATA_ROUTE = "routes/app.data-requests";
  const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });
  type Listed = { requests: { id: string; customerId: string | null; dataRequestId: string | null }[] };
  type Outcome = { file?: { filename: string; mimeType: string; content: string }; deleted?: true; error?: string };

  async function listed(): Promise<Listed["requests"]> {
    const response = await browserFetch(`${harness.app.url}/app/data-requests.data?_route=${DATA_ROUTE}`, { headers: bearer() });
    const body = (await decodeBody(response)) as Record<string, { data: Listed }>;
    return body[DATA_ROUTE]!.data.requests;
  }

  async function act(intent: "download" | "delete", id: string): Promise<{ status: number; data: Outcome }> {
    const response = await browserFetch(`${harness.app.url}/app/data-requests.data`, {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent, id }).toString(),
    });
    return { status: response.status, data: ((await decodeBody(response)) as { data: Outcome }).data };
  }

  async function requestData(customerId: number, dataRequestId: number) {
    const [delivery] = await harness.shop.deliverWebhook(DEMO_SHOP, "customers/data_request", {
      shop_id: 1, shop_domain: DEMO_SHOP, customer: { id: customerId, email: `c${customerId}@example.com` }, orders_requested: [], data_request: { id: dataRequestId },
    });
    expect(delivery?.status).toBe(200);
    return harness.db.complianceRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, dataRequestId: String(dataRequestId) } });
  }

  it("GIVEN customers/data_request THEN staff see it pending and download its export as JSON", async () => {
    await createTicket(DEMO_SHOP, { customerEmail: "c4101@example.com", customerId: "4101", reference: "T-EXPORT" });
    const held = await requestData(4101, 51);

    expect((await listed()).find((r) => r.id === held.id)).toMatchObject({ customerId: "4101", dataRequestId: "51" });
    const { status, data } = await act("download", held.id);
    expect(status).toBe(200);
    expect(data.file!.mimeType).toBe("application/json");
    const file = JSON.parse(data.file!.content);
    expect(file).toMatchObject({ shop: DEMO_SHOP, customerId: "4101", dataRequestId: "51" });
    expect(file.data.ticket.map((t: { reference: string }) => t.reference)).toEqual(["T-EXPORT"]);
  });

  it("GIVEN a pending request THEN the Data requests page shows who asked and when the export goes", async () => {
    await requestData(4106, 56);
    const response = await browserFetch(harness.shop.embeddedAppUrl(DEMO_SHOP, "/app/data-requests"));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Customer 4106");
    expect(html).toContain("Shopify request 56");
    expect(html).toContain("Download JSON");
  });

  it("GIVEN another shop's export THEN this shop's admin neither lists, downloads nor deletes it", async () => {
    const theirs = await harness.db.complianceRequest.create({
      data: { shop: OTHER_SHOP, topic: "customers/data_request", customerId: "4102", export: JSON.stringify({ ticket: [{ subject: "theirs" }] }) },
    });

    expect((await listed()).map((r) => r.id)).not.toContain(theirs.id);
    expect((await act("download", theirs.id)).status).toBe(404);
    expect((await act("delete", theirs.id)).status).toBe(404);
    expect((await harness.db.complianceRequest.findUniqueOrThrow({ where: { id: theirs.id } })).export).not.toBeNull();
  });

  it("GIVEN staff delete an export THEN it can no longer be downloaded and only the record of the request stays", async () => {
    const held = await requestData(4103, 53);

    expect((await act("delete", held.id)).data).toEqual({ deleted: true });

    expect((await act("download", held.id)).status).toBe(404);
    expect((await listed()).map((r) => r.id)).not.toContain(held.id);
    expect(await harness.db.complianceRequest.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ export: null, customerId: "4103" });
  });

  it("GIVEN an export older than its retention THEN it is not offered and the next data request removes its content", async () => {
    const old = await harness.db.complianceRequest.create({
      data: { shop: DEMO_SHOP, topic: "customers/data_request", customerId: "4104", export: "{}", handledAt: new Date(Date.now() - 31 * 86_400_000) },
    });

    expect((await listed()).map((r) => r.id)).not.toContain(old.id);
    expect((await act("download", old.id)).status).toBe(404);
    await requestData(4105, 55);
    expect((await harness.db.complianceRequest.findUniqueOrThrow({ where: { id: old.id } })).export).toBeNull();
  });
});
