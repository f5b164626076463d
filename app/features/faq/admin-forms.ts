/**
 * What the FAQ admin pages accept: limits, language names, the article and category forms and
 * moves, read with zod into typed values or field errors. Pure (no database).
 */
import { z } from "zod";
import { normalizeSearchText } from "./domain/search";
import { validateFaqAnswer } from "./domain/template";
import { FAQ_LOCALES, slugifyHandle, type FaqLocale } from "./domain/types";
import type { TemplateError } from "../macros/domain/template";
import type { FaqArticleInput, FaqMove, FaqTranslationInput } from "./repo.server";
import { storedText } from "../../lib/text";

export const LOCALE_NAMES: Readonly<Record<FaqLocale, string>> = { en: "English", fr: "French", de: "German", es: "Spanish" };

export const DEFAULT_LOCALE: FaqLocale = "en";

export const QUESTION_MAX = 300;

export const ANSWER_MAX = 20_000;

export const CATEGORY_TITLE_MAX = 80;

/** slugifyHandle cuts at the same length. */
export const HANDLE_MAX = 80;

/**
 * A handle from `text` that no other row uses: the slug, then "-2", "-3"… (shortened so the suffix
 * fits). `fallback` stands in for text with no letters or digits ("???", emoji only).
 */
export function uniqueHandle(text: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugifyHandle(text) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, HANDLE_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The line and column an admin can find the mistake by. */
export function formatAnswerError(error: TemplateError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

/** Whether any language's question or answer contains the query, ignoring case and accents. */
export function articleMatches(translations: readonly { question: string; answer: string }[], query: string): boolean {
  const needle = normalizeSearchText(query);
  if (!needle) return true;
  return translations.some((t) => normalizeSearchText(`${t.question} ${t.answer}`).includes(needle));
}

/** The question shown in lists: English, or the first language there is. */
export function defaultQuestion(translations: readonly { locale: string; question: string }[]): string {
  return (translations.find((t) => t.locale === DEFAULT_LOCALE) ?? translations[0])?.question ?? "";
}

/** A category's name in lists: its English title, else any title, else its handle. */
export function categoryLabel(titles: Partial<Record<FaqLocale, string>>, handle: string): string {
  return titles[DEFAULT_LOCALE] ?? Object.values(titles).find(Boolean) ?? handle;
}

/** Checkbox values as browsers ("on") and fetchers ("true"/"false") send them; absent is unchecked. */
const FormBooleanSchema = z
  .enum(["true", "false", "on"])
  .optional()
  .transform((value) => value === "true" || value === "on");

export const IdSchema = z.string().trim().min(1).max(64);

/** `#faq-` pasted from the storefront link is dropped; the rest must already be a handle. */
export const FaqHandleSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^#faq-/, ""))
  .pipe(
    z
      .string()
      .max(HANDLE_MAX, `Keep the handle under ${HANDLE_MAX} characters`)
      .refine((value) => value === "" || slugifyHandle(value) === value, "Use lower-case letters, digits and single hyphens, like when-will-my-order-ship"),
  );

const TranslationSchema = z.object({
  question: storedText(z.string().trim().max(QUESTION_MAX, `Keep the question under ${QUESTION_MAX} characters`)),
  // Not trimmed: error lines and columns must match the text the admin sees.
  answer: storedText(z.string().max(ANSWER_MAX, "Keep the answer under 20,000 characters")),
});

export const FaqArticleFormSchema = z
  .object({
    categoryId: z.string().trim().min(1, "Choose a category").max(64, "Choose a category"),
    handle: FaqHandleSchema,
    published: FormBooleanSchema,
    translations: z.object(Object.fromEntries(FAQ_LOCALES.map((locale) => [locale, TranslationSchema])) as Record<FaqLocale, typeof TranslationSchema>),
  })
  .superRefine((value, ctx) => {
    for (const locale of FAQ_LOCALES) {
      const { question } = value.translations[locale];
      const answer = value.translations[locale].answer.trim();
      const language = LOCALE_NAMES[locale];
      if (locale === DEFAULT_LOCALE) {
        if (!question) ctx.addIssue({ code: "custom", path: ["translations", locale, "question"], message: `Write the question in ${language}` });
        if (!answer) ctx.addIssue({ code: "custom", path: ["translations", locale, "answer"], message: `Write the answer in ${language}` });
      } else if (!question && answer) {
        ctx.addIssue({ code: "custom", path: ["translations", locale, "question"], message: `Write the question too, or clear the answer to remove the ${language} version` });
      } else if (question && !answer) {
        ctx.addIssue({ code: "custom", path: ["translations", locale, "answer"], message: `Write the answer too, or clear the question to remove the ${language} version` });
      }
    }
  });

export type ArticleField = "categoryId" | "handle" | "published" | `question.${FaqLocale}` | `answer.${FaqLocale}`;

export type ArticleFieldErrors = Partial<Record<ArticleField, string>>;

/** Every template error of an answer, one line each; the field error holds the first. */
export type AnswerErrors = Partial<Record<FaqLocale, string[]>>;

/** The form as the editor sends it: `question.<locale>` and `answer.<locale>` for every language. */
export type ArticleFormValue = Omit<FaqArticleInput, "handle"> & {
  /** Empty: generate one from the English question. */
  handle: string;
};

export type ArticleFormParse = { ok: true; value: ArticleFormValue } | { ok: false; errors: ArticleFieldErrors; answerErrors: AnswerErrors };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * Reads and checks an article form: field limits, English required, each other language both
 * question and answer or neither (neither: no such version), answers valid Liquid against the FAQ
 * placeholders.
 */
export function parseArticleForm(form: FormData): ArticleFormParse {
  const parsed = FaqArticleFormSchema.safeParse({
    categoryId: text(form, "categoryId"),
    handle: text(form, "handle"),
    published: form.get("published") ?? undefined,
    translations: Object.fromEntries(FAQ_LOCALES.map((locale) => [locale, { question: text(form, `question.${locale}`), answer: text(form, `answer.${locale}`) }])),
  });
  const errors: ArticleFieldErrors = {};
  const answerErrors: AnswerErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, locale, part] = issue.path;
      const field = (head === "translations" ? `${String(part)}.${String(locale)}` : String(head)) as ArticleField;
      errors[field] ??= issue.message;
    }
  }
  for (const locale of FAQ_LOCALES) {
    const answer = text(form, `answer.${locale}`);
    if (!answer.trim() || errors[`answer.${locale}`]) continue;
    const validation = validateFaqAnswer(answer);
    if (validation.ok) continue;
    answerErrors[locale] = validation.errors.map(formatAnswerError);
    errors[`answer.${locale}`] = answerErrors[locale][0];
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, answerErrors };
  const { categoryId, handle, published, translations } = parsed.data;
  return {
    ok: true,
    value: {
      categoryId,
      handle,
      published,
      translations: FAQ_LOCALES.flatMap((locale): FaqTranslationInput[] => {
        const { question, answer } = translations[locale];
        return question && answer.trim() ? [{ locale, question, answer }] : [];
      }),
    },
  };
}

