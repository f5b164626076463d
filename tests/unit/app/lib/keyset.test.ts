import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keysetOrderBy, keysetPage, keysetWhere, type Page, type SortKey } from "../../../../app/lib/keyset";

const KEYS: SortKey[] = [
  { field: "decidedAt", dir: "asc", type: "date", nullable: true },
  { field: "id", dir: "asc", type: "string" },
];
const AT = new Date("2026-10-14T10:00:00.000Z");

type Row = { decidedAt: Date | null; id: string };

/** The rows a where object selects, evaluated in memory as the database would. */
function matches(where: Record<string, unknown>, row: Row): boolean {
  if ("OR" in where) return (where.OR as Record<string, unknown>[]).some((w) => matches(w, row));
  if ("AND" in where) return (where.AND as Record<string, unknown>[]).every((w) => matches(w, row));
  return Object.entries(where).every(([field, condition]) => {
    const value = row[field as keyof Row];
    if (condition === null) return value === null;
    if (condition instanceof Date || typeof condition === "string") return value !== null && String(value instanceof Date ? value.getTime() : value) === String(condition instanceof Date ? condition.getTime() : condition);
    const c = condition as { gt?: Date | string; lt?: Date | string; not?: null; in?: unknown[] };
    if ("in" in c) return c.in!.includes(value);
    if ("not" in c) return value !== null;
    if (value === null) return false;
    const v = value instanceof Date ? value.getTime() : value;
    const bound = (b: Date | string) => (b instanceof Date ? b.getTime() : b);
    return c.gt !== undefined ? v > bound(c.gt) : v < bound(c.lt!);
  });
}

/** Sorted as keysetOrderBy says: decidedAt ascending with nulls last, then id. */
const ordered = (rows: Row[]) =>
  [...rows].sort((a, b) => {
    const x = a.decidedAt?.getTime() ?? Infinity;
    const y = b.decidedAt?.getTime() ?? Infinity;
    return x - y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });

const ROWS: Row[] = Array.from({ length: 23 }, (_, i) => ({
  id: `r${String(i).padStart(2, "0")}`,
  decidedAt: i % 5 === 0 ? null : new Date(AT.getTime() + (i % 4) * 60_000),
}));

async function findIn(rows: Row[], args: { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number }) {
  const forward = JSON.stringify(args.orderBy[1]) === JSON.stringify({ id: "asc" });
  const sorted = ordered(rows.filter((r) => matches(args.where, r)));
  return (forward ? sorted : sorted.reverse()).slice(0, args.take);
}

describe("keyset paging", () => {
  it("GIVEN a nullable sort key THEN it reads nulls last going forward and first going back", () => {
    expect(keysetOrderBy(KEYS, true)).toEqual([{ decidedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]);
    expect(keysetOrderBy(KEYS, false)).toEqual([{ decidedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }]);
  });

  it("GIVEN a cursor on a null THEN only later nulls follow it", () => {
    const where = keysetWhere(KEYS, [null, "r10"], true);
    expect(ROWS.filter((r) => matches(where, r)).map((r) => r.id)).toEqual(["r15", "r20"]);
  });

  it("GIVEN pages walked forward then back THEN every row comes once, in order, and going back returns the same pages", async () => {
    const pages: Row[][] = [];
    let after: string | null = null;
    do {
      const page: Page<Row> = await keysetPage(KEYS, { after, before: null }, 5, (args) => findIn(ROWS, args));
      pages.push(page.rows);
      after = page.next;
    } while (after);
    expect(pages.flat()).toEqual(ordered(ROWS));

    const last = await keysetPage(KEYS, { after: encodeCursor(KEYS, pages[3]!.at(-1)!), before: null }, 5, (args) => findIn(ROWS, args));
    const back = await keysetPage(KEYS, { after: null, before: last.previous }, 5, (args) => findIn(ROWS, args));
    expect(back.rows).toEqual(pages[3]);
  });

  it("GIVEN a cursor that is not ours THEN it reads as no cursor", () => {
    expect(decodeCursor(KEYS, "not-base64-json")).toBeNull();
    expect(decodeCursor(KEYS, Buffer.from(JSON.stringify(["yesterday", "r1"])).toString("base64url"))).toBeNull();
    expect(decodeCursor(KEYS, Buffer.from(JSON.stringify([null])).toString("base64url"))).toBeNull();
    expect(decodeCursor(KEYS, encodeCursor(KEYS, { decidedAt: AT, id: "r1" }))).toEqual([AT, "r1"]);
  });
});
