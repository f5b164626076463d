import { z } from "zod";
import type { Db } from "../../db-client.server";
import { normalizeSearchText } from "./domain/search";
import { validateFaqAnswer } from "./domain/template";
import { FAQ_LOCALES, slugifyHandle, type FaqLocale } from "./domain/types";
import type { FaqContext } from "./domain/variables";
import type { TemplateError } from "../macros/domain/template";
import {
  articleHandles,
  categoryHandles,
  categoryTitles,
  createFaqArticle,
  createFaqCategory,
  deleteFaqArticle,
  deleteFaqCategory,
  getArticle,
  listFaq,
  moveFaqArticle,
  moveFaqCategory,
  renameFaqCategory,
  setFaqArticlePublished,
  updateFaqArticle,
  type FaqArticleInput,
  type FaqMove,
  type FaqTranslationInput,
} from "./repo.server";
import { renderAnswer } from "./storefront-content.server";
import { storedText } from "../../lib/text";

/**
 * The admin's FAQ pages: the list (categories in order with their articles, reordering, publishing,
 * category management) and the article editor (per-language versions, Liquid validation with line
 * and column, a preview rendered exactly as the storefront renders it).
 */

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

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

const IdSchema = z.string().trim().min(1).max(64);

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

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export const FaqListParamsSchema = z.object({ q: z.string().trim().max(200).catch("") });

/** Shoppers' "Was this helpful?" answers for an article, one per visitor. */
export type Helpfulness = { yes: number; no: number };

export type FaqArticleRow = { id: string; handle: string; question: string; published: boolean; locales: FaqLocale[]; votes: Helpfulness };
export type FaqCategoryView = {
  id: string;
  handle: string;
  title: string;
  titles: Partial<Record<FaqLocale, string>>;
  /** All of the category's articles, whatever the search shows: what deleting it removes. */
  articleCount: number;
  articles: FaqArticleRow[];
};
export type FaqList = {
  q: string;
  total: number;
  categoryCount: number;
  categories: FaqCategoryView[];
  /** Sent with the data: this module is server-only, and the page names languages too. */
  localeNames: Record<FaqLocale, string>;
};

/** The shop's FAQ in order (seeded with the starters on the first visit), filtered by `?q=`. */
/** Votes are kept by the article's handle, as the storefront knows it. */
async function helpfulnessByArticle(db: Db, shop: string): Promise<Map<string, Helpfulness>> {
  const rows = await db.faqVote.groupBy({ by: ["article", "helpful"], where: { shop }, _count: { _all: true } });
  const votes = new Map<string, Helpfulness>();
  for (const row of rows) {
    const entry = votes.get(row.article) ?? { yes: 0, no: 0 };
    entry[row.helpful ? "yes" : "no"] += row._count._all;
    votes.set(row.article, entry);
  }
  return votes;
}

export async function loadFaqList(db: Db, shop: string, url: URL): Promise<FaqList> {
  const { q } = FaqListParamsSchema.parse({ q: url.searchParams.get("q") ?? "" });
  const [faq, votes] = await Promise.all([listFaq(db, shop), helpfulnessByArticle(db, shop)]);
  const categories = faq.map((category): FaqCategoryView => {
    const titles = categoryTitles(category);
    return {
      id: category.id,
      handle: category.handle,
      title: categoryLabel(titles, category.handle),
      titles,
      articleCount: category.articles.length,
      articles: category.articles
        .filter((article) => articleMatches(article.translations, q))
        .map((article) => ({
          id: article.id,
          handle: article.handle,
          question: defaultQuestion(article.translations) || article.handle,
          published: article.published,
          locales: FAQ_LOCALES.filter((locale) => article.translations.some((t) => t.locale === locale)),
          votes: votes.get(article.handle) ?? { yes: 0, no: 0 },
        })),
    };
  });
  const shown = q ? categories.filter((category) => category.articles.length > 0) : categories;
  return {
    q,
    total: shown.reduce((sum, c) => sum + c.articles.length, 0),
    categoryCount: categories.length,
    categories: shown,
    localeNames: { ...LOCALE_NAMES },
  };
}

export const FAQ_LIST_INTENTS = ["publish", "unpublish", "move-article", "move-category", "create-category", "rename-category", "delete-category"] as const;
export type FaqListIntent = (typeof FAQ_LIST_INTENTS)[number];

export const FaqListIntentSchema = z.object({ intent: z.enum(FAQ_LIST_INTENTS), id: IdSchema.optional() });
const ConfirmedCountSchema = z.coerce.number().int().min(0).max(100_000);