const categoryTitle = (min = 0) =>
  storedText(
    z
      .string()
      .trim()
      .min(min, "Give the category an English title")
      .max(CATEGORY_TITLE_MAX, `Keep the title under ${CATEGORY_TITLE_MAX} characters`),
  );

type CategoryTitleSchema = ReturnType<typeof categoryTitle>;

export const FaqCategoryTitlesSchema = z.object(
  Object.fromEntries(
    FAQ_LOCALES.map((locale) => [locale, categoryTitle(locale === DEFAULT_LOCALE ? 1 : 0)]),
  ) as Record<FaqLocale, CategoryTitleSchema>,
);

export type CategoryField = `title.${FaqLocale}`;

export type CategoryFieldErrors = Partial<Record<CategoryField, string>>;

/** `title.<locale>` fields to stored titles; empty languages are left out (they fall back to English). */
export function parseCategoryTitles(
  form: FormData,
): { ok: true; titles: Partial<Record<FaqLocale, string>> } | { ok: false; errors: CategoryFieldErrors } {
  const parsed = FaqCategoryTitlesSchema.safeParse(Object.fromEntries(FAQ_LOCALES.map((locale) => [locale, text(form, `title.${locale}`)])));
  if (!parsed.success) {
    const errors: CategoryFieldErrors = {};
    for (const issue of parsed.error.issues) errors[`title.${issue.path[0] as FaqLocale}`] ??= issue.message;
    return { ok: false, errors };
  }
  return { ok: true, titles: Object.fromEntries(FAQ_LOCALES.flatMap((locale) => (parsed.data[locale] ? [[locale, parsed.data[locale]]] : []))) };
}

const MoveFieldsSchema = z.object({
  direction: z.enum(["up", "down"]).optional(),
  position: z.coerce.number().int().min(0).max(10_000).optional(),
});

/** One step or a position; a request with both or neither is not a move. */
export function parseMove(fields: { direction?: unknown; position?: unknown }): FaqMove | null {
  const parsed = MoveFieldsSchema.safeParse({ direction: fields.direction ?? undefined, position: fields.position ?? undefined });
  if (!parsed.success) return null;
  const { direction, position } = parsed.data;
  if (direction !== undefined && position === undefined) return { direction };
  if (position !== undefined && direction === undefined) return { position };
  return null;
}

export const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";
