import { describe, expect, it } from "vitest";
import { FAQ_LOCALES, isFaqLocale, slugifyHandle } from "../../../../../../app/features/faq/domain/types";

describe("FAQ locales", () => {
  it("GIVEN the locales WHEN listing them THEN English comes first, then French, German and Spanish", () => {
    expect(FAQ_LOCALES).toEqual(["en", "fr", "de", "es"]);
  });

  it.each([
    ["fr", true],
    ["es", true],
    ["it", false],
    ["EN", false],
    ["en-US", false],
    ["", false],
  ])("GIVEN %j WHEN checking whether it is an FAQ locale THEN the answer is %s", (value, expected) => {
    expect(isFaqLocale(value)).toBe(expected);
  });
});

describe("slugifyHandle", () => {
  it.each([
    ["How long does delivery take?", "how-long-does-delivery-take"],
    ["Où est ma commande ?", "ou-est-ma-commande"],
    ["Größe & Passform", "grosse-passform"],
    ["¿Cómo hago una devolución?", "como-hago-una-devolucion"],
    ["  --Returns__&  Exchanges-- ", "returns-exchanges"],
    ["Œuvre d'art", "oeuvre-d-art"],
    ["Tracking #1042", "tracking-1042"],
  ])("GIVEN %j WHEN slugifying THEN the handle is %j", (text, handle) => {
    expect(slugifyHandle(text)).toBe(handle);
  });

  it("GIVEN text without letters or digits WHEN slugifying THEN the handle is empty", () => {
    expect(slugifyHandle("?!… 🙂")).toBe("");
  });

  it("GIVEN a very long title WHEN slugifying THEN the handle is at most 80 characters and does not end with a hyphen", () => {
    const handle = slugifyHandle("word ".repeat(40));
    expect(handle.length).toBeLessThanOrEqual(80);
    expect(handle).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("GIVEN markup WHEN slugifying THEN only letters, digits and single hyphens remain", () => {
    expect(slugifyHandle('<script>alert("x")</script>')).toBe("script-alert-x-script");
  });
});
