import { z } from "zod";

/**
 * Text from outside (shoppers, staff, imports) as both our databases can store it. PostgreSQL
 * refuses a NUL character in a text column (the insert fails, so the request did too), and a lone
 * UTF-16 surrogate has no UTF-8 form: one database would store a replacement character, the other
 * refuse it. Both are dropped or replaced before any other rule sees the text.
 */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * Wraps the schema of a text field that is stored: `storedText(z.string().trim().max(100))`.
 * Non-strings pass through untouched, so the inner schema's own type errors still apply.
 */
export function storedText<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" ? storableText(value) : value), schema);
}
