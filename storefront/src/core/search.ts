// Word matching for the FAQ search and the contact form's suggestions: typo-tolerant, accent-blind.

/** Lower case, accents removed, split on anything that is not a letter or digit, each word once. */
export function words(text: string | null | undefined): string[] {
  const plain = (text || "").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  return [...new Set(plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

/** The typos a query word may have: none up to 3 letters, one for 4–7, two from 8. */
export const typosAllowed = (query: string) => (query.length > 7 ? 2 : query.length > 3 ? 1 : 0);

/** Whether `word` is within `max` edits of `query` (Levenshtein, row by row; lengths checked first). */
export function withinEdits(query: string, word: string, max: number): boolean {
  if (!max || Math.abs(query.length - word.length) > max) return false;
  let row = [...Array(word.length + 1).keys()];
  for (const q of query) {
    const next = [row[0]! + 1];
    for (let j = 0; j < word.length; j++) next.push(Math.min(row[j + 1]! + 1, next[j]! + 1, row[j]! + (q === word[j] ? 0 : 1)));
    row = next;
  }
  return row[word.length]! <= max;
}

/** An article's words, for matching: question words weigh 3, answer words 1. */
export type Searchable = { q: string[]; t: string[] };
export const searchable = (question: string, answerText: string): Searchable => ({ q: words(question), t: words(answerText) });
