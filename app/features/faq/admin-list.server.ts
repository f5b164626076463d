/**
 * The admin's FAQ list: categories in order with their articles (seeded with the starters on the
 * first visit), and its actions: reordering, publishing, creating, renaming and deleting categories.
 */
import { z } from "zod";
import type { Db } from "../../db-client.server";
import { FAQ_LOCALES, type FaqLocale } from "./domain/types";
import { categoryHandles, categoryTitles, createFaqCategory, deleteFaqCategory, listFaq, moveFaqArticle, moveFaqCategory, renameFaqCategory, setFaqArticlePublished } from "./repo.server";
import { type CategoryFieldErrors, IdSchema, LOCALE_NAMES, articleMatches, categoryLabel, defaultQuestion, parseCategoryTitles, parseMove, uniqueHandle } from "./admin-forms";

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
