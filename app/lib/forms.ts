import { z } from "zod";
import { storedText } from "./text";

/** Posted admin forms, as the pages read them back. */

/** A posted form's text fields (files dropped), as zod reads them. */
export function formTextFields(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * A refused form as its page shows it: each of the page's fields with its first message; an issue
 * anywhere else means the page is out of date.
 */
export function formIssues<F extends string>(error: z.ZodError, fields: readonly F[]): { fieldErrors: Partial<Record<F, string>>; formError: string | null } {
  const fieldErrors: Partial<Record<F, string>> = {};
  let formError: string | null = null;
  for (const issue of error.issues) {
    const field = fields.find((name) => name === issue.path[0]);
    if (field) fieldErrors[field] ??= issue.message;
    else formError = "Unknown action: reload the page and try again.";
  }
  return { fieldErrors, formError };
}

/** An optional text field: trimmed, stored safely, capped; empty reads as not given. */
export const optionalText = (max: number, message: string) =>
  storedText(
    z
      .string()
      .trim()
      .max(max, message)
      .optional()
      .transform((value) => value || undefined),
  );
