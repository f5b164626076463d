import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, installApp, signedProxyUrl, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

describe("app proxy", () => {
  it("GIVEN a shopper on the storefront WHEN the simulated shop forwards /apps/support/status THEN the app answers 200 for that shop", async () => {
    const response = await fetch(`${harness.shop.url}/apps/support/status`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, shop: DEMO_SHOP, customerSignedIn: false });
  });

  it("GIVEN a request with no signature THEN the app answers 401 with a message a person can read", async () => {
    const response = await fetch(`${harness.app.url}/proxy/status?shop=${DEMO_SHOP}&timestamp=${Math.floor(Date.now() / 1000)}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/did not come through the store/);
  });

  it("GIVEN a forged signature THEN the app answers 401", async () => {
    const url = new URL(signedProxyUrl(harness.app.url, "/status"));
    url.searchParams.set("signature", "0".repeat(64));
    expect((await fetch(url)).status).toBe(401);
  });

  it("GIVEN a signed query whose parameters were changed afterwards THEN the app answers 401", async () => {
    const url = new URL(signedProxyUrl(harness.app.url, "/status", { query: { order: "1001" } }));
    url.searchParams.set("order", "1002");
    expect((await fetch(url)).status).toBe(401);
  });

  it("GIVEN a correctly signed request older than 90 seconds THEN the app answers 401 (replay)", async () => {
    const url = signedProxyUrl(harness.app.url, "/status", { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect((await fetch(url)).status).toBe(401);
  });

  it("GIVEN a signed request for a shop that never installed the app THEN the app answers 401", async () => {
    const url = signedProxyUrl(harness.app.url, "/status", { shop: "not-installed.myshopify.com" });
    expect((await fetch(url)).status).toBe(401);
  });

  it("GIVEN a signed request for a path with nothing behind it THEN the app answers 404 in JSON", async () => {
    const response = await fetch(signedProxyUrl(harness.app.url, "/nothing-here"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found" });
  });
});
