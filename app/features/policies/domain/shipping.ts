/**
 * The merchant's shipping policy: processing time, carriers, regions with transit times and
 * prices, free-shipping threshold and the peak season (banner and cut-off dates). Defaults,
 * validation and the peak-season check. Framework-free; money in the shop's currency as decimals
 * rounded to cents; dates are calendar days (YYYY-MM-DD) in the shop's time zone.
 */
import { z } from "zod";
import { deepFreeze, isCalendarDate, money, strictObject } from "./policy-schema";
import { formatLocalDay } from "../../../lib/zoned-time";

export type ShippingRegion = {
  name: string;
  /** Transit business days after the order ships. */
  minDays: number;
  maxDays: number;
  /** 0 = free. */
  price: number;
};

export type PeakSeason = {
  enabled: boolean;
  /** First and last day of the season, inclusive. */
  startsOn: string;
  endsOn: string;
  /** The storefront banner's text. */
  message: string;
  /** "Order by" dates for delivery before the holidays, one per shipping option. */
  cutoffs: { label: string; date: string }[];
};

export type ShippingPolicy = {
  /** Increases with every saved change. */
  version: number;
  /** Business days to prepare an order before it ships. */
  processingDays: { min: number; max: number };
  carriers: string[];
  regions: ShippingRegion[];
  /** Order value from which shipping is free; null = never free. */
  freeShippingThreshold: number | null;
  peakSeason: PeakSeason;
};

/**
 * What a merchant who changes nothing gets: a Canadian shop shipping in 1–2 days with Canada Post
 * and UPS, free over 100, and a holiday peak season prepared but switched off. Deeply frozen: copy
 * it to edit.
 */
export const DEFAULT_SHIPPING_POLICY: ShippingPolicy = deepFreeze({
  version: 1,
  processingDays: { min: 1, max: 2 },
  carriers: ["Canada Post", "UPS"],
  regions: [
    { name: "Canada", minDays: 2, maxDays: 5, price: 9.95 },
    { name: "United States", minDays: 4, maxDays: 8, price: 14.95 },
    { name: "International", minDays: 7, maxDays: 21, price: 29.95 },
  ],
  freeShippingThreshold: 100,
  peakSeason: {
    enabled: false,
    startsOn: "2026-11-15",
    endsOn: "2026-12-31",
    message: "Order by the cut-off dates to receive your order before the holidays.",
    cutoffs: [
      { label: "Standard shipping", date: "2026-12-15" },
      { label: "Express shipping", date: "2026-12-20" },
    ],
  },
} satisfies ShippingPolicy);

