/**
 * Macros in and out as CSV or JSON, for merchants arriving from another help desk. Parsing is
 * all or nothing: either every row is valid and normalised, or the result lists every problem with
 * its line (CSV) or item number (JSON), so the caller can write the records in one transaction.
 *
 * CSV: a header row with `family,title,body` and optionally `archived`, in any order and case.
 * JSON: `{ "macros": [{ family, title, body, archived? }] }` or the bare array.
 * The field rules match the macro editor's form, so an imported macro can be saved there unchanged.
 */
import { readCsvTable, toCsv } from "./csv";
import {
  DEFAULT_MAX_ROWS,
  describeLocation,
  errorAt,
  importFailure,
  isPlainObject,
  readJsonList,
  unknownFieldsMessage,
  type ImportError,
  type ImportFormat,
  type ImportResult,
  type RowLocation,
  type TextValidator,
} from "./errors";
import { checkBooleanCell, checkText, checkValidatedText, fieldCollector, invalid, valid, type FieldCheck } from "./fields";

export interface MacroRecord {
  family: string;
  title: string;
  body: string;
  archived: boolean;
}

export interface MacroImportOptions {
  /** The template check, e.g. validateMacro from features/macros/domain/template.ts. */
  validateBody: TextValidator;
  /** Most macros one file may hold. Default 1000. */
  maxRows?: number;
}

export const MACRO_IMPORT_LIMITS = Object.freeze({ familyChars: 40, titleChars: 120, bodyChars: 20_000 });

const COLUMNS = { required: ["family", "title", "body"], optional: ["archived"] } as const;
const JSON_KEYS: readonly string[] = ["family", "title", "body", "archived"];

/** A macro as read from the file, before its fields are checked. */
interface MacroInput {
  at: RowLocation;
  family: unknown;
  title: unknown;
  body: unknown;
  archived: boolean;
}

export function parseMacroImport(
  text: string,
  format: ImportFormat,
  options: MacroImportOptions,
): ImportResult<MacroRecord> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const errors: ImportError[] = [];
  const inputs = format === "csv" ? readCsvMacros(text, maxRows, errors) : readJsonMacros(text, maxRows, errors);

  const records: MacroRecord[] = [];
  const firstTitles = new Map<string, RowLocation>();
  for (const input of inputs) {
    const take = fieldCollector(errors, input.at);
    const family = take("family", checkFamily(input.family));
    const title = take("title", checkText(input.title, "title", MACRO_IMPORT_LIMITS.titleChars, "trim"));
    const body = take("body", checkValidatedText(input.body, "body", MACRO_IMPORT_LIMITS.bodyChars, options.validateBody));
    if (family === undefined || title === undefined || body === undefined) continue;

    const key = `${family}\u0000${title.toLowerCase()}`;
    const first = firstTitles.get(key);
    if (first) {
      const message = `Another macro in family "${family}" already has this title (${describeLocation(first)})`;
      errors.push(errorAt(input.at, "title", message));
      continue;
    }
    firstTitles.set(key, input.at);
    records.push({ family, title, body, archived: input.archived });
  }
  return errors.length > 0 ? importFailure(errors) : { ok: true, records };
}

/** CSV with a header row, or `{ "macros": [...] }` pretty-printed with two spaces. */
export function exportMacros(macros: readonly MacroRecord[], format: ImportFormat): string {
  if (format === "json") {
    const list = macros.map(({ family, title, body, archived }) => ({ family, title, body, archived }));
    return `${JSON.stringify({ macros: list }, null, 2)}\n`;
  }
  return toCsv([
    ["family", "title", "body", "archived"],
    ...macros.map((m) => [m.family, m.title, m.body, String(m.archived)]),
  ]);
}

function readCsvMacros(text: string, maxRows: number, errors: ImportError[]): MacroInput[] {
  const table = readCsvTable(text, COLUMNS, maxRows);
  errors.push(...table.errors);
  return table.rows.map(({ line, cells }) => {
    const at = { line };
    const archivedCell = cells.archived ?? "";
    const archived = archivedCell.trim() === "" ? false : fieldCollector(errors, at)("archived", checkBooleanCell(archivedCell));
    return { at, family: cells.family, title: cells.title, body: cells.body, archived: archived ?? false };
  });
}

function readJsonMacros(text: string, maxRows: number, errors: ImportError[]): MacroInput[] {
  const inputs: MacroInput[] = [];
  readJsonList(text, "macros", maxRows, errors).forEach((entry, index) => {
    const at = { item: index + 1 };
    if (!isPlainObject(entry)) {
      errors.push({ ...at, message: "Each macro must be an object with family, title and body" });
      return;
    }
    const unknown = unknownFieldsMessage(entry, JSON_KEYS);
    if (unknown) errors.push({ ...at, message: unknown });
    const archived = entry.archived ?? false;
    if (typeof archived !== "boolean") {
      errors.push(errorAt(at, "archived", "archived must be true or false"));
    }
    inputs.push({ at, family: entry.family, title: entry.title, body: entry.body, archived: archived === true });
  });
  return inputs;
}

function checkFamily(raw: unknown): FieldCheck<string> {
  const text = checkText(raw, "family", MACRO_IMPORT_LIMITS.familyChars, "trim");
  if (text.value === undefined) return text;
  const family = text.value.toLowerCase();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(family)) {
    return invalid(
      `family "${family}" may only use letters, numbers, spaces, hyphens and underscores, starting with a letter or number`,
    );
  }
  return valid(family);
}
