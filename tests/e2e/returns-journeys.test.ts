import type { Browser, Frame, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { saveReturnPolicy } from "../../app/features/policies/repo.server";
import { launchBrowser } from "../helpers/browser";
import { DEMO_SHOP, startHarness, type Harness } from "../helpers/harness";
import { waitForStatus } from "../helpers/returns";

/**
 * Two returns from the shopper's first click to the money (or the replacement) in Shopify, every
 * step taken in a browser: the returns block on the storefront, the request's page in the embedded
 * admin. Only the shop's state is arranged directly (the policy, a delivered order); what the app
 * did is read back from the simulated shop and the app's own rows.
 */

let harness: Harness;
let browser: Browser;
const RAIN_SHELL = { M: "gid://shopify/ProductVariant/45002", L: "gid://shopify/ProductVariant/45003" };
/** Customers of the demo shop, each with a customer account (and so a store-credit account once credited). */
const LIAM = { id: "gid://shopify/Customer/6002", email: "liam.oconnor@example.com" };
const AVA = { id: "gid://shopify/Customer/6008", email: "ava.thompson@example.com" };
const LABEL_URL = "https://labels.example.com/returns/rs-7731.pdf";
const TRACKING = "1Z999AA10123456784";
const STEP_TIMEOUT = 15_000;

beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200" } });
  browser = await launchBrowser();
  // Staff review every request by hand and send a prepaid label; otherwise the default policy:
  // shopper pays 7.95 return shipping, store credit earns a 10 % bonus, exchanges offered.
  const { version: _version, ...policy } = structuredClone(DEFAULT_RETURN_POLICY);
  await saveReturnPolicy(
    harness.db,
    DEMO_SHOP,
    { ...policy, autoApprove: { ...policy.autoApprove, enabled: false }, returnShipping: { ...policy.returnShipping, method: "label" } },
    "test",
  );
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const store = () => harness.shop.store;
/** Amounts as the block shows them: the storefront's locale (en) and the shop's currency. */
const cad = new Intl.NumberFormat("en", { style: "currency", currency: "CAD" }).format;
const cents = (amount: number) => Math.round(amount * 100);

/** A delivered order of the customer's for one unit of `variantId`. */
function deliveredOrderOf(customer: { id: string; email: string }, variantId: string) {
  const order = store().createOrder(DEMO_SHOP, {
    email: customer.email,
    customerId: customer.id,
    lineItems: [{ variantId, quantity: 1 }],
    shippingAddress: { firstName: "Test", lastName: "Shopper", address1: "1 Water St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" },
  });
  store().markDelivered(DEMO_SHOP, store().createFulfillment(DEMO_SHOP, order.id).id);
  return order;
}

/** The customer's store credit in CAD, in cents, as the simulated shop holds it. */
function storeCreditCents(customerId: string): number {
  return store()
    .storeCreditAccounts(DEMO_SHOP, customerId)
    .filter((account) => account.currencyCode === "CAD")
    .flatMap((account) => account.transactions)
    .reduce((sum, transaction) => sum + cents(Number(transaction.amount)), 0);
}

/** Staff's browser: the simulated admin with the app in its iframe (opening it installs the app). */
async function openAdmin(errors: string[]): Promise<Frame> {
  const admin = await browser.newPage();
  admin.on("pageerror", (error) => errors.push(`admin: ${error.message}`));
  await admin.goto(harness.shop.adminUrl);
  await admin.frameLocator('iframe[title="Harbor Support"]').getByText("Connected").waitFor();
  return admin.frame({ name: "app-iframe" })!;
}

/** The shopper's browser, signed in to their customer account on the storefront. */
async function openStorefront(customerId: string, errors: string[]): Promise<Page> {
  const shopper = await browser.newPage();
  shopper.on("pageerror", (error) => errors.push(`storefront: ${error.message}`));
  await shopper.goto(`${harness.shop.url}/account/login?customer_id=${customerId.split("/").pop()}`);
  expect(await shopper.getByText("Signed in").isVisible()).toBe(true);
  return shopper;
}

/** The returns block with the order open. */
async function lookUpOrder(shopper: Page, orderName: string, email: string): Promise<Locator> {
  const block = shopper.locator("harbor-returns");
  await block.getByLabel("Order", { exact: true }).fill(orderName);
  await block.getByLabel("Email or phone", { exact: true }).fill(email);
  await block.getByRole("button", { name: "Find my order" }).click();
  await block.getByRole("heading", { name: `Order ${orderName}` }).waitFor();
  return block;
}

/** The shopper comes back on a phone and opens the order again: their request's entry. */
async function statusPage(shopper: Page, orderName: string, email: string, reference: string): Promise<Locator> {
  await shopper.setViewportSize({ width: 390, height: 844 });
  await shopper.goto(harness.shop.storefrontUrl);
  const block = await lookUpOrder(shopper, orderName, email);
  const entry = block.locator(".hs-requests > li").filter({ hasText: reference });
  await entry.waitFor();
  // Fine at 390 px: nothing wider than the screen.
  expect(await shopper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  return entry;
}

/** "What you get back" as shown: each term with its amount. */
async function moneyShown(entry: Locator): Promise<[string, string][]> {
  const money = entry.locator(".hs-money");
  const terms = await money.getByRole("term").allInnerTexts();
  const amounts = await money.getByRole("definition").allInnerTexts();
  return terms.map((term, i) => [term, amounts[i]!]);
}

/** The steps the shopper reads, without their dates. */
async function stepsShown(entry: Locator): Promise<string[]> {
  const steps = await entry.locator(".hs-steps li").allInnerTexts();
  return steps.map((step) => step.replace(/ \w+ \d+, \d{4}$/, ""));
}

/** Submits the block's return form; the reference of the stored request. */
async function sendRequest(block: Locator): Promise<string> {
  await block.getByRole("button", { name: "Send return request" }).click();
  const received = block.getByText(/We've received your return request R-[A-Z0-9]{6}/);
  await received.waitFor();
  return (await received.innerText()).match(/R-[A-Z0-9]{6}/)![0];
}

/** Waits until no step of the request is on its way to Shopify; fails on a refused one. */
async function settled(id: string) {
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const row = await harness.db.returnRequest.findUniqueOrThrow({ where: { id } });
    if (!row.pendingStep) return row;
    if (row.lastSyncError || Date.now() > deadline) throw new Error(`${row.reference}: step ${row.pendingStep} not done (${row.lastSyncError ?? "still waiting"})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Staff open the request's page in the app (again: a step sent in the background shows once done). */
async function openRequest(frame: Frame, id: string) {
  await settled(id);
  await frame.goto(harness.shop.embeddedAppUrl(DEMO_SHOP, `/app/returns/${id}`));
  await frame.getByRole("heading", { name: /^R-[A-Z0-9]{6}$/ }).waitFor();
}

/** The toast App Bridge shows after a staff action (it says when Shopify is still busy). */
const toast = (frame: Frame, text: string) => frame.getByRole("status").filter({ hasText: text }).waitFor();

async function events(requestId: string) {
  return (await harness.db.returnEvent.findMany({ where: { requestId }, orderBy: { at: "asc" } })).map((e) => e.type);
}

describe("returns journeys in a browser", () => {
  it(
    "GIVEN a customer's delivered rain shell WHEN they ask for store credit and staff approve, attach a label, receive the parcel and issue the money in the admin THEN the customer's store credit grows by exactly the credit plus the bonus, and their status page shows each",
    async () => {
      const errors: string[] = [];
      const frame = await openAdmin(errors);
      const order = deliveredOrderOf(LIAM, RAIN_SHELL.M);
      const creditBefore = storeCreditCents(LIAM.id);

      // The shopper asks for store credit in the returns block, and sees the quote first.
      const shopper = await openStorefront(LIAM.id, errors);
      const block = await lookUpOrder(shopper, order.name, LIAM.email);
      const shell = block.locator("fieldset.hs-line").filter({ hasText: "Harbor Rain Shell" });
      await shell.getByLabel("Return this item").check();
      await shell.getByLabel("Reason for the return").selectOption({ label: "Size was too small" });
      await block.getByRole("radio", { name: "Store credit +10% bonus" }).check();
      const summary = block.locator(".hs-summary");
      // 189.00 less 7.95 return shipping, and 10 % of 189.00 on top.
      await summary.getByText(cad(199.95)).waitFor();
      expect(await summary.getByRole("term").allInnerTexts()).toEqual(["Items", "Return shipping", "Store credit bonus", "Store credit for you"]);
      expect(await summary.getByRole("definition").allInnerTexts()).toEqual([cad(189), cad(-7.95), cad(18.9), cad(199.95)]);
      const reference = await sendRequest(block);

      const requested = await waitForStatus(harness, reference, "requested");
      expect(requested.resolution).toBe("store_credit");
      const quote = JSON.parse(requested.quote) as { itemsValue: number; shippingFee: number; storeCreditBonus: number; expected: number };

      // Staff approve it by hand: Shopify's return opens.
      await openRequest(frame, requested.id);
      await frame.getByRole("button", { name: "Approve return" }).click();
      const approved = await waitForStatus(harness, reference, "approved");
      expect(store().getReturn(DEMO_SHOP, approved.shopifyReturnId!)?.return.status).toBe("OPEN");

      // Staff attach the label: Shopify gets it as the return's reverse delivery.
      await openRequest(frame, requested.id);
      await frame.getByLabel("Label link").fill(LABEL_URL);
      await frame.getByLabel("Tracking number").fill(TRACKING);
      await frame.getByLabel("Carrier").fill("UPS");
      await frame.getByRole("button", { name: "Attach label" }).click();
      await toast(frame, "Label attached");
      const labelled = await settled(requested.id);
      expect(labelled.reverseDeliveryId).toMatch(/^gid:\/\/shopify\/ReverseDelivery\//);
      const delivery = store()
        .getReturn(DEMO_SHOP, approved.shopifyReturnId!)!
        .return.reverseFulfillmentOrders.flatMap((rfo) => rfo.reverseDeliveries)
        .find((d) => d.id === labelled.reverseDeliveryId);
      expect(delivery?.label?.fileUrl).toBe(LABEL_URL);
      expect(delivery?.tracking?.number).toBe(TRACKING);

      // The shopper, on a phone, gets the label's link and its tracking number while the items are awaited.
      let entry = await statusPage(shopper, order.name, LIAM.email, reference);
      await entry.getByText("Approved", { exact: true }).waitFor();
      expect(await entry.getByRole("link", { name: "Download your return label" }).getAttribute("href")).toBe(LABEL_URL);
      expect(await entry.getByText("Tracking number:").innerText()).toBe(`Tracking number: UPS ${TRACKING}`);
      expect(await stepsShown(entry)).toEqual(["Request sent", "Approved", "Return label ready"]);

      // The parcel arrives; staff record what came back: the one unit, restocked.
      await openRequest(frame, requested.id);
      await frame.getByRole("button", { name: "Parcel arrived" }).click();
      await toast(frame, "Marked as arrived");
      await waitForStatus(harness, reference, "returned");
      await openRequest(frame, requested.id);
      await frame.getByLabel("Restocked", { exact: true }).fill("1");
      await frame.getByLabel("Not restocked", { exact: true }).fill("0");
      await frame.getByLabel("Missing", { exact: true }).fill("0");
      await frame.getByRole("button", { name: "Record what came back" }).click();
      const inspected = await waitForStatus(harness, reference, "inspected");

      // Everything came back: the settlement is the quote — items + bonus − shipping, as credit and bonus.
      const proposed = JSON.parse(inspected.settlement!) as { storeCreditCents: number; bonusCents: number; refundCents: number };
      expect(proposed).toMatchObject({
        refundCents: 0,
        storeCreditCents: cents(quote.itemsValue) - cents(quote.shippingFee),
        bonusCents: cents(quote.storeCreditBonus),
      });
      expect(proposed.storeCreditCents + proposed.bonusCents).toBe(cents(quote.expected));
      expect(proposed).toMatchObject({ storeCreditCents: 18_900 - 795, bonusCents: 1_890 });

      // Staff issue the money with the proposed amounts the form shows.
      await openRequest(frame, requested.id);
      expect(await frame.getByLabel("Store credit", { exact: true }).inputValue()).toBe("181.05");
      expect(await frame.getByLabel("Store-credit bonus", { exact: true }).inputValue()).toBe("18.90");
      await frame.getByRole("button", { name: "Issue money" }).click();
      await toast(frame, "Money issued");
      await waitForStatus(harness, reference, "closed");
      const closed = await settled(requested.id);
      const settlement = JSON.parse(closed.settlement!) as { storeCreditCents: number; bonusCents: number };
      expect(settlement).toMatchObject({ storeCreditCents: proposed.storeCreditCents, bonusCents: proposed.bonusCents });

      // Shopify: the return closed, and the customer's store credit grew by exactly credit + bonus.
      expect(store().getReturn(DEMO_SHOP, approved.shopifyReturnId!)?.return.status).toBe("CLOSED");
      expect(storeCreditCents(LIAM.id) - creditBefore).toBe(settlement.storeCreditCents + settlement.bonusCents);
      // The credit went out as a store-credit refund of the order, the bonus as a separate credit; nothing to the card.
      const refunds = store()
        .getOrder(DEMO_SHOP, order.id)!
        .transactions.filter((t) => t.kind === "REFUND");
      expect(refunds.map((t) => [t.gateway, cents(Number(t.amount))])).toEqual([["shopify_store_credit", settlement.storeCreditCents]]);
      const credits = store()
        .storeCreditAccounts(DEMO_SHOP, LIAM.id)
        .flatMap((account) => account.transactions)
        .slice(-2);
      expect(credits.map((t) => [t.event, cents(Number(t.amount))])).toEqual([
        ["ORDER_REFUND", settlement.storeCreditCents],
        ["ADJUSTMENT", settlement.bonusCents],
      ]);
      expect(closed.bonusTransactionId).toBeTruthy();
      expect(await events(requested.id)).toEqual(expect.arrayContaining(["approved", "label_attached", "returned", "inspected", "store_credit_issued", "bonus_issued", "closed"]));

      // The shopper's status page: completed, the credit and the bonus apart, every step.
      entry = await statusPage(shopper, order.name, LIAM.email, reference);
      await entry.getByText("Completed", { exact: true }).waitFor();
      expect(await moneyShown(entry)).toEqual([
        ["Store credit", cad(181.05)],
        ["Store credit bonus", cad(18.9)],
      ]);
      expect(await stepsShown(entry)).toEqual([
        "Request sent",
        "Approved",
        "Return label ready",
        "Items received",
        "Store credit issued",
        "Store credit bonus issued",
        "Completed",
      ]);

      expect(errors).toEqual([]);
    },
    120_000,
  );

  it(
    "GIVEN a customer's delivered rain shell in M WHEN they ask to exchange it for L and staff approve, receive it and issue it in the admin THEN Shopify's order gets the L to ship, and their status page shows the exchange",
    async () => {
      const errors: string[] = [];
      const frame = await openAdmin(errors);
      const order = deliveredOrderOf(AVA, RAIN_SHELL.M);
      const creditBefore = storeCreditCents(AVA.id);

      // The shopper picks an exchange for size L: the block says nothing is paid back.
      const shopper = await openStorefront(AVA.id, errors);
      const block = await lookUpOrder(shopper, order.name, AVA.email);
      const shell = block.locator("fieldset.hs-line").filter({ hasText: "Harbor Rain Shell" });
      await shell.getByLabel("Return this item").check();
      await shell.getByLabel("Reason for the return").selectOption({ label: "Size was too small" });
      await block.getByRole("radio", { name: "Exchange", exact: true }).check();
      await shell.getByLabel("Exchange for").selectOption(RAIN_SHELL.L);
      const summary = block.locator(".hs-summary");
      await summary.getByText("The replacement items you chose").waitFor();
      expect(await summary.getByRole("term").last().innerText()).toBe("You get");
      const reference = await sendRequest(block);

      const requested = await waitForStatus(harness, reference, "requested");
      expect(requested).toMatchObject({ resolution: "exchange", exchangeVariantId: RAIN_SHELL.L, shopifyReturnId: null });

      // Staff approve: Shopify gets an open return carrying the exchange line for L.
      await openRequest(frame, requested.id);
      await frame.getByRole("button", { name: "Approve return" }).click();
      const approved = await waitForStatus(harness, reference, "approved");
      const shopifyReturn = store().getReturn(DEMO_SHOP, approved.shopifyReturnId!)!.return;
      expect(shopifyReturn.status).toBe("OPEN");
      expect(shopifyReturn.exchangeLineItems).toEqual([expect.objectContaining({ variantId: RAIN_SHELL.L, quantity: 1, processedQuantity: 0 })]);
      expect(await events(requested.id)).toContain("exchange_created");

      // The parcel is in: staff record it restocked, then issue — an exchange pays nothing back.
      await openRequest(frame, requested.id);
      await frame.getByLabel("Restocked", { exact: true }).fill("1");
      await frame.getByRole("button", { name: "Record what came back" }).click();
      const inspected = await waitForStatus(harness, reference, "inspected");
      expect(JSON.parse(inspected.settlement!)).toMatchObject({ resolution: "exchange", refundCents: 0, storeCreditCents: 0, bonusCents: 0 });
      await openRequest(frame, requested.id);
      await frame.getByText("Nothing is paid back for this return: confirming processes it in Shopify.").waitFor();
      await frame.getByRole("button", { name: "Issue money" }).click();
      await toast(frame, "Money issued");
      await waitForStatus(harness, reference, "closed");
      await settled(requested.id);

      // Shopify processed the exchange: a new line for L on the order, with an open fulfillment order to ship it.
      const after = store().getOrder(DEMO_SHOP, order.id)!;
      const replacement = after.lineItems.filter((line) => line.variantId === RAIN_SHELL.L);
      expect(replacement).toHaveLength(1);
      expect(replacement[0]!.quantity).toBe(1);
      expect(after.fulfillmentOrders).toEqual([
        expect.objectContaining({ status: "OPEN", lineItems: [expect.objectContaining({ lineItemId: replacement[0]!.id, totalQuantity: 1 })] }),
      ]);
      const processed = store().getReturn(DEMO_SHOP, approved.shopifyReturnId!)!.return;
      expect(processed.exchangeLineItems[0]).toMatchObject({ processedQuantity: 1, lineItemIds: [replacement[0]!.id] });
      expect(processed.returnLineItems[0]!.processedQuantity).toBe(1);
      // No money moved.
      expect(Number(after.totalRefunded)).toBe(0);
      expect(storeCreditCents(AVA.id)).toBe(creditBefore);

      // The shopper's status page: completed, the replacement named, no money.
      const entry = await statusPage(shopper, order.name, AVA.email, reference);
      await entry.getByText("Completed", { exact: true }).waitFor();
      expect(await entry.getByText("Your replacement:").innerText()).toBe("Your replacement: L");
      expect(await entry.locator(".hs-money").count()).toBe(0);
      expect(await stepsShown(entry)).toEqual(["Request sent", "Approved", "Exchange confirmed", "Items received", "Completed"]);

      expect(errors).toEqual([]);
    },
    120_000,
  );
});