export type FaqListOutcome =
  | { ok: true; intent: FaqListIntent; message: string }
  | { ok: false; status: 400 | 404 | 409; message: string; errors?: CategoryFieldErrors; articleCount?: number };

const ARTICLE_MISSING = { ok: false, status: 404, message: "This article does not exist in this shop." } as const;
const CATEGORY_MISSING = { ok: false, status: 404, message: "This category does not exist in this shop." } as const;
const UNREADABLE = { ok: false, status: 400, message: "This action could not be read." } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function runFaqListAction(db: Db, shop: string, form: FormData): Promise<FaqListOutcome> {
  const parsed = FaqListIntentSchema.safeParse({ intent: form.get("intent"), id: form.get("id") ?? undefined });
  if (!parsed.success) return UNREADABLE;
  const { intent, id } = parsed.data;
  if (intent === "create-category") {
    const titles = parseCategoryTitles(form);
    if (!titles.ok) return { ok: false, status: 400, message: "The category was not added.", errors: titles.errors };
    const handle = uniqueHandle(titles.titles.en ?? "", await categoryHandles(db, shop), "category");
    await createFaqCategory(db, shop, { handle, titles: titles.titles });
    return { ok: true, intent, message: "Category added" };
  }
  if (!id) return UNREADABLE;
  switch (intent) {
    case "publish":
    case "unpublish":
      return (await setFaqArticlePublished(db, shop, id, intent === "publish"))
        ? { ok: true, intent, message: intent === "publish" ? "Article published" : "Article unpublished" }
        : ARTICLE_MISSING;
    case "move-article":
    case "move-category": {
      const move = parseMove({ direction: form.get("direction"), position: form.get("position") });
      if (!move) return UNREADABLE;
      if (intent === "move-article") return (await moveFaqArticle(db, shop, id, move)) ? { ok: true, intent, message: "Article moved" } : ARTICLE_MISSING;
      return (await moveFaqCategory(db, shop, id, move)) ? { ok: true, intent, message: "Category moved" } : CATEGORY_MISSING;
    }
    case "rename-category": {
      const titles = parseCategoryTitles(form);
      if (!titles.ok) return { ok: false, status: 400, message: "The category was not renamed.", errors: titles.errors };
      return (await renameFaqCategory(db, shop, id, titles.titles)) ? { ok: true, intent, message: "Category renamed" } : CATEGORY_MISSING;
    }
    case "delete-category": {
      const confirmed = ConfirmedCountSchema.safeParse(form.get("articleCount"));
      if (!confirmed.success) return UNREADABLE;
      const deletion = await deleteFaqCategory(db, shop, id, confirmed.data);
      if (deletion.ok) return { ok: true, intent, message: deletion.articles ? `Category and ${plural(deletion.articles, "article")} deleted` : "Category deleted" };
      if (deletion.reason === "missing") return CATEGORY_MISSING;
      if (deletion.reason === "last") return { ok: false, status: 409, message: "The FAQ needs at least one category. Add another before deleting this one." };
      return {
        ok: false,
        status: 409,
        message: `This category now has ${plural(deletion.articles, "article")}. Nothing was deleted: confirm again to delete them all.`,
        articleCount: deletion.articles,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------

export const NEW_ARTICLE_ID = "new";

export type FaqTranslationValues = Record<FaqLocale, { question: string; answer: string }>;

export type FaqEditorData = {
  article: { id: string | null; categoryId: string; handle: string; published: boolean; translations: FaqTranslationValues };
  categories: { id: string; title: string }[];
  /** Sent with the data: this module is server-only, and the editor shows both. */
  localeNames: Record<FaqLocale, string>;
  limits: { question: number; answer: number };
};

const EDITOR_STATICS = { localeNames: LOCALE_NAMES, limits: { question: QUESTION_MAX, answer: ANSWER_MAX } };

const emptyTranslations = (): FaqTranslationValues =>
  Object.fromEntries(FAQ_LOCALES.map((locale) => [locale, { question: "", answer: "" }])) as FaqTranslationValues;

/** null: no such article in this shop. A new article starts in `?category=` when that is the shop's. */
export async function loadFaqEditor(db: Db, shop: string, id: string, url: URL): Promise<FaqEditorData | null> {
  const categories = (await listFaq(db, shop)).map((c) => ({ id: c.id, title: categoryLabel(categoryTitles(c), c.handle) }));
  if (id === NEW_ARTICLE_ID) {
    const wanted = url.searchParams.get("category");
    const categoryId = categories.find((c) => c.id === wanted)?.id ?? categories[0]?.id ?? "";
    return { article: { id: null, categoryId, handle: "", published: true, translations: emptyTranslations() }, categories, ...EDITOR_STATICS };
  }
  const article = await getArticle(db, shop, id);
  if (!article) return null;
  const translations = emptyTranslations();
  for (const t of article.translations) {
    if (t.locale in translations) translations[t.locale as FaqLocale] = { question: t.question, answer: t.answer };
  }
  return {
    article: { id: article.id, categoryId: article.categoryId, handle: article.handle, published: article.published, translations },
    categories,
    ...EDITOR_STATICS,
  };
}

export const FAQ_EDITOR_INTENTS = ["save", "delete", "preview"] as const;
export const FaqEditorIntentSchema = z.enum(FAQ_EDITOR_INTENTS);

export type FaqSaveOutcome =
  | { ok: true; id: string; handle: string; created: boolean }
  | { ok: false; status: 400 | 404; errors: ArticleFieldErrors; answerErrors: AnswerErrors };

/** Validates everything first; writes only an article that passes, in one transaction. */
export async function saveFaqArticle(db: Db, shop: string, id: string, form: FormData, staff: string): Promise<FaqSaveOutcome> {
  const notFound = { ok: false, status: 404, errors: {}, answerErrors: {} } as const;
  const isNew = id === NEW_ARTICLE_ID;
  if (!isNew && !(await getArticle(db, shop, id))) return notFound;
  const parsed = parseArticleForm(form);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, answerErrors: parsed.answerErrors };

  const { value } = parsed;
  const taken = await articleHandles(db, shop, isNew ? undefined : id);
  const handleTaken = { ok: false, status: 400, errors: { handle: "Another article already uses this handle" }, answerErrors: {} } as const;
  if (value.handle && taken.has(value.handle)) return handleTaken;
  const english = value.translations.find((t) => t.locale === DEFAULT_LOCALE)?.question ?? "";
  const input: FaqArticleInput = { ...value, handle: value.handle || uniqueHandle(english, taken, "article") };

  try {
    const written = isNew ? await createFaqArticle(db, shop, input, staff) : await updateFaqArticle(db, shop, id, input);
    if (written.ok) return { ok: true, id: written.article.id, handle: written.article.handle, created: isNew };
    if (written.missing === "article") return notFound;
    return { ok: false, status: 400, errors: { categoryId: "This category does not exist in this shop." }, answerErrors: {} };
  } catch (error) {
    // Another save took the handle between the check and the write.
    if (isUniqueViolation(error)) return handleTaken;
    throw error;
  }
}

export type FaqDeleteOutcome = { ok: true } | { ok: false; status: 404 };

export async function deleteFaqArticleById(db: Db, shop: string, id: string): Promise<FaqDeleteOutcome> {
  return (await deleteFaqArticle(db, shop, id)) ? { ok: true } : { ok: false, status: 404 };
}

export const FaqPreviewSchema = z.object({
  locale: z.enum(FAQ_LOCALES),
  answer: z.string().max(ANSWER_MAX, "Keep the answer under 20,000 characters"),
});

export type FaqPreviewOutcome = { ok: true; locale: FaqLocale; html: string } | { ok: false; status: 400; errors: string[] };

/**
 * An answer as the storefront will show it: validated like a save (errors with line and column),
 * then rendered with the shop's live values by the storefront's own renderAnswer. The live values
 * are only loaded for an answer that passes.
 */
export async function previewFaqAnswer(form: FormData, liveContext: () => Promise<FaqContext>): Promise<FaqPreviewOutcome> {
  const parsed = FaqPreviewSchema.safeParse({ locale: form.get("locale"), answer: form.get("answer") ?? "" });
  if (!parsed.success) return { ok: false, status: 400, errors: parsed.error.issues.map((issue) => issue.message) };
  const { locale, answer } = parsed.data;
  if (!answer.trim()) return { ok: true, locale, html: "" };
  const validation = validateFaqAnswer(answer);
  if (!validation.ok) return { ok: false, status: 400, errors: validation.errors.map(formatAnswerError) };
  const rendered = renderAnswer(answer, await liveContext());
  if (!rendered) return { ok: false, status: 400, errors: ["This answer does not render with the shop's current values, so the storefront would leave it out."] };
  return { ok: true, locale, html: rendered.html };
}
