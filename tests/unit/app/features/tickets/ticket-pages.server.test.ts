import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "../../../../../app/features/tickets/domain/shopper-messages";
import {
  csatPage,
  csatThanksPage,
  escapeHtml,
  linkProblemPage,
  threadPage,
} from "../../../../../app/features/tickets/ticket-pages.server";

const NOW = new Date("2026-11-23T15:00:00Z");

describe("the shopper's pages", () => {
  const message = { fromShopper: true, author: "You", at: "Nov 23, 2026, 10:00 AM", atIso: NOW.toISOString(), attachment: null };

  it("GIVEN markup in a message and the shop name THEN the page shows it as text", () => {
    const html = threadPage({
      locale: "en",
      shopName: `Tom & Jerry's "Shop"`,
      reference: "HS-ABCDEF",
      subject: "<img src=x onerror=alert(1)>",
      status: "open",
      token: "cl1.2.sig",
      messages: [{ ...message, body: "</p><script>alert('x')</script>" }],
    });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;/p&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(html).toContain("Tom &amp; Jerry&#39;s &quot;Shop&quot;");
  });

  it("GIVEN a thread page THEN it declares its language, loads nothing external and posts back with the token", () => {
    const html = threadPage({ locale: "en", shopName: "Shop", reference: "HS-ABCDEF", subject: "Hi", status: "pending", token: "cl1.2.s/g", messages: [{ ...message, body: "Hello" }] });
    expect(html).toMatch(/<html lang="en">/);
    expect(html).not.toMatch(/<(script|link)\b|src=|https?:\/\//);
    expect(html).toContain(`action="?t=cl1.2.s%2Fg"`);
    expect(html).toContain('<label for="message">');
  });

  it("GIVEN a reply error THEN the field is marked invalid and described by the message", () => {
    const html = threadPage({ locale: "en", shopName: "Shop", reference: "HS-ABCDEF", subject: "Hi", status: "open", token: "t", messages: [], errors: { message: "required" } });
    expect(html).toContain('aria-invalid="true" aria-describedby="message-error"');
    expect(html).toContain('role="alert"');
  });

  it("GIVEN the rating from the email link THEN the survey page has it chosen", () => {
    const html = csatPage({ locale: "en", shopName: "Shop", reference: "HS-ABCDEF", token: "t", rating: 4 });
    expect(html).toContain('value="4" required checked');
    expect(html.match(/checked/g)).toHaveLength(1);
  });

  it.each([["&", "&amp;"], ["<", "&lt;"], [">", "&gt;"], ['"', "&quot;"], ["'", "&#39;"]])("GIVEN %s THEN it is escaped as %s", (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});

describe("the shopper's pages in their language", () => {
  const base = { shopName: "Boutique Harbor", reference: "HS-ABCDEF", subject: "Ma commande", status: "pending", token: "cl1.2.sig" };
  const teamMessage = { fromShopper: false, author: "Service client Boutique Harbor", body: "Elle part demain.", at: "23 nov. 2026, 10:00", atIso: NOW.toISOString() };

  it("GIVEN a French ticket THEN the thread page declares French and is worded in French", () => {
    const html = threadPage({ ...base, locale: "fr", messages: [{ ...teamMessage, attachment: { type: "image/png", size: 12_288 } }] });
    expect(html).toMatch(/<html lang="fr">/);
    expect(html).toContain("<h1>Votre conversation avec Boutique Harbor</h1>");
    expect(html).toContain("Référence <strong>HS-ABCDEF</strong> · Nous vous avons répondu");
    expect(html).toContain('<label for="message">Votre message</label>');
    expect(html).toContain('<button type="submit">Envoyer</button>');
    expect(html).toMatch(/Photo jointe \(PNG, 12\sko\)/);
    expect(html).not.toMatch(/Your message|Reply|Send\b/);
  });

  it("GIVEN a French reply that is too long THEN the error is in French with the limit written the French way", () => {
    const html = threadPage({ ...base, locale: "fr", messages: [], errors: { message: "too_long", attachment: "photo_too_large" } });
    // French groups thousands and sets units apart with a (narrow) no-break space.
    expect(html).toMatch(/Votre message ne doit pas dépasser 5\s000 caractères\./);
    expect(html).toMatch(/La photo ne doit pas dépasser 5\sMo\./);
    expect(html).toContain("n&#39;a pas été envoyé");
  });

  it("GIVEN a German survey with a rating error THEN the page is in German with German rating words", () => {
    const html = csatPage({ locale: "de", shopName: "Harbor", reference: "HS-ABCDEF", token: "t", rating: 5, errors: { rating: "rating" } });
    expect(html).toMatch(/<html lang="de">/);
    expect(html).toContain('value="5" required checked> 5 – Ausgezeichnet');
    expect(html).toContain("Bitte wählen Sie eine Bewertung von 1 bis 5.");
    expect(html).toContain('<button type="submit">Antwort senden</button>');
  });

  it("GIVEN a Spanish answer on file THEN the thanks page repeats it in Spanish", () => {
    const html = csatThanksPage({ locale: "es", shopName: "Harbor", reference: "HS-ABCDEF", rating: 4, comment: null });
    expect(html).toMatch(/<html lang="es">/);
    expect(html).toContain("Ha valorado con un 4 de 5 (Buena) nuestra ayuda en la conversación HS-ABCDEF.");
  });

  it.each([
    ["invalid", "fr", "Ce lien ne fonctionne pas"],
    ["expired", "de", "Dieser Link ist abgelaufen"],
    ["not_found", "es", "Esta conversación ya no está disponible"],
    ["expired", "en", "This link has expired"],
  ] as const)("GIVEN a %s link in %s THEN the problem page says %j", (problem, locale, title) => {
    const html = linkProblemPage(problem, locale);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`<h1>${escapeHtml(title)}</h1>`);
  });

  describe.each(SHOPPER_LOCALES)("in %s", (locale) => {
    const hostile = `<script>alert('x')</script>"&{shop}`;
    const escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;{shop}";

    it("GIVEN hostile text in every shopper-controlled and shop-controlled value THEN the thread page shows it only as text", () => {
      const html = threadPage({
        locale,
        shopName: hostile,
        reference: hostile,
        subject: hostile,
        status: hostile,
        token: hostile,
        draft: hostile,
        errors: { message: "required" },
        messages: [{ fromShopper: false, author: hostile, body: hostile, at: hostile, atIso: hostile, attachment: { type: `image/${hostile}`, size: 1 } }],
      });
      expect(html).not.toMatch(/<script|alert\('/);
      expect(html).toContain(escaped);
      expect(html.match(/<strong>/g)?.length).toBeGreaterThan(0);
    });

    it("GIVEN hostile text on the survey and thanks pages THEN it is only ever text", () => {
      const survey = csatPage({ locale, shopName: hostile, reference: hostile, token: hostile, rating: null, comment: hostile, errors: { comment: "too_long" } });
      const thanks = csatThanksPage({ locale, shopName: hostile, reference: hostile, rating: 3, comment: hostile });
      for (const html of [survey, thanks]) {
        expect(html).not.toMatch(/<script|alert\('/);
        expect(html).toContain(escaped);
      }
    });

    it("GIVEN any page THEN it declares the language and loads nothing external", () => {
      const html = csatPage({ locale, shopName: "Shop", reference: "HS-ABCDEF", token: "t", rating: null });
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).not.toMatch(/<(script|link)\b|src=|https?:\/\//);
    });
  });
});
