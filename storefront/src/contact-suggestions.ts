// The contact form's suggestions: the best three FAQ articles for what the shopper is writing.
import { typosAllowed, withinEdits, words, type Searchable } from "./core/search";

const STOP_WORDS = new Set("the and can for how not that this with you your les des une que est pour der die das und ist ein los las una por para con".split(" "));

/** A message's words worth searching: 3+ letters, no stop words. */
export const messageWords = (text: string | null | undefined) => words(text).filter((w) => w.length > 2 && !STOP_WORDS.has(w));

/** Either word starts with the other, or they are within the typos allowed. */
const related = (query: string, word: string) => word.startsWith(query) || query.startsWith(word) || withinEdits(query, word, typosAllowed(query));

/** Up to three articles scoring above 2 (a question hit), best first. The first 40 words only, to stay quick. */
export function suggest<A extends Searchable>(articles: A[], text: string): A[] {
  const queryWords = messageWords(text).slice(0, 40);
  const hit = (ws: string[], q: string) => ws.some((w) => related(q, w));
  return articles
    .map((a) => ({ a, points: queryWords.reduce((sum, q) => sum + (hit(a.q, q) ? 3 : hit(a.t, q) ? 1 : 0), 0) }))
    .filter((x) => x.points > 2)
    .sort((x, y) => y.points - x.points)
    .slice(0, 3)
    .map((x) => x.a);
}
