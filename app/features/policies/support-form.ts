import { z } from "zod";
import { SupportSettingsSchema } from "./domain/support";
import { CATEGORIES, PRIORITIES, TOPICS, type Category, type Priority, type SupportSettings } from "../tickets/domain/types";
import { formNumber, formText, type DocumentForm, type FieldIssue } from "./policy-form";
import { storedText } from "../../lib/text";

/**
 * The support settings as the Policies page edits them. Most fields carry the settings' own names,
 * so the schema's issue paths are the fields' error keys; the exceptions (durations typed in a
 * unit, keywords typed as one text per category) are moved onto their field by `toFieldIssue`.
 */

export const DURATION_UNITS = ["minutes", "hours"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A duration as typed: an amount in the unit the merchant picked. */
export type DurationValue = { amount: string; unit: DurationUnit };

export type SupportFormValues = {
  /** "" follows the shop's time zone. */
  timeZone: string;
  /** 7 days from Monday; a closed day keeps its times so reopening it restores them. */
  businessHours: { closed: boolean; open: string; close: string }[];
  holidays: { date: string; name: string }[];
  targets: Record<Priority, { firstResponse: DurationValue; resolution: DurationValue }>;
  topics: Record<(typeof TOPICS)[number], { priority: string }>;
  peakSeasonExtra: DurationValue;
  /** Keywords per category, comma- or line-separated. */
  rules: Record<Category, { keywords: string }>;
  escalation: { keywords: string };
  segments: { repeatOrders: string; vipOrders: string; vipSpend: string };
  pages: { returns: string; contact: string; faq: string };
};

/** Whole hours show as hours; anything else (and zero) in minutes, so nothing is rounded. */
export function durationToForm(minutes: number): DurationValue {
  return minutes > 0 && minutes % 60 === 0 ? { amount: String(minutes / 60), unit: "hours" } : { amount: String(minutes), unit: "minutes" };
}

/**
 * A typed duration in whole minutes for the schema. Hours are rounded to the minute (1.33 hours is
 * 80 minutes); minutes are left as typed, so "1.5" minutes is reported. Non-numbers pass through
 * for the schema's message.
 */
export function durationMinutes(value: DurationValue): unknown {
  const amount = formNumber(value.amount);
  if (typeof amount !== "number" || value.unit === "minutes") return amount;
  return Math.round(amount * 60);
}

/** Keywords typed as one text: commas or new lines separate them; blanks and repeats (any case) dropped. */
export function keywordList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const keyword of text.split(/[,\n]/).map((k) => k.trim())) {
    if (keyword === "" || seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    out.push(keyword);
  }
  return out;
}

const DEFAULT_DAY = { open: "09:00", close: "17:00" };

export function supportToForm(settings: SupportSettings): SupportFormValues {
  const keywords = (category: Category) =>
    settings.rules
      .filter((rule) => rule.category === category)
      .flatMap((rule) => rule.keywords)
      .join(", ");
  return {
    timeZone: settings.timeZone ?? "",
    businessHours: settings.businessHours.map((day) => (day ? { closed: false, ...day } : { closed: true, ...DEFAULT_DAY })),
    holidays: settings.holidays.map((h) => ({ ...h })),
    targets: Object.fromEntries(
      PRIORITIES.map((p) => [
        p,
        { firstResponse: durationToForm(settings.targets[p].firstResponseMinutes), resolution: durationToForm(settings.targets[p].resolutionMinutes) },
      ]),
    ) as SupportFormValues["targets"],
    topics: Object.fromEntries(TOPICS.map((t) => [t, { priority: settings.topics[t].priority }])) as SupportFormValues["topics"],
    peakSeasonExtra: durationToForm(settings.peakSeasonExtraMinutes),
    rules: Object.fromEntries(CATEGORIES.map((c) => [c, { keywords: keywords(c) }])) as SupportFormValues["rules"],
    escalation: { keywords: settings.escalation.keywords.join(", ") },
    segments: {
      repeatOrders: String(settings.segments.repeatOrders),
      vipOrders: String(settings.segments.vipOrders),
      vipSpend: settings.segments.vipSpend.toFixed(2),
    },
    pages: { ...settings.pages },
  };
}

/** The categories that get a rule: those with keywords, in CATEGORIES order (the rules' indices). */
const ruleCategories = (values: SupportFormValues) => CATEGORIES.filter((c) => keywordList(values.rules[c].keywords).length > 0);

