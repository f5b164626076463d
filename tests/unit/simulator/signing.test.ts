import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { appProxySignature, sessionToken, webhookHmac } from "../../../simulator/signing";

// The simulated shop must sign exactly as Shopify does: the library's own verifiers are the judge.
const apiKey = "test-key";
const apiSecretKey = "test-secret";
const api = shopifyApi({
  apiKey,
  apiSecretKey,
  apiVersion: ApiVersion.October26,
  hostName: "app.example.com",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

function proxyParams(extra: [string, string][] = []): URLSearchParams {
  const params = new URLSearchParams([
    ["order", "1001"],
    ...extra,
    ["shop", "harbor-demo.myshopify.com"],
    ["logged_in_customer_id", ""],
    ["path_prefix", "/apps/support"],
    ["timestamp", String(Math.floor(Date.now() / 1000))],
  ]);
  params.set("signature", appProxySignature(params, apiSecretKey));
  return params;
}

describe("simulated shop signatures", () => {
  it("GIVEN an app-proxy query signed by the simulator THEN the library accepts it", async () => {
    expect(await api.utils.validateHmac(Object.fromEntries(proxyParams()), { signator: "appProxy" })).toBe(true);
  });

  it("GIVEN a repeated query key THEN the values are joined as Shopify joins them", async () => {
    const params = proxyParams([["tag", "a"], ["tag", "b"]]);
    const query = Object.fromEntries(params);
    query.tag = "a,b";
    expect(await api.utils.validateHmac(query, { signator: "appProxy" })).toBe(true);
  });

  it("GIVEN a signed query changed afterwards THEN the library refuses it", async () => {
    const params = proxyParams();
    params.set("order", "1002");
    expect(await api.utils.validateHmac(Object.fromEntries(params), { signator: "appProxy" })).toBe(false);
  });

  it("GIVEN a webhook body signed by the simulator THEN the library validates it", async () => {
    const body = JSON.stringify({ id: 1 });
    const result = await api.webhooks.validate({
      rawBody: body,
      rawRequest: new Request("https://app.example.com/webhooks", {
        method: "POST",
        body,
        headers: {
          "X-Shopify-Hmac-Sha256": webhookHmac(body, apiSecretKey),
          "X-Shopify-Topic": "orders/updated",
          "X-Shopify-Shop-Domain": "harbor-demo.myshopify.com",
          "X-Shopify-API-Version": "2026-10",
          "X-Shopify-Webhook-Id": "w-1",
        },
      }),
    });
    expect(result.valid).toBe(true);
  });

  it("GIVEN a session token minted by the simulator THEN the library decodes it with its checks", async () => {
    const token = sessionToken({ shop: "harbor-demo.myshopify.com", apiKey, apiSecret: apiSecretKey });
    const payload = await api.session.decodeSessionToken(token);
    expect(payload.dest).toBe("https://harbor-demo.myshopify.com");
    expect(payload.aud).toBe(apiKey);
  });

  it("GIVEN a session token signed with another secret THEN the library refuses it", async () => {
    const token = sessionToken({ shop: "harbor-demo.myshopify.com", apiKey, apiSecret: "other" });
    await expect(api.session.decodeSessionToken(token)).rejects.toThrow();
  });
});
