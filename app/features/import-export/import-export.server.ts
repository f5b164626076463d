import { z } from "zod";
import type { Db } from "../../db-client.server";
import { validateFaqAnswer } from "../faq/domain/template";
import { describeImportError, type ImportFormat } from "./domain/errors";
import { exportFaq, parseFaqImport, type FaqRecord } from "./domain/faq";
import { exportMacros, parseMacroImport, type MacroRecord } from "./domain/macros";
import { validateMacro } from "../macros/domain/template";
import { categoryTitles, listFaq } from "../faq/repo.server";
import { listMacros } from "../macros/repo.server";
import { storableText } from "../../lib/text";

/**
 * Moving macros and FAQ articles in and out, for merchants coming from another help desk. An
 * import is checked whole before anything is written, then written in one transaction: a file
 * with one bad row changes nothing.
 *
 * Matching: a macro is the same macro when family and title match (case-insensitive), so
 * re-importing an export updates rather than duplicates; an article is matched by its handle and
 * a category by its handle. Translations in the file replace those languages; others are kept.
 */

export const KINDS = ["macros", "faq"] as const;
export type Kind = (typeof KINDS)[number];

export const ExportSchema = z.object({ intent: z.literal("export"), kind: z.enum(KINDS), format: z.enum(["csv", "json"]) });

/** 2 MB covers thousands of macros; anything bigger is not a help-desk export. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type ExportFile = { filename: string; mimeType: string; content: string };

export async function exportFile(db: Db, shop: string, kind: Kind, format: ImportFormat, now: Date): Promise<ExportFile> {
  const day = now.toISOString().slice(0, 10);
  const content = kind === "macros" ? exportMacros(await macroRecords(db, shop), format) : exportFaq(await faqRecords(db, shop), format);
  return { filename: `harbor-${kind}-${day}.${format}`, mimeType: format === "csv" ? "text/csv" : "application/json", content };
}

async function macroRecords(db: Db, shop: string): Promise<MacroRecord[]> {
  return (await listMacros(db, shop, { includeArchived: true })).map((m) => ({ family: m.family, title: m.title, body: m.body, archived: m.archived }));
}

async function faqRecords(db: Db, shop: string): Promise<FaqRecord[]> {
  const categories = await listFaq(db, shop);
  return categories.flatMap((category) => {
    const titles = categoryTitles(category);
    return category.articles.map((article) => ({
      handle: article.handle,
      category: category.handle,
      categoryTitle: titles.en ?? Object.values(titles)[0] ?? category.handle,
      position: article.position,
      published: article.published,
      translations: article.translations
        .filter((t): t is typeof t & { locale: FaqRecord["translations"][number]["locale"] } => ["en", "fr", "de", "es"].includes(t.locale))
        .sort((a, b) => (a.locale === "en" ? -1 : b.locale === "en" ? 1 : a.locale.localeCompare(b.locale)))
        .map((t) => ({ locale: t.locale, question: t.question, answer: t.answer })),
    }));
  });
}

export type ImportOutcome =
  | { ok: true; kind: Kind; created: number; updated: number }
  | { ok: false; kind: Kind | null; errors: string[] };

const formatOf = (filename: string, text: string): ImportFormat =>
  /\.json$/i.test(filename) || /^\s*[[{]/.test(text.replace(/^\uFEFF/, "")) ? "json" : "csv";

/** Reads the uploaded file, checks every row, and writes all of it or nothing. */
export async function importFile(db: Db, shop: string, form: FormData, by: string): Promise<ImportOutcome> {
  const kind = z.enum(KINDS).safeParse(form.get("kind"));
  if (!kind.success) return { ok: false, kind: null, errors: ["Choose what to import: macros or FAQ articles."] };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, kind: kind.data, errors: ["Choose a CSV or JSON file to import."] };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, kind: kind.data, errors: ["This file is larger than 2 MB. Split it into smaller files."] };
  // Stored as the admin sees it, minus what the databases cannot store.
  const text = storableText(await file.text());
  const format = formatOf(file.name, text);
  return kind.data === "macros" ? importMacros(db, shop, text, format, by) : importFaq(db, shop, text, format, by);
}

async function importMacros(db: Db, shop: string, text: string, format: ImportFormat, by: string): Promise<ImportOutcome> {
  const parsed = parseMacroImport(text, format, { validateBody: (body) => validateMacro(body) });
  if (!parsed.ok) return { ok: false, kind: "macros", errors: parsed.errors.map(describeImportError) };
  let created = 0;
  let updated = 0;
  await db.$transaction(async (tx) => {
    const existing = await tx.macro.findMany({ where: { shop }, select: { id: true, family: true, title: true } });
    const byKey = new Map(existing.map((m) => [`${m.family.toLowerCase()}|${m.title.toLowerCase()}`, m.id]));
    for (const record of parsed.records) {
      const id = byKey.get(`${record.family.toLowerCase()}|${record.title.toLowerCase()}`);
      if (id) {
        await tx.macro.update({ where: { id }, data: { body: record.body, archived: record.archived } });
        updated++;
      } else {
        await tx.macro.create({ data: { shop, family: record.family, title: record.title, body: record.body, archived: record.archived, createdBy: by } });
        created++;
      }
    }
  });
  return { ok: true, kind: "macros", created, updated };
}

async function importFaq(db: Db, shop: string, text: string, format: ImportFormat, by: string): Promise<ImportOutcome> {
  const parsed = parseFaqImport(text, format, { validateAnswer: (answer) => validateFaqAnswer(answer) });
  if (!parsed.ok) return { ok: false, kind: "faq", errors: parsed.errors.map(describeImportError) };
  // Seed first, so an import into a new shop lands beside the starter pack instead of preventing it.
  await listFaq(db, shop);
  let created = 0;
  let updated = 0;
  await db.$transaction(async (tx) => {
    const categories = new Map((await tx.faqCategory.findMany({ where: { shop } })).map((c) => [c.handle, c]));
    let nextCategoryPosition = Math.max(-1, ...[...categories.values()].map((c) => c.position)) + 1;
    for (const record of parsed.records) {
      let category = categories.get(record.category);
      if (!category) {
        category = await tx.faqCategory.create({
          data: { shop, handle: record.category, position: nextCategoryPosition++, titles: JSON.stringify({ en: record.categoryTitle ?? record.category }) },
        });
        categories.set(record.category, category);
      }
      const data = { categoryId: category.id, position: record.position, published: record.published };
      const existing = await tx.faqArticle.findUnique({ where: { shop_handle: { shop, handle: record.handle } } });
      const article = existing
        ? await tx.faqArticle.update({ where: { id: existing.id }, data })
        : await tx.faqArticle.create({ data: { ...data, shop, handle: record.handle, createdBy: by } });
      for (const t of record.translations) {
        await tx.faqTranslation.upsert({
          where: { articleId_locale: { articleId: article.id, locale: t.locale } },
          create: { shop, articleId: article.id, locale: t.locale, question: t.question, answer: t.answer },
          update: { question: t.question, answer: t.answer },
        });
      }
      if (existing) updated++;
      else created++;
    }
  });
  return { ok: true, kind: "faq", created, updated };
}
