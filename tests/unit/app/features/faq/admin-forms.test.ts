import { describe, expect, it } from "vitest";
import { articleMatches, categoryLabel, defaultQuestion, HANDLE_MAX, parseArticleForm, parseCategoryTitles, parseMove, uniqueHandle } from "../../../../../app/features/faq/admin-forms";

function articleForm(fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  const defaults: Record<string, string> = {
    intent: "save",
    categoryId: "cat_1",
    handle: "",
    published: "true",
    "question.en": "How long do I have to return an item?",
    "answer.en": "You have **{{ returns.window_days }} days**.",
  };
  for (const [name, value] of Object.entries({ ...defaults, ...fields })) form.set(name, value);
  return form;
}

const errorsOf = (result: ReturnType<typeof parseArticleForm>) => (result.ok ? {} : result.errors);

describe("uniqueHandle", () => {
  it("GIVEN a question with punctuation and accents WHEN no article uses its slug THEN the slug is the handle", () => {
    expect(uniqueHandle("Où est ma commande ?", new Set(), "article")).toBe("ou-est-ma-commande");
  });

  it("GIVEN the slug and its -2 are taken THEN -3 is used", () => {
    expect(uniqueHandle("Shipping times", new Set(["shipping-times", "shipping-times-2"]), "article")).toBe("shipping-times-3");
  });

  it("GIVEN a question with no letters or digits THEN the fallback is used, numbered when taken", () => {
    expect(uniqueHandle("¿¿?? 🙂", new Set(), "article")).toBe("article");
    expect(uniqueHandle("!!!", new Set(["article"]), "article")).toBe("article-2");
  });

  it("GIVEN a slug at the length limit that is taken THEN the suffixed handle still fits the limit without a double hyphen", () => {
    const long = `${"a".repeat(77)} bcd`;
    const base = uniqueHandle(long, new Set(), "article");
    expect(base).toHaveLength(HANDLE_MAX);

    const next = uniqueHandle(long, new Set([base]), "article");
    expect(next.length).toBeLessThanOrEqual(HANDLE_MAX);
    expect(next).toBe(`${"a".repeat(77)}-2`);
    expect(next).not.toContain("--");
  });
});

describe("parseMove", () => {
  it("GIVEN a direction THEN it is a one-step move", () => {
    expect(parseMove({ direction: "down" })).toEqual({ direction: "down" });
  });

  it("GIVEN a position as form text THEN it is a move to that position", () => {
    expect(parseMove({ position: "3" })).toEqual({ position: 3 });
  });

  it("GIVEN both, neither, a negative or a made-up direction THEN it is not a move", () => {
    expect(parseMove({ direction: "up", position: "1" })).toBeNull();
    expect(parseMove({})).toBeNull();
    expect(parseMove({ position: "-1" })).toBeNull();
    expect(parseMove({ position: "1e9" })).toBeNull();
    expect(parseMove({ direction: "sideways" })).toBeNull();
  });
});

