import { describe, expect, it } from "vitest";
import { markdownToText } from "../../../../../../app/features/faq/domain/markdown";
import { normalizeSearchText, searchFaq, searchTokens, type SearchableFaqArticle } from "../../../../../../app/features/faq/domain/search";
import { STARTER_FAQ } from "../../../../../../app/features/faq/domain/starters";
import { renderFaqAnswer } from "../../../../../../app/features/faq/domain/template";
import { exampleFaqContext } from "../../../../../../app/features/faq/domain/variables";

const ARTICLES: SearchableFaqArticle[] = [
  { handle: "returns-policy", question: "What is your returns policy?", text: "You have 30 days to send items back." },
  { handle: "start-return", question: "How do I return an item?", text: "Find your order on our returns page." },
  { handle: "exchanges", question: "Can I exchange an item for another size?", text: "Yes, choose an exchange when you start a return." },
  { handle: "shipping-times", question: "How long does shipping take?", text: "Delivery takes 2–5 business days in Canada." },
  { handle: "delai-livraison", question: "Quel est le délai de livraison ?", text: "La livraison prend 2 à 5 jours ouvrables." },
  { handle: "tracking", question: "Where is my order?", text: "Use the tracking link in your shipping email." },
];

function handles(query: string, articles: readonly SearchableFaqArticle[] = ARTICLES, limit?: number): string[] {
  return searchFaq(query, articles, limit).map((hit) => hit.handle);
}

describe("normalizeSearchText and searchTokens", () => {
  it("GIVEN accents, capitals and punctuation WHEN normalising THEN only plain lower-case words remain", () => {
    expect(normalizeSearchText("Délai — LIVRAISON, s'il-vous-plaît!")).toBe("delai livraison s il vous plait");
  });

  it("GIVEN stop words in four languages and single letters WHEN tokenising THEN only meaningful words remain", () => {
    expect(searchTokens("What's the délai de livraison? Wie lange dauert die Lieferung? ¿Cómo devolver?")).toEqual([
      "delai",
      "livraison",
      "lange",
      "dauert",
      "lieferung",
      "devolver",
    ]);
  });
});

describe("searchFaq: matching", () => {
  it("GIVEN the typo 'retrun' WHEN searching THEN both returns questions are found", () => {
    expect(handles("retrun")).toEqual(expect.arrayContaining(["returns-policy", "start-return"]));
  });

  it("GIVEN the typo 'exchnage' WHEN searching THEN the exchange question comes first", () => {
    expect(handles("exchnage")[0]).toBe("exchanges");
  });

  it("GIVEN 'delai' without its accent WHEN searching THEN the French article with 'délai' is found", () => {
    expect(handles("delai")).toEqual(["delai-livraison"]);
  });

  it("GIVEN 'DÉLAI' with an accent and capitals WHEN searching an article written without accents THEN it is found", () => {
    const articles = [{ handle: "x", question: "Delai de livraison", text: "" }];
    expect(handles("DÉLAI", articles)).toEqual(["x"]);
  });

  it("GIVEN 'livraison' WHEN searching THEN the French article is found and not the English one", () => {
    expect(handles("livraison")).toEqual(["delai-livraison"]);
  });

  it("GIVEN the start of a word WHEN searching as the shopper types THEN articles with that word are found", () => {
    expect(handles("ship")).toEqual(["shipping-times", "tracking"]);
  });

  it("GIVEN a two-letter prefix WHEN searching THEN nothing is matched by prefix", () => {
    expect(handles("sh")).toEqual([]);
  });

  it("GIVEN a three-letter word one letter off WHEN searching THEN it is not treated as a typo", () => {
    expect(handles("dsy")).toEqual([]);
  });

  it("GIVEN a long word two edits away WHEN searching THEN it still matches", () => {
    expect(handles("delivrey")).toEqual(["shipping-times"]);
  });

  it("GIVEN a six-letter word two edits away WHEN searching THEN it does not match", () => {
    expect(handles("rteunr")).toEqual([]);
  });

  it.each(["", "   ", "?!…", "the", "what is the", "le la les de", "der die das und", "el la los y"])(
    "GIVEN the query %j with no meaningful word WHEN searching THEN nothing is returned",
    (query) => {
      expect(searchFaq(query, ARTICLES)).toEqual([]);
    },
  );

  it.each(["gift voucher", "zzzz", "<script>alert(1)</script>", "🙂"])("GIVEN %j matching nothing WHEN searching THEN nothing is returned", (query) => {
    expect(searchFaq(query, ARTICLES)).toEqual([]);
  });

  it("GIVEN regex and HTML characters in the query WHEN searching THEN they are ignored like punctuation", () => {
    expect(handles("(return*)[")).toEqual(handles("return"));
  });

  it("GIVEN no articles WHEN searching THEN nothing is returned", () => {
    expect(searchFaq("return", [])).toEqual([]);
  });
});

