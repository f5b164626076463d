import { SCOPES } from "../../app/scopes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

function bearer(shop = DEMO_SHOP) {
  return { Authorization: `Bearer ${sessionToken({ shop, ...DEMO_CREDENTIALS })}` };
}

describe("embedded admin", () => {
  it("GIVEN a shop that never opened the app WHEN the admin page's iframe loads THEN token exchange stores an offline session and the home shows the shop connected", async () => {
    const response = await installApp(harness);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain("Harbor Demo Outfitters");
    expect(html).toContain("Connected");
    const session = await harness.db.session.findUnique({ where: { id: `offline_${DEMO_SHOP}` } });
    expect(session?.accessToken).toMatch(/^shpat_/);
    expect(session?.scope?.split(",").sort()).toEqual([...SCOPES].sort());
    expect(await harness.db.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({ uninstalledAt: null });
  });

  it("GIVEN the app page THEN its Content-Security-Policy lets the simulated admin frame it", async () => {
    const response = await installApp(harness);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`frame-ancestors ${harness.shop.url}`);
    expect(csp).toContain(`https://${DEMO_SHOP}`);
  });

  it("GIVEN a document request without a session token THEN the library bounces it through App Bridge", async () => {
    const host = Buffer.from("admin.shopify.com/store/harbor-demo").toString("base64url");
    const response = await browserFetch(`${harness.app.url}/app?embedded=1&shop=${DEMO_SHOP}&host=${host}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/session-token\?.*shopify-reload=/);
  });

  it("GIVEN the bounce page THEN it loads the App Bridge stand-in from the simulated shop", async () => {
    const response = await browserFetch(`${harness.app.url}/auth/session-token?shop=${DEMO_SHOP}&shopify-reload=${encodeURIComponent(`${harness.app.url}/app`)}`);
    expect(await response.text()).toContain(`src="${harness.shop.url}/app-bridge.js"`);
  });

  it("GIVEN a fetch carrying a valid session token THEN the app answers the loader's data", async () => {
    await installApp(harness);
    const response = await browserFetch(`${harness.app.url}/app.data?_route=routes%2Fapp._index`, { headers: bearer() });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("harbor-demo.myshopify.com");
  });

  it("GIVEN a session token signed with the wrong secret THEN the app refuses it", async () => {
    const forged = sessionToken({ shop: DEMO_SHOP, apiKey: DEMO_CREDENTIALS.apiKey, apiSecret: "not-the-secret" });
    const response = await browserFetch(`${harness.app.url}/app.data?_route=routes%2Fapp._index`, {
      headers: { Authorization: `Bearer ${forged}` },
    });
    expect(response.status).toBe(401);
  });
});
