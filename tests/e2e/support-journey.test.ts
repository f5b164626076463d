import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser";
import { DEMO_SHOP, startHarness, type Harness } from "../helpers/harness";

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

/** The link an email to the shopper carries, pointed at the simulated shop instead of the real domain. */
async function linkInLastEmail(to: string, pattern: RegExp): Promise<string> {
  let url: string | undefined;
  await expect
    .poll(async () => {
      const messages = await harness.db.outboxMessage.findMany({ where: { shop: DEMO_SHOP, to }, orderBy: { createdAt: "desc" } });
      url = messages.map((m) => m.text.match(pattern)?.[0]).find(Boolean);
      return url;
    })
    .toBeTruthy();
  return url!.replace(`https://${DEMO_SHOP}`, harness.shop.url);
}

/** A link to one of our pages on the shop's storefront, under the app proxy path it serves us at. */
const storefrontLink = (page: string) => new RegExp(`https://${DEMO_SHOP.replace(/\./g, "\\.")}${harness.shop.proxyPath}/${page}`);

async function openInAdmin(admin: Page, path: string): Promise<Frame> {
  const frame = admin.frame({ name: "app-iframe" })!;
  await frame.goto(harness.shop.embeddedAppUrl(DEMO_SHOP, path));
  return frame;
}

describe("from the help launcher to a closed ticket", () => {
  it("GIVEN a shopper who searches the FAQ and then writes THEN staff reply with a macro, the shopper answers, staff close, the CSAT lands on the ticket", async () => {
    const errors: string[] = [];
    const email = "liam.oconnor@example.com";

    // Staff open the app first: that is how a shop installs it.
    const admin = await browser.newPage();
    admin.on("pageerror", (error) => errors.push(`admin: ${error.message}`));
    await admin.goto(harness.shop.adminUrl);
    await admin.frameLocator('iframe[title="Harbor Support"]').getByText("Connected").waitFor();

    // The shopper opens the launcher and searches the FAQ, typo included.
    const shopper = await browser.newPage();
    shopper.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
    await shopper.goto(harness.shop.storefrontUrl);
    const launcher = shopper.locator("harbor-help-launcher");
    await launcher.getByRole("button", { name: "Help" }).click();
    const panel = launcher.getByRole("dialog");
    await panel.getByRole("heading", { name: "How can we help?" }).waitFor();
    await panel.getByRole("button", { name: "FAQ" }).click();
    await panel.getByLabel("Search the questions").fill("refnd");
    const refundAnswer = panel.locator("details").filter({ hasText: "When will I get my refund?" });
    await refundAnswer.waitFor();
    await refundAnswer.locator("summary").click();
    await expect.poll(() => harness.db.supportEvent.count({ where: { shop: DEMO_SHOP, type: "faq_view" } })).toBeGreaterThan(0);

    // The answer did not help: the shopper writes to the store.
    await panel.getByRole("button", { name: "Back" }).click();
    await panel.getByRole("button", { name: "Contact us" }).click();
    await panel.getByLabel("Name", { exact: true }).fill("Liam O'Connor");
    await panel.getByLabel("Email address", { exact: true }).fill(email);
    await panel.getByLabel("Topic", { exact: true }).selectOption({ label: "Order status" });
    await panel.getByLabel("Message", { exact: true }).fill("Hello, my order #1017 has not arrived yet. Where is it?");
    await panel.getByText(/We usually reply within|We're closed right now/).waitFor();
    // The form refuses what is sent within 3 s of opening it (spam); a person takes longer.
    await shopper.waitForTimeout(3_000);
    await panel.getByRole("button", { name: "Send message" }).click();
    await panel.getByText("Thanks, we got your message").waitFor();
    const reference = (await panel.getByText(/HS-[A-Z0-9]{6}/).first().innerText()).match(/HS-[A-Z0-9]{6}/)![0];
    const ticket = await harness.db.ticket.findFirstOrThrow({ where: { shop: DEMO_SHOP, reference } });
    expect(ticket).toMatchObject({ orderName: "#1017", status: "open", topic: "order_status", customerEmail: email });
    expect(ticket.priority).toBe("P1"); // "has not arrived" is an order not received
    await linkInLastEmail(email, storefrontLink("ticket\\?t=\\S+"));

    // Staff answer with the "Where is my order?" macro, rendered for this ticket's order.
    const inbox = await openInAdmin(admin, `/app/inbox/${ticket.id}`);
    await inbox.getByLabel("Insert a macro").selectOption({ label: "Where is my order?" });
    const message = inbox.getByLabel("Message", { exact: true });
    await expect.poll(() => message.inputValue()).toContain("#1017");
    await message.fill(`${await message.inputValue()}\n\nP.S. It is nearly there!`);
    await inbox.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(async () => (await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("pending");
    const macro = await harness.db.macro.findFirstOrThrow({ where: { shop: DEMO_SHOP, title: "Where is my order?" } });
    expect(macro.usageCount).toBe(1);

    // The shopper answers through the link in the reply, without an account.
    const threadUrl = await linkInLastEmail(email, storefrontLink("ticket\\?t=\\S+"));
    await shopper.goto(threadUrl);
    await shopper.getByText("P.S. It is nearly there!").waitFor();
    await shopper.getByLabel("Your message").fill("Thank you, it just arrived!");
    await shopper.getByRole("button", { name: "Send" }).click();
    await expect.poll(async () => (await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("open");

    // Staff close the ticket; the survey goes out and the shopper's answer lands on the ticket.
    await openInAdmin(admin, `/app/inbox/${ticket.id}`);
    await inbox.getByText("Thank you, it just arrived!").waitFor();
    await inbox.getByRole("button", { name: "Close ticket" }).click();
    const surveyUrl = await linkInLastEmail(email, storefrontLink("csat\\?t=[^\\s&]+&rating=5"));
    await shopper.goto(surveyUrl);
    expect(await shopper.getByRole("radio", { name: /Excellent/ }).isChecked()).toBe(true);
    await shopper.getByLabel(/Anything you would like to add/).fill("Quick and kind.");
    await shopper.getByRole("button", { name: "Send my answer" }).click();
    await expect.poll(async () => (await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).csatRating).toBe(5);
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).csatComment).toBe("Quick and kind.");

    // The dashboard counts exactly what happened: one visitor's self-service followed by a ticket.
    const faqViews = await harness.db.supportEvent.count({ where: { shop: DEMO_SHOP, type: "faq_view" } });
    const dashboard = await openInAdmin(admin, "/app");
    const card = (label: string) => dashboard.locator("h3").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::p[1]");
    expect(await card("Tickets").innerText()).toBe("1");
    expect(await card("FAQ views").innerText()).toBe(String(faqViews));
    expect(await card("Self-service deflection").innerText()).toBe("0%");
    expect(await card("CSAT").innerText()).toBe("100%");
    expect(await card("First response SLA met").innerText()).toBe("100%");

    expect(errors).toEqual([]);
  });
});
