import { describe, expect, it } from "vitest";
import {
  csatLabel,
  formatShopperDateTime,
  formatShopperDuration,
  formatShopperFileSize,
  interpolate,
  SHOPPER_LOCALES,
  SHOPPER_MESSAGES,
  shopperLocale,
  shopperText,
  type ShopperCatalogue,
} from "../../../../../../app/features/tickets/domain/shopper-messages";
import { CSAT_LABELS } from "../../../../../../app/features/tickets/domain/tickets";

const slots = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishKeys = Object.keys(SHOPPER_MESSAGES.en).sort();

describe("the catalogue", () => {
  it("GIVEN a language without one of the keys THEN it does not compile", () => {
    const { receipt_subject: _dropped, ...incomplete } = SHOPPER_MESSAGES.fr;
    // @ts-expect-error receipt_subject is missing: tsc refuses a language that lacks a key.
    const catalogue: ShopperCatalogue = incomplete;
    expect(Object.keys(catalogue)).not.toContain("receipt_subject");
  });

  it("GIVEN the catalogue THEN it has exactly the four storefront languages", () => {
    expect(Object.keys(SHOPPER_MESSAGES).sort()).toEqual([...SHOPPER_LOCALES].sort());
    expect(SHOPPER_LOCALES).toEqual(["en", "fr", "de", "es"]);
  });

  it.each(SHOPPER_LOCALES)("GIVEN %s THEN it has every key and no other", (locale) => {
    expect(Object.keys(SHOPPER_MESSAGES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(SHOPPER_LOCALES)("GIVEN %s THEN no message is blank", (locale) => {
    expect(Object.entries(SHOPPER_MESSAGES[locale]).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it.each(SHOPPER_LOCALES.filter((l) => l !== "en"))("GIVEN %s THEN each message has the same {slots} as the English one", (locale) => {
    const mismatched = englishKeys.filter((key) => {
      const k = key as keyof ShopperCatalogue;
      return slots(SHOPPER_MESSAGES[locale][k]).join() !== slots(SHOPPER_MESSAGES.en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it.each(SHOPPER_LOCALES.filter((l) => l !== "en"))("GIVEN %s THEN it is translated, not English copied over", (locale) => {
    // Short technical words (the subject prefix, "Excellent", "Message") may be the same word.
    const copied = englishKeys.filter((key) => {
      const k = key as keyof ShopperCatalogue;
      return SHOPPER_MESSAGES[locale][k] === SHOPPER_MESSAGES.en[k] && SHOPPER_MESSAGES.en[k].length > 12;
    });
    expect(copied).toEqual(["reply_subject"]);
  });

  it.each(SHOPPER_LOCALES)("GIVEN %s THEN no message carries markup", (locale) => {
    expect(Object.values(SHOPPER_MESSAGES[locale]).filter((text) => /[<>]/.test(text))).toEqual([]);
  });
});

describe("interpolation", () => {
  it("GIVEN values for each slot THEN they are filled in, numbers included", () => {
    expect(interpolate("{rating} out of 5 for {reference}", { rating: 4, reference: "HS-ABCDEF" })).toBe("4 out of 5 for HS-ABCDEF");
  });

  it("GIVEN a value that looks like a slot THEN it is not filled in again", () => {
    expect(interpolate("Hello {shop}, ref {reference}", { shop: "{reference}", reference: "HS-1" })).toBe("Hello {reference}, ref HS-1");
  });

  it("GIVEN markup in a value THEN it is kept as it is (escaping is the page's job)", () => {
    expect(interpolate("{shop} support", { shop: "<b>&</b>" })).toBe("<b>&</b> support");
  });

  it("GIVEN a slot without a value THEN it stays visible", () => {
    expect(interpolate("Reference {reference}", {})).toBe("Reference {reference}");
  });

  it("GIVEN a slot named like an object's own property THEN it is not read from the prototype", () => {
    expect(interpolate("{constructor} {toString}", {})).toBe("{constructor} {toString}");
  });

  it("GIVEN a key and values THEN the translator fills the language's template", () => {
    expect(shopperText("de")("receipt_subject", { reference: "HS-ABCDEF" })).toBe("Wir haben Ihre Nachricht HS-ABCDEF erhalten");
    expect(shopperText("en")("author_team", { shop: "Harbor" })).toBe("Harbor support");
  });

  it("GIVEN a key that needs values THEN calling it without them does not compile", () => {
    const t = shopperText("fr");
    // @ts-expect-error {reference} is required.
    expect(t("receipt_subject")).toBe("Nous avons bien reçu votre message {reference}");
  });
});

describe("the ticket's language", () => {
  it.each([
    ["fr", "fr"],
    ["fr-CA", "fr"],
    ["de_AT", "de"],
    ["ES", "es"],
    ["  de  ", "de"],
    ["en-GB", "en"],
    ["pt-BR", "en"],
    ["frx", "en"],
    ["../../etc", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
    [42, "en"],
    [["fr"], "en"],
  ])("GIVEN %j THEN it is %j", (value, locale) => {
    expect(shopperLocale(value)).toBe(locale);
  });
});

describe("ratings", () => {
  it("GIVEN each language THEN every rating from 1 to 5 has its own word", () => {
    for (const locale of SHOPPER_LOCALES) {
      const words = [1, 2, 3, 4, 5].map((n) => csatLabel(locale, n));
      expect(new Set(words).size).toBe(5);
    }
  });

  it.each([0, 6, 2.5, Number.NaN])("GIVEN the rating %s THEN there is no word for it", (rating) => {
    expect(csatLabel("fr", rating)).toBe("");
  });

  it("GIVEN the staff's labels THEN they are the English shopper words", () => {
    expect(CSAT_LABELS).toEqual({ 1: "Very poor", 2: "Poor", 3: "Okay", 4: "Good", 5: "Excellent" });
  });
});

describe("formats", () => {
  const AT = new Date("2026-11-23T15:00:00Z");

  it("GIVEN a moment and a zone THEN each language writes the date its own way", () => {
    expect(formatShopperDateTime(AT, "en", "America/Toronto")).toMatch(/^Nov 23, 2026, 10:00\sAM$/);
    expect(formatShopperDateTime(AT, "fr", "Europe/Paris")).toMatch(/^23 nov\. 2026,? (à )?16:00$/);
    expect(formatShopperDateTime(AT, "de", "Europe/Berlin")).toBe("23.11.2026, 16:00");
  });

  it("GIVEN an unknown time zone THEN the date is in UTC and says so", () => {
    expect(formatShopperDateTime(AT, "de", "Mars/Olympus")).toBe("23.11.2026, 15:00 UTC");
  });

  it.each([
    [45, "en", /^45 minutes$/],
    [90, "en", /^2 hours$/],
    [120, "fr", /^2\sheures$/],
    [1440, "de", /^1 Tag$/],
    [2000, "es", /^2 días$/],
  ] as const)("GIVEN %s minutes in %s THEN the promise reads %s, rounded up like the contact block", (minutes, locale, text) => {
    expect(formatShopperDuration(minutes, locale)).toMatch(text);
  });

  it.each([
    [200, "en", /^1\skB$/],
    [12_288, "fr", /^12\sko$/],
    [5 * 1024 * 1024, "de", /^5\sMB$/],
    [2.5 * 1024 * 1024, "fr", /^2,5\sMo$/],
  ] as const)("GIVEN %s bytes in %s THEN the size reads %s", (bytes, locale, text) => {
    expect(formatShopperFileSize(bytes, locale)).toMatch(text);
  });
});
