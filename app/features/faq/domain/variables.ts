/**
 * The FAQ placeholder catalogue: every value an FAQ answer may print, what it means, and an example
 * for previews. Framework-free. Answers name policy values only through these placeholders, so a
 * changed policy changes every answer at once; the catalogue is the allow-list answers are
 * validated against.
 *
 * Values arrive formatted for shoppers ("$7.95", "Canada Post and UPS"), ready to print as they
 * are. Optional ones ("no free shipping", "no final-sale tags") are the empty string, so answers
 * test them with `{% if shipping.free_shipping_threshold != "" %}`.
 */
import { variableCatalogue, type CatalogueVariable } from "../../macros/domain/variables";

export interface FaqContext {
  shop: { name: string; email: string };
  returns: {
    window_days: number;
    window_starts: string;
    resolutions: string;
    store_credit_bonus_percent: number;
    restocking_fee_percent: number;
    return_shipping: string;
    final_sale_tags: string;
    excluded_product_types: string;
    photo_reasons: string;
  };
  shipping: {
    processing_days: string;
    carriers: string;
    regions: string;
    free_shipping_threshold: string;
    peak_message: string;
    peak_cutoffs: string;
  };
  support: { hours: string; response_time: string; urgent_response_time: string };
}

export type FaqVariableGroup = keyof FaqContext;

/** A placeholder as written in an answer, e.g. `returns.window_days`. */
export type FaqVariable = CatalogueVariable<FaqVariableGroup>;

const CATALOGUE = variableCatalogue<FaqContext>({
  shop: {
    label: "Shop",
    variables: {
      name: { description: "The shop's name", example: "Harbor & Pine" },
      email: { description: "The support email address", example: "help@harborandpine.com" },
    },
  },
  returns: {
    label: "Returns",
    variables: {
      window_days: { description: "Days the shopper has to start a return", example: 30 },
      window_starts: {
        description: "When the return window starts, in words",
        example: "the day your order is delivered",
      },
      resolutions: {
        description: "What the shopper can get back, in words",
        example: "a refund, store credit or an exchange",
      },
      store_credit_bonus_percent: { description: "Extra value when choosing store credit, in percent (0 for none)", example: 10 },
      restocking_fee_percent: { description: "Restocking fee taken from refunds and store credit, in percent (0 for none)", example: 0 },
      return_shipping: {
        description: 'What the shopper pays for return shipping: "free", or the fee with its currency',
        example: "$7.95",
      },
      final_sale_tags: {
        description: "How final-sale items are marked, in words (empty when none are)",
        example: "final sale",
      },
      excluded_product_types: {
        description: "Product types that cannot be returned, in words (empty when none)",
        example: "gift cards",
      },
      photo_reasons: {
        description: "Return reasons that need a photo, in words (empty when none)",
        example: "damaged or wrong items",
      },
    },
  },
  shipping: {
    label: "Shipping",
    variables: {
      processing_days: { description: "Business days to pack an order, e.g. 1–2", example: "1–2" },
      carriers: { description: "The carriers the shop ships with, in words", example: "Canada Post and UPS" },
      regions: {
        description: "Each destination with its delivery time and rate, separated by semicolons",
        example: "Canada: 2–5 business days ($9.95); United States: 4–8 business days ($14.95)",
      },
      free_shipping_threshold: {
        description: "The order total from which shipping is free, with currency (empty when there is none)",
        example: "$100.00",
      },
      peak_message: {
        description: "A note for busy seasons (empty outside them)",
        example: "Our holiday rush is on: orders may take one or two extra days to leave our warehouse.",
      },
      peak_cutoffs: {
        description: "The last order dates for delivery in time for the holidays (empty when none)",
        example: "December 15 for Canada, December 12 for the United States",
      },
    },
  },
  support: {
    label: "Support",
    variables: {
      hours: { description: "When the support team is available", example: "Monday–Friday, 9:00–17:00 (America/Toronto)" },
      response_time: { description: "The usual response time", example: "2 hours" },
      urgent_response_time: { description: "The response time for urgent problems", example: "30 minutes" },
    },
  },
});

export const FAQ_VARIABLE_GROUPS = CATALOGUE.groups;

/** Every variable, grouped in catalogue order. */
export const FAQ_VARIABLES: readonly FaqVariable[] = CATALOGUE.variables;

export const isFaqVariable = CATALOGUE.isVariable;

/** A complete context filled with the example values, for previews and save-time validation. */
export const exampleFaqContext = CATALOGUE.example;
