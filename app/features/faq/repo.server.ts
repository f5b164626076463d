import type { FaqArticle, FaqCategory, FaqTranslation } from "@prisma/client";
import type { Db } from "../../db-client.server";
import { STARTER_FAQ, STARTER_FAQ_CATEGORIES } from "./domain/starters";
import type { FaqLocale } from "./domain/types";

/**
 * FAQ categories and articles, one shop at a time: every query carries the shop, so another shop's
 * id reads as missing. Category titles are JSON { locale: title }.
 */

export type { FaqArticle, FaqCategory, FaqTranslation };
export type ArticleWithTranslations = FaqArticle & { translations: FaqTranslation[] };
export type CategoryWithArticles = FaqCategory & { articles: ArticleWithTranslations[] };

export function categoryTitles(category: Pick<FaqCategory, "titles">): Partial<Record<FaqLocale, string>> {
  try {
    const parsed: unknown = JSON.parse(category.titles);
    return parsed && typeof parsed === "object" ? (parsed as Partial<Record<FaqLocale, string>>) : {};
  } catch {
    return {};
  }
}

/**
 * A shop's first visit gets the starter pack. Only a shop with no category at all is seeded, so
 * deleting starters never brings them back.
 */
export async function seedStarterFaq(db: Db, shop: string, by = "Harbor Support"): Promise<void> {
  if ((await db.faqCategory.count({ where: { shop } })) > 0) return;
  await db.$transaction(async (tx) => {
    if ((await tx.faqCategory.count({ where: { shop } })) > 0) return;
    const ids = new Map<string, string>();
    for (const [position, category] of STARTER_FAQ_CATEGORIES.entries()) {
      const row = await tx.faqCategory.create({ data: { shop, handle: category.handle, position, titles: JSON.stringify({ en: category.title }) } });
      ids.set(category.handle, row.id);
    }
    const positions = new Map<string, number>();
    for (const article of STARTER_FAQ) {
      const position = positions.get(article.category) ?? 0;
      positions.set(article.category, position + 1);
      await tx.faqArticle.create({
        data: {
          shop,
          handle: article.handle,
          categoryId: ids.get(article.category)!,
          position,
          createdBy: by,
          translations: { create: { shop, locale: "en", question: article.question, answer: article.answer } },
        },
      });
    }
  });
}

export async function listFaq(db: Db, shop: string, options: { publishedOnly?: boolean } = {}): Promise<CategoryWithArticles[]> {
  await seedStarterFaq(db, shop);
  return db.faqCategory.findMany({
    where: { shop },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: {
      articles: {
        where: options.publishedOnly ? { published: true } : {},
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { translations: true },
      },
    },
  });
}

export function getArticle(db: Db, shop: string, id: string): Promise<ArticleWithTranslations | null> {
  return db.faqArticle.findFirst({ where: { id, shop }, include: { translations: true } });
}

/**
 * Changes whenever anything the storefront shows changes: an edit bumps updatedAt, and the counts
 * catch deletions (which leave no row to date).
 */
export async function faqRevision(db: Db, shop: string): Promise<string> {
  const [categories, articles, translations] = await Promise.all([
    db.faqCategory.aggregate({ where: { shop }, _max: { updatedAt: true }, _count: true }),
    db.faqArticle.aggregate({ where: { shop }, _max: { updatedAt: true }, _count: true }),
    db.faqTranslation.aggregate({ where: { shop }, _max: { updatedAt: true }, _count: true }),
  ]);
  return [categories, articles, translations].map((a) => `${a._count}@${a._max.updatedAt?.getTime() ?? 0}`).join("/");
}

// ---------------------------------------------------------------------------------------------
// Writes. Every one is scoped by shop (another shop's id is "missing") and every multi-row change
// runs in one transaction, so a reader never sees two rows at one position or half a translation set.
// ---------------------------------------------------------------------------------------------

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const IN_ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }];

/** Where to move a row among its siblings: one step, or to a 0-based position (clamped to the ends). */
export type FaqMove = { direction: "up" | "down" } | { position: number };

