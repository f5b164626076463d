import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STARTER_FAQ, STARTER_FAQ_CATEGORIES } from "../../app/features/faq/domain/starters";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { deleteFaqCategory } from "../../app/features/faq/repo.server";
import { saveReturnPolicy } from "../../app/features/policies/repo.server";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness, DEMO_STAFF } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";

/**
 * The admin's FAQ pages, through the built app: list and editor loaders and actions with an App
 * Bridge session token, decoded from Remix's single-fetch stream.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const LIST_ROUTE = "routes/app.faq._index";
const EDITOR_ROUTE = "routes/app.faq.$id";
const OTHER_SHOP = "other-store.myshopify.com";

const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });

async function loaderData<T>(path: string, routeId: string, query: Record<string, string> = {}): Promise<{ status: number; data: T; error: unknown }> {
  const params = new URLSearchParams(query);
  params.set("_route", routeId);
  const response = await browserFetch(`${harness.app.url}${path}.data?${params}`, { headers: bearer() });
  const body = (await decodeBody(response)) as Record<string, { data?: T; error?: unknown }>;
  return { status: response.status, data: body[routeId]?.data as T, error: body[routeId]?.error };
}

async function postForm<T>(path: string, fields: Record<string, string>): Promise<{ status: number; data: T }> {
  const response = await browserFetch(`${harness.app.url}${path}.data`, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const body = (await decodeBody(response)) as { data?: T };
  return { status: response.status, data: body.data as T };
}

type ListData = {
  q: string;
  total: number;
  categoryCount: number;
  categories: {
    id: string;
    handle: string;
    title: string;
    titles: Record<string, string>;
    articleCount: number;
    articles: { id: string; handle: string; question: string; published: boolean; locales: string[]; votes: { yes: number; no: number } }[];
  }[];
};
type EditorData = {
  article: {
    id: string | null;
    categoryId: string;
    handle: string;
    published: boolean;
    translations: Record<string, { question: string; answer: string }>;
  };
  categories: { id: string; title: string }[];
};
type SaveOutcome = { ok: boolean; id?: string; handle?: string; created?: boolean; errors?: Record<string, string>; answerErrors?: Record<string, string[]> };
type ListOutcome = { ok: boolean; message: string; errors?: Record<string, string>; articleCount?: number };
type PreviewOutcome = { ok: boolean; html?: string; errors?: string[] };

const list = (query: Record<string, string> = {}) => loaderData<ListData>("/app/faq", LIST_ROUTE, query);
const listAction = (fields: Record<string, string>) => postForm<ListOutcome>("/app/faq", fields);
const saveArticle = (id: string, fields: Record<string, string>) => postForm<SaveOutcome>(`/app/faq/${id}`, { intent: "save", published: "true", ...fields });
const preview = (answer: string, locale = "en") => postForm<PreviewOutcome>("/app/faq/new", { intent: "preview", locale, answer });

const categoryId = async (handle: string, shop = DEMO_SHOP) => (await harness.db.faqCategory.findFirstOrThrow({ where: { shop, handle } })).id;
const articleCount = (shop = DEMO_SHOP) => harness.db.faqArticle.count({ where: { shop } });
/** Article handles of a category in position order, with their positions. */
const categoryOrder = async (handle: string) =>
  (
    await harness.db.faqArticle.findMany({
      where: { shop: DEMO_SHOP, category: { handle } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { handle: true, position: true },
    })
  ).map((a) => `${a.position}:${a.handle}`);

describe("FAQ list", () => {
  it("GIVEN a shop that never opened the FAQ THEN the starter pack is seeded, categories in order, every article published in English", async () => {
    const { status, data } = await list();

    expect(status).toBe(200);
    expect(data.total).toBe(STARTER_FAQ.length);
    expect(data.total).toBeGreaterThanOrEqual(20);
    expect(data.categories.map((c) => c.handle)).toEqual(STARTER_FAQ_CATEGORIES.map((c) => c.handle));
    expect(data.categories[0]?.title).toBe("Shipping & delivery");
    expect(data.categories[0]?.articles[0]).toMatchObject({ question: "When will my order ship?", published: true, locales: ["en"] });
  });

  it("GIVEN the starters are seeded WHEN the list loads again THEN nothing is seeded twice", async () => {
    await list();
    expect(await articleCount()).toBe(STARTER_FAQ.length);
  });

  it("GIVEN a search in another case THEN only matching articles and their categories are listed", async () => {
    const { data } = await list({ q: "RESTOCKING" });

    expect(data.q).toBe("RESTOCKING");
    expect(data.categories.map((c) => c.handle)).toEqual(["returns"]);
    expect(data.categories[0]?.articles.map((a) => a.question)).toEqual(["Is there a restocking fee?"]);
    expect(data.categories[0]?.articleCount).toBeGreaterThan(1);
  });

  it("GIVEN a search that matches nothing THEN the list is empty", async () => {
    expect((await list({ q: "zebra crossing" })).data).toMatchObject({ total: 0, categories: [] });
  });

  it("GIVEN shoppers' helpful votes THEN each article shows its own shop's yes and no counts", async () => {
    const vote = (shop: string, visitor: string, helpful: boolean) =>
      harness.db.faqVote.create({ data: { shop, article: "when-will-i-get-my-refund", visitor, helpful } });
    await vote(DEMO_SHOP, "visitor-aaaaaaaa", true);
    await vote(DEMO_SHOP, "visitor-bbbbbbbb", true);
    await vote(DEMO_SHOP, "visitor-cccccccc", false);
    await vote(OTHER_SHOP, "visitor-dddddddd", false);
    const { data } = await list();
    const articles = data.categories.flatMap((c) => c.articles);
    expect(articles.find((a) => a.handle === "when-will-i-get-my-refund")!.votes).toEqual({ yes: 2, no: 1 });
    expect(articles.find((a) => a.handle === "store-credit")!.votes).toEqual({ yes: 0, no: 0 });
  });

  it("GIVEN no session token THEN the list is refused", async () => {
    const response = await browserFetch(`${harness.app.url}/app/faq.data?_route=${encodeURIComponent(LIST_ROUTE)}`);
    const body = JSON.stringify(await decodeBody(response));
    expect(body).toContain("/auth/login");
    expect(body).not.toContain("When will my order ship?");
  });
});

describe("FAQ editor: create, translate, edit", () => {
  it("GIVEN ?category= of one of the shop's categories WHEN a new article opens THEN it starts there, empty and published", async () => {
    const returns = await categoryId("returns");
    const { status, data } = await loaderData<EditorData>("/app/faq/new", EDITOR_ROUTE, { category: returns });

    expect(status).toBe(200);
    expect(data.article).toMatchObject({ id: null, categoryId: returns, handle: "", published: true });
    expect(data.article.translations.fr).toEqual({ question: "", answer: "" });
    expect(data.categories).toHaveLength(STARTER_FAQ_CATEGORIES.length);
  });

  it("GIVEN English and French WHEN created without a handle THEN the handle comes from the English question and it goes last in its category", async () => {
    const products = await categoryId("products");
    const before = await categoryOrder("products");
    const { status, data } = await saveArticle("new", {
      categoryId: products,
      handle: "",
      "question.en": "Do you sell gift cards?",
      "answer.en": "Yes, from {{ shop.name }}.",
      "question.fr": "Vendez-vous des cartes cadeaux ?",
      "answer.fr": "Oui.",
    });

    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, created: true, handle: "do-you-sell-gift-cards" });
    const row = await harness.db.faqArticle.findUniqueOrThrow({ where: { id: data.id! }, include: { translations: true } });
    expect(row).toMatchObject({ shop: DEMO_SHOP, categoryId: products, position: before.length, published: true, createdBy: DEMO_STAFF });
    expect(row.translations.map((t) => [t.locale, t.shop]).sort()).toEqual([
      ["en", DEMO_SHOP],
      ["fr", DEMO_SHOP],
    ]);
    const listed = (await list()).data.categories.find((c) => c.handle === "products")?.articles.at(-1);
    expect(listed).toMatchObject({ question: "Do you sell gift cards?", locales: ["en", "fr"] });
  });

  it("GIVEN an article already has the generated handle WHEN another with the same question is created THEN it gets -2", async () => {
    const { data } = await saveArticle("new", { categoryId: await categoryId("products"), "question.en": "Do you sell gift cards?", "answer.en": "Also yes." });
    expect(data).toMatchObject({ ok: true, handle: "do-you-sell-gift-cards-2" });
  });

  it("GIVEN a handle another article uses WHEN saved THEN it is refused beside the handle and nothing is written", async () => {
    const before = await articleCount();
    const { status, data } = await saveArticle("new", {
      categoryId: await categoryId("products"),
      handle: "charged-twice",
      "question.en": "Another",
      "answer.en": "Text",
    });

    expect(status).toBe(400);
    expect(data.errors?.handle).toBe("Another article already uses this handle");
    expect(await articleCount()).toBe(before);
  });

  it("GIVEN an answer with a misspelt placeholder on line 2 WHEN an existing article is saved THEN it is refused with line and column and nothing changes", async () => {
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "do-you-sell-gift-cards" }, include: { translations: true } });
    const { status, data } = await saveArticle(article.id, {
      categoryId: article.categoryId,
      handle: article.handle,
      published: "false",
      "question.en": "Changed question",
      "answer.en": "First line\nOrders over {{ shipping.free_shiping_threshold }} ship free.",
      "question.fr": "Vendez-vous des cartes cadeaux ?",
      "answer.fr": "Oui.",
    });

    expect(status).toBe(400);
    expect(data.errors?.["answer.en"]).toMatch(/^Line 2, column 16: Unknown variable "shipping\.free_shiping_threshold"/);
    expect(data.answerErrors?.en).toHaveLength(1);
    const after = await harness.db.faqArticle.findUniqueOrThrow({ where: { id: article.id }, include: { translations: true } });
    expect(after.published).toBe(true);
    expect(after.translations.map((t) => t.question).sort()).toEqual(article.translations.map((t) => t.question).sort());
  });

  it("GIVEN an invalid answer WHEN a new article is saved THEN no article is created", async () => {
    const before = await articleCount();
    const { status, data } = await saveArticle("new", { categoryId: await categoryId("products"), "question.en": "Bad", "answer.en": "{% include 'x' %}" });
    expect(status).toBe(400);
    expect(data.errors?.["answer.en"]).toMatch(/^Line 1, column \d+:/);
    expect(await articleCount()).toBe(before);
  });

  it("GIVEN the French version cleared and a German one added WHEN saved THEN French is removed and German stored", async () => {
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "do-you-sell-gift-cards" } });
    const { status, data } = await saveArticle(article.id, {
      categoryId: article.categoryId,
      handle: article.handle,
      "question.en": "Do you sell gift cards?",
      "answer.en": "Yes.",
      "question.fr": "",
      "answer.fr": "",
      "question.de": "Verkaufen Sie Gutscheine?",
      "answer.de": "Ja, ab {{ shop.name }}.",
    });

    expect(status).toBe(200);
    expect(data).toEqual({ ok: true, id: article.id, handle: article.handle, created: false });
    const translations = await harness.db.faqTranslation.findMany({ where: { articleId: article.id }, orderBy: { locale: "asc" } });
    expect(translations.map((t) => t.locale)).toEqual(["de", "en"]);
    const editor = await loaderData<EditorData>(`/app/faq/${article.id}`, EDITOR_ROUTE);
    expect(editor.data.article.translations.de?.question).toBe("Verkaufen Sie Gutscheine?");
    expect(editor.data.article.translations.fr).toEqual({ question: "", answer: "" });
  });

  it("GIVEN an article moved to another category WHEN saved THEN it goes last there and its old category closes the gap", async () => {
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "do-you-sell-gift-cards" } });
    const payments = await categoryId("payments");
    const paymentsBefore = await categoryOrder("payments");
    await saveArticle(article.id, { categoryId: payments, handle: article.handle, "question.en": "Do you sell gift cards?", "answer.en": "Yes." });

    expect((await categoryOrder("payments")).at(-1)).toBe(`${paymentsBefore.length}:do-you-sell-gift-cards`);
    const products = await categoryOrder("products");
    expect(products.map((entry) => Number(entry.split(":")[0]))).toEqual(products.map((_, index) => index));
  });
});

