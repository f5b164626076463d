import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installApp, startHarness, type Harness } from "../helpers/harness";
import { startLoadBalancer } from "../helpers/load-balancer";
import { lookupFrom } from "../helpers/tracking";

/**
 * The app hosted behind a load balancer: Shopify's proxy connects to the balancer, which appends
 * Shopify's address to X-Forwarded-For before the app sees it. With TRUSTED_PROXY_HOPS=1 each
 * shopper keeps a limit of their own instead of every shopper sharing the balancer's last hop.
 */
let harness: Harness;
let balancer: Awaited<ReturnType<typeof startLoadBalancer>>;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "3", TRACKING_LOOKUP_WINDOW_SECONDS: "60", TRUSTED_PROXY_HOPS: "1" } });
  await installApp(harness);
  balancer = await startLoadBalancer(harness.app.url);
  harness.shop.setAppUrl(balancer.url);
});
afterAll(async () => {
  await balancer?.stop();
  await harness?.close();
});

const LOOKUP = { order: "#1017", email: "liam.oconnor@example.com" };

describe("shopper address behind a load balancer", () => {
  it("GIVEN one shopper over the limit THEN another shopper of the same shop is still served", async () => {
    for (let i = 0; i < 3; i++) expect((await lookupFrom(harness, "127.0.0.12", LOOKUP)).status).toBe(200);
    expect((await lookupFrom(harness, "127.0.0.12", LOOKUP)).status).toBe(429);
    expect((await lookupFrom(harness, "127.0.0.13", LOOKUP)).status).toBe(200);
  });

  it("GIVEN a shopper who forges X-Forwarded-For THEN the address Shopify saw still decides", async () => {
    const forged = (i: number) => ({ "X-Forwarded-For": `10.0.0.${i}` });
    for (let i = 0; i < 3; i++) await lookupFrom(harness, "127.0.0.14", LOOKUP, forged(i));
    expect((await lookupFrom(harness, "127.0.0.14", LOOKUP, forged(99))).status).toBe(429);
  });
});
