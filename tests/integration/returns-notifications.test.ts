import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import type * as DecideService from "../../app/features/returns/decide.server";
import type * as ShopifyServer from "../../app/shopify.server";
import { saveReturnPolicy } from "../../app/features/policies/repo.server";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { BEANIE, deliveredOrder, PNG, returnsLookup, submitReturn, waitForStatus } from "../helpers/returns";
import { startSmtpServer } from "../helpers/smtp";

let harness: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let shopify: typeof ShopifyServer;
let returns: typeof DecideService;
beforeAll(async () => {
  smtp = await startSmtpServer();
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200", SMTP_URL: smtp.url } });
  await installApp(harness);
  // The app's own services, in this process, on the same database and simulated shop.
  shopify = await import("../../app/shopify.server");
  returns = await import("../../app/features/returns/decide.server");
});
afterAll(async () => {
  await harness?.close();
  await smtp?.stop();
});

async function damagedReturn() {
  const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 1 }]);
  const { body } = await returnsLookup(harness, { order: order.name, email: order.email });
  const response = await submitReturn(harness, {
    token: body.token,
    items: [{ lineItemId: order.lineItemIds[0]!, quantity: 1, reason: "damaged" }],
    photos: { [order.lineItemIds[0]!]: [PNG] },
  });
  const { request } = await response.json();
  return { order, row: await waitForStatus(harness, request.reference, "requested") };
}

async function context() {
  const { admin } = await shopify.unauthenticated.admin(DEMO_SHOP);
  return { shop: DEMO_SHOP, graphql: admin.graphql, db: harness.db };
}

describe("return notifications", () => {
  it("GIVEN a stored request THEN the shopper receives an email with its reference over SMTP", async () => {
    const { order, row } = await damagedReturn();
    const mail = smtp.received.find((m) => m.to.includes(order.email));
    expect(mail?.subject).toBe(`We received your return request ${row.reference}`);
    expect(await harness.db.outboxMessage.findFirst({ where: { relatedId: row.id } })).toMatchObject({ status: "sent", kind: "return_received" });
  });

  it("GIVEN staff decline with a note THEN Shopify's return is declined and the shopper gets the staff's message", async () => {
    const { order, row } = await damagedReturn();
    const result = await returns.decide(await context(), row.id, "Sam (support)", {
      kind: "decline",
      reason: "OTHER",
      note: "The photo shows wear, not a defect.",
      message: "Hi, we looked at your photo: this is normal wear, so we can't accept the return.",
    });
    expect(result).toEqual({ ok: true });
    expect(harness.shop.store.getReturn(DEMO_SHOP, row.shopifyReturnId!)?.return.status).toBe("DECLINED");
    const mail = smtp.received.filter((m) => m.to.includes(order.email)).at(-1);
    expect(mail?.subject).toBe(`About your return request ${row.reference}`);
    expect(mail?.raw).toContain("normal wear");
    expect(await harness.db.returnRequest.findUnique({ where: { id: row.id } })).toMatchObject({
      status: "declined",
      decidedBy: "Sam (support)",
      declineReason: "OTHER",
    });
  });

  it("GIVEN the merchant turned the app's emails off THEN the shopper gets none from us", async () => {
    await saveReturnPolicy(harness.db, DEMO_SHOP, { ...DEFAULT_RETURN_POLICY, notifications: { shopifyEmails: true, appEmails: false } }, "test");
    const before = smtp.received.length;
    const { row } = await damagedReturn();
    expect(smtp.received.length).toBe(before);
    expect(await harness.db.outboxMessage.count({ where: { relatedId: row.id } })).toBe(0);
  });
});
