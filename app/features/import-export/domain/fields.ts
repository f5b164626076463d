/**
 * Checks shared by the macro and FAQ imports: each gives a field's normalised value or the reasons
 * it has none, whether the value came from a CSV cell or a JSON property.
 */
import { parseBooleanCell } from "./csv";
import { errorAt, type ImportError, type RowLocation, type TextValidator } from "./errors";

export interface FieldCheck<T> {
  value?: T;
  errors: string[];
}

export function invalid<T>(...errors: string[]): FieldCheck<T> {
  return { errors };
}

export function valid<T>(value: T): FieldCheck<T> {
  return { value, errors: [] };
}

/** A function that files a check's problems under `at` and the field, and passes its value on. */
export function fieldCollector(errors: ImportError[], at: RowLocation) {
  return <T>(field: string, check: FieldCheck<T>): T | undefined => {
    for (const message of check.errors) errors.push(errorAt(at, field, message));
    return check.value;
  };
}

/**
 * Required text of at most `max` characters. Short text (titles, questions) is trimmed; long text
 * (bodies, answers) is kept as written, since its whitespace is part of what customers see.
 */
export function checkText(raw: unknown, name: string, max: number, mode: "trim" | "keep"): FieldCheck<string> {
  if (raw === undefined || raw === null) return invalid(`${name} is required`);
  if (typeof raw !== "string") return invalid(`${name} must be text`);
  const text = mode === "trim" ? raw.trim() : raw;
  if (text.trim() === "") return invalid(`${name} is required`);
  if (text.length > max) return invalid(`${name} must be at most ${max} characters (it has ${text.length})`);
  return valid(text);
}

/** A yes/no cell (true/false, yes/no, 1/0); the caller handles a blank one. */
export function checkBooleanCell(cell: string): FieldCheck<boolean> {
  const value = parseBooleanCell(cell);
  if (value === null) return invalid(`"${cell.trim()}" is not a yes or no: use true/false, yes/no or 1/0, or leave it empty`);
  return valid(value);
}

/** Long text that must also pass `validate`; each problem keeps its position inside the text. */
export function checkValidatedText(raw: unknown, name: string, max: number, validate: TextValidator): FieldCheck<string> {
  const text = checkText(raw, name, max, "keep");
  if (text.value === undefined) return text;
  const validation = validate(text.value);
  if (validation.ok) return text;
  return invalid(...validation.errors.map((e) => `Line ${e.line}, column ${e.column} of the ${name}: ${e.message}`));
}
