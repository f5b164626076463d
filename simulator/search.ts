/**
 * Shopify's search syntax for `query:` arguments: `key:value` terms (values optionally quoted),
 * implicit AND, `-` negates, comparators > >= < <=, bare words search the default fields. OR and
 * grouping are not modelled.
 */

export interface SearchTerm {
  key: string | null;
  comparator: "=" | ">" | ">=" | "<" | "<=";
  value: string;
  negated: boolean;
}

export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  const readValue = (): string => {
    const quote = query[i];
    if (quote === '"' || quote === "'") {
      let value = "";
      for (i += 1; i < query.length && query[i] !== quote; i += 1) {
        if (query[i] === "\\" && i + 1 < query.length) i += 1;
        value += query[i];
      }
      i += 1; // closing quote
      return value;
    }
    let value = "";
    for (; i < query.length && !/\s/.test(query[i] ?? ""); i += 1) {
      if (query[i] === "\\" && i + 1 < query.length) i += 1;
      value += query[i];
    }
    return value;
  };

  while (i < query.length) {
    if (/\s/.test(query[i] ?? "")) {
      i += 1;
      continue;
    }
    const negated = query[i] === "-";
    if (negated) i += 1;
    const keyMatch = /^([A-Za-z_][\w.]*):(>=|<=|>|<)?/.exec(query.slice(i));
    if (keyMatch) {
      i += keyMatch[0].length;
      const comparator = (keyMatch[2] ?? "=") as SearchTerm["comparator"];
      terms.push({ key: keyMatch[1]!.toLowerCase(), comparator, value: readValue(), negated });
    } else {
      const value = readValue();
      if (value !== "AND") terms.push({ key: null, comparator: "=", value, negated });
    }
  }
  return terms;
}

export function matchesTerms<T>(item: T, terms: SearchTerm[], filters: Record<string, (item: T, term: SearchTerm) => boolean>) {
  return terms.every((term) => {
    const filter = filters[term.key ?? "default"];
    if (!filter) return true; // Shopify ignores filters it does not know
    return filter(item, term) !== term.negated;
  });
}

/**
 * Shopify's text search on a field such as an order's `name`: the value is split into words at
 * anything but letters and digits, and each searched word matches any word of the field that
 * starts with it. `#1-A` therefore also finds `#12-A`, and `1001` finds `HB-1001-EU` and `#10010`:
 * a search narrows the candidates, it never decides which one is meant.
 */
export function looseWordsMatch(actual: string, wanted: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const actualWords = words(actual);
  const wantedWords = words(wanted);
  return wantedWords.length > 0 && wantedWords.every((w) => actualWords.some((a) => a.startsWith(w)));
}

export const sameText = (a: string | null | undefined, b: string) => (a ?? "").toLowerCase() === b.toLowerCase();

export function compareNumber(actual: number, term: SearchTerm): boolean {
  const wanted = Number(term.value);
  if (Number.isNaN(wanted)) return false;
  return { "=": actual === wanted, ">": actual > wanted, ">=": actual >= wanted, "<": actual < wanted, "<=": actual <= wanted }[
    term.comparator
  ];
}

/**
 * Compares a timestamp with a search date. A partial date (`2026`, `2026-10`, `2026-10-05`)
 * stands for its whole period, in UTC; `now` is the request time.
 */
export function compareDate(actualIso: string | null, term: SearchTerm, now: Date): boolean {
  if (!actualIso) return false;
  const period = searchPeriod(term.value, now);
  if (!period) return false;
  const actual = Date.parse(actualIso);
  const [start, end] = period;
  return { "=": actual >= start && actual < end, ">": actual >= end, ">=": actual >= start, "<": actual < start, "<=": actual < end }[
    term.comparator
  ];
}

function searchPeriod(value: string, now: Date): [number, number] | undefined {
  if (value.toLowerCase() === "now") return [now.getTime(), now.getTime() + 1];
  const partial = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (partial) {
    const [year, month, day] = [Number(partial[1]), partial[2], partial[3]];
    const start = Date.UTC(year, month ? Number(month) - 1 : 0, day ? Number(day) : 1);
    const end = day
      ? Date.UTC(year, Number(month) - 1, Number(day) + 1)
      : month
        ? Date.UTC(year, Number(month), 1)
        : Date.UTC(year + 1, 0, 1);
    return [start, end];
  }
  const exact = Date.parse(value);
  return Number.isNaN(exact) ? undefined : [exact, exact + 1];
}

/** A search value naming a record by GID or by its numeric id. */
export const gidOrNumber = (value: string) => Number(value.replace(/^gid:\/\/shopify\/\w+\//, ""));
