import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ImportError, type ImportResult, type TextValidator } from "../../../../../../app/features/import-export/domain/errors";
import { exportFaq, FAQ_LOCALES, parseFaqImport, type FaqRecord } from "../../../../../../app/features/import-export/domain/faq";

const anyAnswer: TextValidator = () => ({ ok: true });

/** Refuses an answer with an unclosed placeholder "{{" and points at it. */
const refusesOpenPlaceholder: TextValidator = (md) => {
  const index = md.indexOf("{{");
  if (index === -1 || md.includes("}}", index)) return { ok: true };
  const before = md.slice(0, index);
  return {
    ok: false,
    errors: [{ message: "placeholder is not closed", line: before.split("\n").length, column: index - before.lastIndexOf("\n") }],
  };
};

function records(result: ImportResult<FaqRecord>): FaqRecord[] {
  if (!result.ok) throw new Error(`expected records, got ${JSON.stringify(result.errors, null, 1)}`);
  return result.records;
}

function errors(result: ImportResult<FaqRecord>): ImportError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.records)}`);
  return result.errors;
}

const HEADER = "handle,category,position,published,locale,question,answer\n";
const csv = (rows: string, validateAnswer: TextValidator = anyAnswer, maxRows?: number) =>
  parseFaqImport(`${HEADER}${rows}`, "csv", { validateAnswer, maxRows });
const json = (value: unknown, validateAnswer: TextValidator = anyAnswer, maxRows?: number) =>
  parseFaqImport(JSON.stringify(value), "json", { validateAnswer, maxRows });

describe("parseFaqImport: CSV that imports", () => {
  it("GIVEN an article in two languages WHEN importing THEN it is one record with both translations", () => {
    const rows = [
      'where-is-my-order,Shipping,2,true,en,Where is my order?,"Use the **tracking** link.\nIt updates hourly."',
      "where-is-my-order,Shipping,2,true,fr,Où est ma commande ?,Utilisez le lien de suivi.",
    ].join("\n");
    expect(records(csv(`${rows}\n`))).toEqual([
      {
        handle: "where-is-my-order",
        category: "shipping",
        categoryTitle: "Shipping",
        position: 2,
        published: true,
        translations: [
          { locale: "en", question: "Where is my order?", answer: "Use the **tracking** link.\nIt updates hourly." },
          { locale: "fr", question: "Où est ma commande ?", answer: "Utilisez le lien de suivi." },
        ],
      },
    ]);
  });

  it("GIVEN only the required columns WHEN importing THEN locale is en, published true and position the order in the file", () => {
    const result = parseFaqImport("question,answer,category\nA?,a,Returns\nB?,b,Returns\n", "csv", { validateAnswer: anyAnswer });
    expect(records(result).map(({ position, published, translations }) => ({ position, published, locale: translations[0]?.locale }))).toEqual([
      { position: 0, published: true, locale: "en" },
      { position: 1, published: true, locale: "en" },
    ]);
  });

  it("GIVEN a category title with accents and symbols WHEN importing THEN its slug is plain ASCII and the title kept", () => {
    const [record] = records(csv(",  Retours & Échanges ,,,,Q?,A\n"));
    expect(record).toMatchObject({ category: "retours-echanges", categoryTitle: "Retours & Échanges" });
  });

  it("GIVEN German and French ligatures in a category WHEN importing THEN the slug spells them out", () => {
    expect(records(csv(",Größe & Œuvres,,,,Q?,A\n"))[0]?.category).toBe("grosse-oeuvres");
  });

  it("GIVEN later rows of an article leaving position and published blank WHEN importing THEN they agree with the first row", () => {
    const [record] = records(csv("faq-1,Shipping,4,no,en,Q?,A\nfaq-1,Shipping,,,de,F?,A\n"));
    expect(record).toMatchObject({ position: 4, published: false });
    expect(record?.translations.map((t) => t.locale)).toEqual(["en", "de"]);
  });

  it("GIVEN rows without a handle WHEN importing THEN each is its own article", () => {
    expect(records(csv(",Shipping,,,en,Q one?,A\n,Shipping,,,fr,Q deux ?,A\n"))).toHaveLength(2);
  });

  it("GIVEN an answer guarded against formula injection WHEN importing THEN the one leading quote is removed", () => {
    expect(records(csv("h,Shipping,,,en,Q?,'-5% off today\n"))[0]?.translations[0]?.answer).toBe("-5% off today");
  });

  it("GIVEN locale and published in other cases WHEN importing THEN they are understood", () => {
    expect(records(csv("h,Shipping,,YES, ES ,Q?,A\n"))[0]).toMatchObject({ published: true, translations: [{ locale: "es" }] });
  });
});

describe("parseFaqImport: generated handles", () => {
  it("GIVEN an article without a handle WHEN importing THEN the handle comes from the English question even when it is not first", () => {
    const [record] = records(json({ articles: [{ category: "Shipping", translations: [{ locale: "fr", question: "Où ?", answer: "Ici" }, { locale: "en", question: "Where's my parcel?", answer: "Here" }] }] }));
    expect(record?.handle).toBe("where-s-my-parcel");
  });

  it("GIVEN an article without an English question WHEN importing THEN the handle comes from its first question", () => {
    expect(records(csv(",Livraison,,,fr,Délai de livraison ?,Trois jours\n"))[0]?.handle).toBe("delai-de-livraison");
  });

  it("GIVEN two questions with the same slug and a later explicit handle taking it WHEN importing THEN every handle is unique", () => {
    const handles = records(csv(",S,,,en,Returns?,A\n,S,,,en,Returns!,B\nreturns-2,S,,,en,Other,C\n")).map((r) => r.handle);
    expect(handles).toEqual(["returns", "returns-3", "returns-2"]);
  });

  it("GIVEN a question without letters or digits WHEN importing THEN the handle falls back to article", () => {
    expect(records(csv(",S,,,en,???,A\n"))[0]?.handle).toBe("article");
  });

  it("GIVEN a very long question WHEN generating several handles from it THEN each stays within 80 characters", () => {
    const question = "why ".repeat(70);
    const handles = records(csv(`,S,,,en,${question},A\n,S,,,en,${question}?,B\n`)).map((r) => r.handle);
    for (const handle of handles) {
      expect(handle.length).toBeLessThanOrEqual(80);
      expect(handle).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(handles).size).toBe(2);
  });
});

describe("parseFaqImport: CSV rows that fail, each with its line and field", () => {
  it.each([
    ["a handle with capitals", "Where-Is,Shipping,,,en,Q?,A", "handle", /must be lowercase letters and digits/],
    ["a handle over 80 characters", `${"a".repeat(81)},Shipping,,,en,Q?,A`, "handle", "handle must be at most 80 characters (it has 81)"],
    ["a blank category", "h,,,,en,Q?,A", "category", "category is required"],
    ["a category without letters", "h,???,,,en,Q?,A", "category", /needs at least one letter or digit/],
    ["a negative position", "h,Shipping,-1,,en,Q?,A", "position", /whole number/],
    ["a fractional position", "h,Shipping,1.5,,en,Q?,A", "position", /whole number/],
    ["a position beyond the database column", "h,Shipping,9999999999,,en,Q?,A", "position", "position must be at most 2147483647"],
    ["a published value that is not yes or no", "h,Shipping,,maybe,en,Q?,A", "published", /"maybe" is not a yes or no/],
    ["an unsupported locale", "h,Shipping,,,pt,Q?,A", "locale", 'locale "pt" is not supported: use en, fr, de, es'],
    ["a blank question", "h,Shipping,,,en, ,A", "question", "question is required"],
    ["a question over 300 characters", `h,Shipping,,,en,${"q".repeat(301)},A`, "question", "question must be at most 300 characters (it has 301)"],
    ["a blank answer", "h,Shipping,,,en,Q?,", "answer", "answer is required"],
    ["an answer over 20,000 characters", `h,Shipping,,,en,Q?,${"a".repeat(20_001)}`, "answer", "answer must be at most 20000 characters (it has 20001)"],
  ])("GIVEN %s WHEN importing THEN that line and field are reported", (_case, row, field, message) => {
    const [error, ...rest] = errors(csv(`ok,Shipping,,,en,Fine?,Fine\n${row}\n`));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ line: 3, field });
    expect(error?.message).toMatch(message);
  });

  it("GIVEN an answer whose Markdown fails on its third line WHEN importing THEN the message gives the line and column inside the answer", () => {
    expect(errors(csv('h,Shipping,,,en,Q?,"One\nTwo\nSee {{ policy.window"\n', refusesOpenPlaceholder))).toEqual([
      { line: 2, field: "answer", message: "Line 3, column 5 of the answer: placeholder is not closed" },
    ]);
  });

  it("GIVEN a later row of an article in another category WHEN importing THEN the later row is refused naming the first", () => {
    expect(errors(csv("h,Shipping,,,en,Q?,A\nh,Returns,,,fr,Q ?,A\n"))).toEqual([
      { line: 3, field: "category", message: 'category "Returns" differs from "Shipping" on line 2, the first row of "h"' },
    ]);
  });

  it("GIVEN a later row of an article with another position WHEN importing THEN that row is refused", () => {
    expect(errors(csv("h,Shipping,1,,en,Q?,A\nh,Shipping,2,,fr,Q ?,A\n"))).toEqual([
      { line: 3, field: "position", message: 'position 2 differs from 1 on line 2, the first row of "h"' },
    ]);
  });

  it("GIVEN a later row of an article with another published value WHEN importing THEN that row is refused", () => {
    expect(errors(csv("h,Shipping,,yes,en,Q?,A\nh,Shipping,,no,fr,Q ?,A\n"))[0]).toMatchObject({ line: 3, field: "published" });
  });

  it("GIVEN the same handle and locale twice WHEN importing THEN the later row is refused", () => {
    expect(errors(csv("h,Shipping,,,en,Q?,A\nh,Shipping,,,,Again?,B\n"))).toEqual([
      { line: 3, field: "locale", message: '"h" already has a "en" translation on line 2' },
    ]);
  });

  it("GIVEN one category written two ways in different articles WHEN importing THEN the later article is refused", () => {
    expect(errors(csv("a,Shipping,,,en,Q?,A\nb,SHIPPING,,,en,Q?,A\n"))).toEqual([
      { line: 3, field: "category", message: 'category "SHIPPING" is written "Shipping" on line 2: use one spelling' },
    ]);
  });

  it("GIVEN rows after answers spanning lines WHEN a later row fails THEN its physical line is reported", () => {
    expect(errors(csv('a,S,,,en,Q?,"1\n2\n3"\nb,S,,,en,Q?,"4\r\n5"\nc,S,,,xx,Q?,A\n'))).toEqual([
      { line: 7, field: "locale", message: 'locale "xx" is not supported: use en, fr, de, es' },
    ]);
  });

  it("GIVEN the header lacks answer and has an unknown column WHEN importing THEN both are reported on line 1", () => {
    expect(errors(parseFaqImport("category,question,votes\nS,Q?,3\n", "csv", { validateAnswer: anyAnswer }))).toEqual([
      { line: 1, message: 'Unknown column "votes": the columns are category,question,answer,handle,position,published,locale' },
      { line: 1, message: 'Missing column "answer": the columns are category,question,answer,handle,position,published,locale' },
    ]);
  });

  it("GIVEN 120 rows each with two problems WHEN importing THEN 100 errors are listed then the count of the rest", () => {
    const rows = Array.from({ length: 120 }, () => "h,,,,pt,Q?,A").join("\n");
    const list = errors(csv(`${rows}\n`));
    expect(list).toHaveLength(101);
    expect(list[100]).toEqual({ message: "…and 140 more errors" });
  });

  it("GIVEN more rows than allowed WHEN importing THEN one error asks to split the file", () => {
    expect(errors(csv("a,S,,,en,Q?,A\nb,S,,,en,Q?,A\n", anyAnswer, 1))).toEqual([
      { message: "The file has 2 rows; one import takes at most 1. Split it into smaller files." },
    ]);
  });
});

describe("parseFaqImport: JSON", () => {
  const article = { handle: "returns", category: "Returns", position: 0, published: true, translations: [{ locale: "en", question: "Q?", answer: "A" }] };

  it("GIVEN { articles: [...] } WHEN importing THEN each article is a record", () => {
    expect(records(json({ articles: [article] }))).toEqual([
      { handle: "returns", category: "returns", categoryTitle: "Returns", position: 0, published: true, translations: [{ locale: "en", question: "Q?", answer: "A" }] },
    ]);
  });

  it("GIVEN an article with only category and translations WHEN importing THEN the defaults apply", () => {
    expect(records(json({ articles: [{ category: "Returns", translations: [{ question: "How long?", answer: "30 days" }] }] }))[0]).toMatchObject({
      handle: "how-long",
      position: 0,
      published: true,
      translations: [{ locale: "en" }],
    });
  });

  it("GIVEN invalid articles WHEN importing THEN errors carry item numbers from 1 and the field", () => {
    const list = errors(json({ articles: [article, { ...article, handle: "other", position: 1.5, published: "yes" }, { category: "X", translations: [] }] }));
    expect(list).toEqual([
      { item: 2, field: "position", message: "position must be a whole number, 0 or more" },
      { item: 2, field: "published", message: "published must be true or false" },
      { item: 3, field: "translations", message: "translations must be a list with at least one { locale, question, answer }" },
    ]);
  });

  it("GIVEN a bad translation WHEN importing THEN the message says which translation", () => {
    expect(errors(json([{ ...article, translations: [article.translations[0], { locale: "fr", question: "", answer: "A" }] }]))).toEqual([
      { item: 1, field: "question", message: "Translation 2: question is required" },
    ]);
  });

  it("GIVEN two translations in one locale WHEN importing THEN the second is refused", () => {
    expect(errors(json([{ ...article, translations: [article.translations[0], { locale: "EN", question: "Again?", answer: "B" }] }]))).toEqual([
      { item: 1, field: "locale", message: 'Translation 2: there is already a "en" translation' },
    ]);
  });

  it("GIVEN two articles with one handle WHEN importing THEN the later item is refused naming the first", () => {
    expect(errors(json([article, { ...article, position: 1 }]))).toEqual([
      { item: 2, field: "handle", message: 'handle "returns" is already used by item 1' },
    ]);
  });

  it("GIVEN unknown fields on an article and a translation WHEN importing THEN both are named", () => {
    const list = errors(json([{ ...article, id: 9, translations: [{ ...article.translations[0], slug: "x" }] }]));
    expect(list.map((e) => e.message)).toEqual([
      'Unknown field "id": the fields are handle, category, position, published, translations',
      'Translation 1: Unknown field "slug": the fields are locale, question, answer',
    ]);
  });

  it("GIVEN malformed JSON WHEN importing THEN one error gives its line and column", () => {
    expect(errors(parseFaqImport('{"articles": [\n  {"category": "A" "translations": []}\n]}', "json", { validateAnswer: anyAnswer }))).toEqual([
      { line: 2, column: 20, message: "Invalid JSON: Expected ',' or '}' after property value" },
    ]);
  });
});

describe("exportFaq", () => {
  const faq: FaqRecord[] = [
    {
      handle: "refund-time",
      category: "refunds",
      categoryTitle: "Refunds",
      position: 3,
      published: false,
      translations: [
        { locale: "en", question: "How long?", answer: "+5 days, \"roughly\"" },
        { locale: "de", question: "Wie lange?", answer: "5 Tage" },
      ],
    },
  ];

  it("GIVEN an article in two languages WHEN exporting CSV THEN there is one guarded, quoted row per language", () => {
    expect(exportFaq(faq, "csv")).toBe(
      `handle,category,position,published,locale,question,answer\r\nrefund-time,Refunds,3,false,en,How long?,"'+5 days, ""roughly"""\r\nrefund-time,Refunds,3,false,de,Wie lange?,5 Tage\r\n`,
    );
  });

  it("GIVEN a record without a category title WHEN exporting JSON THEN the category slug is written", () => {
    const { categoryTitle: _title, ...bare } = faq[0]!;
    const parsed = JSON.parse(exportFaq([bare], "json")) as { articles: { category: string }[] };
    expect(parsed.articles[0]?.category).toBe("refunds");
  });

  it("GIVEN records WHEN exporting JSON THEN it is { articles } indented with two spaces", () => {
    expect(exportFaq(faq, "json")).toMatch(/^\{\n {2}"articles": \[\n {4}\{\n {6}"handle": "refund-time",/);
  });
});

describe("FAQ round trip", () => {
  const CATEGORIES = ["Shipping", "Returns & refunds", "Paiement sécurisé", "Größen"];
  const slugOf: Record<string, string> = { Shipping: "shipping", "Returns & refunds": "returns-refunds", "Paiement sécurisé": "paiement-securise", Größen: "grossen" };
  const text = (max: number) =>
    fc
      .oneof(
        fc.string({ minLength: 1, maxLength: max, unit: "binary" }),
        fc.string({ minLength: 1, maxLength: max, unit: fc.constantFrom("=", "-", "@", "'", '"', ",", ";", "\r\n", "\n", "x", "é") }),
      )
      .filter((s) => s.trim() === s && s !== "");
  const translation = fc.record({ locale: fc.constantFrom(...FAQ_LOCALES), question: text(80), answer: text(300) });
  const record = fc.record({
    handle: fc.stringMatching(/^[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,2}$/),
    categoryTitle: fc.constantFrom(...CATEGORIES),
    position: fc.nat({ max: 10_000 }),
    published: fc.boolean(),
    translations: fc.uniqueArray(translation, { minLength: 1, maxLength: 4, selector: (t) => t.locale }),
  });
  const faqList = fc
    .uniqueArray(record, { maxLength: 8, selector: (r) => r.handle })
    .map((list): FaqRecord[] =>
      list.map((r) => ({
        handle: r.handle,
        category: slugOf[r.categoryTitle] ?? "",
        categoryTitle: r.categoryTitle,
        position: r.position,
        published: r.published,
        translations: r.translations,
      })),
    );

  it.each(["csv", "json"] as const)("GIVEN valid articles WHEN exported as %s and imported THEN the same records come back", (format) => {
    fc.assert(
      fc.property(faqList, (faq) => {
        expect(records(parseFaqImport(exportFaq(faq, format), format, { validateAnswer: anyAnswer }))).toEqual(faq);
      }),
    );
  });
});
