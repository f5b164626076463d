import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_VERSION } from "../../../app/api-version";
import { SCOPES } from "../../../app/scopes";

// The webhook handlers read the app's environment when loaded; any valid values do here.
let HANDLED_TOPICS: string[];
beforeAll(async () => {
  vi.stubEnv("SHOPIFY_API_KEY", "key");
  vi.stubEnv("SHOPIFY_API_SECRET", "secret");
  vi.stubEnv("SHOPIFY_APP_URL", "https://app.example.com");
  ({ HANDLED_TOPICS } = await import("../../../app/features/webhooks/webhooks.server"));
});

type Toml = {
  access_scopes: { scopes: string };
  app_proxy: { url: string; prefix: string; subpath: string };
  webhooks: { api_version: string; subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[] };
};

const toml = parse(readFileSync(new URL("../../../shopify.app.toml", import.meta.url), "utf8")) as unknown as Toml;
const subscribed = toml.webhooks.subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]);

describe("shopify.app.toml", () => {
  it("GIVEN the app's API version constant THEN the toml's webhook api_version is the same", () => {
    expect(toml.webhooks.api_version).toBe(API_VERSION);
  });

  it("GIVEN app/scopes.ts THEN the toml asks for exactly those scopes", () => {
    expect(toml.access_scopes.scopes.split(",").sort()).toEqual([...SCOPES].sort());
  });

  it("GIVEN the storefront blocks call /apps/support THEN the app proxy maps it to /proxy", () => {
    expect(toml.app_proxy).toEqual({ url: "/proxy", prefix: "apps", subpath: "support" });
  });

  it("GIVEN Shopify's mandatory privacy webhooks THEN all three are declared as compliance topics", () => {
    const compliance = toml.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
  });

  it("GIVEN every subscribed topic THEN the webhook route has a handler for it, and none is left unsubscribed", () => {
    const libraryNames = subscribed.map((t) => t.toUpperCase().replace(/\//g, "_"));
    expect(libraryNames.sort()).toEqual([...HANDLED_TOPICS].sort());
  });

  it("GIVEN the order, fulfillment and return features THEN their topics are subscribed", () => {
    for (const topic of ["orders/updated", "fulfillments/update", "fulfillment_events/create", "returns/request", "returns/approve", "returns/decline"]) {
      expect(subscribed).toContain(topic);
    }
  });
});