describe("FAQ list: publish and reorder", () => {
  it("GIVEN a published article WHEN unpublished, then published again THEN its flag follows", async () => {
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "charged-twice" } });

    expect((await listAction({ intent: "unpublish", id: article.id })).data).toMatchObject({ ok: true, message: "Article unpublished" });
    expect((await harness.db.faqArticle.findUniqueOrThrow({ where: { id: article.id } })).published).toBe(false);
    const listed = (await list()).data.categories.flatMap((c) => c.articles).find((a) => a.id === article.id);
    expect(listed?.published).toBe(false);

    await listAction({ intent: "publish", id: article.id });
    expect((await harness.db.faqArticle.findUniqueOrThrow({ where: { id: article.id } })).published).toBe(true);
  });

  it("GIVEN the second article of a category WHEN moved up THEN it is first and the first is second", async () => {
    const [first, second] = await categoryOrder("shipping");
    const id = (await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: second!.split(":")[1] } })).id;

    const { status } = await listAction({ intent: "move-article", id, direction: "up" });

    expect(status).toBe(200);
    const after = await categoryOrder("shipping");
    expect(after.slice(0, 2)).toEqual([`0:${second!.split(":")[1]}`, `1:${first!.split(":")[1]}`]);
  });

  it("GIVEN the first article WHEN moved to position 2 THEN it lands third and positions stay 0…n-1", async () => {
    const before = await categoryOrder("orders");
    const handle = before[0]!.split(":")[1]!;
    const id = (await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle } })).id;

    await listAction({ intent: "move-article", id, position: "2" });

    const after = await categoryOrder("orders");
    expect(after[2]).toBe(`2:${handle}`);
    expect(after).toHaveLength(before.length);
  });

  it("GIVEN the first category WHEN moved down THEN it is listed second", async () => {
    const shipping = await categoryId("shipping");
    await listAction({ intent: "move-category", id: shipping, direction: "down" });
    expect((await list()).data.categories.slice(0, 2).map((c) => c.handle)).toEqual(["orders", "shipping"]);
  });

  it("GIVEN a move with no direction nor position THEN it is refused with 400", async () => {
    const { status } = await listAction({ intent: "move-category", id: await categoryId("orders") });
    expect(status).toBe(400);
  });

  it("GIVEN an unknown intent THEN it is refused with 400", async () => {
    expect((await listAction({ intent: "drop-table", id: "x" })).status).toBe(400);
  });
});

