/**
 * Long on purpose: one all-or-nothing parser (CSV rows grouped into articles, JSON items, the
 * shared record checks) whose parts only make sense together; csv.ts, errors.ts and fields.ts
 * already hold what the macro import shares.
 *
 * FAQ articles in and out as CSV or JSON. Parsing is all or nothing, like the macro import: every
 * record valid and normalised, or every problem listed with its line (CSV) or item (JSON).
 *
 * CSV: one row per article and language, header `handle,category,position,published,locale,
 * question,answer` (only category, question and answer are required columns). Rows sharing a
 * handle are one article: they must agree on category, position and published (a blank cell
 * agrees with anything), and may not repeat a locale. A row without a handle is an article of its
 * own. JSON: `{ "articles": [{ handle?, category, position?, published?, translations:
 * [{ locale?, question, answer }] }] }` or the bare array.
 *
 * `category` in a file is the category's title ("Shipping"); a record carries it as
 * `categoryTitle` and its slug as `category`. A missing handle is made from the English question
 * (or the first), unique within the file; a missing position is the article's order in the file.
 */
import { FAQ_LOCALES, slugifyHandle, type FaqLocale } from "../../faq/domain/types";
import { readCsvTable, toCsv } from "./csv";
import {
  DEFAULT_MAX_ROWS,
  describeLocation,
  errorAt,
  importFailure,
  isPlainObject,
  readJsonList,
  unknownFieldsMessage,
  type ImportError,
  type ImportFormat,
  type ImportResult,
  type RowLocation,
  type TextValidator,
} from "./errors";
import { checkBooleanCell, checkText, checkValidatedText, fieldCollector, invalid, valid, type FieldCheck } from "./fields";

export { FAQ_LOCALES, type FaqLocale };

export interface FaqTranslationRecord {
  locale: FaqLocale;
  question: string;
  answer: string;
}

export interface FaqRecord {
  /** Slug, unique within the file. */
  handle: string;
  /** The category's slug, made from its title. */
  category: string;
  /** The category's title as written in the file; absent for records that only know the slug. */
  categoryTitle?: string;
  position: number;
  published: boolean;
  translations: FaqTranslationRecord[];
}

export interface FaqImportOptions {
  /** The Markdown/placeholder check for answers. */
  validateAnswer: TextValidator;
  /** Most CSV rows (one per article and language) or JSON articles one file may hold. Default 1000. */
  maxRows?: number;
}

export const FAQ_IMPORT_LIMITS = Object.freeze({
  handleChars: 80,
  categoryChars: 80,
  questionChars: 300,
  answerChars: 20_000,
  /** Positions are stored in a 32-bit Int column. */
  maxPosition: 2_147_483_647,
});

const HANDLE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CSV_COLUMNS = {
  required: ["category", "question", "answer"],
  optional: ["handle", "position", "published", "locale"],
} as const;
const CSV_HEADER = ["handle", "category", "position", "published", "locale", "question", "answer"];
const ARTICLE_KEYS: readonly string[] = ["handle", "category", "position", "published", "translations"];
const TRANSLATION_KEYS: readonly string[] = ["locale", "question", "answer"];

interface Category {
  slug: string;
  title: string;
}

/** An article as gathered from the file; fields stay unset where the file left them out. */
interface ArticleDraft {
  at: RowLocation;
  handle?: string;
  category?: Category;
  position?: number;
  published?: boolean;
  translations: FaqTranslationRecord[];
}

export function parseFaqImport(text: string, format: ImportFormat, options: FaqImportOptions): ImportResult<FaqRecord> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const errors: ImportError[] = [];
  const drafts =
    format === "csv"
      ? readCsvArticles(text, maxRows, options.validateAnswer, errors)
      : readJsonArticles(text, maxRows, options.validateAnswer, errors);
  checkCategorySpelling(drafts, errors);
  if (errors.length > 0) return importFailure(errors);

  const taken = new Set(drafts.flatMap((draft) => (draft.handle === undefined ? [] : [draft.handle])));
  const records = drafts.map((draft, index): FaqRecord => {
    const category = draft.category;
    if (!category) throw new Error(`Article at ${describeLocation(draft.at)} has no category but no error was reported`);
    return {
      handle: draft.handle ?? generateHandle(draft.translations, taken),
      category: category.slug,
      categoryTitle: category.title,
      position: draft.position ?? index,
      published: draft.published ?? true,
      translations: draft.translations,
    };
  });
  return { ok: true, records };
}

/** CSV, one row per article and language, or `{ "articles": [...] }` pretty-printed with two spaces. */
export function exportFaq(records: readonly FaqRecord[], format: ImportFormat): string {
  if (format === "json") {
    const articles = records.map((r) => ({
      handle: r.handle,
      category: r.categoryTitle ?? r.category,
      position: r.position,
      published: r.published,
      translations: r.translations.map(({ locale, question, answer }) => ({ locale, question, answer })),
    }));
    return `${JSON.stringify({ articles }, null, 2)}\n`;
  }
  return toCsv([
    CSV_HEADER,
    ...records.flatMap((r) =>
      r.translations.map((t) => [
        r.handle,
        r.categoryTitle ?? r.category,
        String(r.position),
        String(r.published),
        t.locale,
        t.question,
        t.answer,
      ]),
    ),
  ]);
}