describe("parseArticleForm", () => {
  it("GIVEN English only THEN one translation is kept, published as sent", () => {
    const result = parseArticleForm(articleForm({ published: "false" }));
    expect(result).toEqual({
      ok: true,
      value: {
        categoryId: "cat_1",
        handle: "",
        published: false,
        translations: [{ locale: "en", question: "How long do I have to return an item?", answer: "You have **{{ returns.window_days }} days**." }],
      },
    });
  });

  it("GIVEN a checkbox as a browser sends it, or no checkbox at all THEN on is published and absent is a draft", () => {
    const on = parseArticleForm(articleForm({ published: "on" }));
    const absent = articleForm();
    absent.delete("published");
    expect(on.ok && on.value.published).toBe(true);
    const parsed = parseArticleForm(absent);
    expect(parsed.ok && parsed.value.published).toBe(false);
  });

  it("GIVEN French and German versions and an empty Spanish one THEN French and German are kept in language order", () => {
    const result = parseArticleForm(
      articleForm({ "question.de": "Wie lange?", "answer.de": "{{ returns.window_days }} Tage.", "question.fr": "Combien de temps ?", "answer.fr": "{{ returns.window_days }} jours.", "question.es": " ", "answer.es": "\n" }),
    );
    expect(result.ok && result.value.translations.map((t) => t.locale)).toEqual(["en", "fr", "de"]);
  });

  it("GIVEN no English question and no English answer THEN both are required", () => {
    const errors = errorsOf(parseArticleForm(articleForm({ "question.en": "  ", "answer.en": "" })));
    expect(errors["question.en"]).toBe("Write the question in English");
    expect(errors["answer.en"]).toBe("Write the answer in English");
  });

  it("GIVEN a French question without an answer THEN the answer is asked for, with how to remove the version instead", () => {
    const errors = errorsOf(parseArticleForm(articleForm({ "question.fr": "Combien de temps ?" })));
    expect(errors["answer.fr"]).toBe("Write the answer too, or clear the question to remove the French version");
  });

  it("GIVEN a Spanish answer without a question THEN the question is asked for", () => {
    expect(errorsOf(parseArticleForm(articleForm({ "answer.es": "Treinta días." })))["question.es"]).toMatch(/^Write the question too/);
  });

  it("GIVEN a question of 301 characters THEN it is refused; 300 is fine", () => {
    expect(errorsOf(parseArticleForm(articleForm({ "question.en": "q".repeat(301) })))["question.en"]).toMatch(/300/);
    expect(parseArticleForm(articleForm({ "question.en": "q".repeat(300) })).ok).toBe(true);
  });

  it("GIVEN an answer over 20,000 characters THEN it is refused for its length, not parsed as Liquid", () => {
    const result = parseArticleForm(articleForm({ "answer.en": `${"a".repeat(20_001)}{{ nope }}` }));
    expect(errorsOf(result)["answer.en"]).toMatch(/20,000/);
    expect(result.ok ? null : result.answerErrors.en).toBeUndefined();
  });

  it("GIVEN a misspelt placeholder on line 2 THEN the error names line 2 and its column", () => {
    const result = parseArticleForm(articleForm({ "answer.en": "Returns are easy.\nYou have {{ returns.window_dayz }} days." }));
    expect(errorsOf(result)["answer.en"]).toMatch(/^Line 2, column 13: .*returns\.window_dayz/);
  });

  it("GIVEN leading blank lines in an answer THEN error lines count them, as the admin sees the field", () => {
    const result = parseArticleForm(articleForm({ "answer.en": "\n\n{{ shop.nam }}" }));
    expect(errorsOf(result)["answer.en"]).toMatch(/^Line 3, column 4:/);
  });

  it("GIVEN a forbidden tag in the German answer THEN the error is on the German answer only", () => {
    const result = parseArticleForm(articleForm({ "question.de": "Frage?", "answer.de": "{% include 'secrets' %}" }));
    const errors = errorsOf(result);
    expect(errors["answer.de"]).toMatch(/^Line 1, column \d+:/);
    expect(errors["answer.en"]).toBeUndefined();
    expect(result.ok ? null : result.answerErrors.de).toHaveLength(1);
  });

  it("GIVEN a handle with capitals or spaces THEN it is refused with the format asked for", () => {
    expect(errorsOf(parseArticleForm(articleForm({ handle: "My Handle" }))).handle).toMatch(/lower-case/);
    expect(errorsOf(parseArticleForm(articleForm({ handle: "a--b" }))).handle).toMatch(/lower-case/);
    expect(errorsOf(parseArticleForm(articleForm({ handle: "../etc" }))).handle).toMatch(/lower-case/);
  });

  it("GIVEN the storefront link pasted as the handle THEN the #faq- prefix is dropped", () => {
    const result = parseArticleForm(articleForm({ handle: " #faq-return-window " }));
    expect(result.ok && result.value.handle).toBe("return-window");
  });

  it("GIVEN no category THEN a category is asked for", () => {
    expect(errorsOf(parseArticleForm(articleForm({ categoryId: "" }))).categoryId).toBe("Choose a category");
  });

  it("GIVEN a published value that is not a checkbox value THEN it is refused", () => {
    expect(errorsOf(parseArticleForm(articleForm({ published: "yes please" }))).published).toBeDefined();
  });
});

describe("parseCategoryTitles", () => {
  const titlesForm = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };

  it("GIVEN English and French titles, padded, and an empty German one THEN the trimmed English and French are kept", () => {
    expect(parseCategoryTitles(titlesForm({ "title.en": "  Gift cards ", "title.fr": "Cartes cadeaux", "title.de": " " }))).toEqual({
      ok: true,
      titles: { en: "Gift cards", fr: "Cartes cadeaux" },
    });
  });

  it("GIVEN no English title THEN it is required", () => {
    expect(parseCategoryTitles(titlesForm({ "title.fr": "Cartes" }))).toEqual({ ok: false, errors: { "title.en": "Give the category an English title" } });
  });

  it("GIVEN a title of 81 characters THEN it is refused", () => {
    const result = parseCategoryTitles(titlesForm({ "title.en": "Ok", "title.es": "x".repeat(81) }));
    expect(result.ok ? {} : result.errors).toEqual({ "title.es": "Keep the title under 80 characters" });
  });
});

describe("list helpers", () => {
  const translations = [
    { locale: "en", question: "Do you ship abroad?", answer: "We ship to {{ shipping.regions }}." },
    { locale: "fr", question: "Livrez-vous à l'étranger ?", answer: "Oui." },
  ];

  it("GIVEN a query in another case without accents THEN a French question matches", () => {
    expect(articleMatches(translations, "ETRANGER")).toBe(true);
  });

  it("GIVEN a query that is in no question or answer THEN it does not match", () => {
    expect(articleMatches(translations, "refund")).toBe(false);
  });

  it("GIVEN a query of punctuation only THEN everything matches, as with no query", () => {
    expect(articleMatches(translations, " ?! ")).toBe(true);
  });

  it("GIVEN an article with an English version THEN its English question is the one listed", () => {
    expect(defaultQuestion([...translations].reverse())).toBe("Do you ship abroad?");
  });

  it("GIVEN an article with no English version THEN its first question is listed; none gives an empty string", () => {
    expect(defaultQuestion([{ locale: "de", question: "Versand?" }])).toBe("Versand?");
    expect(defaultQuestion([])).toBe("");
  });

  it("GIVEN a category with no English title THEN another title, else the handle, names it", () => {
    expect(categoryLabel({ fr: "Livraison" }, "shipping")).toBe("Livraison");
    expect(categoryLabel({}, "shipping")).toBe("shipping");
  });
});
