/**
 * CSV as RFC 4180 writes it, read with the tolerance real exports need: a UTF-8 byte order mark,
 * CRLF, LF or CR line ends, a missing final line end, blank lines, and `;` as the delimiter when
 * the header has semicolons but no comma (Excel in European locales saves it that way).
 *
 * Formula injection: a cell that starts with = + - @, a tab or a CR is run as a formula by
 * spreadsheets. `toCsv` writes such a cell with one `'` in front, which spreadsheets show as text;
 * `parseCsv` removes exactly one leading `'` from a cell made of one or more `'` followed by one of
 * those characters, and leaves every other cell as it is. So `=1+1` is written `'=1+1` and read
 * back as `=1+1`; a cell that really starts with `'=` is written `''=` and read back as `'=`; an
 * unguarded `-1` from another tool is read as `-1`.
 */
import { plural, quotedList, tooManyRows, type ImportError } from "./errors";

export type CsvParse =
  | { ok: true; rows: string[][]; lines: number[] }
  | { ok: false; error: { line: number; message: string } };

/** Cells to guard on export: formula starts, and quotes before one (so those quotes survive). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Cells guarded on export, whose first quote import removes. */
const GUARDED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * Records of `text`, each with the physical line it starts on (`lines[i]` for `rows[i]`), counted
 * from 1 with CRLF, LF and a lone CR each ending one line. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;

  while (i < source.length) {
    if (isLineBreak(source[i])) {
      i += lineBreakLength(source, i);
      line += 1;
      continue;
    }
    const recordLine = line;
    const row: string[] = [];
    for (;;) {
      let value: string;
      if (source[i] === '"') {
        const fieldLine = line;
        value = "";
        let from = i + 1;
        for (;;) {
          const quote = source.indexOf('"', from);
          if (quote === -1) {
            return failure(fieldLine, `A quoted field starting on line ${fieldLine} is never closed: add the missing "`);
          }
          value += source.slice(from, quote);
          line += countLineBreaks(source, from, quote);
          if (source[quote + 1] === '"') {
            value += '"';
            from = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        if (i < source.length && source[i] !== delimiter && !isLineBreak(source[i])) {
          return failure(line, `Unexpected text after a closing quote: a " inside a quoted field must be doubled ("")`);
        }
      } else {
        let end = i;
        while (end < source.length && source[end] !== delimiter && !isLineBreak(source[end])) {
          if (source[end] === '"') {
            return failure(line, `A " inside an unquoted field: put the field in quotes and double the " ("")`);
          }
          end += 1;
        }
        value = source.slice(i, end);
        i = end;
      }
      row.push(GUARDED_FORMULA_START.test(value) ? value.slice(1) : value);
      if (source[i] !== delimiter) break;
      i += 1;
    }
    if (i < source.length) {
      i += lineBreakLength(source, i);
      line += 1;
    }
    rows.push(row);
    lines.push(recordLine);
  }
  return { ok: true, rows, lines };
}

/** Comma-separated, CRLF after every record, quoted where needed, formula starts guarded. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) =>
      // A record of one empty field would be a blank line, which readers skip.
      row.length === 1 && row[0] === "" ? '""' : row.map(formatCell).join(","),
    )
    .map((record) => `${record}\r\n`)
    .join("");
}

function formatCell(cell: string): string {
  const guarded = FORMULA_START.test(cell) ? `'${cell}` : cell;
  // Quoting `;` keeps a one-column file from being read as semicolon-separated, and quoting a
  // leading BOM keeps it from being taken for the file's own.
  return /^\uFEFF|[",;\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** `;` when the first record has a semicolon and no comma outside quotes, else `,`. */
function detectDelimiter(source: string): "," | ";" {
  let quoted = false;
  let semicolon = false;
  for (const char of source) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === ",") return ",";
    else if (char === ";") semicolon = true;
    else if (isLineBreak(char)) break;
  }
  return semicolon ? ";" : ",";
}

