/**
 * What the request page's forms share between the server and the browser: their limits and field
 * names, and what a form gets back — a toast, or why not, beside a field or for the whole form.
 */

export const TRACKING_NUMBER_MAX = 64;
export const INSPECTION_NOTE_MAX = 1_000;
export const SETTLEMENT_REASON_MAX = 500;
/** The receiving form's counts, posted as `restocked.<itemId>`, `notRestocked.<itemId>`, `missing.<itemId>`. */
export const UNIT_FIELDS = ["restocked", "notRestocked", "missing"] as const;

export type FormOutcome =
  | { ok: true; intent: string; toast: string }
  | {
      ok: false;
      intent: string | null;
      status: number;
      fieldErrors: Partial<Record<string, string>>;
      formError: string | null;
      /** The exchange's variant sold out: staff may approve as a refund or store credit instead. */
      offerFallback?: boolean;
    };

export const refused = (
  intent: string | null,
  status: number,
  formError: string | null,
  fieldErrors: Partial<Record<string, string>> = {},
): FormOutcome => ({ ok: false, intent, status, formError, fieldErrors });

/** A use case's answer as the form's outcome. */
export function fromResult(intent: string, result: { ok: true; toast: string } | { ok: false; status: number; error: string }): FormOutcome {
  return result.ok ? { ok: true, intent, toast: result.toast } : refused(intent, result.status, result.error);
}

/** The errors a form shows: only those of the outcome its own intent produced. */
export function errorsFor(outcome: FormOutcome | undefined, intent: string): { fieldErrors: Partial<Record<string, string>>; formError: string | null } {
  if (!outcome || outcome.ok || outcome.intent !== intent) return { fieldErrors: {}, formError: null };
  return { fieldErrors: outcome.fieldErrors, formError: outcome.formError };
}
