import { describe, expect, it } from "vitest";
import { words } from "../../../../storefront/src/core/search";
import { near, score } from "../../../../storefront/src/faq-search";

// The script's search helpers (`words`, `near`, `score`) are pure functions of strings in the
// shared core, so they run without a browser.
const article = (question: string, answer: string) => ({ q: words(question), t: words(answer) });

describe("FAQ block: search helpers", () => {
  it("GIVEN mixed case, accents and punctuation THEN words are lower case, unaccented and unique", () => {
    expect(words("Où est ma COMMANDE ? Commande #1001, s'il-vous-plaît!")).toEqual(["ou", "est", "ma", "commande", "1001", "s", "il", "vous", "plait"]);
    expect(words("Größe · Änderung")).toEqual(["große", "anderung"]);
    expect(words("")).toEqual([]);
  });

  it.each([
    ["shipping", "shipping", true],
    ["shi", "shipping", true], // prefix of 3 letters
    ["sh", "shipping", false], // too short for a prefix
    ["shiping", "shipping", true], // 7 letters: 1 typo
    ["shpiping", "shipping", true], // 8 letters: 2 typos
    ["rfund", "refund", true], // 5 letters: 1 typo
    ["rfnd", "refund", false], // 4 letters: 2 typos is too many
    ["cst", "cat", false], // 3 letters: no typo allowed
    ["refunds", "ref", false], // the word is shorter than the query
  ])("GIVEN query word %s and text word %s THEN match is %s", (query, word, expected) => {
    expect(Boolean(near(query, word))).toBe(expected);
  });

  it("GIVEN a word in one question and in another's answer THEN the question hit weighs more", () => {
    const inQuestion = article("How long does shipping take?", "Most orders arrive in 3 days.");
    const inAnswer = article("Where is my order?", "Track your shipping with the link in your email.");
    expect(score(["shipping"], inQuestion)).toBeGreaterThan(score(["shipping"], inAnswer));
    expect(score(["shipping"], inAnswer)).toBeGreaterThan(0);
  });

  it("GIVEN an accented, misspelt query THEN it still finds the answer", () => {
    const returns = article("Comment retourner un article ?", "Vous avez 30 jours pour demander un remboursement.");
    expect(score(words("rembourssement").filter((w) => w.length > 1), returns)).toBeGreaterThan(0);
  });

  it("GIVEN fewer than half the words found THEN the article does not match", () => {
    const shipping = article("How long does shipping take?", "Most orders arrive in 3 days.");
    expect(score(["shipping", "gift", "card"], shipping)).toBe(0);
    expect(score(["shipping", "gift"], shipping)).toBeGreaterThan(0);
  });

  it("GIVEN a hostile query THEN the helpers neither throw nor match everything", () => {
    const shipping = article("How long does shipping take?", "Most orders arrive in 3 days.");
    expect(words("<script>alert(1)</script>")).toEqual(["script", "alert", "1"]);
    expect(score(words("x".repeat(100)), shipping)).toBe(0);
    // Nothing left to search for: the script then shows every answer, as for an empty field.
    expect(words("%%%___***")).toEqual([]);
  });
});