function isLineBreak(char: string | undefined): boolean {
  return char === "\n" || char === "\r";
}

function lineBreakLength(source: string, at: number): number {
  return source[at] === "\r" && source[at + 1] === "\n" ? 2 : 1;
}

function countLineBreaks(source: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k += 1) {
    if (source[k] === "\n" || (source[k] === "\r" && source[k + 1] !== "\n")) count += 1;
  }
  return count;
}

function failure(line: number, message: string): CsvParse {
  return { ok: false, error: { line, message } };
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["yes", true],
  ["1", true],
  ["false", false],
  ["no", false],
  ["0", false],
]);

/** true/false, yes/no or 1/0 in any case; null for anything else (blank included). */
export function parseBooleanCell(cell: string): boolean | null {
  return BOOLEAN_WORDS.get(cell.trim().toLowerCase()) ?? null;
}

export interface CsvColumns<C extends string> {
  required: readonly C[];
  optional: readonly C[];
}

/** A data record: its first physical line and its cells by column (undefined: column absent). */
export interface CsvTableRow<C extends string> {
  line: number;
  cells: Record<C, string | undefined>;
}

/**
 * Records under a header row whose names match `columns` in any order and case. A header problem
 * (missing, unknown or repeated column) or more than `maxRows` records yields no rows; a record
 * with the wrong number of cells is reported and left out. Records whose cells are all blank
 * (spreadsheets leave them at the end) are skipped.
 */
export function readCsvTable<C extends string>(
  text: string,
  columns: CsvColumns<C>,
  maxRows: number,
): { rows: CsvTableRow<C>[]; errors: ImportError[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { rows: [], errors: [parsed.error] };
  const [header, ...records] = parsed.rows;
  const expected = [...columns.required, ...columns.optional].join(",");
  if (header === undefined) {
    return { rows: [], errors: [{ message: `The file is empty: it needs a header row (${expected})` }] };
  }
  const headerLine = parsed.lines[0] ?? 1;
  const names = header.map((name) => name.trim().toLowerCase());
  const known: readonly string[] = [...columns.required, ...columns.optional];
  const errors: ImportError[] = [];
  const unknown = names.filter((name) => !known.includes(name));
  const repeated = [...new Set(names.filter((name, index) => name !== "" && names.indexOf(name) !== index))];
  const missing = columns.required.filter((name) => !names.includes(name));
  const headerError = (message: string) => errors.push({ line: headerLine, message });
  if (unknown.length > 0) {
    headerError(`Unknown ${plural(unknown.length, "column")} ${quotedList(unknown)}: the columns are ${expected}`);
  }
  if (repeated.length > 0) {
    const verb = repeated.length === 1 ? "appears" : "appear";
    headerError(`${plural(repeated.length, "Column")} ${quotedList(repeated)} ${verb} more than once`);
  }
  if (missing.length > 0) {
    headerError(`Missing ${plural(missing.length, "column")} ${quotedList(missing)}: the columns are ${expected}`);
  }
  if (errors.length > 0) return { rows: [], errors };

  const data = records
    .map((cells, index) => ({ cells, line: parsed.lines[index + 1] ?? 0 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (data.length > maxRows) {
    return { rows: [], errors: [tooManyRows(data.length, "rows", maxRows)] };
  }
  const rows: CsvTableRow<C>[] = [];
  for (const { cells, line } of data) {
    if (cells.length !== names.length) {
      errors.push({ line, message: `This row has ${cells.length} cells but the header has ${names.length} columns` });
      continue;
    }
    const byName = Object.fromEntries(known.map((name) => [name, undefined])) as Record<C, string | undefined>;
    names.forEach((name, index) => {
      (byName as Record<string, string | undefined>)[name] = cells[index];
    });
    rows.push({ line, cells: byName });
  }
  return { rows, errors };
}
