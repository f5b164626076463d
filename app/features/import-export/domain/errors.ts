/**
 * What an import reports when a file is refused. A file imports whole or not at all, so every
 * problem is collected and shown at once, each pointing where the merchant can find it.
 */

export type ImportFormat = "csv" | "json";

/**
 * Where a problem is. Exactly one shape applies:
 * - `line`: a CSV record, by the physical line it starts on (a quoted field may span lines), or a
 *   JSON syntax error, by line and `column`;
 * - `item`: an entry of a JSON array, numbered from 1 ("item 3");
 * - neither: the file as a whole (empty, too many rows, the "…and N more" tail).
 */
export type ImportError =
  | { line: number; column?: number; item?: undefined; field?: string; message: string }
  | { item: number; line?: undefined; field?: string; message: string }
  | { line?: undefined; item?: undefined; field?: undefined; message: string };

export type ImportResult<T> = { ok: true; records: T[] } | { ok: false; errors: ImportError[] };

/** A record's place in the file, attached to each of its errors. */
export type RowLocation = { line: number } | { item: number };

/** What a body or answer validator reports: each problem's position inside that text. */
export type TextValidation =
  | { ok: true }
  | { ok: false; errors: { message: string; line: number; column: number }[] };
export type TextValidator = (text: string) => TextValidation;

export const DEFAULT_MAX_ROWS = 1000;
/** Past this a list stops being read; the merchant fixes the first ones and tries again. */
export const MAX_REPORTED_ERRORS = 100;

export function errorAt(at: RowLocation, field: string, message: string): ImportError {
  return { ...at, field, message };
}

export function describeLocation(at: RowLocation): string {
  return "line" in at ? `line ${at.line}` : `item ${at.item}`;
}

/**
 * The errors in file order (whole-file ones first, a record's own in the order they were found),
 * cut to MAX_REPORTED_ERRORS and a final "…and N more errors".
 */
export function importFailure(errors: readonly ImportError[]): { ok: false; errors: ImportError[] } {
  const sorted = [...errors].sort((a, b) => (a.line ?? a.item ?? 0) - (b.line ?? b.item ?? 0));
  if (sorted.length <= MAX_REPORTED_ERRORS) return { ok: false, errors: sorted };
  const hidden = sorted.length - MAX_REPORTED_ERRORS;
  return {
    ok: false,
    errors: [...sorted.slice(0, MAX_REPORTED_ERRORS), { message: `…and ${hidden} more ${plural(hidden, "error")}` }],
  };
}

/** One line for a list shown to the merchant: "Line 4, body: …", "Item 2, title: …". */
export function describeImportError(error: ImportError): string {
  const place =
    error.line !== undefined
      ? `Line ${error.line}${error.column === undefined ? "" : `, column ${error.column}`}`
      : error.item !== undefined
        ? `Item ${error.item}`
        : undefined;
  const where = [place, error.field].filter((part) => part !== undefined).join(", ");
  return where === "" ? error.message : `${where}: ${error.message}`;
}

/**
 * JSON.parse with its complaint turned into a line and column. V8 reports an offset for most
 * mistakes ("… in JSON at position 7"); the source snippet it sometimes quotes is dropped, since
 * it can be the whole file.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: ImportError } {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (thrown) {
    const reported = thrown instanceof Error ? thrown.message : String(thrown);
    const reason = reported
      .replace(/, ".*" is not valid JSON$/s, "")
      .replace(/\s*(?:in JSON )?at position \d+.*$/s, "");
    const offset = /position (\d+)/.exec(reported)?.[1];
    const position =
      offset !== undefined ? Number(offset) : /end of JSON input/.test(reported) ? source.length : undefined;
    if (position === undefined) return { ok: false, error: { message: `Invalid JSON: ${reason}` } };
    const before = source.slice(0, position);
    const line = before.split("\n").length;
    const column = position - before.lastIndexOf("\n");
    return { ok: false, error: { line, column, message: `Invalid JSON: ${reason}` } };
  }
}

/** A message naming the keys of a JSON object that are not in `known` (a typo, or another tool's field). */
export function unknownFieldsMessage(value: Record<string, unknown>, known: readonly string[]): string | undefined {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length === 0) return undefined;
  return `Unknown ${plural(unknown.length, "field")} ${quotedList(unknown)}: the fields are ${known.join(", ")}`;
}

export function tooManyRows(count: number, noun: string, maxRows: number): ImportError {
  return { message: `The file has ${count} ${noun}; one import takes at most ${maxRows}. Split it into smaller files.` };
}

/**
 * The entries of a JSON import, written `{ "<key>": [ … ] }` or as the bare array. Unreadable JSON,
 * another shape, or more than `maxRows` entries: the problem goes to `errors` and no entry is read.
 */
export function readJsonList(text: string, key: string, maxRows: number, errors: ImportError[]): unknown[] {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    errors.push(parsed.error);
    return [];
  }
  const list: unknown = Array.isArray(parsed.value) ? parsed.value : isPlainObject(parsed.value) ? parsed.value[key] : undefined;
  if (!Array.isArray(list)) {
    errors.push({ message: `Expected { "${key}": [ … ] } or an array of ${key}` });
    return [];
  }
  if (list.length > maxRows) {
    errors.push(tooManyRows(list.length, key, maxRows));
    return [];
  }
  return list;
}

export function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

/** `"a", "b"`; an empty name (a header cell left blank) is described instead. */
export function quotedList(names: readonly string[]): string {
  return names.map((name) => (name === "" ? "(a column without a name)" : `"${name}"`)).join(", ");
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
