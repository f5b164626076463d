import { z } from "zod";
import { parseCents } from "../../lib/cents";
import { formTextFields, optionalText } from "../../lib/forms";
import { storedText } from "../../lib/text";
import type { ReturnsContext } from "./context.server";
import { ApproveFormSchema, DeclineFormSchema, RetryFormSchema, runDecision, type DecisionDeps } from "./decisions.server";
import { fromResult, INSPECTION_NOTE_MAX, refused, SETTLEMENT_REASON_MAX, TRACKING_NUMBER_MAX, UNIT_FIELDS, type FormOutcome } from "./request-forms";
import type { attachLabel, issueSettlement, markReturned, receiveItems, retryRefusedStep } from "./fulfilment.server";

/**
 * Every form on a return request's page posts an `intent`; this reads it with one schema and
 * hands it to its use case. The use cases are passed in by the route, as for the decisions, so
 * this module loads in unit tests without the Shopify client.
 */

export type FulfilmentDeps = {
  attachLabel: typeof attachLabel;
  markReturned: typeof markReturned;
  receiveItems: typeof receiveItems;
  issueSettlement: typeof issueSettlement;
  retryRefusedStep: typeof retryRefusedStep;
};
export type RequestActionDeps = DecisionDeps & FulfilmentDeps;

const LABEL_NEEDED = "Give the label (a link or a file) or a tracking number.";

/** A link staff paste, for Shopify and the shopper: https only, so never a script and never sent in the clear. */
const optionalHttpsUrl = (what: string) =>
  storedText(
    z
      .string()
      .trim()
      .max(2_000, `Keep the ${what} under 2,000 characters.`)
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || isHttps(value), `The ${what} must be a full address starting with https://`),
  );

function isHttps(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export const AttachLabelFormSchema = z.object({
  intent: z.literal("attach_label"),
  labelUrl: optionalHttpsUrl("label link"),
  trackingNumber: optionalText(TRACKING_NUMBER_MAX, `Keep the tracking number to ${TRACKING_NUMBER_MAX} characters or fewer.`),
  trackingUrl: optionalHttpsUrl("tracking link"),
  carrierName: optionalText(100, "Keep the carrier's name to 100 characters or fewer."),
});

export const MarkReturnedFormSchema = z.object({ intent: z.literal("mark_returned") });

/** Units of one item, as typed: a whole number; an emptied field counts as 0. */
const UnitsSchema = z
  .string({ required_error: "Enter a whole number of units, 0 or more." })
  .trim()
  .regex(/^\d{0,4}$/, "Enter a whole number of units, 0 or more.")
  .transform((value) => (value === "" ? 0 : Number(value)));

export const ReceiveItemsFormSchema = z.object({
  intent: z.literal("receive_items"),
  inspectionNote: optionalText(INSPECTION_NOTE_MAX, `Keep the note to ${INSPECTION_NOTE_MAX.toLocaleString("en-US")} characters or fewer.`),
  lines: z
    .array(z.object({ itemId: z.string().min(1).max(64), restocked: UnitsSchema, notRestocked: UnitsSchema, missing: UnitsSchema }))
    .min(1, "Record what came back for each item.")
    .max(250),
});

/** An amount typed by staff, in cents; absent when the page did not offer that amount. */
const CentsSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const parsed = parseCents(value);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
    return z.NEVER;
  });

export const IssueMoneyFormSchema = z.object({
  intent: z.literal("issue_money"),
  refund: CentsSchema,
  storeCredit: CentsSchema,
  bonus: CentsSchema,
  reason: optionalText(SETTLEMENT_REASON_MAX, `Keep the reason to ${SETTLEMENT_REASON_MAX} characters or fewer.`),
});

export const RetryStepFormSchema = z.object({ intent: z.literal("retry_step") });

export const RequestActionSchema = z.discriminatedUnion("intent", [
  ApproveFormSchema,
  DeclineFormSchema,
  RetryFormSchema,
  AttachLabelFormSchema,
  MarkReturnedFormSchema,
  ReceiveItemsFormSchema,
  IssueMoneyFormSchema,
  RetryStepFormSchema,
]);

const UNIT_FIELD = new RegExp(`^(${UNIT_FIELDS.join("|")})\\.(.+)$`);

function receivedLines(form: FormData): Record<string, string>[] {
  const byItem = new Map<string, Record<string, string>>();
  for (const [name, value] of form.entries()) {
    const match = UNIT_FIELD.exec(name);
    if (!match || typeof value !== "string") continue;
    const itemId = match[2]!;
    byItem.set(itemId, { ...byItem.get(itemId), itemId, [match[1]!]: value });
  }
  return [...byItem.values()];
}

/** Each issue beside its field (a count beside its item's field); anything else is the form's. */
function issuesOf(error: z.ZodError, lines: Record<string, string>[]) {
  const fieldErrors: Partial<Record<string, string>> = {};
  let formError: string | null = null;
  for (const issue of error.issues) {
    const [head, index, field] = issue.path;
    const itemId = typeof index === "number" ? lines[index]?.itemId : undefined;
    const key = head === "lines" ? (itemId && typeof field === "string" ? `${field}.${itemId}` : null) : head === "intent" ? null : String(head);
    if (key) fieldErrors[key] ??= issue.message;
    else formError ??= head === "lines" ? issue.message : "Unknown action: reload the page and try again.";
  }
  return { fieldErrors, formError };
}

/** The request page's action: read the posted form, run its use case, say how it went. */
export async function submitRequestAction(
  ctx: ReturnsContext,
  deps: RequestActionDeps,
  id: string,
  staff: string,
  form: FormData,
): Promise<FormOutcome> {
  const fields = formTextFields(form);
  const lines = receivedLines(form);
  const intent = typeof fields.intent === "string" ? fields.intent : null;
  const parsed = RequestActionSchema.safeParse({ ...fields, lines });
  if (!parsed.success) {
    const { fieldErrors, formError } = issuesOf(parsed.error, lines);
    return refused(intent, 400, formError, fieldErrors);
  }
  const input = parsed.data;
  switch (input.intent) {
    case "approve":
    case "decline":
    case "retry":
      return runDecision(ctx, deps, id, staff, input);
    case "attach_label": {
      // attachLabel refuses this too; asked here so the message sits beside the first field.
      const file = form.get("labelFile");
      const labelFile = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
      if (!input.labelUrl && !labelFile && !input.trackingNumber) return refused(input.intent, 400, null, { labelUrl: LABEL_NEEDED });
      const { intent: _intent, ...label } = input;
      return fromResult(input.intent, await deps.attachLabel(ctx, id, staff, { ...label, labelFile }));
    }
    case "mark_returned":
      return fromResult(input.intent, await deps.markReturned(ctx, id, staff));
    case "receive_items":
      return fromResult(input.intent, await deps.receiveItems(ctx, id, staff, { lines: input.lines, note: input.inspectionNote }));
    case "issue_money": {
      const wanted = {
        ...(input.refund !== undefined && { refundCents: input.refund }),
        ...(input.storeCredit !== undefined && { storeCreditCents: input.storeCredit }),
        ...(input.bonus !== undefined && { bonusCents: input.bonus }),
      };
      const result = await deps.issueSettlement(ctx, id, staff, wanted, input.reason);
      // The use case decides when a reason is needed (an amount raised above the proposal); with
      // none given, its refusal is shown beside the reason field.
      if (!result.ok && result.status === 400 && !input.reason) return refused(input.intent, 400, null, { reason: result.error });
      return fromResult(input.intent, result);
    }
    case "retry_step":
      return fromResult(input.intent, await deps.retryRefusedStep(ctx, id, staff));
  }
}