function readCsvArticles(text: string, maxRows: number, validateAnswer: TextValidator, errors: ImportError[]): ArticleDraft[] {
  const table = readCsvTable(text, CSV_COLUMNS, maxRows);
  errors.push(...table.errors);
  const drafts: ArticleDraft[] = [];
  const byHandle = new Map<string, { draft: ArticleDraft; locales: Map<FaqLocale, RowLocation> }>();

  for (const { line, cells } of table.rows) {
    const at = { line };
    const take = fieldCollector(errors, at);
    const handleCheck: FieldCheck<string | undefined> = blank(cells.handle) ? valid(undefined) : checkHandle(cells.handle);
    take("handle", handleCheck);
    const category = take("category", checkCategory(cells.category));
    const position = blank(cells.position) ? undefined : take("position", positionFromCell(cells.position ?? ""));
    const published = blank(cells.published) ? undefined : take("published", checkBooleanCell(cells.published ?? ""));
    const translation = takeTranslation(
      blank(cells.locale) ? "en" : cells.locale,
      cells.question,
      cells.answer,
      validateAnswer,
      (field, message) => errors.push(errorAt(at, field, message)),
    );
    // A row whose handle is unreadable cannot be matched to its article.
    if (handleCheck.errors.length > 0) continue;

    const handle = handleCheck.value;
    const existing = handle === undefined ? undefined : byHandle.get(handle);
    if (existing === undefined) {
      const draft: ArticleDraft = { at, handle, category, position, published, translations: translation ? [translation] : [] };
      drafts.push(draft);
      if (handle !== undefined) byHandle.set(handle, { draft, locales: new Map(translation ? [[translation.locale, at]] : []) });
      continue;
    }

    const { draft, locales } = existing;
    const first = describeLocation(draft.at);
    const conflict = (field: string, mine: string, theirs: string) =>
      errors.push(errorAt(at, field, `${field} ${mine} differs from ${theirs} on ${first}, the first row of "${handle}"`));
    if (category && draft.category && category.slug !== draft.category.slug) {
      conflict("category", `"${category.title}"`, `"${draft.category.title}"`);
    } else if (category) draft.category ??= category;
    if (position !== undefined && draft.position !== undefined && position !== draft.position) {
      conflict("position", String(position), String(draft.position));
    } else if (position !== undefined) draft.position ??= position;
    if (published !== undefined && draft.published !== undefined && published !== draft.published) {
      conflict("published", String(published), String(draft.published));
    } else if (published !== undefined) draft.published ??= published;
    if (translation === undefined) continue;
    const earlier = locales.get(translation.locale);
    if (earlier) {
      const message = `"${handle}" already has a "${translation.locale}" translation on ${describeLocation(earlier)}`;
      errors.push(errorAt(at, "locale", message));
      continue;
    }
    locales.set(translation.locale, at);
    draft.translations.push(translation);
  }
  return drafts;
}

function readJsonArticles(text: string, maxRows: number, validateAnswer: TextValidator, errors: ImportError[]): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  const handles = new Map<string, RowLocation>();
  readJsonList(text, "articles", maxRows, errors).forEach((entry, index) => {
    const at = { item: index + 1 };
    if (!isPlainObject(entry)) {
      errors.push({ ...at, message: "Each article must be an object with category and translations" });
      return;
    }
    const unknown = unknownFieldsMessage(entry, ARTICLE_KEYS);
    if (unknown) errors.push({ ...at, message: unknown });
    const take = fieldCollector(errors, at);
    const handle = absent(entry.handle) ? undefined : take("handle", checkHandle(entry.handle));
    const earlier = handle === undefined ? undefined : handles.get(handle);
    if (handle !== undefined && earlier) {
      errors.push(errorAt(at, "handle", `handle "${handle}" is already used by ${describeLocation(earlier)}`));
    } else if (handle !== undefined) handles.set(handle, at);
    const category = take("category", checkCategory(entry.category));
    const position = absent(entry.position) ? undefined : take("position", positionFromJson(entry.position));
    const published = absent(entry.published) ? undefined : take("published", publishedFromJson(entry.published));
    const translations = readJsonTranslations(entry.translations, at, validateAnswer, errors);
    drafts.push({ at, handle, category, position, published, translations });
  });
  return drafts;
}

