import { z } from "zod";
import { ReturnPolicySchema } from "./domain/returns";
import { RESOLUTIONS, type ReturnPolicy } from "../returns/domain/types";
import { formNumber, formText, tagList, type DocumentForm } from "./policy-form";
import { storedText } from "../../lib/text";

/**
 * The return policy as the Policies page edits it. The policy's rules stay in
 * domain/returns.ts (ReturnPolicySchema); this module only translates.
 */

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

/**
 * What the form edits. Numbers stay the text the merchant typed (so "" and "12abc" reach the
 * schema and get its message); a reason carries whether auto-approve skips it, so removing a
 * reason removes its exclusion too, and a new reason can be excluded before it has a handle.
 */
export type ReturnPolicyFormValues = {
  windowDays: string;
  windowStartsAt: "delivery" | "fulfillment";
  finalSaleTags: string[];
  excludedProductTypes: string[];
  resolutions: string[];
  storeCreditBonusPercent: string;
  restockingFeePercent: string;
  returnShipping: { paidBy: "customer" | "merchant"; fee: string; method: "shopper_ships" | "label"; returnAddress: string; instructions: string };
  /**
   * handle "" on a new row: generated from the label when the policy is saved. shopifyHandle "":
   * the reason's usual Shopify reason ("other" for one of the merchant's own).
   */
  reasons: { label: string; handle: string; photoRequired: boolean; alwaysReview: boolean; shopifyHandle: string }[];
  autoApprove: { enabled: boolean; maxValue: string };
  keepItemsBelow: string;
  processing: { automatic: boolean };
  receiveOnCarrierDelivery: boolean;
  responseTargetHours: string;
  notifications: { shopifyEmails: boolean; appEmails: boolean };
};

export function returnPolicyToForm(policy: ReturnPolicy): ReturnPolicyFormValues {
  const excluded = new Set(policy.autoApprove.excludedReasons);
  return {
    windowDays: String(policy.windowDays),
    windowStartsAt: policy.windowStartsAt,
    finalSaleTags: [...policy.finalSaleTags],
    excludedProductTypes: [...policy.excludedProductTypes],
    resolutions: [...policy.resolutions],
    storeCreditBonusPercent: String(policy.storeCreditBonusPercent),
    restockingFeePercent: String(policy.restockingFeePercent),
    returnShipping: { ...policy.returnShipping, fee: policy.returnShipping.fee.toFixed(2) },
    reasons: policy.reasons.map((r) => ({
      label: r.label,
      handle: r.handle,
      photoRequired: r.photoRequired,
      alwaysReview: excluded.has(r.handle),
      shopifyHandle: r.shopifyHandle,
    })),
    autoApprove: { enabled: policy.autoApprove.enabled, maxValue: policy.autoApprove.maxValue.toFixed(2) },
    keepItemsBelow: policy.keepItemsBelow.toFixed(2),
    processing: { ...policy.processing },
    receiveOnCarrierDelivery: policy.receiveOnCarrierDelivery,
    responseTargetHours: String(policy.responseTargetHours),
    notifications: { ...policy.notifications },
  };
}

/**
 * The form's values as a policy candidate for ReturnPolicySchema (not yet validated). Row order is
 * kept, so the schema's `reasons.3.handle` is the fourth row on the page.
 */
export function formToReturnPolicy(values: ReturnPolicyFormValues) {
  const reasons = values.reasons.map((r) => ({
    label: r.label,
    handle: r.handle.trim() === "" ? slugify(r.label) : r.handle.trim(),
    photoRequired: r.photoRequired,
    shopifyHandle: r.shopifyHandle.trim() === "" ? undefined : r.shopifyHandle,
  }));
  return {
    windowDays: formNumber(values.windowDays),
    windowStartsAt: values.windowStartsAt,
    finalSaleTags: tagList(values.finalSaleTags),
    excludedProductTypes: tagList(values.excludedProductTypes),
    resolutions: RESOLUTIONS.filter((r) => values.resolutions.includes(r)),
    storeCreditBonusPercent: formNumber(values.storeCreditBonusPercent),
    restockingFeePercent: formNumber(values.restockingFeePercent),
    returnShipping: { ...values.returnShipping, fee: formNumber(values.returnShipping.fee) },
    reasons,
    autoApprove: {
      enabled: values.autoApprove.enabled,
      maxValue: formNumber(values.autoApprove.maxValue),
      // Deduplicated: two rows with one handle is reported on the handle, not here as well.
      excludedReasons: [...new Set(reasons.filter((_, i) => values.reasons[i]!.alwaysReview).map((r) => r.handle))],
    },
    keepItemsBelow: formNumber(values.keepItemsBelow),
    processing: values.processing,
    receiveOnCarrierDelivery: values.receiveOnCarrierDelivery,
    responseTargetHours: formNumber(values.responseTargetHours),
    notifications: values.notifications,
  };
}

/** The submitted form's shape; its values are checked by ReturnPolicySchema afterwards. */
export const ReturnPolicyFormSchema = z.object({
  windowDays: formText,
  windowStartsAt: z.enum(["delivery", "fulfillment"]),
  finalSaleTags: z.array(storedText(z.string().max(1000))).max(200),
  excludedProductTypes: z.array(storedText(z.string().max(1000))).max(200),
  resolutions: z.array(z.string().max(32)).max(10),
  storeCreditBonusPercent: formText,
  restockingFeePercent: formText,
  returnShipping: z.object({
    paidBy: z.enum(["customer", "merchant"]),
    fee: formText,
    method: z.enum(["shopper_ships", "label"]),
    // Bounded above the policy's limits, so the schema's "at most" message is what the merchant sees.
    returnAddress: storedText(z.string().max(2000)),
    instructions: storedText(z.string().max(4000)),
  }),
  reasons: z
    .array(
      z.object({
        label: storedText(z.string().max(200)),
        handle: z.string().max(200),
        photoRequired: z.boolean(),
        alwaysReview: z.boolean().default(false),
        shopifyHandle: z.string().max(200).default(""),
      }),
    )
    .max(100),
  autoApprove: z.object({ enabled: z.boolean(), maxValue: formText }),
  keepItemsBelow: formText,
  processing: z.object({ automatic: z.boolean() }),
  receiveOnCarrierDelivery: z.boolean(),
  responseTargetHours: formText,
  notifications: z.object({ shopifyEmails: z.boolean(), appEmails: z.boolean() }),
}) satisfies z.ZodType<ReturnPolicyFormValues, z.ZodTypeDef, unknown>;

export const RETURN_POLICY_FORM: DocumentForm<ReturnPolicy, ReturnPolicyFormValues> = {
  toForm: returnPolicyToForm,
  formSchema: ReturnPolicyFormSchema,
  fromForm: formToReturnPolicy,
  schema: ReturnPolicySchema,
};
