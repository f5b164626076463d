import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { customDomainTransformations } from "../../../app/shop-domains";

const api = (extra: Record<string, unknown>) =>
  shopifyApi({ apiKey: "k", apiSecretKey: "s", apiVersion: ApiVersion.October26, hostName: "app.example.com", isEmbeddedApp: true, logger: { level: 0 }, ...extra });

describe("custom shop domains on shopify-api 15", () => {
  it("GIVEN the removed customShopDomains option THEN the library ignores it and refuses the domain; GIVEN domainTransformations THEN it accepts it unchanged", () => {
    expect(api({ customShopDomains: ["shops.example.io"] }).utils.sanitizeShop("store.shops.example.io")).toBeNull();
    const withTransformations = api({ domainTransformations: customDomainTransformations("shops.example.io") });
    expect(withTransformations.utils.sanitizeShop("store.shops.example.io")).toBe("store.shops.example.io");
    expect(withTransformations.utils.sanitizeShop("store.myshopify.com")).toBe("store.myshopify.com");
    expect(withTransformations.utils.sanitizeShop("store.example.com")).toBeNull();
  });

  it("GIVEN no custom domain THEN no transformation", () => {
    expect(customDomainTransformations(undefined)).toBeUndefined();
  });
});
