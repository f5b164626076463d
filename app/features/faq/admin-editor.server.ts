/**
 * The admin's article editor: per-language versions, Liquid validation with line and column, and a
 * preview rendered exactly as the storefront renders it.
 */
import { z } from "zod";
import type { Db } from "../../db-client.server";
import { validateFaqAnswer } from "./domain/template";
import { FAQ_LOCALES, type FaqLocale } from "./domain/types";
import type { FaqContext } from "./domain/variables";
import { articleHandles, categoryTitles, createFaqArticle, deleteFaqArticle, getArticle, listFaq, updateFaqArticle, type FaqArticleInput } from "./repo.server";
import { renderAnswer } from "./storefront-content.server";
import { ANSWER_MAX, type AnswerErrors, type ArticleFieldErrors, DEFAULT_LOCALE, LOCALE_NAMES, QUESTION_MAX, categoryLabel, formatAnswerError, isUniqueViolation, parseArticleForm, uniqueHandle } from "./admin-forms";

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
