import { describe, expect, it } from "vitest";
import {
  formatReturnAmount,
  RETURN_EMAIL_KINDS,
  RETURN_EMAILS,
  returnEmail,
  type ReturnEmailCatalogue,
  type ReturnEmailVars,
} from "../../../../../../app/features/returns/domain/shopper-emails";
import { SHOPPER_LOCALES } from "../../../../../../app/features/tickets/domain/shopper-messages";

const slots = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishKeys = Object.keys(RETURN_EMAILS.en).sort() as (keyof ReturnEmailCatalogue)[];
const OTHER_LOCALES = SHOPPER_LOCALES.filter((l) => l !== "en");

const base: ReturnEmailVars = { shop: "Harbor Goods", reference: "R-7QK2XM", orderName: "#1042" };

describe("the catalogue", () => {
  it("GIVEN the catalogue THEN it has exactly the four storefront languages", () => {
    expect(Object.keys(RETURN_EMAILS).sort()).toEqual([...SHOPPER_LOCALES].sort());
  });

  it.each(SHOPPER_LOCALES)("GIVEN %s THEN every kind has a subject and a lead", (locale) => {
    for (const kind of RETURN_EMAIL_KINDS) {
      expect(RETURN_EMAILS[locale]).toHaveProperty(`${kind}_subject`);
      expect(RETURN_EMAILS[locale]).toHaveProperty(`${kind}_lead`);
    }
  });

  it.each(SHOPPER_LOCALES)("GIVEN %s THEN it has every key and no other, none blank", (locale) => {
    expect(Object.keys(RETURN_EMAILS[locale]).sort()).toEqual(englishKeys);
    expect(Object.entries(RETURN_EMAILS[locale]).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it.each(OTHER_LOCALES)("GIVEN %s THEN each message has the same {slots} as the English one", (locale) => {
    expect(englishKeys.filter((key) => slots(RETURN_EMAILS[locale][key]).join() !== slots(RETURN_EMAILS.en[key]).join())).toEqual([]);
  });

  it.each(OTHER_LOCALES)("GIVEN %s THEN it is translated, not English copied over", (locale) => {
    // The item line is only a title and a count in every language.
    expect(englishKeys.filter((key) => RETURN_EMAILS[locale][key] === RETURN_EMAILS.en[key])).toEqual(["item_line"]);
  });

  it.each(SHOPPER_LOCALES)("GIVEN %s THEN no message carries markup", (locale) => {
    expect(Object.values(RETURN_EMAILS[locale]).filter((text) => /[<>]/.test(text))).toEqual([]);
  });
});

describe("every kind in every language", () => {
  const everything: ReturnEmailVars = {
    ...base,
    items: [{ title: "Rain Shell", quantity: 1 }],
    returnAddress: "Harbor Goods Returns\n12 Wharf St\nHalifax NS B3J 1A1",
    instructions: "Use any tracked service.",
    labelUrl: "https://example.com/label.pdf",
    trackingNumber: "1Z999",
    trackingUrl: "https://track.example.com/1Z999",
    amountCents: 12_50,
    bonusCents: 1_25,
    currency: "EUR",
    variantTitle: "Rain Shell — M / Navy",
    note: "Worn items cannot be returned.",
  };

  it.each(SHOPPER_LOCALES.flatMap((locale) => RETURN_EMAIL_KINDS.map((kind) => [locale, kind] as const)))(
    "GIVEN %s %s THEN the subject names the reference and every slot is filled",
    (locale, kind) => {
      const email = returnEmail(kind, locale, everything);
      expect(email.subject).toContain("R-7QK2XM");
      expect(email.subject).not.toMatch(/\n/);
      expect(`${email.subject}\n${email.text}`).not.toMatch(/\{\w+\}/);
      expect(email.text).toContain("R-7QK2XM");
    },
  );
});

describe("amounts", () => {
  it.each([
    ["fr", /^12,50\s€$/],
    ["de", /^12,50\s€$/],
    ["es", /^12,50\s€$/],
    ["en", /^€12\.50$/],
  ] as const)("GIVEN 12.50 EUR in %s THEN it reads %s", (locale, pattern) => {
    expect(formatReturnAmount(12_50, "EUR", locale)).toMatch(pattern);
  });

  it("GIVEN Canadian dollars in French THEN the currency is written the French way", () => {
    // ICU versions differ on the space inside "$ CA".
    expect(formatReturnAmount(1_234_56, "CAD", "fr")).toMatch(/^1\s234,56\s\$\s?CA$/);
  });

  it("GIVEN a currency code Intl does not know THEN the amount is written with the code after it", () => {
    expect(formatReturnAmount(12_50, "XX1", "de")).toBe("12,50 XX1");
  });

  it("GIVEN a refund in French THEN the email says the amount the French way", () => {
    const { text } = returnEmail("refunded", "fr", { ...base, amountCents: 12_50, currency: "EUR" });
    expect(text).toMatch(/Montant remboursé : 12,50\s€/);
    expect(text).toContain("moyen de paiement d'origine");
  });

  it("GIVEN store credit with a bonus in German THEN the credit and the bonus are on separate lines", () => {
    const { text } = returnEmail("credited", "de", { ...base, amountCents: 52_02, bonusCents: 6_00, currency: "EUR" });
    expect(text).toMatch(/Guthaben: 52,02\s€/);
    expect(text).toMatch(/Bonusguthaben: 6,00\s€/);
  });

  it("GIVEN store credit without a bonus THEN no bonus line appears", () => {
    const { text } = returnEmail("credited", "en", { ...base, amountCents: 52_02, bonusCents: 0, currency: "CAD" });
    expect(text).toContain("Store credit: CA$52.02");
    expect(text).not.toContain("Bonus");
  });
});

describe("what each email says", () => {
  it("GIVEN a request received THEN the email lists the items, title × quantity", () => {
    const email = returnEmail("received", "en", { ...base, items: [{ title: "Rain Shell", quantity: 1 }, { title: "Wool Socks", quantity: 2 }] });
    expect(email).toEqual({
      subject: "We received your return request R-7QK2XM",
      text: [
        "Hello,",
        "Thanks for your return request for order #1042. We will review it and email you the next steps.",
        "Items in your return:\n- Rain Shell × 1\n- Wool Socks × 2",
        "Return reference: R-7QK2XM",
        "The Harbor Goods team",
      ].join("\n\n"),
    });
  });

  it("GIVEN an approval where the shopper ships THEN the address, the instructions and the reference for the parcel follow", () => {
    const { text } = returnEmail("approved_ship", "en", { ...base, returnAddress: "  12 Wharf St\nHalifax  ", instructions: "Use any tracked service." });
    expect(text).toContain("Return address:\n12 Wharf St\nHalifax\n\nHow to send it:\nUse any tracked service.");
    expect(text).toContain("Write R-7QK2XM on the parcel");
  });

  it("GIVEN an approval where the shopper ships and no address is set THEN no empty address heading is shown", () => {
    const { text } = returnEmail("approved_ship", "en", { ...base, returnAddress: "   " });
    expect(text).not.toContain("Return address:");
    expect(text).toContain("Write R-7QK2XM on the parcel");
  });

  it("GIVEN an approval with a label still to come THEN the shopper is asked to wait for it", () => {
    expect(returnEmail("approved_label", "en", base).text).toContain("We will email you a return label shortly");
  });

  it("GIVEN an approval with the label ready THEN its link is given instead", () => {
    const { text } = returnEmail("approved_label", "en", { ...base, labelUrl: "https://example.com/l.pdf" });
    expect(text).toContain("Your return label: https://example.com/l.pdf");
    expect(text).not.toContain("shortly");
  });

  it("GIVEN a keep-it approval THEN the shopper is told not to send anything", () => {
    const email = returnEmail("approved_keep", "es", base);
    expect(email.subject).toBe("Su devolución R-7QK2XM está aprobada: no necesita enviar nada");
    expect(email.text).toContain("no necesita enviarnos los artículos");
  });

  it("GIVEN a decline with a note THEN the note is quoted; without one, no empty line for it", () => {
    expect(returnEmail("declined", "en", { ...base, note: "Worn items cannot be returned." }).text).toContain(
      "Note from Harbor Goods: Worn items cannot be returned.",
    );
    expect(returnEmail("declined", "en", { ...base, note: "  " }).text).not.toContain("Note from");
  });

  it("GIVEN a label THEN its link, the tracking number and link, and the return address are listed", () => {
    const { text } = returnEmail("label", "en", {
      ...base,
      labelUrl: "https://example.com/l.pdf",
      trackingNumber: "1Z999",
      trackingUrl: "https://track.example.com/1Z999",
      returnAddress: "12 Wharf St",
    });
    expect(text).toContain(
      "Your return label: https://example.com/l.pdf\n\nTracking number: 1Z999\n\nTrack the parcel: https://track.example.com/1Z999\n\nReturn address:\n12 Wharf St",
    );
  });

  it("GIVEN an exchange created THEN the new variant is named and it ships once the return is in", () => {
    const { text } = returnEmail("exchange_created", "fr", { ...base, variantTitle: "Rain Shell — M / Navy" });
    expect(text).toContain("Nouvel article : Rain Shell — M / Navy");
    expect(text).toContain("dès que nous aurons reçu votre retour");
  });

  it("GIVEN an exchange shipped with only a tracking number THEN only that line is added", () => {
    const { text } = returnEmail("exchange_shipped", "en", { ...base, trackingNumber: "1Z999" });
    expect(text).toContain("Tracking number: 1Z999");
    expect(text).not.toContain("Track the parcel");
  });

  it("GIVEN items received and closed THEN each says so in the shopper's language", () => {
    expect(returnEmail("items_received", "de", base).subject).toBe("Wir haben Ihre zurückgesendeten Artikel erhalten (R-7QK2XM)");
    expect(returnEmail("closed", "en", base).text).toContain("Thank you for shopping with Harbor Goods.");
  });
});

describe("staff's own words", () => {
  it("GIVEN a staff message THEN it replaces the greeting, the lead and the sign-off, the subject and the facts stay", () => {
    const email = returnEmail("approved_ship", "fr", { ...base, returnAddress: "12 Wharf St", staffMessage: "  Hi Chloé, send it whenever suits you.\n— Sam  " });
    expect(email.subject).toBe("Votre retour R-7QK2XM est accepté");
    expect(email.text).toBe(
      [
        "Hi Chloé, send it whenever suits you.\n— Sam",
        "Adresse de retour :\n12 Wharf St",
        "Inscrivez R-7QK2XM sur le colis pour que nous puissions le rattacher à votre retour.",
        "Référence du retour : R-7QK2XM",
      ].join("\n\n"),
    );
  });

  it("GIVEN a blank staff message THEN the default wording is used", () => {
    expect(returnEmail("closed", "en", { ...base, staffMessage: " \n " }).text.startsWith("Hello,\n\nYour return for order #1042 is complete.")).toBe(true);
  });

  it("GIVEN values that look like slots or markup THEN they are written as they are, once", () => {
    const { text } = returnEmail("declined", "en", { ...base, shop: "<b>{reference}</b>", note: "{orderName}" });
    expect(text).toContain("Note from <b>{reference}</b>: {orderName}");
  });
});

describe("the request's language", () => {
  it.each([
    ["fr-CA", "Votre retour R-7QK2XM est terminé"],
    ["DE", "Ihre Rücksendung R-7QK2XM ist abgeschlossen"],
    ["pt-BR", "Your return R-7QK2XM is complete"],
    ["", "Your return R-7QK2XM is complete"],
  ])("GIVEN %j THEN the subject reads %j", (locale, subject) => {
    expect(returnEmail("closed", locale, base).subject).toBe(subject);
  });
});
