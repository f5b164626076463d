import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SHIPPING_POLICY, type PeakSeason } from "../../app/features/policies/domain/shipping";
import { savePolicy, SHIPPING } from "../../app/features/policies/repo.server";
import { launchBrowser } from "../helpers/browser";
import { DEMO_SHOP, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
let browser: Browser;
beforeAll(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
  // Staff open the app first: that is how a shop installs it.
  const admin = await browser.newPage();
  await admin.goto(harness.shop.adminUrl);
  await admin.frameLocator('iframe[title="Harbor Support"]').getByText("Connected").waitFor();
  await admin.close();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const DAY = 86_400_000;
/** A calendar day `offset` days from today, as the policy stores it. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
// Markup in the message must reach the shopper as text.
const MESSAGE = "Holiday orders <b>ship</b> fast & free";
const CUTOFF = { label: "Standard shipping", date: day(20) };

/** The shipping policy with its peak season from yesterday to 30 days from now. */
function saveSeason(enabled: boolean) {
  const peakSeason: PeakSeason = { enabled, startsOn: day(-1), endsOn: day(30), message: MESSAGE, cutoffs: [CUTOFF] };
  return savePolicy(harness.db, DEMO_SHOP, SHIPPING, { ...DEFAULT_SHIPPING_POLICY, peakSeason }, "staff@example.com");
}

/** How the block writes a cut-off day: the calendar day itself, in the page's language. */
const orderBy = (locale: string) => new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(CUTOFF.date));

/** A fresh shopper (own browser context, so no cached policy) on the help page; resolves once the FAQ block's policy request has answered. */
async function shopperOnHelpPage(errors: string[], query = ""): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
  const policy = page.waitForResponse((r) => new URL(r.url()).pathname === `${harness.shop.proxyPath}/policy`);
  await page.goto(harness.shop.storefrontUrl + query);
  await policy;
  return page;
}

/** Opens the help launcher's panel and waits for the policy request its first opening makes. */
async function openLauncher(page: Page) {
  const launcher = page.locator("harbor-help-launcher");
  const policy = page.waitForResponse((r) => new URL(r.url()).pathname === `${harness.shop.proxyPath}/policy`);
  await launcher.getByRole("button", { name: "Help" }).click();
  await policy;
  return launcher.getByRole("dialog");
}

/** Lets the scripts finish with a response they already have. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));

describe("peak-season banner on the storefront", () => {
  it("GIVEN peak season on THEN the FAQ block and the launcher panel show the message and the order-by date, and once it is off neither shows a banner", async () => {
    const errors: string[] = [];
    await saveSeason(true);
    const shopper = await shopperOnHelpPage(errors);
    const faq = shopper.locator("harbor-faq");
    const banner = faq.getByRole("note");
    await banner.waitFor();
    expect(await banner.locator("p").innerText()).toBe(MESSAGE);
    expect(await banner.locator("b").count()).toBe(0);
    expect(await banner.getByRole("listitem").allInnerTexts()).toEqual([`Standard shipping: order by ${orderBy("en")}`]);
    expect(orderBy("en")).toMatch(/^[A-Z][a-z]+ \d{1,2}$/);
    // Above the questions.
    const firstQuestion = faq.locator("details").first();
    await firstQuestion.waitFor();
    expect((await banner.boundingBox())!.y).toBeLessThan((await firstQuestion.boundingBox())!.y);

    const panel = await openLauncher(shopper);
    const panelBanner = panel.getByRole("note");
    await panelBanner.waitFor();
    expect(await panelBanner.locator("p").innerText()).toBe(MESSAGE);
    expect(await panelBanner.getByRole("listitem").allInnerTexts()).toEqual([`Standard shipping: order by ${orderBy("en")}`]);
    // At the top of the menu view, gone with the menu when a piece opens.
    expect((await panelBanner.boundingBox())!.y).toBeLessThan((await panel.getByRole("button", { name: "FAQ" }).boundingBox())!.y);
    await panel.getByRole("button", { name: "FAQ" }).click();
    await panel.getByRole("button", { name: "Back" }).waitFor();
    expect(await panelBanner.isHidden()).toBe(true);

    // In French, the block's own language formats the day.
    const french = await shopperOnHelpPage(errors, "?locale=fr");
    await french.locator("harbor-faq").getByRole("note").getByRole("listitem").getByText(`Standard shipping : commandez au plus tard le ${orderBy("fr")}`).waitFor();

    await saveSeason(false);
    const later = await shopperOnHelpPage(errors);
    await settle(later);
    const laterFaq = later.locator("harbor-faq");
    expect(await laterFaq.locator(".hs-peak").count()).toBe(1);
    expect(await laterFaq.getByRole("note").isHidden()).toBe(true);
    const laterPanel = await openLauncher(later);
    await settle(later);
    await laterPanel.getByRole("button", { name: "FAQ" }).waitFor();
    expect(await laterPanel.getByRole("note").isHidden()).toBe(true);
    expect(await later.getByText(MESSAGE).count()).toBe(0);

    expect(errors).toEqual([]);
  });

  it("GIVEN peak season on but the policy request fails THEN the FAQ still loads and no banner shows", async () => {
    const errors: string[] = [];
    await saveSeason(true);
    const context = await browser.newContext();
    await context.route(`**${harness.shop.proxyPath}/policy*`, (route) => route.fulfill({ status: 503, contentType: "application/json", body: '{"error":"unavailable"}' }));
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
    await page.goto(harness.shop.storefrontUrl);
    const faq = page.locator("harbor-faq");
    await faq.locator("details").first().waitFor();
    await settle(page);
    expect(await faq.getByRole("note").isHidden()).toBe(true);
    const panel = await openLauncher(page);
    await settle(page);
    expect(await panel.getByRole("note").isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });
});
