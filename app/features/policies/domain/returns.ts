/**
 * The merchant's return policy: the defaults a shop starts with, and the validation every saved
 * or loaded policy goes through. Framework-free.
 */
import { z } from "zod";
import { deepFreeze, money } from "./policy-schema";
import { RESOLUTIONS, type ReturnPolicy } from "../../returns/domain/types";
import { storedText } from "../../../lib/text";

/** Reasons where the merchant is at fault: the shopper never pays return shipping for them. */
export const MERCHANT_FAULT_REASONS: readonly string[] = Object.freeze(["damaged", "wrong-item", "not-as-described"]);

/** The Shopify return reason definition each default reason is sent as. */
const DEFAULT_SHOPIFY_HANDLES: Readonly<Record<string, string>> = Object.freeze({
  "size-too-small": "too-small",
  "size-too-large": "too-large",
  damaged: "defective",
  "wrong-item": "wrong-item",
  "not-as-described": "not-as-described",
  "changed-mind": "unwanted",
  other: "other",
});

/**
 * The Shopify reason for a stored reason saved before reasons named one: a default reason keeps
 * its usual mapping, any other is sent as Shopify's "other".
 */
const fallbackShopifyHandle = (handle: string) => (Object.hasOwn(DEFAULT_SHOPIFY_HANDLES, handle) ? DEFAULT_SHOPIFY_HANDLES[handle]! : "other");

/**
 * What a merchant who changes nothing gets: 30 days from delivery, gift cards and final-sale items
 * excluded, refund / store credit (+10 %) / exchange, shopper pays 7.95 return shipping unless the
 * merchant is at fault and posts the parcel themselves, items always sent back, small non-damage
 * returns approved automatically, staff issue the money, P2 response within 2 h. Each reason names
 * the Shopify return reason definition it is sent as. Deeply frozen: copy it to edit.
 */
export const DEFAULT_RETURN_POLICY: ReturnPolicy = deepFreeze({
  version: 1,
  windowDays: 30,
  windowStartsAt: "delivery",
  finalSaleTags: ["final-sale"],
  excludedProductTypes: ["Gift Card"],
  resolutions: ["refund", "store_credit", "exchange"],
  storeCreditBonusPercent: 10,
  restockingFeePercent: 0,
  // No default instructions: they would reach French, German and Spanish shoppers in English.
  returnShipping: { paidBy: "customer", fee: 7.95, method: "shopper_ships", returnAddress: "", instructions: "" },
  keepItemsBelow: 0,
  processing: { automatic: false },
  receiveOnCarrierDelivery: true,
  reasons: [
    { handle: "size-too-small", label: "Size was too small", photoRequired: false, shopifyHandle: "too-small" },
    { handle: "size-too-large", label: "Size was too large", photoRequired: false, shopifyHandle: "too-large" },
    { handle: "damaged", label: "Damaged or defective", photoRequired: true, shopifyHandle: "defective" },
    { handle: "wrong-item", label: "Received the wrong item", photoRequired: true, shopifyHandle: "wrong-item" },
    { handle: "not-as-described", label: "Item not as described", photoRequired: false, shopifyHandle: "not-as-described" },
    { handle: "changed-mind", label: "Changed my mind", photoRequired: false, shopifyHandle: "unwanted" },
    { handle: "other", label: "Other", photoRequired: false, shopifyHandle: "other" },
  ],
  autoApprove: { enabled: true, maxValue: 150, excludedReasons: ["damaged", "wrong-item"] },
  responseTargetHours: 2,
  notifications: { shopifyEmails: true, appEmails: true },
} satisfies ReturnPolicy);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const yesNo = (message: string) => z.boolean({ required_error: message, invalid_type_error: message });

const percent = (what: string) =>
  z
    .number({ required_error: `${what} is required`, invalid_type_error: `${what} must be a number` })
    .finite(`${what} must be a number`)
    .min(0, `${what} must be between 0 and 100 %`)
    .max(100, `${what} must be between 0 and 100 %`);

const tagList = (what: string) =>
  z
    .array(storedText(z.string().trim().min(1, `${what} cannot be blank`).max(255, `${what} must be at most 255 characters`)))
    .max(100, `At most 100 ${what.toLowerCase()}s`);

