import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser";
import { installApp, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
let browser: Browser;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000" } });
  await installApp(harness);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const pageErrors = new WeakMap<Page, string[]>();

async function storefront(path = ""): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${harness.shop.storefrontUrl}${path}`);
  return page;
}

/** Closes the page, failing the test if its scripts threw. */
async function done(page: Page) {
  const errors = pageErrors.get(page);
  await page.close();
  expect(errors).toEqual([]);
}

describe("order tracking block in a browser", () => {
  it("GIVEN a seeded in-transit order WHEN the shopper looks it up THEN they see its tracking number and timeline", async () => {
    const page = await storefront();
    await page.locator("harbor-order-tracking").getByLabel("Order number").fill("1017");
    await page.getByLabel("Email address or phone number").fill("liam.oconnor@example.com");
    await page.getByRole("button", { name: "Track order" }).click();

    await page.getByText("1Z7R4V420398457325").waitFor();
    const current = page.locator('[aria-current="step"]');
    expect(await current.innerText()).toContain("In transit");
    expect(await page.getByRole("link", { name: /Track this shipment/ }).getAttribute("href")).toContain("ups.com");
    expect(await page.locator("harbor-order-tracking").getByText("UPS").first().isVisible()).toBe(true);
    await done(page);
  });

  it("GIVEN a wrong email WHEN the shopper submits THEN they see the generic message, announced", async () => {
    const page = await storefront();
    await page.locator("harbor-order-tracking").getByLabel("Order number").fill("#1017");
    await page.getByLabel("Email address or phone number").fill("someone@example.com");
    await page.getByRole("button", { name: "Track order" }).click();

    const alert = page.getByRole("alert").filter({ hasText: "We couldn't find an order with those details" });
    await alert.waitFor();
    expect(await alert.isVisible()).toBe(true);
    await done(page);
  });

  it("GIVEN only a keyboard WHEN the shopper tabs through the form and presses Enter THEN the order is found", async () => {
    const page = await storefront();
    await page.locator("harbor-order-tracking").getByLabel("Order number").focus();
    await page.keyboard.type("1013");
    await page.keyboard.press("Tab");
    await page.keyboard.type("lucas.silva@example.com");
    await page.keyboard.press("Enter");
    await page.locator('[aria-current="step"]').getByText("Delivered").waitFor();
    await done(page);
  });

  it("GIVEN a link with ?order=&email= THEN the form fills and submits itself", async () => {
    const page = await storefront("?order=1018&email=olivia.brown%40example.com");
    await page.getByText("Still to ship").waitFor();
    expect(page.url()).not.toContain("olivia.brown");
    await done(page);
  });

  it("GIVEN a French shopper THEN the block speaks French", async () => {
    const page = await storefront("?locale=fr");
    expect(await page.getByRole("button", { name: "Suivre la commande" }).isVisible()).toBe(true);
    await done(page);
  });
});
