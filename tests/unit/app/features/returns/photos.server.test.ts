import { describe, expect, it } from "vitest";
import { PHOTO_URL_TTL_SECONDS, signPhotoUrl, verifyPhotoSignature } from "../../../../../app/features/returns/photos.server";

const NOW = new Date("2026-10-14T12:00:00Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe("photo URLs", () => {
  const SECRET = "test-secret";
  const SHOP = "harbor-demo.myshopify.com";
  const signed = (overrides: { shop?: string; photoId?: string; now?: Date; secret?: string } = {}) =>
    new URL(
      signPhotoUrl(overrides.secret ?? SECRET, { shop: overrides.shop ?? SHOP, photoId: overrides.photoId ?? "photo1" }, overrides.now ?? NOW),
      "https://app.example",
    );

  it("GIVEN a fresh URL THEN it points at the photo route and verifies for its shop", () => {
    const url = signed();
    expect(url.pathname).toBe("/app/returns/photos/photo1");
    expect(verifyPhotoSignature(SECRET, "photo1", url.searchParams, NOW)).toEqual({ ok: true, shop: SHOP });
  });

  it("GIVEN the URL just before it expires THEN it still verifies", () => {
    expect(verifyPhotoSignature(SECRET, "photo1", signed().searchParams, at(PHOTO_URL_TTL_SECONDS * 1000 - 1000)).ok).toBe(true);
  });

  it("GIVEN the URL after its ten minutes THEN it is refused as expired", () => {
    expect(verifyPhotoSignature(SECRET, "photo1", signed().searchParams, at(PHOTO_URL_TTL_SECONDS * 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("GIVEN the URL with another photo id THEN it is refused", () => {
    expect(verifyPhotoSignature(SECRET, "photo2", signed().searchParams, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the shop swapped for another shop THEN it is refused", () => {
    const params = signed().searchParams;
    params.set("shop", "other-store.myshopify.com");
    expect(verifyPhotoSignature(SECRET, "photo1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the expiry pushed later THEN it is refused", () => {
    const params = signed().searchParams;
    params.set("exp", String(Number(params.get("exp")) + 3600));
    expect(verifyPhotoSignature(SECRET, "photo1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN a signature with one character changed THEN it is refused", () => {
    const params = signed().searchParams;
    const sig = params.get("sig")!;
    params.set("sig", `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`);
    expect(verifyPhotoSignature(SECRET, "photo1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN a URL signed with another secret THEN it is refused", () => {
    expect(verifyPhotoSignature(SECRET, "photo1", signed({ secret: "other" }).searchParams, NOW).ok).toBe(false);
  });

  it.each([
    ["no parameters", ""],
    ["an empty signature", "shop=harbor-demo.myshopify.com&exp=9999999999&sig="],
    ["a shop that is not a myshopify domain", "shop=evil.example&exp=9999999999&sig=" + "A".repeat(43)],
    ["a non-numeric expiry", "shop=harbor-demo.myshopify.com&exp=soon&sig=" + "A".repeat(43)],
  ])("GIVEN %s THEN it is refused without throwing", (_label, query) => {
    expect(verifyPhotoSignature(SECRET, "photo1", new URLSearchParams(query), NOW)).toEqual({ ok: false, reason: "invalid" });
  });
});
