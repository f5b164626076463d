import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installApp, startHarness, type Harness } from "../helpers/harness";
import { lookupFrom } from "../helpers/tracking";

let harness: Harness;
beforeAll(async () => {
  // Three lookups per two seconds, so recovery can be seen without waiting a minute.
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "3", TRACKING_LOOKUP_WINDOW_SECONDS: "2" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const LOOKUP = { order: "#1017", email: "liam.oconnor@example.com" };

describe("lookup rate limit", () => {
  it("GIVEN a shopper over the limit THEN they get 429 with Retry-After and a code the block explains, and recover after the window", async () => {
    for (let i = 0; i < 3; i++) expect((await lookupFrom(harness, "127.0.0.2", LOOKUP)).status).toBe(200);
    const limited = await lookupFrom(harness, "127.0.0.2", LOOKUP);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: "rate_limited", retryAfter: expect.any(Number) });

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await lookupFrom(harness, "127.0.0.2", LOOKUP)).status).toBe(200);
  });

  it("GIVEN one shopper limited THEN another shopper of the same shop is not", async () => {
    for (let i = 0; i < 3; i++) await lookupFrom(harness, "127.0.0.3", LOOKUP);
    expect((await lookupFrom(harness, "127.0.0.3", LOOKUP)).status).toBe(429);
    expect((await lookupFrom(harness, "127.0.0.4", LOOKUP)).status).toBe(200);
  });

  it("GIVEN failed guesses THEN they count against the limit too", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await lookupFrom(harness, "127.0.0.5", { order: "#1017", email: `guess${i}@example.com` })).status).toBe(404);
    }
    expect((await lookupFrom(harness, "127.0.0.5", LOOKUP)).status).toBe(429);
  });

  it("GIVEN a shopper who forges X-Forwarded-For THEN the address Shopify saw still decides", async () => {
    // The proxy keeps a forged header but appends the connecting address after it.
    const forged = (i: number) => ({ "X-Forwarded-For": `10.0.0.${i}` });
    for (let i = 0; i < 3; i++) await lookupFrom(harness, "127.0.0.6", LOOKUP, forged(i));
    expect((await lookupFrom(harness, "127.0.0.6", LOOKUP, forged(99))).status).toBe(429);
  });
});