/** The ids in their new order after moving `id`; null when `id` is not among them. */
export function movedOrder(ids: readonly string[], id: string, move: FaqMove): string[] | null {
  const from = ids.indexOf(id);
  if (from === -1) return null;
  const target = "direction" in move ? from + (move.direction === "up" ? -1 : 1) : Math.trunc(move.position);
  const to = Math.min(Math.max(Number.isFinite(target) ? target : from, 0), ids.length - 1);
  const order = ids.filter((other) => other !== id);
  order.splice(to, 0, id);
  return order;
}

/** Positions 0…n-1 in the given order; rows already in place are not touched. */
async function writeOrder(
  update: (id: string, position: number) => Promise<unknown>,
  rows: readonly { id: string; position: number }[],
  order: readonly string[],
): Promise<void> {
  const current = new Map(rows.map((row) => [row.id, row.position]));
  for (const [position, id] of order.entries()) {
    if (current.get(id) !== position) await update(id, position);
  }
}

async function renumberArticles(tx: Tx, shop: string, categoryId: string, order?: (ids: string[]) => string[]): Promise<void> {
  const rows = await tx.faqArticle.findMany({ where: { shop, categoryId }, orderBy: IN_ORDER, select: { id: true, position: true } });
  const ids = rows.map((row) => row.id);
  await writeOrder((id, position) => tx.faqArticle.update({ where: { id }, data: { position } }), rows, order ? order(ids) : ids);
}

async function renumberCategories(tx: Tx, shop: string, order?: (ids: string[]) => string[]): Promise<void> {
  const rows = await tx.faqCategory.findMany({ where: { shop }, orderBy: IN_ORDER, select: { id: true, position: true } });
  const ids = rows.map((row) => row.id);
  await writeOrder((id, position) => tx.faqCategory.update({ where: { id }, data: { position } }), rows, order ? order(ids) : ids);
}

async function nextArticlePosition(tx: Tx, shop: string, categoryId: string): Promise<number> {
  const { _max } = await tx.faqArticle.aggregate({ where: { shop, categoryId }, _max: { position: true } });
  return (_max.position ?? -1) + 1;
}

export type FaqTranslationInput = { locale: FaqLocale; question: string; answer: string };
export type FaqArticleInput = { categoryId: string; handle: string; published: boolean; translations: FaqTranslationInput[] };
export type FaqArticleWrite = { ok: true; article: FaqArticle } | { ok: false; missing: "article" | "category" };

/** The shop's article handles, but for one article's own (it may keep it). */
export async function articleHandles(db: Db, shop: string, exceptId?: string): Promise<Set<string>> {
  const rows = await db.faqArticle.findMany({ where: { shop, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { handle: true } });
  return new Set(rows.map((row) => row.handle));
}

export async function categoryHandles(db: Db, shop: string): Promise<Set<string>> {
  const rows = await db.faqCategory.findMany({ where: { shop }, select: { handle: true } });
  return new Set(rows.map((row) => row.handle));
}

/** A new article goes last in its category. */
export async function createFaqArticle(db: Db, shop: string, input: FaqArticleInput, by: string): Promise<FaqArticleWrite> {
  return db.$transaction(async (tx) => {
    if (!(await tx.faqCategory.findFirst({ where: { id: input.categoryId, shop }, select: { id: true } }))) return { ok: false, missing: "category" };
    const article = await tx.faqArticle.create({
      data: {
        shop,
        handle: input.handle,
        categoryId: input.categoryId,
        position: await nextArticlePosition(tx, shop, input.categoryId),
        published: input.published,
        createdBy: by,
        translations: { create: input.translations.map((t) => ({ shop, ...t })) },
      },
    });
    return { ok: true, article };
  });
}

/**
 * Replaces the article's fields and translations: a language missing from the input is removed.
 * Moved to another category, it goes last there and its old category closes the gap.
 */
export async function updateFaqArticle(db: Db, shop: string, id: string, input: FaqArticleInput): Promise<FaqArticleWrite> {
  return db.$transaction(async (tx) => {
    const existing = await tx.faqArticle.findFirst({ where: { id, shop } });
    if (!existing) return { ok: false, missing: "article" };
    if (!(await tx.faqCategory.findFirst({ where: { id: input.categoryId, shop }, select: { id: true } }))) return { ok: false, missing: "category" };
    const moved = existing.categoryId !== input.categoryId;
    const article = await tx.faqArticle.update({
      where: { id },
      data: {
        handle: input.handle,
        published: input.published,
        categoryId: input.categoryId,
        ...(moved ? { position: await nextArticlePosition(tx, shop, input.categoryId) } : {}),
      },
    });
    await tx.faqTranslation.deleteMany({ where: { articleId: id, shop, locale: { notIn: input.translations.map((t) => t.locale) } } });
    for (const { locale, question, answer } of input.translations) {
      await tx.faqTranslation.upsert({
        where: { articleId_locale: { articleId: id, locale } },
        create: { shop, articleId: id, locale, question, answer },
        update: { question, answer },
      });
    }
    if (moved) await renumberArticles(tx, shop, existing.categoryId);
    return { ok: true, article };
  });
}

export async function deleteFaqArticle(db: Db, shop: string, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const article = await tx.faqArticle.findFirst({ where: { id, shop }, select: { categoryId: true } });
    if (!article) return false;
    await tx.faqTranslation.deleteMany({ where: { articleId: id, shop } });
    await tx.faqArticle.delete({ where: { id } });
    await renumberArticles(tx, shop, article.categoryId);
    return true;
  });
}

