import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../app/scopes";
import { createDb } from "../../app/db-client.server";
import { claimRefresh, CLAIM_MS } from "../../app/shopify/session-storage.server";
import { ALL_PROTECTED_DATA } from "../../simulator/protected-data";
import { postAdmin } from "../helpers/hostile";
import { lookupOrder } from "../helpers/tracking";
import { browserFetch, DEMO_SHOP, DEMO_STAFF, installApp, signedProxyUrl, startHarness, type Harness } from "../helpers/harness";

/** What a real store enforces and the simulated shop now does too: scopes, token lifecycle, staff identity. */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const offlineSession = () => harness.db.session.findUniqueOrThrow({ where: { id: `offline_${DEMO_SHOP}` } });

describe("the app proxy's scope", () => {
  it("GIVEN the scopes the app asks for THEN they include write_app_proxy and the storefront reaches the app; WHEN a shop's grant lacks it THEN Shopify serves no proxy (404)", async () => {
    expect(SCOPES).toContain("write_app_proxy");
    expect((await fetch(`${harness.shop.url}/apps/support/status`)).status).toBe(200);

    harness.shop.grantScopes(SCOPES.filter((scope) => scope !== "write_app_proxy"));
    try {
      const refused = await fetch(`${harness.shop.url}/apps/support/status`);
      expect(refused.status).toBe(404);
    } finally {
      harness.shop.grantScopes([...SCOPES]);
    }
  });
});

describe("expiring offline tokens", () => {
  it("GIVEN the shop's offline token 2 minutes from expiry WHEN 12 storefront requests arrive at once THEN the token is refreshed once, every request is answered, and the new pair is stored", async () => {
    const before = await offlineSession();
    expect(before.refreshToken).toMatch(/^shprt_/);
    await harness.db.session.update({ where: { id: before.id }, data: { expires: new Date(Date.now() + 2 * 60_000) } });
    const refreshesBefore = harness.shop.tokenGrants.refresh;

    const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(signedProxyUrl(harness.app.url, "/status"))));

    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(harness.shop.tokenGrants.refresh - refreshesBefore).toBe(1);
    const after = await offlineSession();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.expires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(await harness.db.tokenRefreshClaim.count()).toBe(0);
  });

  it("GIVEN two database connections (two app processes) racing for a shop's refresh claim THEN exactly one holds it until it lapses", async () => {
    const other = createDb(harness.database.url);
    try {
      const until = new Date(Date.now() + CLAIM_MS);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => claimRefresh(i % 2 ? other : harness.db, "race.myshopify.com", until)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      // A claimant that died: its claim lapses and the next one takes it.
      expect(await claimRefresh(other, "race.myshopify.com", new Date(until.getTime() + CLAIM_MS), new Date(until.getTime() + 1))).toBe(true);
    } finally {
      await harness.db.tokenRefreshClaim.deleteMany({ where: { shop: "race.myshopify.com" } });
      await other.$disconnect();
    }
  });
});

describe("staff identity", () => {
  it("GIVEN a staff member opening the app THEN an online session names them and what they save is recorded under their name", async () => {
    await installApp(harness);
    const online = await harness.db.session.findFirstOrThrow({ where: { shop: DEMO_SHOP, isOnline: true } });
    expect(online).toMatchObject({ firstName: "Sam", lastName: "Rivera", email: "sam@harbor-demo.example", userId: 1n });

    // Saved by that staff member: the macro records their name, not "Staff #1 (shop)".
    const form = new URLSearchParams({ intent: "save", title: "Named", family: "orders", body: "Hi {{ customer.first_name }}" });
    const saved = await postAdmin(harness, "/app/macros/new.data", form.toString(), { "Content-Type": "application/x-www-form-urlencoded" });
    expect(saved.status).toBe(200);
    expect(await harness.db.macro.findFirstOrThrow({ where: { shop: DEMO_SHOP, title: "Named" } })).toMatchObject({ createdBy: DEMO_STAFF });
  });
});

describe("protected customer data", () => {
  const ORDER = { order: "#1017", email: "liam.oconnor@example.com" };
  const home = async () => (await browserFetch(harness.shop.embeddedAppUrl(DEMO_SHOP))).text();

  it("GIVEN Shopify approved all the app asks for THEN the home asks for nothing and the lookup finds the order", async () => {
    expect(await home()).not.toContain("Protected customer data (level 1)");
    const found = await lookupOrder(harness, ORDER);
    expect(found.status).toBe(200);
  });

  it("GIVEN the protected data request not approved THEN the admin home says what to request, the storefront lookup answers a friendly unavailable, and order webhooks are not sent", async () => {
    harness.shop.approveProtectedData({ approved: false, fields: [] });
    try {
      const page = await home();
      expect(page).toContain("Shopify has not approved access to customer data yet");
      expect(page).toContain("Protected customer data (level 1)");
      expect(page).toContain("Email (level 2)");
      expect(page).toContain("Phone (level 2)");

      // Orders not looked up before: the app keeps recent lookups for a short while.
      const lookup = await lookupOrder(harness, { order: "#1016", email: "ava.thompson@example.com" }, { "X-Forwarded-For": "198.51.100.7" });
      expect(lookup.status).not.toBe(500);
      expect(await lookup.json()).toMatchObject({ code: "unavailable" });

      expect(await harness.shop.deliverWebhook(DEMO_SHOP, "orders/updated", { id: 1 })).toEqual([]);
      expect((await harness.shop.deliverWebhook(DEMO_SHOP, "app/scopes_update", { current: [] })).length).toBe(1);
    } finally {
      harness.shop.approveProtectedData(ALL_PROTECTED_DATA);
    }
  });

  it("GIVEN level 1 and phone approved but not email THEN the home asks for email only and an email lookup is unavailable", async () => {
    harness.shop.approveProtectedData({ approved: true, fields: ["phone"] });
    try {
      const page = await home();
      expect(page).toContain("Email (level 2)");
      expect(page).not.toContain("Protected customer data (level 1)");
      expect(page).not.toContain("Phone (level 2)");
      const lookup = await lookupOrder(harness, { order: "#1012", email: "grace.kim@example.com" }, { "X-Forwarded-For": "198.51.100.8" });
      expect(await lookup.json()).toMatchObject({ code: "unavailable" });
    } finally {
      harness.shop.approveProtectedData(ALL_PROTECTED_DATA);
    }
  });
});