/** The form's values as a settings candidate for SupportSettingsSchema (not yet validated). */
export function formToSupport(values: SupportFormValues) {
  return {
    timeZone: values.timeZone.trim() === "" ? null : values.timeZone.trim(),
    businessHours: values.businessHours.map((day) => (day.closed ? null : { open: day.open.trim(), close: day.close.trim() })),
    holidays: values.holidays.map((h) => ({ date: h.date.trim(), name: h.name })),
    targets: Object.fromEntries(
      PRIORITIES.map((p) => [
        p,
        { firstResponseMinutes: durationMinutes(values.targets[p].firstResponse), resolutionMinutes: durationMinutes(values.targets[p].resolution) },
      ]),
    ),
    topics: values.topics,
    peakSeasonExtraMinutes: durationMinutes(values.peakSeasonExtra),
    rules: ruleCategories(values).map((category) => ({ category, keywords: keywordList(values.rules[category].keywords) })),
    escalation: { keywords: keywordList(values.escalation.keywords) },
    segments: {
      repeatOrders: formNumber(values.segments.repeatOrders),
      vipOrders: formNumber(values.segments.vipOrders),
      vipSpend: formNumber(values.segments.vipSpend),
    },
    pages: { returns: values.pages.returns.trim(), contact: values.pages.contact.trim(), faq: values.pages.faq.trim() },
  };
}

/** Names the keyword at fault, since its field holds many. */
function keywordIssue(path: (string | number)[], keywords: string[], index: string | number | undefined, message: string): FieldIssue {
  const keyword = typeof index === "number" ? keywords[index] : undefined;
  return { path, message: keyword === undefined ? message : `"${keyword}": ${message}` };
}

/** Issues on fields whose document path differs from the form's (see the module comment). */
export function supportFieldIssue(issue: FieldIssue, values: SupportFormValues): FieldIssue {
  const [head, second, third, fourth] = issue.path;
  if (head === "targets" && (third === "firstResponseMinutes" || third === "resolutionMinutes")) {
    return { ...issue, path: ["targets", second!, third === "firstResponseMinutes" ? "firstResponse" : "resolution"] };
  }
  if (head === "peakSeasonExtraMinutes") return { ...issue, path: ["peakSeasonExtra"] };
  if (head === "rules" && typeof second === "number") {
    const category = ruleCategories(values)[second];
    if (category) return keywordIssue(["rules", category, "keywords"], keywordList(values.rules[category].keywords), fourth, issue.message);
  }
  if (head === "escalation") return keywordIssue(["escalation", "keywords"], keywordList(values.escalation.keywords), third, issue.message);
  return issue;
}

const clock = z.string().max(16);
const duration = z.object({ amount: formText, unit: z.enum(DURATION_UNITS) });
const keywords = z.object({ keywords: storedText(z.string().max(20_000)) });
const page = storedText(z.string().max(1000));
const shape = <K extends string, S extends z.ZodTypeAny>(keys: readonly K[], schema: S) =>
  z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);

/** The submitted form's shape; its values are checked by SupportSettingsSchema afterwards. */
export const SupportFormSchema = z.object({
  timeZone: z.string().max(100),
  businessHours: z.array(z.object({ closed: z.boolean(), open: clock, close: clock })).length(7),
  holidays: z.array(z.object({ date: z.string().max(32), name: storedText(z.string().max(200)) })).max(400),
  targets: shape(PRIORITIES, z.object({ firstResponse: duration, resolution: duration })),
  topics: shape(TOPICS, z.object({ priority: z.string().max(8) })),
  peakSeasonExtra: duration,
  rules: shape(CATEGORIES, keywords),
  escalation: keywords,
  segments: z.object({ repeatOrders: formText, vipOrders: formText, vipSpend: formText }),
  pages: z.object({ returns: page, contact: page, faq: page }),
}) satisfies z.ZodType<SupportFormValues, z.ZodTypeDef, unknown>;

export const SUPPORT_FORM: DocumentForm<SupportSettings, SupportFormValues> = {
  toForm: supportToForm,
  formSchema: SupportFormSchema,
  fromForm: formToSupport,
  schema: SupportSettingsSchema,
  toFieldIssue: supportFieldIssue,
};

/**
 * The time zones to choose from: the platform's IANA list, with UTC, and the saved zone even when
 * the platform knows it by another name (an alias such as Asia/Calcutta), so the select can show it.
 */
export function timeZoneChoices(saved: string | null, supported: readonly string[] = Intl.supportedValuesOf("timeZone")): string[] {
  const zones = new Set(supported);
  zones.add("UTC");
  if (saved) zones.add(saved);
  return [...zones].sort();
}
