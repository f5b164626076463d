/**
 * The merchant's support settings: the validation every saved or loaded settings document goes
 * through. The defaults a shop starts with are in support-defaults.ts. Framework-free.
 */
import { z } from "zod";
import { isCalendarDate, isCents, strictObject } from "./policy-schema";
import { assertTimeZone } from "../../../lib/zoned-time";
import { normaliseText } from "../../tickets/domain/classify";
import { CATEGORIES, PRIORITIES, TOPICS, type Priority, type SupportSettings, type Topic } from "../../tickets/domain/types";
import { DAY, DEFAULT_PAGES } from "./support-defaults";

export { type SupportSettings } from "../../tickets/domain/types";

/** Response targets are capped at 30 days: anything longer is a typo for a shorter unit. */
const MAX_TARGET_MINUTES = 30 * DAY;

const minutes = (what: string, min: number) =>
  z
    .number({ required_error: `${what} is required`, invalid_type_error: `${what} must be a number of minutes` })
    .int(`${what} must be a whole number of minutes`)
    .min(min, min === 0 ? `${what} cannot be negative` : `${what} must be at least ${min} minute`)
    .max(MAX_TARGET_MINUTES, `${what} must be at most ${MAX_TARGET_MINUTES} minutes (30 days)`);

const keyword = (what: string) =>
  z
    .string({ required_error: `${what} is required`, invalid_type_error: `${what} must be text` })
    .trim()
    .min(1, `${what} cannot be blank`)
    .max(100, `${what} must be at most 100 characters`)
    .refine((k) => k === "" || normaliseText(k).length > 0, `${what} needs at least one letter or digit`);

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const isClosingTime = (clock: string) => CLOCK.test(clock) || clock === "24:00";

/** Times are compared as text (fixed-width HH:MM), and only once both are well formed so a typo is reported once. */
const DayHoursSchema = strictObject(
  {
    open: z
      .string({ required_error: "Opening time is required", invalid_type_error: "Opening time must be text like 09:00" })
      .regex(CLOCK, "Opening time must be a 24-hour time like 09:00"),
    close: z
      .string({ required_error: "Closing time is required", invalid_type_error: "Closing time must be text like 17:00" })
      .refine(isClosingTime, "Closing time must be a 24-hour time like 17:00 (24:00 for midnight)"),
  },
  "Each day",
  "closed or have an opening and a closing time",
).refine((day) => !(CLOCK.test(day.open) && isClosingTime(day.close)) || day.close > day.open, {
  path: ["close"],
  message: "Closing time must be after opening time (overnight hours are not supported)",
});

const HolidaySchema = strictObject(
  {
    date: z
      .string({ required_error: "Holiday date is required", invalid_type_error: "Holiday date must be a date like 2026-12-25" })
      .refine(isCalendarDate, "Holiday date must be a real date written YYYY-MM-DD, e.g. 2026-12-25"),
    name: z
      .string({ required_error: "Holiday name is required", invalid_type_error: "Holiday name must be text" })
      .trim()
      .min(1, "Holiday name cannot be blank")
      .max(80, "Holiday name must be at most 80 characters"),
  },
  "Holiday",
  "a date and a name",
);

const targetSchema = (priority: Priority) =>
  strictObject(
    {
      firstResponseMinutes: minutes(`${priority} first response target`, 1),
      resolutionMinutes: minutes(`${priority} resolution target`, 1),
    },
    `${priority} targets`,
    "a first response and a resolution time",
  ).refine((t) => t.firstResponseMinutes <= t.resolutionMinutes, {
    path: ["firstResponseMinutes"],
    message: `${priority} first response target cannot be longer than its resolution target`,
  });

const priority = (what: string) => z.enum(PRIORITIES, { errorMap: () => ({ message: `${what} must be P1, P2, P3 or P4` }) });

/** One schema per key, so a missing key is reported at its own path ("targets.P2"). */
function shapeOf<K extends string, S extends z.ZodTypeAny>(keys: readonly K[], schemaFor: (key: K) => S): Record<K, S> {
  return Object.fromEntries(keys.map((key) => [key, schemaFor(key)])) as Record<K, S>;
}

const topicSchema = (topic: Topic) =>
  strictObject({ priority: priority(`Priority for topic ${topic}`) }, `Topic ${topic}`, "a priority");

const RuleSchema = strictObject(
  {
    category: z.enum(CATEGORIES, {
      errorMap: () => ({ message: `Rule category must be one of ${CATEGORIES.join(", ")}` }),
    }),
    keywords: z
      .array(keyword("Keyword"), { invalid_type_error: "Keywords must be a list" })
      .min(1, "List at least one keyword for the rule")
      .max(200, "At most 200 keywords per rule"),
  },
  "Rule",
  "a category and keywords",
);

/** Long enough for any real page address; a limit keeps emails and macros readable. */
const PAGE_LINK_MAX = 300;

/**
 * A path on the shop or an https address. "//host" and backslashes are refused: browsers read both
 * as a link to another site. Whitespace and control characters never belong in a link.
 */
