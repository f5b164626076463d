import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser";
import { DEMO_SHOP, startHarness, type Harness } from "../helpers/harness";
import { BEANIE } from "../helpers/returns";

let harness: Harness;
let browser: Browser;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const DAY = 86_400_000;

/** An order of one beanie, delivered `daysAgo` days ago, in the simulated shop. */
function orderDelivered(daysAgo: number) {
  const store = harness.shop.store;
  const email = `shopper-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const order = store.createOrder(DEMO_SHOP, {
    email,
    lineItems: [{ variantId: BEANIE, quantity: 1 }],
    shippingAddress: { firstName: "Test", lastName: "Shopper", address1: "1 Water St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" },
  });
  const fulfillment = store.createFulfillment(DEMO_SHOP, order.id);
  store.markDelivered(DEMO_SHOP, fulfillment.id, { happenedAt: new Date(Date.now() - daysAgo * DAY) });
  return { order: order.name, email };
}

describe("one policy, every answer", () => {
  it("GIVEN staff shorten the return window in the embedded admin THEN the storefront FAQ answer and the returns eligibility follow", async () => {
    const errors: string[] = [];
    const { order, email } = orderDelivered(20);

    // Staff open the app first: that is how a shop installs it.
    const admin = await browser.newPage();
    admin.on("pageerror", (error) => errors.push(`admin: ${error.message}`));
    await admin.goto(harness.shop.adminUrl);
    const app = admin.frameLocator('iframe[title="Harbor Support"]');
    await app.getByText("Connected").waitFor();

    const shopper = await browser.newPage();
    shopper.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
    const answer = async () => {
      await shopper.goto(`${harness.shop.storefrontUrl}#faq-what-is-your-return-policy`);
      const item = shopper.locator("harbor-faq details").filter({ hasText: "What is your return policy?" }).first();
      await expect.poll(() => item.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      return item.innerText();
    };
    const lineVerdict = async () => {
      const block = shopper.locator("harbor-returns");
      await block.getByLabel("Order", { exact: true }).fill(order);
      await block.getByLabel("Email or phone", { exact: true }).fill(email);
      await block.getByRole("button", { name: "Find my order" }).click();
      const line = block.locator("fieldset.hs-line").filter({ hasText: "Beanie" }).first();
      await line.waitFor();
      return line.innerText();
    };

    // Before: 30 days from delivery, so a parcel delivered 20 days ago can go back.
    expect(await answer()).toContain("30 days");
    expect(await lineVerdict()).not.toMatch(/return window (ended|has ended)/i);

    // Staff change the window to 14 days in the embedded admin.
    await admin.frame({ name: "app-iframe" })!.goto(harness.shop.embeddedAppUrl(DEMO_SHOP, "/app/policies"));
    const days = app.getByLabel("Days to request a return");
    await days.fill("14");
    await app.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(async () => (await harness.db.policyVersion.findFirst({ where: { shop: DEMO_SHOP, kind: "returns" }, orderBy: { version: "desc" } }))?.data ?? "", { timeout: 15_000 }).toContain('"windowDays":14');

    // After: the FAQ quotes 14 days, and the same parcel is now past its window. A browser may keep
    // the FAQ for its 60 s max-age, so the next visit is a new browser context (another shopper).
    const fresh = await (await browser.newContext()).newPage();
    fresh.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
    await fresh.goto(`${harness.shop.storefrontUrl}#faq-what-is-your-return-policy`);
    const item = fresh.locator("harbor-faq details").filter({ hasText: "What is your return policy?" }).first();
    await expect.poll(async () => (await item.evaluate((d) => (d as HTMLDetailsElement).open)) && (await item.innerText()), { timeout: 10_000 }).toContain("14 days");
    expect(await item.innerText()).not.toContain("30 days");

    const block = fresh.locator("harbor-returns");
    await block.getByLabel("Order", { exact: true }).fill(order);
    await block.getByLabel("Email or phone", { exact: true }).fill(email);
    await block.getByRole("button", { name: "Find my order" }).click();
    await block.locator("fieldset.hs-line").filter({ hasText: "Beanie" }).first().getByText(/The return window (ended|has ended)/).waitFor();

    expect(errors).toEqual([]);
  });
});
