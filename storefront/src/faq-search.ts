// The FAQ block's search: every article that half the query words hit, best first.
import { typosAllowed, withinEdits, type Searchable } from "./core/search";

/** A query word matches a word equal to it, starting with it (3+ letters), or with the typos allowed. */
export const near = (query: string, word: string): boolean =>
  query === word || (query.length > 2 && word.startsWith(query)) || withinEdits(query, word, typosAllowed(query));

/** 3 per query word found in the question, 1 per word found only in the answer; 0 when fewer than half hit. */
export function score(queryWords: string[], article: Searchable): number {
  const points = queryWords.map((q): number => (article.q.some((w) => near(q, w)) ? 3 : article.t.some((w) => near(q, w)) ? 1 : 0));
  return points.filter(Boolean).length * 2 >= queryWords.length ? points.reduce((a, b) => a + b, 0) : 0;
}
