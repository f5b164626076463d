import { z } from "zod";

/**
 * What the three policy forms (returns, shipping, support) share: a form is the merchant's typed
 * text, turned into a candidate document and checked by the document's own schema; its errors come
 * back keyed by dotted field path. Client-safe: pages use the types and small helpers too.
 */

/** The key a form-level error (no field to sit beside) is reported under. */
export const FORM_ERROR = "_form";

export type FieldErrors = Record<string, string>;

export type FieldIssue = { path: (string | number)[]; message: string };

/**
 * zod issues as `{ "returnShipping.fee": message }`: the first message per path wins, since a
 * field shows one error at a time. Issues without a path are form-level.
 */
export function flattenIssues(issues: readonly Pick<z.ZodIssue, "path" | "message">[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : FORM_ERROR;
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * One document's form. `fromForm` only translates (text to numbers, rows to lists): every rule
 * stays in `schema`, the domain's, so the page and storage can never disagree.
 */
export type DocumentForm<T extends { version: number }, F> = {
  toForm(document: T): F;
  /** The submitted form's shape; its values are judged by `schema` afterwards. */
  formSchema: z.ZodType<F, z.ZodTypeDef, unknown>;
  /** The form as a candidate document without its version (not yet validated). */
  fromForm(form: F): object;
  schema: { safeParse(value: unknown): z.SafeParseReturnType<unknown, T> };
  /** Moves an issue from the document's path to the field that edits it, where the two differ. */
  toFieldIssue?(issue: FieldIssue, form: F): FieldIssue;
};

export type ParsedForm<T> = { ok: true; document: Omit<T, "version"> } | { ok: false; errors: FieldErrors };

export const UNREADABLE_FORM = "The form could not be read. Reload the page and try again.";

/** The submitted JSON → a valid document (without version), or errors keyed by field path. */
export function parseDocumentForm<T extends { version: number }, F>(spec: DocumentForm<T, F>, json: unknown): ParsedForm<T> {
  let raw: unknown;
  try {
    raw = typeof json === "string" ? JSON.parse(json) : undefined;
  } catch {
    raw = undefined;
  }
  const form = spec.formSchema.safeParse(raw);
  if (!form.success) return { ok: false, errors: { [FORM_ERROR]: UNREADABLE_FORM } };
  // The version is the model's to assign; 1 only satisfies the schema here.
  const parsed = spec.schema.safeParse({ ...spec.fromForm(form.data), version: 1 });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => spec.toFieldIssue?.(issue, form.data) ?? issue);
    return { ok: false, errors: flattenIssues(issues) };
  }
  const { version: _version, ...document } = parsed.data;
  return { ok: true, document };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Typed text → number when it is one; "" → undefined (the schema's "is required"); else unchanged (its "must be a number"). */
export function formNumber(value: string | number): unknown {
  if (typeof value === "number") return value;
  const text = value.trim().replace(/,/g, "");
  if (text === "") return undefined;
  return NUMBER.test(text) ? Number(text) : value;
}

/** Tags as a list; a pasted "a, b,c" counts as three, blanks and repeats (case-insensitive) dropped. */
export function tagList(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of values.flatMap((v) => v.split(",")).map((v) => v.trim())) {
    if (tag === "" || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** A typed number as the form holds it; bounded so a hostile body cannot be huge. */
export const formText = z.union([z.string().max(64), z.number()]).transform(String);