function readJsonTranslations(
  raw: unknown,
  at: RowLocation,
  validateAnswer: TextValidator,
  errors: ImportError[],
): FaqTranslationRecord[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(errorAt(at, "translations", "translations must be a list with at least one { locale, question, answer }"));
    return [];
  }
  const translations: FaqTranslationRecord[] = [];
  raw.forEach((entry: unknown, index) => {
    const label = `Translation ${index + 1}`;
    if (!isPlainObject(entry)) {
      errors.push(errorAt(at, "translations", `${label} must be an object with locale, question and answer`));
      return;
    }
    const unknown = unknownFieldsMessage(entry, TRANSLATION_KEYS);
    if (unknown) errors.push(errorAt(at, "translations", `${label}: ${unknown}`));
    const translation = takeTranslation(
      absent(entry.locale) ? "en" : entry.locale,
      entry.question,
      entry.answer,
      validateAnswer,
      (field, message) => errors.push(errorAt(at, field, `${label}: ${message}`)),
    );
    if (translation === undefined) return;
    if (translations.some((t) => t.locale === translation.locale)) {
      errors.push(errorAt(at, "locale", `${label}: there is already a "${translation.locale}" translation`));
      return;
    }
    translations.push(translation);
  });
  return translations;
}

function takeTranslation(
  locale: unknown,
  question: unknown,
  answer: unknown,
  validateAnswer: TextValidator,
  report: (field: string, message: string) => void,
): FaqTranslationRecord | undefined {
  const checks = {
    locale: checkLocale(locale),
    question: checkText(question, "question", FAQ_IMPORT_LIMITS.questionChars, "trim"),
    answer: checkValidatedText(answer, "answer", FAQ_IMPORT_LIMITS.answerChars, validateAnswer),
  };
  for (const [field, check] of Object.entries(checks)) {
    for (const message of check.errors) report(field, message);
  }
  const { locale: l, question: q, answer: a } = checks;
  return l.value && q.value && a.value ? { locale: l.value, question: q.value, answer: a.value } : undefined;
}

/** The category a merchant sees is one title; two spellings of one slug would make two claims on it. */
function checkCategorySpelling(drafts: readonly ArticleDraft[], errors: ImportError[]): void {
  const seen = new Map<string, { title: string; at: RowLocation }>();
  for (const draft of drafts) {
    if (!draft.category) continue;
    const first = seen.get(draft.category.slug);
    if (!first) seen.set(draft.category.slug, { title: draft.category.title, at: draft.at });
    else if (first.title !== draft.category.title) {
      const message = `category "${draft.category.title}" is written "${first.title}" on ${describeLocation(first.at)}: use one spelling`;
      errors.push(errorAt(draft.at, "category", message));
    }
  }
}

function checkHandle(raw: unknown): FieldCheck<string> {
  if (typeof raw !== "string") return invalid("handle must be text");
  const handle = raw.trim();
  if (handle.length > FAQ_IMPORT_LIMITS.handleChars) {
    return invalid(`handle must be at most ${FAQ_IMPORT_LIMITS.handleChars} characters (it has ${handle.length})`);
  }
  if (!HANDLE_PATTERN.test(handle)) {
    return invalid(`handle "${handle}" must be lowercase letters and digits joined by single hyphens, like "where-is-my-order"`);
  }
  return valid(handle);
}

function checkCategory(raw: unknown): FieldCheck<Category> {
  const title = checkText(raw, "category", FAQ_IMPORT_LIMITS.categoryChars, "trim");
  if (title.value === undefined) return invalid(...title.errors);
  const slug = slugifyHandle(title.value);
  if (slug === "") return invalid(`category "${title.value}" needs at least one letter or digit`);
  return valid({ slug, title: title.value });
}

function checkLocale(raw: unknown): FieldCheck<FaqLocale> {
  if (typeof raw !== "string") return invalid("locale must be text");
  const locale = raw.trim().toLowerCase();
  const known = FAQ_LOCALES.find((l) => l === locale);
  if (known === undefined) return invalid(`locale "${raw.trim()}" is not supported: use ${FAQ_LOCALES.join(", ")}`);
  return valid(known);
}

function positionFromCell(cell: string): FieldCheck<number> {
  const text = cell.trim();
  return /^\d+$/.test(text) ? positionFromJson(Number(text)) : invalid(`position "${text}" must be a whole number, 0 or more`);
}

function positionFromJson(raw: unknown): FieldCheck<number> {
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0) return invalid("position must be a whole number, 0 or more");
  if (raw > FAQ_IMPORT_LIMITS.maxPosition) return invalid(`position must be at most ${FAQ_IMPORT_LIMITS.maxPosition}`);
  return valid(raw);
}

function publishedFromJson(raw: unknown): FieldCheck<boolean> {
  return typeof raw === "boolean" ? valid(raw) : invalid("published must be true or false");
}

function blank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === "";
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

function generateHandle(translations: readonly FaqTranslationRecord[], taken: Set<string>): string {
  const source = translations.find((t) => t.locale === "en") ?? translations[0];
  const base = slugifyHandle(source?.question ?? "") || "article";
  let handle = base;
  for (let n = 2; taken.has(handle); n += 1) {
    const suffix = `-${n}`;
    handle = `${base.slice(0, FAQ_IMPORT_LIMITS.handleChars - suffix.length).replace(/-+$/, "")}${suffix}`;
  }
  taken.add(handle);
  return handle;
}