describe("FAQ categories", () => {
  it("GIVEN English and French titles WHEN a category is added THEN it is last, its handle from the English title", async () => {
    const { status, data } = await listAction({ intent: "create-category", "title.en": "Gift cards", "title.fr": "Cartes cadeaux", "title.de": "", "title.es": "" });

    expect(status).toBe(200);
    expect(data.ok).toBe(true);
    const last = (await list()).data.categories.at(-1);
    expect(last).toMatchObject({ handle: "gift-cards", title: "Gift cards", titles: { en: "Gift cards", fr: "Cartes cadeaux" }, articleCount: 0 });
  });

  it("GIVEN no English title WHEN a category is added THEN it is refused beside the English title", async () => {
    const before = await harness.db.faqCategory.count({ where: { shop: DEMO_SHOP } });
    const { status, data } = await listAction({ intent: "create-category", "title.en": " ", "title.fr": "Sans" });
    expect(status).toBe(400);
    expect(data.errors?.["title.en"]).toBe("Give the category an English title");
    expect(await harness.db.faqCategory.count({ where: { shop: DEMO_SHOP } })).toBe(before);
  });

  it("GIVEN a category WHEN renamed THEN its titles change and its handle stays", async () => {
    const id = await categoryId("gift-cards");
    await listAction({ intent: "rename-category", id, "title.en": "Gift cards & vouchers", "title.de": "Gutscheine" });
    const row = await harness.db.faqCategory.findUniqueOrThrow({ where: { id } });
    expect(row.handle).toBe("gift-cards");
    expect(JSON.parse(row.titles)).toEqual({ en: "Gift cards & vouchers", de: "Gutscheine" });
  });

  it("GIVEN an empty category WHEN deleted with 0 confirmed THEN it is gone and the others are renumbered", async () => {
    const id = await categoryId("gift-cards");
    expect((await listAction({ intent: "delete-category", id, articleCount: "0" })).data).toMatchObject({ ok: true, message: "Category deleted" });
    expect(await harness.db.faqCategory.findUnique({ where: { id } })).toBeNull();
    const positions = (await harness.db.faqCategory.findMany({ where: { shop: DEMO_SHOP }, orderBy: { position: "asc" } })).map((c) => c.position);
    expect(positions).toEqual(positions.map((_, index) => index));
  });

  it("GIVEN a category with articles WHEN the confirmed count is not its count THEN nothing is deleted and the real count is returned", async () => {
    const id = await categoryId("support");
    const count = await harness.db.faqArticle.count({ where: { categoryId: id } });
    const { status, data } = await listAction({ intent: "delete-category", id, articleCount: String(count - 1) });

    expect(status).toBe(409);
    expect(data.articleCount).toBe(count);
    expect(data.message).toContain(`${count} articles`);
    expect(await harness.db.faqArticle.count({ where: { categoryId: id } })).toBe(count);
  });

  it("GIVEN a category with articles WHEN deleted with its count confirmed THEN it goes with its articles and their translations", async () => {
    const id = await categoryId("support");
    const articles = await harness.db.faqArticle.findMany({ where: { categoryId: id }, select: { id: true } });
    const before = await articleCount();
    const { data } = await listAction({ intent: "delete-category", id, articleCount: String(articles.length) });

    expect(data).toMatchObject({ ok: true, message: `Category and ${articles.length} articles deleted` });
    expect(await articleCount()).toBe(before - articles.length);
    expect(await harness.db.faqTranslation.count({ where: { articleId: { in: articles.map((a) => a.id) } } })).toBe(0);
  });

  it("GIVEN a shop with a single category WHEN it is deleted THEN it is refused, so the starters are not seeded again", async () => {
    const shop = "single-category.myshopify.com";
    const only = await harness.db.faqCategory.create({ data: { shop, handle: "only", position: 0, titles: JSON.stringify({ en: "Only" }) } });
    expect(await deleteFaqCategory(harness.db, shop, only.id, 0)).toEqual({ ok: false, reason: "last" });
    expect(await harness.db.faqCategory.count({ where: { shop } })).toBe(1);
  });
});

