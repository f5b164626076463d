import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser";
import { DEMO_SHOP, startHarness, type Harness } from "../helpers/harness";
import { PNG } from "../helpers/returns";

let harness: Harness;
let browser: Browser;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe("returns in a browser", () => {
  it("GIVEN a delivered order WHEN the shopper returns a damaged item with a photo and staff approve it THEN the shopper sees it approved", async () => {
    const errors: string[] = [];
    // Staff open the app first: that is how a shop installs it.
    const admin = await browser.newPage();
    admin.on("pageerror", (error) => errors.push(`admin: ${error.message}`));
    await admin.goto(harness.shop.adminUrl);
    await admin.frameLocator('iframe[title="Harbor Support"]').getByText("Connected").waitFor();

    // The shopper asks for the return on the storefront.
    const shopper = await browser.newPage();
    shopper.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
    await shopper.goto(harness.shop.storefrontUrl);
    const block = shopper.locator("harbor-returns");
    await block.getByLabel("Order", { exact: true }).fill("1013");
    await block.getByLabel("Email or phone", { exact: true }).fill("lucas.silva@example.com");
    await block.getByRole("button", { name: "Find my order" }).click();

    const shell = block.locator("fieldset.hs-line").filter({ hasText: "Harbor Rain Shell" });
    await shell.getByLabel("Return this item").check();
    await shell.getByLabel("Reason for the return").selectOption({ label: "Damaged or defective" });
    await shell.locator('input[type="file"]').setInputFiles({ name: "tear.png", mimeType: "image/png", buffer: Buffer.from(PNG) });
    await block.getByLabel("Refund to your original payment method").check();
    await block.getByRole("button", { name: "Send return request" }).click();
    const received = block.getByText(/We've received your return request R-[A-Z0-9]{6}/);
    await received.waitFor();
    const reference = (await received.innerText()).match(/R-[A-Z0-9]{6}/)![0];
    // The block sent its visitor id, so the dashboard counts the return as self-service.
    const visitor = await shopper.evaluate(() => localStorage.getItem("harbor-support:visitor"));
    expect(visitor).toMatch(/^[0-9a-f-]{36}$/);
    expect(await harness.db.supportEvent.count({ where: { shop: DEMO_SHOP, type: "return_started", visitor: visitor! } })).toBe(1);

    // Staff approve it in the embedded admin.
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { reference } });
    expect(request.status).toBe("requested");
    const frame = admin.frame({ name: "app-iframe" })!;
    await frame.goto(harness.shop.embeddedAppUrl(DEMO_SHOP, `/app/returns/${request.id}`));
    await frame.getByRole("button", { name: "Approve" }).first().click();
    await expect.poll(async () => (await harness.db.returnRequest.findUnique({ where: { id: request.id } }))?.status, { timeout: 15_000 }).toBe("approved");
    expect(harness.shop.store.getReturn(DEMO_SHOP, request.shopifyReturnId!)?.return.status).toBe("OPEN");

    // The shopper comes back and sees it approved.
    await shopper.reload();
    await block.getByLabel("Order", { exact: true }).fill("#1013");
    await block.getByLabel("Email or phone", { exact: true }).fill("lucas.silva@example.com");
    await block.getByRole("button", { name: "Find my order" }).click();
    const entry = block.locator("li").filter({ hasText: reference });
    await entry.getByText("Approved").waitFor();

    expect(errors).toEqual([]);
  });
});