const days = (what: string) =>
  z
    .number({ required_error: `${what} is required`, invalid_type_error: `${what} must be a number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0, `${what} cannot be negative`)
    .max(365, `${what} must be at most 365 days`);

const date = (what: string) =>
  z
    .string({ required_error: `${what} is required`, invalid_type_error: `${what} must be a date like 2026-12-15` })
    .refine(isCalendarDate, `${what} must be a real date written YYYY-MM-DD, e.g. 2026-12-15`);

const text = (what: string, max: number) =>
  z
    .string({ required_error: `${what} is required`, invalid_type_error: `${what} must be text` })
    .trim()
    .min(1, `${what} cannot be blank`)
    .max(max, `${what} must be at most ${max} characters`);

/** Both ends of a range as one field pair; the error sits on the maximum, the field to fix. */
const dayRange = <T extends z.ZodRawShape>(
  shape: T,
  [what, expected]: [string, string],
  [min, max]: [keyof T & string, keyof T & string],
  message: string,
) =>
  strictObject(shape, what, expected).refine((range) => (range[min] as number) <= (range[max] as number), {
    path: [max],
    message,
  });

/** Names are compared without case or surrounding spaces: "canada" duplicates "Canada ". */
function reportDuplicates(names: string[], what: string, path: (index: number) => (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: path(index), message: `${what} "${name}" is listed more than once` });
    }
    seen.add(key);
  });
}

const RegionSchema = dayRange(
  {
    name: text("Region name", 80),
    minDays: days("Fastest transit time"),
    maxDays: days("Slowest transit time"),
    price: money("Shipping price"),
  },
  ["Region", "a name, transit days and a price"],
  ["minDays", "maxDays"],
  "Slowest transit time must be at least the fastest",
);

const PeakSeasonSchema = strictObject(
  {
    enabled: z.boolean({ required_error: "Say whether peak season is on", invalid_type_error: "Say whether peak season is on" }),
    startsOn: date("Peak season start"),
    endsOn: date("Peak season end"),
    message: z
      .string({ required_error: "Peak-season message is required", invalid_type_error: "Peak-season message must be text" })
      .trim()
      .max(300, "Peak-season message must be at most 300 characters"),
    cutoffs: z
      .array(strictObject({ label: text("Cut-off label", 80), date: date("Cut-off date") }, "Cut-off", "a label and a date"))
      .max(10, "At most 10 cut-off dates"),
  },
  "Peak season",
  "switched on or off, with dates and a message",
).superRefine((season, ctx) => {
  // ISO dates compare as text.
  if (season.endsOn < season.startsOn) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: "Peak season cannot end before it starts" });
  }
  if (season.enabled && season.message === "") {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["message"],
      message: "Write the banner message shoppers see in peak season",
    });
  }
  season.cutoffs.forEach((cutoff, index) => {
    if (cutoff.date > season.endsOn) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["cutoffs", index, "date"],
        message: `Cut-off date must be on or before the end of peak season (${season.endsOn})`,
      });
    }
  });
  reportDuplicates(
    season.cutoffs.map((c) => c.label),
    "Cut-off",
    (index) => ["cutoffs", index, "label"],
    ctx,
  );
});

/**
 * Validates (and trims) a stored or submitted shipping policy. Unknown fields are refused, so a
 * typo in a field name is reported instead of silently ignored. Issue paths match form field names
 * ("regions.1.maxDays").
 */
export const ShippingPolicySchema = strictObject(
  {
    version: z
      .number({ required_error: "Policy version is required", invalid_type_error: "Policy version must be a number" })
      .int("Policy version must be a whole number")
      .min(1, "Policy version starts at 1"),
    processingDays: dayRange(
      { min: days("Shortest processing time"), max: days("Longest processing time") },
      ["Processing time", "a minimum and a maximum number of days"],
      ["min", "max"],
      "Longest processing time must be at least the shortest",
    ),
    carriers: z.array(text("Carrier name", 80)).max(20, "At most 20 carriers"),
    regions: z.array(RegionSchema).min(1, "List at least one shipping region").max(50, "At most 50 shipping regions"),
    freeShippingThreshold: money("Free-shipping threshold").nullable(),
    peakSeason: PeakSeasonSchema,
  },
  "Shipping policy",
  "an object",
).superRefine((policy, ctx) => {
  reportDuplicates(policy.carriers, "Carrier", (index) => ["carriers", index], ctx);
  reportDuplicates(
    policy.regions.map((r) => r.name),
    "Region",
    (index) => ["regions", index, "name"],
    ctx,
  );
});

/**
 * Parses a shipping policy from storage or a form. Throws the ZodError (its `issues` carry a path
 * and a human message per problem) when the value is not a valid policy.
 */
export function parseShippingPolicy(value: unknown): ShippingPolicy {
  return ShippingPolicySchema.parse(value);
}

/**
 * True when peak season is switched on and `now` falls on one of its days (first and last day
 * included) by the shop's calendar in `timeZone`.
 */
export function isPeakSeason(policy: Pick<ShippingPolicy, "peakSeason">, now: Date, timeZone: string): boolean {
  const { enabled, startsOn, endsOn } = policy.peakSeason;
  if (!enabled) return false;
  const today = formatLocalDay(now.getTime(), timeZone);
  return startsOn <= today && today <= endsOn;
}
