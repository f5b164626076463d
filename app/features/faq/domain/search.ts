/**
 * Instant FAQ search, tolerant of typos and missing accents. Framework-free.
 *
 * Deliberately small: the storefront block runs a hand-ported copy of this file in the browser, so
 * a change here must be made there too. A query word matches an article word when they are equal,
 * when it begins the article word (3+ letters: typing in progress), or when it is one edit away
 * (4–7 letters) or two (8+), counting a swap of neighbours as one edit, against the whole word
 * or its beginning. Question matches weigh more than answer matches.
 */

/** Question words and glue in the four FAQ languages, already normalised (no accents). */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "an and are as at be can do does for from has have how if in is it its me my no not of on or our so that the " +
    "this to was what when where which who why will with you your " +
    "au aux avec ce ces comment dans de des du elle en est et il je la le les leur ma mais mes mon ne nous ou par " +
    "pas pour quand que quel quelle qui quoi sa se ses son sur ta te tes ton tu un une vos votre vous " +
    "am auf aus bei bin das dem den der die du ein eine einen er es fur hat ich ihr im ist kann mein meine mit " +
    "nicht oder sie sind und von wann warum wer wie wir wo zu zum zur " +
    "al como con cual cuando del donde el esta las lo los mi mis para pero por si su sus tu una yo"
  ).split(" "),
);

/** Points per query word, by how well it matched; a question match counts this many times more. */
const EXACT = 1;
const PREFIX = 0.75;
const TYPO = 0.5;
const QUESTION_WEIGHT = 3;

export interface SearchableFaqArticle {
  handle: string;
  question: string;
  /** The answer as plain text (`markdownToText` of the rendered answer). */
  text: string;
}

export interface FaqSearchHit {
  handle: string;
  score: number;
}

/** Lower case, accents dropped, anything but letters and digits turned into spaces. */
export function normalizeSearchText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words that carry meaning: single letters ("what's" → "s") and stop words are dropped. */
export function searchTokens(text: string): string[] {
  return normalizeSearchText(text)
    .split(" ")
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word));
}

/** Optimal string alignment distance, or `max + 1` as soon as it is known to exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

function typoAllowance(word: string): number {
  if (word.length >= 8) return 2;
  return word.length >= 4 ? 1 : 0;
}

function wordMatch(query: string, word: string): number {
  if (query === word) return EXACT;
  if (query.length >= 3 && word.startsWith(query)) return PREFIX;
  const allowance = typoAllowance(query);
  if (allowance === 0) return 0;
  if (editDistance(query, word, allowance) <= allowance) return TYPO;
  // "retrun" is two edits from "returns" but one from its beginning: the shopper is still typing.
  if (word.length > query.length && editDistance(query, word.slice(0, query.length), allowance) <= allowance) return TYPO;
  return 0;
}

function bestMatch(query: string, words: readonly string[]): number {
  let best = 0;
  for (const word of words) {
    best = Math.max(best, wordMatch(query, word));
    if (best === EXACT) break;
  }
  return best;
}

/**
 * The articles matching any query word, best first (ties keep the articles' order), at most
 * `limit`. A query of stop words only finds nothing.
 */
export function searchFaq(query: string, articles: readonly SearchableFaqArticle[], limit = 10): FaqSearchHit[] {
  const queryWords = [...new Set(searchTokens(query))];
  if (queryWords.length === 0 || limit <= 0) return [];
  return articles
    .map((article, index) => {
      const question = [...new Set(searchTokens(article.question))];
      const answer = [...new Set(searchTokens(article.text))];
      const score = queryWords.reduce(
        (sum, word) => sum + QUESTION_WEIGHT * bestMatch(word, question) + bestMatch(word, answer),
        0,
      );
      return { handle: article.handle, score, index };
    })
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ handle, score }) => ({ handle, score }));
}
