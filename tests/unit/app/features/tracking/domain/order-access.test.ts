import { describe, expect, it } from "vitest";
import { issueOrderAccessToken, ORDER_ACCESS_TTL_MS, verifyOrderAccessToken } from "../../../../../../app/features/tracking/domain/order-access";

const SECRET = "app-secret";
const SHOP = "harbor-demo.myshopify.com";
const ORDER_A = "gid://shopify/Order/5017";
const now = new Date("2026-11-22T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("order-access tokens", () => {
  const { token, expiresAt } = issueOrderAccessToken(SECRET, { shop: SHOP, orderId: ORDER_A }, now);

  it("GIVEN a fresh token THEN it grants its order in its shop", () => {
    expect(verifyOrderAccessToken(SECRET, token, SHOP, now)).toBe(ORDER_A);
    expect(expiresAt).toEqual(later(ORDER_ACCESS_TTL_MS));
  });

  it("GIVEN the last millisecond of its life THEN it still works, and not one millisecond later", () => {
    expect(verifyOrderAccessToken(SECRET, token, SHOP, later(ORDER_ACCESS_TTL_MS - 1))).toBe(ORDER_A);
    expect(verifyOrderAccessToken(SECRET, token, SHOP, later(ORDER_ACCESS_TTL_MS))).toBeNull();
  });

  it("GIVEN another shop THEN the token grants nothing", () => {
    expect(verifyOrderAccessToken(SECRET, token, "other.myshopify.com", now)).toBeNull();
  });

  it("GIVEN claims rewritten to order B THEN the signature no longer matches", () => {
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ shop: SHOP, orderId: "gid://shopify/Order/5013", exp: later(1e9).getTime() })).toString("base64url")}.${signature}`;
    expect(verifyOrderAccessToken(SECRET, forged, SHOP, now)).toBeNull();
  });

  it("GIVEN a token signed with another secret THEN it is refused", () => {
    const other = issueOrderAccessToken("another-secret", { shop: SHOP, orderId: ORDER_A }, now).token;
    expect(verifyOrderAccessToken(SECRET, other, SHOP, now)).toBeNull();
  });

  it.each(["", "abc", "a.b.c", "not-base64!.sig", `${"x".repeat(5000)}.y`])("GIVEN garbage %j THEN it is refused without throwing", (garbage) => {
    expect(verifyOrderAccessToken(SECRET, garbage, SHOP, now)).toBeNull();
  });
});
