/**
 * Keyset (cursor) paging for the admin's lists: a page starts after (or ends before) the row a
 * cursor names, by the list's sort keys, so a page costs an index range scan however deep it is,
 * and rows added meanwhile never shift a row onto the next page twice or off it. Pure: it builds
 * Prisma `where` and `orderBy` objects and encodes cursors.
 *
 * The last key must be unique (the id), so every row has exactly one place in the order.
 * A nullable key sorts its nulls last, on both databases (SQLite and PostgreSQL disagree by default).
 */
import { z } from "zod";

export type SortKey = { field: string; dir: "asc" | "desc"; type: "date" | "string"; nullable?: boolean };

export type CursorValue = Date | string | null;

/** Which way a page goes from its cursor: "after" for the next page, "before" for the previous. */
export type PageRequest = { after: string | null; before: string | null };

type Where = Record<string, unknown>;

const flip = (dir: "asc" | "desc") => (dir === "asc" ? "desc" : "asc");

/** The order to read in: the list's own going forward, reversed (nulls first) going back. */
export function keysetOrderBy(keys: readonly SortKey[], forward: boolean): Record<string, unknown>[] {
  return keys.map((key) => {
    const dir = forward ? key.dir : flip(key.dir);
    return { [key.field]: key.nullable ? { sort: dir, nulls: forward ? "last" : "first" } : dir };
  });
}

/** Rows strictly past `value` on one key, in the reading direction; null when there are none. */
function beyond(key: SortKey, value: CursorValue, forward: boolean): Where | null {
  const larger = (key.dir === "asc") === forward;
  if (value === null) {
    // Nulls come last: nothing lies beyond them going forward; every non-null does going back.
    return forward || !key.nullable ? null : { [key.field]: { not: null } };
  }
  const strictly = { [key.field]: { [larger ? "gt" : "lt"]: value } };
  return key.nullable && forward ? { OR: [strictly, { [key.field]: null }] } : strictly;
}

/** The rows after (forward) or before (back) the cursor's row: lexicographic over the keys. */
export function keysetWhere(keys: readonly SortKey[], values: readonly CursorValue[], forward: boolean): Where {
  const branches: Where[] = [];
  for (let i = 0; i < keys.length; i++) {
    const past = beyond(keys[i]!, values[i] ?? null, forward);
    if (!past) continue;
    const equal = keys.slice(0, i).map((key, j) => ({ [key.field]: values[j] ?? null }));
    branches.push(equal.length ? { AND: [...equal, past] } : past);
  }
  // No branch: the cursor was the very last row, so nothing follows it.
  return branches.length ? { OR: branches } : { id: { in: [] } };
}

const CursorSchema = z.array(z.string().nullable());

export function encodeCursor(keys: readonly SortKey[], row: Record<string, unknown>): string {
  const values = keys.map((key) => {
    const value = row[key.field];
    return value instanceof Date ? value.toISOString() : value == null ? null : String(value);
  });
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor's values, typed by the keys; null for anything that is not one of our cursors. */
export function decodeCursor(keys: readonly SortKey[], cursor: string): CursorValue[] | null {
  try {
    const values = CursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (values.length !== keys.length) return null;
    const typed = values.map((value, i) => {
      const key = keys[i]!;
      if (value === null) return key.nullable ? null : undefined;
      if (key.type === "string") return value;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? undefined : date;
    });
    return typed.every((value) => value !== undefined) ? (typed as CursorValue[]) : null;
  } catch {
    return null;
  }
}

export type Page<T> = { rows: T[]; next: string | null; previous: string | null };

/**
 * One page of a list: `find` runs the query with the keyset's where, order and limit. An unreadable
 * cursor reads as the first page.
 */
export async function keysetPage<T extends Record<string, unknown>>(
  keys: readonly SortKey[],
  request: PageRequest,
  size: number,
  find: (args: { where: Where; orderBy: Record<string, unknown>[]; take: number }) => Promise<T[]>,
): Promise<Page<T>> {
  const cursor = request.after ?? request.before;
  const values = cursor ? decodeCursor(keys, cursor) : null;
  const forward = !(values && request.before && !request.after);
  const rows = await find({ where: values ? keysetWhere(keys, values, forward) : {}, orderBy: keysetOrderBy(keys, forward), take: size + 1 });
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (!forward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows: page,
    next: last && (forward ? more : true) ? encodeCursor(keys, last) : null,
    previous: first && (forward ? values !== null : more) ? encodeCursor(keys, first) : null,
  };
}
