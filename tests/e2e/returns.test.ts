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

    // The shopper comes back, on a phone, and sees it approved with what to do next.
    await shopper.setViewportSize({ width: 390, height: 844 });
    const lookUp = async () => {
      await shopper.reload();
      await block.getByLabel("Order", { exact: true }).fill("#1013");
      await block.getByLabel("Email or phone", { exact: true }).fill("lucas.silva@example.com");
      await block.getByRole("button", { name: "Find my order" }).click();
      const entry = block.locator(".hs-requests > li").filter({ hasText: reference });
      await entry.waitFor();
      return entry;
    };
    let entry = await lookUp();
    await entry.getByText("Approved", { exact: true }).waitFor();
    expect(await entry.getByRole("heading", { name: "What to do next" }).isVisible()).toBe(true);
    // The shop has no return address in its policy yet: it comes by email; the reference goes on the parcel.
    expect(await entry.getByText("We'll email you the address").isVisible()).toBe(true);
    expect(await entry.getByText("Write this reference on the parcel:").innerText()).toContain(reference);
    expect(await entry.locator(".hs-steps li").allInnerTexts()).toEqual([expect.stringMatching(/^Request sent \w+ \d+, \d{4}$/), expect.stringMatching(/^Approved \w+ \d+, \d{4}$/)]);

    // Staff attach a label (as the label step stores it): the shopper gets its link and the tracking page.
    await harness.db.returnRequest.update({
      where: { id: request.id },
      data: {
        labelUrl: "https://app.example/returns/labels/l1?sig=abc",
        trackingNumber: "7316500000421",
        trackingUrl: "https://carrier.example/track/7316500000421",
        carrierName: "Canada Post",
        events: { create: [{ shop: DEMO_SHOP, actor: "staff", type: "label_attached" }] },
      },
    });
    entry = await lookUp();
    const label = entry.getByRole("link", { name: "Download your return label" });
    expect(await label.getAttribute("href")).toBe("https://app.example/returns/labels/l1?sig=abc");
    expect(await entry.getByRole("link", { name: "7316500000421" }).getAttribute("href")).toBe("https://carrier.example/track/7316500000421");
    expect(await entry.getByText("Tracking number:").innerText()).toBe("Tracking number: Canada Post 7316500000421");
    expect(await entry.locator(".hs-steps li").count()).toBe(3);
    // Fine at 390 px: nothing wider than the screen.
    expect(await shopper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    expect(errors).toEqual([]);
  });
});