describe("FAQ editor: delete", () => {
  it("GIVEN an article WHEN deleted THEN it and its translations are gone and its category closes the gap", async () => {
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "do-you-sell-gift-cards-2" } });
    const { status, data } = await postForm<{ ok: boolean }>(`/app/faq/${article.id}`, { intent: "delete" });

    expect(status).toBe(200);
    expect(data.ok).toBe(true);
    expect(await harness.db.faqArticle.findUnique({ where: { id: article.id } })).toBeNull();
    expect(await harness.db.faqTranslation.count({ where: { articleId: article.id } })).toBe(0);
    const products = await categoryOrder("products");
    expect(products.map((entry) => Number(entry.split(":")[0]))).toEqual(products.map((_, index) => index));
    expect((await loaderData<EditorData>(`/app/faq/${article.id}`, EDITOR_ROUTE)).status).toBe(404);
  });
});

describe("FAQ: another shop's rows", () => {
  it("GIVEN another shop's article and category THEN reading, editing, publishing, moving and deleting them are refused and they are unchanged", async () => {
    const theirCategory = await harness.db.faqCategory.create({ data: { shop: OTHER_SHOP, handle: "theirs", position: 0, titles: JSON.stringify({ en: "Theirs" }) } });
    const theirs = await harness.db.faqArticle.create({
      data: {
        shop: OTHER_SHOP,
        handle: "their-question",
        categoryId: theirCategory.id,
        position: 0,
        published: true,
        translations: { create: { shop: OTHER_SHOP, locale: "en", question: "Their question", answer: "Their answer" } },
      },
    });

    const load = await loaderData<EditorData>(`/app/faq/${theirs.id}`, EDITOR_ROUTE);
    expect(load.status).toBe(404);
    expect(load.error).toMatchObject({ status: 404 });

    const edit = await saveArticle(theirs.id, { categoryId: theirCategory.id, handle: "mine", "question.en": "Mine now", "answer.en": "Mine" });
    expect(edit.status).toBe(404);
    expect((await postForm(`/app/faq/${theirs.id}`, { intent: "delete" })).status).toBe(404);
    expect((await listAction({ intent: "unpublish", id: theirs.id })).status).toBe(404);
    expect((await listAction({ intent: "move-article", id: theirs.id, direction: "down" })).status).toBe(404);
    expect((await listAction({ intent: "move-category", id: theirCategory.id, direction: "down" })).status).toBe(404);
    expect((await listAction({ intent: "rename-category", id: theirCategory.id, "title.en": "Mine" })).status).toBe(404);
    expect((await listAction({ intent: "delete-category", id: theirCategory.id, articleCount: "1" })).status).toBe(404);

    expect(await harness.db.faqArticle.findUniqueOrThrow({ where: { id: theirs.id }, include: { translations: true } })).toMatchObject({
      handle: "their-question",
      published: true,
      translations: [{ question: "Their question" }],
    });
    expect(await harness.db.faqCategory.findUniqueOrThrow({ where: { id: theirCategory.id } })).toMatchObject({ titles: JSON.stringify({ en: "Theirs" }) });
  });

  it("GIVEN another shop's category WHEN an article is saved into it THEN it is refused beside the category and nothing is created", async () => {
    const theirCategory = await categoryId("theirs", OTHER_SHOP);
    const before = await articleCount();
    const { status, data } = await saveArticle("new", { categoryId: theirCategory, "question.en": "Sneaky", "answer.en": "Text" });

    expect(status).toBe(400);
    expect(data.errors?.categoryId).toBe("This category does not exist in this shop.");
    expect(await articleCount()).toBe(before);
    expect(await harness.db.faqArticle.count({ where: { categoryId: theirCategory } })).toBe(1);
  });

  it("GIVEN another shop's category in ?category= THEN a new article starts in one of this shop's categories", async () => {
    const { data } = await loaderData<EditorData>("/app/faq/new", EDITOR_ROUTE, { category: await categoryId("theirs", OTHER_SHOP) });
    expect(data.categories.map((c) => c.id)).toContain(data.article.categoryId);
  });

  it("GIVEN another shop uses a handle THEN this shop may use it too", async () => {
    const { data } = await saveArticle("new", { categoryId: await categoryId("products"), handle: "their-question", "question.en": "Ours", "answer.en": "Ours" });
    expect(data).toMatchObject({ ok: true, handle: "their-question" });
  });
});