export async function setFaqArticlePublished(db: Db, shop: string, id: string, published: boolean): Promise<boolean> {
  const { count } = await db.faqArticle.updateMany({ where: { id, shop }, data: { published } });
  return count > 0;
}

/** Moves an article within its category. */
export async function moveFaqArticle(db: Db, shop: string, id: string, move: FaqMove): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const article = await tx.faqArticle.findFirst({ where: { id, shop }, select: { categoryId: true } });
    if (!article) return false;
    await renumberArticles(tx, shop, article.categoryId, (ids) => movedOrder(ids, id, move) ?? ids);
    return true;
  });
}

/** A new category goes last. */
export async function createFaqCategory(db: Db, shop: string, input: { handle: string; titles: Partial<Record<FaqLocale, string>> }): Promise<FaqCategory> {
  return db.$transaction(async (tx) => {
    const { _max } = await tx.faqCategory.aggregate({ where: { shop }, _max: { position: true } });
    return tx.faqCategory.create({ data: { shop, handle: input.handle, position: (_max.position ?? -1) + 1, titles: JSON.stringify(input.titles) } });
  });
}

/** The handle stays: storefront links to the category keep working. */
export async function renameFaqCategory(db: Db, shop: string, id: string, titles: Partial<Record<FaqLocale, string>>): Promise<boolean> {
  const { count } = await db.faqCategory.updateMany({ where: { id, shop }, data: { titles: JSON.stringify(titles) } });
  return count > 0;
}

export async function moveFaqCategory(db: Db, shop: string, id: string, move: FaqMove): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await tx.faqCategory.findFirst({ where: { id, shop }, select: { id: true } }))) return false;
    await renumberCategories(tx, shop, (ids) => movedOrder(ids, id, move) ?? ids);
    return true;
  });
}

export type FaqCategoryDeletion =
  | { ok: true; articles: number }
  | { ok: false; reason: "missing" }
  | { ok: false; reason: "last" }
  | { ok: false; reason: "count-changed"; articles: number };

/**
 * Deletes a category with its articles, only when it still has the number of articles the admin
 * confirmed (one added meanwhile is not deleted unseen). The last category stays: a shop with no
 * category at all is seeded again, and new articles need a category.
 */
export async function deleteFaqCategory(db: Db, shop: string, id: string, confirmedArticles: number): Promise<FaqCategoryDeletion> {
  return db.$transaction(async (tx) => {
    if (!(await tx.faqCategory.findFirst({ where: { id, shop }, select: { id: true } }))) return { ok: false, reason: "missing" };
    if ((await tx.faqCategory.count({ where: { shop } })) <= 1) return { ok: false, reason: "last" };
    const articles = await tx.faqArticle.count({ where: { shop, categoryId: id } });
    if (articles !== confirmedArticles) return { ok: false, reason: "count-changed", articles };
    await tx.faqTranslation.deleteMany({ where: { shop, article: { categoryId: id } } });
    await tx.faqArticle.deleteMany({ where: { shop, categoryId: id } });
    await tx.faqCategory.delete({ where: { id } });
    await renumberCategories(tx, shop);
    return { ok: true, articles };
  });
}