const ReasonSchema = z
  .object({
    handle: z
      .string({ required_error: "Reason handle is required" })
      .regex(SLUG, "Reason handle must be a lowercase slug (a-z, 0-9 and single hyphens), e.g. size-too-small"),
    label: z
      .string({ required_error: "Reason label is required" })
      .trim()
      .min(1, "Reason label cannot be blank")
      .max(80, "Reason label must be at most 80 characters"),
    photoRequired: z.boolean({ required_error: "Say whether the reason needs photos" }),
    shopifyHandle: z
      .string({ invalid_type_error: "Shopify reason must be text" })
      .trim()
      .regex(SLUG, "Shopify reason must be the handle of a Shopify return reason (a-z, 0-9 and single hyphens), e.g. too-small")
      .optional(),
  })
  .transform((reason) => ({ ...reason, shopifyHandle: reason.shopifyHandle ?? fallbackShopifyHandle(reason.handle) }));

/**
 * Validates (and trims) a stored or submitted policy. Unknown keys are dropped; settings added
 * since a policy was stored take their defaults, so every stored version still parses.
 */
export const ReturnPolicySchema = z
  .object({
    version: z
      .number({ required_error: "Policy version is required" })
      .int("Policy version must be a whole number")
      .min(1, "Policy version starts at 1"),
    windowDays: z
      .number({ required_error: "Return window is required", invalid_type_error: "Return window must be a number of days" })
      .int("Return window must be a whole number of days")
      .min(1, "Return window must be between 1 and 365 days")
      .max(365, "Return window must be between 1 and 365 days"),
    windowStartsAt: z.enum(["delivery", "fulfillment"], {
      errorMap: () => ({ message: 'Return window must start at "delivery" or "fulfillment"' }),
    }),
    finalSaleTags: tagList("Final-sale tag"),
    excludedProductTypes: tagList("Excluded product type"),
    resolutions: z
      .array(z.enum(RESOLUTIONS, { errorMap: () => ({ message: "Resolution must be refund, store_credit or exchange" }) }))
      .min(1, "Offer at least one resolution")
      .refine((list) => new Set(list).size === list.length, "Each resolution can be listed only once"),
    storeCreditBonusPercent: percent("Store-credit bonus"),
    restockingFeePercent: percent("Restocking fee"),
    returnShipping: z.object({
      paidBy: z.enum(["customer", "merchant"], {
        errorMap: () => ({ message: 'Return shipping is paid by "customer" or "merchant"' }),
      }),
      fee: money("Return shipping fee"),
      method: z
        .enum(["shopper_ships", "label"], { errorMap: () => ({ message: 'Return method is "shopper_ships" or "label"' }) })
        .default("shopper_ships"),
      returnAddress: storedText(z.string().trim().max(500, "Return address must be at most 500 characters")).default(""),
      instructions: storedText(z.string().trim().max(1000, "Return instructions must be at most 1,000 characters")).default(""),
    }),
    keepItemsBelow: money("Keep-items limit").default(0),
    processing: z.object({ automatic: yesNo("Say whether money is issued automatically") }).default({ automatic: false }),
    receiveOnCarrierDelivery: yesNo("Say whether a delivered parcel counts as received").default(true),
    reasons: z.array(ReasonSchema).min(1, "List at least one return reason").max(50, "At most 50 return reasons"),
    autoApprove: z.object({
      enabled: z.boolean({ required_error: "Say whether auto-approve is on" }),
      maxValue: money("Auto-approve limit"),
      excludedReasons: z.array(z.string()),
    }),
    responseTargetHours: z
      .number({ required_error: "Response target is required", invalid_type_error: "Response target must be a number of hours" })
      .finite("Response target must be a number of hours")
      .positive("Response target must be more than 0 hours")
      .max(720, "Response target must be at most 720 hours (30 days)"),
    notifications: z
      .object({ shopifyEmails: z.boolean(), appEmails: z.boolean() })
      .default({ shopifyEmails: true, appEmails: true }),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.reasons.forEach((reason, index) => {
      if (seen.has(reason.handle)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["reasons", index, "handle"],
          message: `Reason handle "${reason.handle}" is used more than once`,
        });
      }
      seen.add(reason.handle);
    });
    policy.autoApprove.excludedReasons.forEach((handle, index) => {
      if (!seen.has(handle)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["autoApprove", "excludedReasons", index],
          message: `Auto-approve excludes "${handle}", which is not one of the policy's reasons`,
        });
      }
    });
  });

/**
 * Parses a policy from storage or a form. Throws the ZodError (its `issues` carry a path and a
 * human message per problem) when the value is not a valid policy.
 */
export function parsePolicy(value: unknown): ReturnPolicy {
  return ReturnPolicySchema.parse(value);
}