describe("searchFaq: ordering", () => {
  it("GIVEN a word in one question and in another's answer WHEN searching THEN the question match ranks first", () => {
    const articles = [
      { handle: "answer-only", question: "Where is my parcel?", text: "Check the tracking link." },
      { handle: "in-question", question: "How does tracking work?", text: "We email you a link." },
    ];
    expect(handles("tracking", articles)).toEqual(["in-question", "answer-only"]);
  });

  it("GIVEN an exact word and a typo WHEN searching THEN the exact match scores higher", () => {
    const [exact, typo] = searchFaq("return", [
      { handle: "typo", question: "Retrun labels", text: "" },
      { handle: "exact", question: "Return labels", text: "" },
    ]);
    expect(exact?.handle).toBe("exact");
    expect(exact?.score).toBeGreaterThan(typo?.score ?? Infinity);
  });

  it("GIVEN an article matching more query words WHEN searching THEN it ranks above one matching fewer", () => {
    expect(handles("return size")[0]).toBe("exchanges");
  });

  it("GIVEN equal scores WHEN searching THEN articles keep their input order", () => {
    const articles = ["c", "a", "b"].map((handle) => ({ handle, question: "Returns", text: "" }));
    expect(handles("returns", articles)).toEqual(["c", "a", "b"]);
  });

  it("GIVEN a limit WHEN more articles match THEN only the best ones up to the limit are returned", () => {
    const articles = Array.from({ length: 15 }, (_, i) => ({ handle: `a${i}`, question: "Returns", text: "" }));
    expect(handles("returns", articles)).toHaveLength(10);
    expect(handles("returns", articles, 3)).toEqual(["a0", "a1", "a2"]);
    expect(handles("returns", articles, 0)).toEqual([]);
  });

  it("GIVEN a repeated query word WHEN searching THEN it counts once", () => {
    expect(searchFaq("return return return", ARTICLES)).toEqual(searchFaq("return", ARTICLES));
  });
});

describe("searchFaq on the starter pack", () => {
  const starters: SearchableFaqArticle[] = STARTER_FAQ.map((a) => {
    const rendered = renderFaqAnswer(a.answer, exampleFaqContext());
    if (!rendered.ok) throw new Error(rendered.error);
    return { handle: a.handle, question: a.question, text: markdownToText(rendered.text) };
  });

  it.each([
    ["retrun policy", "what-is-your-return-policy"],
    ["exchnage", "can-i-exchange-an-item"],
    ["trakc my order", "how-do-i-track-my-order"],
    ["refund", "when-will-i-get-my-refund"],
    ["free shiping", "do-you-offer-free-shipping"],
    ["payment declined", "why-was-my-payment-declined"],
  ])("GIVEN the shopper types %j WHEN searching the starters THEN %s comes first", (query, handle) => {
    expect(handles(query, starters)[0]).toBe(handle);
  });
});