function isPageLink(link: string): boolean {
  if (/[\s\\\p{Cc}]/u.test(link)) return false;
  if (link.startsWith("/")) return !link.startsWith("//");
  try {
    const url = new URL(link);
    return url.protocol === "https:" && url.hostname !== "" && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

const pageLink = (what: string) =>
  z
    .string({ required_error: `${what} is required`, invalid_type_error: `${what} must be text like /pages/returns` })
    .trim()
    .min(1, `${what} is required`)
    .max(PAGE_LINK_MAX, `${what} must be at most ${PAGE_LINK_MAX} characters`)
    // A blank one is reported once, as required.
    .refine((link) => link === "" || isPageLink(link), `${what} must be a path on your shop starting with / (like /pages/returns) or an https:// address`);

/**
 * Validates (and trims) a stored or submitted settings document. Unknown fields are refused, so a
 * typo in a field name is reported instead of silently ignored. Issue paths match form field names
 * ("businessHours.0.close", "targets.P1.firstResponseMinutes").
 */
export const SupportSettingsSchema = strictObject(
  {
    version: z
      .number({ required_error: "Settings version is required", invalid_type_error: "Settings version must be a number" })
      .int("Settings version must be a whole number")
      .min(1, "Settings version starts at 1"),
    timeZone: z
      .string({
        required_error: "Choose a time zone, or follow the shop's time zone",
        invalid_type_error: "Time zone must be a name such as America/Toronto, or follow the shop's time zone",
      })
      .trim()
      .superRefine((zone, ctx) => {
        try {
          if (zone === "") throw new RangeError("blank");
          assertTimeZone(zone);
        } catch {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `"${zone}" is not a known time zone: use a name such as America/Toronto, or follow the shop's time zone`,
          });
        }
      })
      .nullable(),
    businessHours: z
      .array(DayHoursSchema.nullable(), { invalid_type_error: "Business hours must list the 7 days of the week" })
      .length(7, "Business hours must list the 7 days of the week, starting on Monday")
      .refine((days) => days.some((day) => day !== null), "Open on at least one day of the week"),
    holidays: z.array(HolidaySchema, { invalid_type_error: "Holidays must be a list" }).max(366, "At most 366 holidays"),
    targets: strictObject(shapeOf(PRIORITIES, targetSchema), "Response targets", "set for P1 to P4"),
    topics: strictObject(shapeOf(TOPICS, topicSchema), "Topic priorities", "set for every topic"),
    peakSeasonExtraMinutes: minutes("Peak-season extra time", 0),
    rules: z.array(RuleSchema, { invalid_type_error: "Rules must be a list" }).max(50, "At most 50 rules"),
    escalation: strictObject(
      {
        keywords: z
          .array(keyword("Escalation keyword"), { invalid_type_error: "Escalation keywords must be a list" })
          .max(200, "At most 200 escalation keywords"),
      },
      "Escalation",
      "a list of keywords",
    ),
    segments: strictObject(
      {
        repeatOrders: z
          .number({
            required_error: "Repeat-customer order count is required",
            invalid_type_error: "Repeat-customer order count must be a number",
          })
          .int("Repeat-customer order count must be a whole number")
          .min(2, "Repeat customers have at least 2 orders"),
        vipOrders: z
          .number({ required_error: "VIP order count is required", invalid_type_error: "VIP order count must be a number" })
          .int("VIP order count must be a whole number")
          .min(2, "VIP customers have at least 2 orders"),
        vipSpend: z
          .number({ required_error: "VIP spend is required", invalid_type_error: "VIP spend must be a number" })
          .finite("VIP spend must be a number")
          .positive("VIP spend must be more than 0")
          .max(100_000_000, "VIP spend must be at most 100,000,000")
          .refine(isCents, "VIP spend must be in whole cents (at most 2 decimals)"),
      },
      "Customer segments",
      "order counts and a spend",
    ).refine((s) => s.vipOrders >= s.repeatOrders, {
      path: ["vipOrders"],
      message: "VIP order count must be at least the repeat-customer order count",
    }),
    // Documents saved before the pages existed read with the defaults.
    pages: strictObject(
      { returns: pageLink("Returns page"), contact: pageLink("Contact page"), faq: pageLink("FAQ page") },
      "Storefront pages",
      "the returns, contact and FAQ pages",
    ).default(() => ({ ...DEFAULT_PAGES })),
  },
  "Support settings",
  "an object",
).superRefine((settings, ctx) => {
  const seen = new Set<string>();
  settings.holidays.forEach((holiday, index) => {
    if (seen.has(holiday.date)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["holidays", index, "date"],
        message: `${holiday.date} is listed as a holiday more than once`,
      });
    }
    seen.add(holiday.date);
  });
});

/**
 * Parses settings from storage or a form. Throws the ZodError (its `issues` carry a path and a
 * human message per problem) when the value is not valid support settings.
 */
export function parseSupportSettings(value: unknown): SupportSettings {
  return SupportSettingsSchema.parse(value);
}
