import { z } from "zod";
import { ShippingPolicySchema, type ShippingPolicy } from "./domain/shipping";
import { formNumber, formText, tagList, type DocumentForm } from "./policy-form";
import { storedText } from "../../lib/text";

/**
 * The shipping policy as the Policies page edits it. Field names are the policy's, so the schema's
 * issue paths ("regions.1.maxDays") are the fields' error keys; rules stay in domain/shipping.ts.
 */

export type ShippingFormValues = {
  processingDays: { min: string; max: string };
  carriers: string[];
  regions: { name: string; minDays: string; maxDays: string; price: string }[];
  /** "" = shipping is never free. */
  freeShippingThreshold: string;
  peakSeason: {
    enabled: boolean;
    startsOn: string;
    endsOn: string;
    message: string;
    cutoffs: { label: string; date: string }[];
  };
};

export function shippingToForm(policy: ShippingPolicy): ShippingFormValues {
  return {
    processingDays: { min: String(policy.processingDays.min), max: String(policy.processingDays.max) },
    carriers: [...policy.carriers],
    regions: policy.regions.map((r) => ({ name: r.name, minDays: String(r.minDays), maxDays: String(r.maxDays), price: r.price.toFixed(2) })),
    freeShippingThreshold: policy.freeShippingThreshold === null ? "" : policy.freeShippingThreshold.toFixed(2),
    peakSeason: { ...policy.peakSeason, cutoffs: policy.peakSeason.cutoffs.map((c) => ({ ...c })) },
  };
}

/** The form's values as a policy candidate for ShippingPolicySchema (not yet validated); row order is kept. */
export function formToShipping(values: ShippingFormValues) {
  const threshold = values.freeShippingThreshold.trim();
  return {
    processingDays: { min: formNumber(values.processingDays.min), max: formNumber(values.processingDays.max) },
    carriers: tagList(values.carriers),
    regions: values.regions.map((r) => ({
      name: r.name,
      minDays: formNumber(r.minDays),
      maxDays: formNumber(r.maxDays),
      price: formNumber(r.price),
    })),
    freeShippingThreshold: threshold === "" ? null : formNumber(threshold),
    peakSeason: {
      enabled: values.peakSeason.enabled,
      startsOn: values.peakSeason.startsOn.trim(),
      endsOn: values.peakSeason.endsOn.trim(),
      message: values.peakSeason.message,
      cutoffs: values.peakSeason.cutoffs.map((c) => ({ label: c.label, date: c.date.trim() })),
    },
  };
}

const date = z.string().max(32);

/** The submitted form's shape; its values are checked by ShippingPolicySchema afterwards. */
export const ShippingFormSchema = z.object({
  processingDays: z.object({ min: formText, max: formText }),
  carriers: z.array(storedText(z.string().max(1000))).max(100),
  regions: z.array(z.object({ name: storedText(z.string().max(200)), minDays: formText, maxDays: formText, price: formText })).max(100),
  freeShippingThreshold: formText,
  peakSeason: z.object({
    enabled: z.boolean(),
    startsOn: date,
    endsOn: date,
    message: storedText(z.string().max(1000)),
    cutoffs: z.array(z.object({ label: storedText(z.string().max(200)), date })).max(30),
  }),
}) satisfies z.ZodType<ShippingFormValues, z.ZodTypeDef, unknown>;

export const SHIPPING_FORM: DocumentForm<ShippingPolicy, ShippingFormValues> = {
  toForm: shippingToForm,
  formSchema: ShippingFormSchema,
  fromForm: formToShipping,
  schema: ShippingPolicySchema,
};
