/** Macro families in the order support teams use them: the starters first, then the shop's own, A→Z. Pure. */
import { MACRO_FAMILIES } from "./domain/starters";

/** The starter families first, in the order support teams use them; the shop's own after, A→Z. */
export function compareFamilies(a: string, b: string): number {
  const rank = (family: string) => {
    const index = (MACRO_FAMILIES as readonly string[]).indexOf(family);
    return index === -1 ? MACRO_FAMILIES.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function sortFamilies(families: Iterable<string>): string[] {
  return [...new Set(families)].sort(compareFamilies);
}

/** Rows grouped by family (families ordered by compareFamilies), titles A→Z inside each. */
export function groupByFamily<T extends { family: string; title: string }>(
  rows: readonly T[]
): { family: string; macros: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.family) ?? [];
    list.push(row);
    groups.set(row.family, list);
  }
  return sortFamilies(groups.keys()).map((family) => ({
    family,
    macros: [...groups.get(family)!].sort((a, b) =>
      a.title.localeCompare(b.title)
    ),
  }));
}
