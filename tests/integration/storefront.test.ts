import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installApp, startHarness, type Harness } from "../helpers/harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ extensionsDir: fileURLToPath(new URL("../fixtures/extensions", import.meta.url)) });
  await installApp(harness);
});
afterAll(() => harness?.close());

describe("simulated storefront", () => {
  it("GIVEN the theme extension THEN the storefront page renders its blocks with their assets in the head", async () => {
    const html = await (await fetch(harness.shop.storefrontUrl)).text();
    expect(html).toContain('<div id="shopify-block-greeting-0" class="shopify-app-block">');
    expect(html).toContain("Welcome to Harbor Demo Outfitters");
    expect(html).toContain('<script src="/extensions/sample-theme/assets/greeting.js" defer></script>');
  });

  it("GIVEN a block asset URL THEN the file is served with its content type", async () => {
    const response = await fetch(`${harness.shop.url}/extensions/sample-theme/assets/greeting.js`);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await response.text()).toContain("x-greeting");
  });

  it("GIVEN a path that climbs out of the extension THEN nothing is served", async () => {
    const response = await fetch(`${harness.shop.url}/extensions/sample-theme/assets/..%2F..%2F..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });

  it("GIVEN ?locale=fr THEN the page is rendered in French", async () => {
    const html = await (await fetch(`${harness.shop.storefrontUrl}?locale=fr`)).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Bienvenue chez Harbor Demo Outfitters");
  });

  it("GIVEN a signed-in shopper THEN the proxy forwards their customer id, signed", async () => {
    const login = await fetch(`${harness.shop.url}/account/login?customer_id=1`, { redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const response = await fetch(`${harness.shop.url}/apps/support/status`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customerSignedIn: true });
  });
});
