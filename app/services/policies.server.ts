import { z } from "zod";
import type { Db } from "../db-client.server";
import { ReturnPolicySchema } from "../domain/returns/policy";
import { RESOLUTIONS, type ReturnPolicy } from "../domain/returns/types";
import { currentReturnPolicy, saveReturnPolicy } from "../models/policy.server";
import { formatDateTime } from "./returns-admin.server";

/**
 * The admin's Policies page: the return policy as the form edits it, the way back to a policy,
 * field errors keyed by dotted path, and the versions list. The policy's rules themselves stay in
 * domain/returns/policy.ts (ReturnPolicySchema); this module only translates and explains.
 */

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

/** Longest handle we generate; long labels still give a readable, stable slug. */
export const HANDLE_MAX = 60;

/** "Size was too small!" → "size-was-too-small"; accents folded, anything else becomes one hyphen. */
export function slugify(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, HANDLE_MAX)
    .replace(/^-+|-+$/g, "");
}

/** The key a form-level error (no field to sit beside) is reported under. */
export const FORM_ERROR = "_form";

export type FieldErrors = Record<string, string>;

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
 * What the form edits. Numbers stay the text the merchant typed (so "" and "12abc" reach the
 * schema and get its message); a reason carries whether auto-approve skips it, so removing a
 * reason removes its exclusion too, and a new reason can be excluded before it has a handle.
 */
export type PolicyFormValues = {
  windowDays: string;
  windowStartsAt: "delivery" | "fulfillment";
  finalSaleTags: string[];
  excludedProductTypes: string[];
  resolutions: string[];
  storeCreditBonusPercent: string;
  restockingFeePercent: string;
  returnShipping: { paidBy: "customer" | "merchant"; fee: string };
  /** handle "" on a new row: generated from the label when the policy is saved. */
  reasons: { label: string; handle: string; photoRequired: boolean; alwaysReview: boolean }[];
  autoApprove: { enabled: boolean; maxValue: string };
  responseTargetHours: string;
  notifications: { shopifyEmails: boolean; appEmails: boolean };
};

