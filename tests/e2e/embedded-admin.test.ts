import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser";
import { DEMO_SHOP, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
let browser: Browser;
beforeAll(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe("embedded admin in a browser", () => {
  it("GIVEN the simulated admin page WHEN a merchant opens it THEN the app's home shows inside the iframe with the shop connected", async () => {
    const page = await browser.newPage();
    const appErrors: string[] = [];
    page.on("pageerror", (error) => appErrors.push(error.message));

    await page.goto(harness.shop.adminUrl);
    const app = page.frameLocator('iframe[title="Harbor Support"]');

    await app.getByText("Connected").waitFor();
    expect(await app.getByRole("heading", { name: "Harbor Support" }).isVisible()).toBe(true);
    expect(await app.getByText("Harbor Demo Outfitters").first().isVisible()).toBe(true);
    expect(await app.getByText(`${DEMO_SHOP} · America/Toronto · CAD`).isVisible()).toBe(true);
    expect(appErrors).toEqual([]);
    await page.close();
  });

  it("GIVEN the app inside the iframe WHEN it fetches its own data THEN App Bridge's stand-in adds a session token the app accepts", async () => {
    const page = await browser.newPage();
    await page.goto(harness.shop.adminUrl);
    await page.frameLocator('iframe[title="Harbor Support"]').getByText("Connected").waitFor();
    const frame = page.frame({ name: "app-iframe" })!;
    const status = await frame.evaluate(async () => (await fetch("/app.data?_route=routes%2Fapp._index")).status);
    expect(status).toBe(200);
    await page.close();
  });
});
