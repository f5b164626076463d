import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { contactForm } from "../helpers/tickets";

/**
 * A shop whose merchant moved the app proxy to /tools/help (Shopify lets them pick the prefix and
 * subpath). Its storefront serves us only there, signs `path_prefix=/tools/help`, and follows a
 * redirect from the app itself instead of passing it to the browser, as Shopify's proxy does.
 */
const PATH = "/tools/help";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ shopOptions: { proxyPath: PATH } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const storefront = (path: string, init?: RequestInit) => fetch(`${harness.shop.url}${path}`, init);

async function contactThroughStorefront(message: string): Promise<string> {
  const response = await storefront(`${PATH}/contact`, { method: "POST", body: contactForm({ message }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

async function receiptLink(reference: string): Promise<URL> {
  const ticket = await harness.db.ticket.findFirstOrThrow({ where: { shop: DEMO_SHOP, reference } });
  const mail = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: ticket.id }, orderBy: { createdAt: "desc" } });
  const link = /https:\/\/\S+\/ticket\?\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No thread link in: ${mail.text}`);
  return new URL(link);
}

describe("the app proxy under the path the merchant chose", () => {
  it("GIVEN the blocks set to /tools/help THEN every block calls the app there and nothing names /apps/support", async () => {
    const html = await (await storefront("/")).text();
    const endpoints = [...html.matchAll(/data-endpoint="([^"]+)"/g)].map((m) => m[1]);
    expect(endpoints.length).toBeGreaterThanOrEqual(5);
    for (const endpoint of endpoints) expect(endpoint).toMatch(/^\/tools\/help(\/|$)/);
    expect(html).not.toContain("/apps/support");
    expect((await storefront(`${PATH}/status`)).status).toBe(200);
    expect((await storefront("/apps/support/status")).status).toBe(404);
  });

  it("GIVEN a contact sent through /tools/help THEN the receipt's link opens the conversation under /tools/help", async () => {
    const link = await receiptLink(await contactThroughStorefront("Where is my parcel? Sent from the moved proxy path."));
    expect(`${link.host}${link.pathname}`).toBe(`${DEMO_SHOP}${PATH}/ticket`);
    const page = await storefront(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Where is my parcel?");
  });

  it("GIVEN the shopper answers on the conversation page THEN, with the proxy following redirects itself, they see the page confirming it and move on to it by GET", async () => {
    const link = await receiptLink(await contactThroughStorefront("A second question through the moved proxy path."));
    const form = new FormData();
    form.set("message", "Here is more detail about my question.");
    const response = await storefront(`${link.pathname}${link.search}`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("your message was added");
    const token = link.searchParams.get("t")!;
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=?t=${encodeURIComponent(token)}&amp;sent=1">`);
    const ticket = await harness.db.ticket.findFirstOrThrow({ where: { shop: DEMO_SHOP, messages: { some: { body: "Here is more detail about my question." } } } });
    expect(ticket.status).toBe("open");
  });
});