export function policyToForm(policy: ReturnPolicy): PolicyFormValues {
  const excluded = new Set(policy.autoApprove.excludedReasons);
  return {
    windowDays: String(policy.windowDays),
    windowStartsAt: policy.windowStartsAt,
    finalSaleTags: [...policy.finalSaleTags],
    excludedProductTypes: [...policy.excludedProductTypes],
    resolutions: [...policy.resolutions],
    storeCreditBonusPercent: String(policy.storeCreditBonusPercent),
    restockingFeePercent: String(policy.restockingFeePercent),
    returnShipping: { paidBy: policy.returnShipping.paidBy, fee: policy.returnShipping.fee.toFixed(2) },
    reasons: policy.reasons.map((r) => ({ label: r.label, handle: r.handle, photoRequired: r.photoRequired, alwaysReview: excluded.has(r.handle) })),
    autoApprove: { enabled: policy.autoApprove.enabled, maxValue: policy.autoApprove.maxValue.toFixed(2) },
    responseTargetHours: String(policy.responseTargetHours),
    notifications: { ...policy.notifications },
  };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Typed text → number when it is one; "" → undefined (the schema's "is required"); else unchanged (its "must be a number"). */
function toNumber(value: string | number): unknown {
  if (typeof value === "number") return value;
  const text = value.trim().replace(/,/g, "");
  if (text === "") return undefined;
  return NUMBER.test(text) ? Number(text) : value;
}

/** Tags as a list; a pasted "a, b,c" counts as three, blanks and repeats (case-insensitive) dropped. */
function toTagList(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of values.flatMap((v) => v.split(",")).map((v) => v.trim())) {
    if (tag === "" || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/**
 * The form's values as a policy candidate for ReturnPolicySchema (not yet validated). Row order is
 * kept, so the schema's `reasons.3.handle` is the fourth row on the page.
 */
export function formToPolicy(values: PolicyFormValues): unknown {
  const reasons = values.reasons.map((r) => ({
    label: r.label,
    handle: r.handle.trim() === "" ? slugify(r.label) : r.handle.trim(),
    photoRequired: r.photoRequired,
  }));
  return {
    windowDays: toNumber(values.windowDays),
    windowStartsAt: values.windowStartsAt,
    finalSaleTags: toTagList(values.finalSaleTags),
    excludedProductTypes: toTagList(values.excludedProductTypes),
    resolutions: RESOLUTIONS.filter((r) => values.resolutions.includes(r)),
    storeCreditBonusPercent: toNumber(values.storeCreditBonusPercent),
    restockingFeePercent: toNumber(values.restockingFeePercent),
    returnShipping: { paidBy: values.returnShipping.paidBy, fee: toNumber(values.returnShipping.fee) },
    reasons,
    autoApprove: {
      enabled: values.autoApprove.enabled,
      maxValue: toNumber(values.autoApprove.maxValue),
      // Deduplicated: two rows with one handle is reported on the handle, not here as well.
      excludedReasons: [...new Set(reasons.filter((_, i) => values.reasons[i]!.alwaysReview).map((r) => r.handle))],
    },
    responseTargetHours: toNumber(values.responseTargetHours),
    notifications: values.notifications,
  };
}

const text = z.union([z.string().max(64), z.number()]).transform(String);

/** The submitted `policy` field's shape; its values are checked by ReturnPolicySchema afterwards. */
export const PolicyFormSchema = z.object({
  windowDays: text,
  windowStartsAt: z.enum(["delivery", "fulfillment"]),
  finalSaleTags: z.array(z.string().max(1000)).max(200),
  excludedProductTypes: z.array(z.string().max(1000)).max(200),
  resolutions: z.array(z.string().max(32)).max(10),
  storeCreditBonusPercent: text,
  restockingFeePercent: text,
  returnShipping: z.object({ paidBy: z.enum(["customer", "merchant"]), fee: text }),
  reasons: z
    .array(
      z.object({
        label: z.string().max(200),
        handle: z.string().max(200),
        photoRequired: z.boolean(),
        alwaysReview: z.boolean().default(false),
      }),
    )
    .max(100),
  autoApprove: z.object({ enabled: z.boolean(), maxValue: text }),
  responseTargetHours: text,
  notifications: z.object({ shopifyEmails: z.boolean(), appEmails: z.boolean() }),
}) satisfies z.ZodType<PolicyFormValues, z.ZodTypeDef, unknown>;

export type ParsedPolicyForm = { ok: true; policy: Omit<ReturnPolicy, "version"> } | { ok: false; errors: FieldErrors };

/** The submitted JSON → a valid policy (without version), or errors keyed by the policy's dotted paths. */
export function parsePolicyForm(json: unknown): ParsedPolicyForm {
  let raw: unknown;
  try {
    raw = typeof json === "string" ? JSON.parse(json) : undefined;
  } catch {
    raw = undefined;
  }
  const form = PolicyFormSchema.safeParse(raw);
  if (!form.success) return { ok: false, errors: { [FORM_ERROR]: "The form could not be read. Reload the page and try again." } };
  // The version is the model's to assign; 1 only satisfies the schema here.
  const parsed = ReturnPolicySchema.safeParse({ ...(formToPolicy(form.data) as object), version: 1 });
  if (!parsed.success) return { ok: false, errors: flattenIssues(parsed.error.issues) };
  const { version: _version, ...policy } = parsed.data;
  return { ok: true, policy };
}

// ---------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------

export const VERSIONS_SHOWN = 10;

export type PolicyVersionRow = {
  version: number;
  /** null for the defaults, which nobody saved. */
  createdBy: string | null;
  createdAt: string | null;
  /** createdAt in the shop's time zone, formatted for the page. */
  created: string | null;
  inForce: boolean;
};

export type PolicyPage = { version: number; form: PolicyFormValues; versions: PolicyVersionRow[] };

/** The policy in force as form values, and its latest versions (newest first), defaults included when in reach. */
export async function loadPolicyPage(db: Db, shop: string, timeZone = "UTC"): Promise<PolicyPage> {
  const [policy, rows] = await Promise.all([
    currentReturnPolicy(db, shop),
    db.policyVersion.findMany({
      where: { shop, kind: "returns" },
      orderBy: { version: "desc" },
      take: VERSIONS_SHOWN,
      select: { version: true, createdBy: true, createdAt: true },
    }),
  ]);
  const versions: PolicyVersionRow[] = rows.map((r) => ({
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    created: formatDateTime(r.createdAt, timeZone),
    inForce: r.version === policy.version,
  }));
  // Version 1 is the defaults, never stored: list it once the stored ones leave room.
  if (versions.length < VERSIONS_SHOWN && !versions.some((v) => v.version === 1)) {
    versions.push({ version: 1, createdBy: null, createdAt: null, created: null, inForce: policy.version === 1 });
  }
  return { version: policy.version, form: policyToForm(policy), versions };
}

/** errors: one message per dotted policy path, shown beside its field; formError: what no field owns. */
export type SaveOutcome = { ok: true; version: number } | { ok: false; status: 400 | 409; errors: FieldErrors; formError: string | null };

function rejected(status: 400 | 409, all: FieldErrors): SaveOutcome {
  const { [FORM_ERROR]: formError = null, ...errors } = all;
  return { ok: false, status, errors, formError };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

/**
 * The action's use case: validate, refuse to overwrite a version the merchant has not seen, save
 * one new version row. `baseVersion` is the version the form was opened on.
 */
export async function savePolicyForm(db: Db, shop: string, input: { policy: unknown; baseVersion: unknown }, staff: string): Promise<SaveOutcome> {
  const parsed = parsePolicyForm(input.policy);
  if (!parsed.ok) return rejected(400, parsed.errors);
  const base = z.coerce.number().int().positive().safeParse(input.baseVersion);
  const conflict = rejected(409, {
    [FORM_ERROR]: "Someone else saved the policy while you were editing. Reload to see their version, then make your change again.",
  });
  if (base.success && (await currentReturnPolicy(db, shop)).version !== base.data) return conflict;
  try {
    const saved = await saveReturnPolicy(db, shop, parsed.policy, staff);
    return { ok: true, version: saved.version };
  } catch (error) {
    // Two saves at once both chose the same next version; the unique index let one through.
    if (isUniqueViolation(error)) return conflict;
    throw error;
  }
}
