import { describe, expect, it } from "vitest";
import { ShopDomainSchema } from "../../../../app/lib/shop-domain";

describe("ShopDomainSchema", () => {
  it("GIVEN a store's myshopify.com domain THEN it is accepted", () => {
    expect(ShopDomainSchema.safeParse("harbor-demo.myshopify.com").success).toBe(true);
  });

  it.each(["evil.example.com", "harbor-demo.shopify.com", "harbor demo.myshopify.com", "harbor-demo.myshopify.com.evil.io", "-x.myshopify.com", ".myshopify.com", ""])(
    "GIVEN %j THEN it is refused",
    (domain) => {
      expect(ShopDomainSchema.safeParse(domain).success).toBe(false);
    },
  );
});
