import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser";
import { installApp, startHarness, type Harness } from "../helpers/harness";

// The Help launcher carries only its button and menu; a piece's panel is fetched from the app the
// first time the shopper opens it, then works like the block.

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

describe("help launcher panels on demand", () => {
  it("GIVEN a storefront page THEN the tracking panel loads only when opened, once, and tracks an order", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const panelRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes(`${harness.shop.proxyPath}/panel`)) panelRequests.push(request.url());
    });
    await page.goto(harness.shop.storefrontUrl);
    const launcher = page.locator("harbor-help-launcher");
    await launcher.getByRole("button", { name: "Help" }).waitFor();
    expect(await launcher.locator("harbor-order-tracking").count()).toBe(0);

    await launcher.getByRole("button", { name: "Help" }).click();
    const panel = launcher.getByRole("dialog");
    await panel.getByRole("button", { name: "Track an order" }).click();
    await expect.poll(() => panel.getByRole("heading", { name: "Track an order" }).evaluate((h) => h === document.activeElement)).toBe(true);
    const tracking = panel.locator("harbor-order-tracking");
    await tracking.getByLabel("Order number").fill("1017");
    await tracking.getByLabel("Email address or phone number").fill("liam.oconnor@example.com");
    await tracking.getByRole("button", { name: "Track order" }).click();
    await tracking.getByText("#1017").first().waitFor();
    await tracking.getByRole("link", { name: /Track this shipment/ }).waitFor();

    // Back to the menu and into the same piece again: no second request, the lookup still shown.
    await panel.getByRole("button", { name: "Back" }).click();
    await panel.getByRole("button", { name: "Track an order" }).click();
    await tracking.getByRole("link", { name: /Track this shipment/ }).waitFor();
    expect(panelRequests).toHaveLength(1);
    expect(new URL(panelRequests[0]!).searchParams.get("piece")).toBe("tracking");
    expect(errors).toEqual([]);
  });

  it("GIVEN the French storefront THEN the FAQ panel comes in French", async () => {
    const page = await browser.newPage();
    await page.goto(`${harness.shop.storefrontUrl}?locale=fr`);
    const launcher = page.locator("harbor-help-launcher");
    await launcher.getByRole("button", { name: "Aide" }).click();
    await launcher.getByRole("dialog").getByRole("button", { name: "Questions fréquentes" }).click();
    await launcher.locator("harbor-faq").getByRole("searchbox").waitFor();
    expect(await launcher.locator("harbor-faq").getAttribute("data-locale")).toBe("fr");
  });
});