describe("FAQ editor: live preview", () => {
  it("GIVEN a return policy of 45 days WHEN the return-policy article is previewed THEN the preview shows 45 days", async () => {
    const { version: _version, ...policy } = DEFAULT_RETURN_POLICY;
    await saveReturnPolicy(harness.db, DEMO_SHOP, { ...policy, windowDays: 45 }, "Test");
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "what-is-your-return-policy" }, include: { translations: true } });

    const { status, data } = await preview(article.translations.find((t) => t.locale === "en")!.answer);

    expect(status).toBe(200);
    expect(data.ok).toBe(true);
    expect(data.html).toContain("<strong>45 days</strong>");
    expect(data.html).not.toContain("{{");
  });

  it("GIVEN an answer with an unknown placeholder THEN the preview gives its line and column", async () => {
    const { status, data } = await preview("Hello\n\n{{ returns.window }}", "fr");
    expect(status).toBe(400);
    expect(data.errors?.[0]).toMatch(/^Line 3, column 4: Unknown variable "returns\.window"/);
  });

  it("GIVEN raw HTML in an answer THEN the preview escapes it", async () => {
    const { data } = await preview('<img src=x onerror="alert(1)"> **ok**');
    expect(data.html).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <strong>ok</strong></p>');
  });

  it("GIVEN an unknown language THEN the preview is refused with 400", async () => {
    expect((await preview("Hi", "xx")).status).toBe(400);
  });
});
