import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { DEFAULT_SUPPORT_SETTINGS } from "../../app/features/policies/domain/support-defaults";
import { saveReturnPolicy, savePolicy, SUPPORT } from "../../app/features/policies/repo.server";
import { installApp, signedProxyUrl, startHarness, type Harness } from "../helpers/harness";

/**
 * What the storefront blocks read through the app proxy: the FAQ with live policy values, the
 * policy summary, and anonymous self-service events. Requests go through the simulated shop's
 * signed proxy, as a shopper's browser sends them.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const proxy = (path: string, init: RequestInit = {}) => fetch(`${harness.shop.url}/apps/support${path}`, init);
type Faq = { locale: string; categories: { handle: string; title: string; articles: { handle: string; question: string; answerHtml: string; answerText: string }[] }[] };
const articles = (faq: Faq) => faq.categories.flatMap((c) => c.articles);
const windowAnswer = (faq: Faq) => articles(faq).find((a) => a.handle === "what-is-your-return-policy")!;

describe("GET /apps/support/faq", () => {
  it("GIVEN a shop that never edited its FAQ THEN the starter pack is served with policy values filled in", async () => {
    const response = await proxy("/faq?locale=en");
    expect(response.status).toBe(200);
    const faq = (await response.json()) as Faq;
    expect(articles(faq).length).toBeGreaterThanOrEqual(20);
    for (const article of articles(faq)) {
      expect(article.answerHtml).not.toMatch(/\{\{|\{%/);
      expect(article.answerText).not.toMatch(/\{\{|\{%/);
    }
    expect(windowAnswer(faq).answerText).toContain(`${DEFAULT_RETURN_POLICY.windowDays} days`);
  });

  it("GIVEN the ETag of a previous answer THEN the same content answers 304, and a saved return window changes the answer and its ETag", async () => {
    const first = await proxy("/faq?locale=en");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect((await proxy("/faq?locale=en", { headers: { "If-None-Match": etag } })).status).toBe(304);

    const { version: _v, ...policy } = DEFAULT_RETURN_POLICY;
    await saveReturnPolicy(harness.db, "harbor-demo.myshopify.com", { ...policy, windowDays: 45 }, "test");
    const after = await proxy("/faq?locale=en", { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(windowAnswer((await after.json()) as Faq).answerText).toContain("45 days");
  });

  it("GIVEN an unknown locale THEN English is served; GIVEN a French translation THEN French is served for that article", async () => {
    const unknown = (await (await proxy("/faq?locale=xx")).json()) as Faq;
    expect(unknown.locale).toBe("en");
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: "harbor-demo.myshopify.com" }, orderBy: { position: "asc" } });
    await harness.db.faqTranslation.create({
      data: { shop: article.shop, articleId: article.id, locale: "fr", question: "Combien de temps pour retourner ?", answer: "Vous avez **{{ returns.window_days }} jours**." },
    });
    const french = (await (await proxy("/faq?locale=fr-CA")).json()) as Faq;
    expect(french.locale).toBe("fr");
    const translated = articles(french).find((a) => a.handle === article.handle)!;
    expect(translated.question).toBe("Combien de temps pour retourner ?");
    expect(translated.answerHtml).toMatch(/<strong>\d+ jours<\/strong>/);
  });

  it("GIVEN an unpublished article THEN the storefront does not list it", async () => {
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: "harbor-demo.myshopify.com" }, orderBy: { position: "desc" } });
    await harness.db.faqArticle.update({ where: { id: article.id }, data: { published: false } });
    const faq = (await (await proxy("/faq")).json()) as Faq;
    expect(articles(faq).map((a) => a.handle)).not.toContain(article.handle);
  });

  it("GIVEN a request that did not come through the store THEN it is refused", async () => {
    const forged = signedProxyUrl(harness.app.url, "/faq").replace(/signature=\w+/, "signature=00");
    expect((await fetch(forged)).status).toBe(401);
  });
});

describe("GET /apps/support/policy", () => {
  it("GIVEN the stored ETag THEN a revalidation answers 304; GIVEN a support policy saved since THEN the same ETag gets the new body", async () => {
    const first = await proxy("/policy");
    const etag = first.headers.get("etag")!;
    expect(first.status).toBe(200);
    const revalidated = await proxy("/policy", { headers: { "If-None-Match": `W/${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(await revalidated.text()).toBe("");

    const { version: _v, ...settings } = DEFAULT_SUPPORT_SETTINGS;
    await savePolicy(harness.db, "harbor-demo.myshopify.com", SUPPORT, { ...settings, timeZone: "Asia/Tokyo" }, "test");
    const after = await proxy("/policy", { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(((await after.json()) as { support: { timeZone: string } }).support.timeZone).toBe("Asia/Tokyo");
  });

  it("GIVEN saved support hours THEN the policy summary shows them, with a promise for every topic", async () => {
    const { version: _v, ...settings } = DEFAULT_SUPPORT_SETTINGS;
    await savePolicy(harness.db, "harbor-demo.myshopify.com", SUPPORT, { ...settings, timeZone: "Europe/Paris" }, "test");
    const response = await proxy("/policy");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      returns: { windowDays: number };
      support: { timeZone: string; hours: string; topics: { topic: string; minutes: number; dueAt: string; openNow: boolean }[] };
    };
    expect(body.support.timeZone).toBe("Europe/Paris");
    expect(body.support.hours).toContain("Europe/Paris");
    expect(body.support.topics.map((t) => t.topic)).toEqual(["order_status", "returns", "payment", "shipping", "product", "other"]);
    const payment = body.support.topics.find((t) => t.topic === "payment")!;
    expect(payment.minutes).toBe(DEFAULT_SUPPORT_SETTINGS.targets.P1.firstResponseMinutes);
    expect(Date.parse(payment.dueAt)).toBeGreaterThan(Date.now());
  });
});

describe("POST /apps/support/events", () => {
  const visitor = "4f6c1c1e-8d1b-4a4e-9c55-0a3b7f0e2d11";
  const post = (body: unknown) => proxy("/events", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  it("GIVEN an answer opened and a search that found nothing THEN both are stored, the search without the visitor", async () => {
    expect((await post({ type: "faq_view", visitor, article: "returns-window" })).status).toBe(204);
    expect((await post({ type: "faq_search", visitor, query: "  Gift   WRAP ", results: 0 })).status).toBe(204);
    expect((await post({ type: "faq_search", visitor, query: "returns", results: 3 })).status).toBe(204);
    const events = await harness.db.supportEvent.findMany({ where: { shop: "harbor-demo.myshopify.com", type: { in: ["faq_view", "faq_search_miss"] } } });
    expect(events.map((e) => [e.type, e.visitor, e.subject]).sort()).toEqual([
      ["faq_search_miss", null, "gift wrap"],
      ["faq_view", visitor, "returns-window"],
    ]);
  });

  it("GIVEN two votes by one visitor on one article THEN one vote is kept, the later one", async () => {
    await post({ type: "faq_vote", visitor, article: "returns-window", helpful: true });
    await post({ type: "faq_vote", visitor, article: "returns-window", helpful: false });
    const votes = await harness.db.faqVote.findMany({ where: { shop: "harbor-demo.myshopify.com", article: "returns-window" } });
    expect(votes.map((v) => [v.visitor, v.helpful])).toEqual([[visitor, false]]);
  });

  // Straight to the app with a signed query, so each test picks the address Shopify's proxy reports.
  const postFrom = (address: string, body: unknown) =>
    fetch(signedProxyUrl(harness.app.url, "/events"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
      body: JSON.stringify(body),
    });
  const rotating = (i: number) => `0000${i}-rotating-visitor`;
  const statuses = async (address: string, bodies: unknown[]) => {
    const seen: number[] = [];
    for (const body of bodies) seen.push((await postFrom(address, body)).status);
    return seen;
  };

  it("GIVEN one address rotating visitor ids THEN its unanswered searches stop at the limit and no more are stored", async () => {
    const searches = Array.from({ length: 30 }, (_, i) => ({ type: "faq_search", visitor: rotating(i), query: `forged query ${i}`, results: 0 }));
    const seen = await statuses("203.0.113.7", searches);
    expect(seen.slice(0, 20).every((s) => s === 204)).toBe(true);
    expect(seen.slice(20).every((s) => s === 429)).toBe(true);
    expect(await harness.db.supportEvent.count({ where: { type: "faq_search_miss", subject: { startsWith: "forged query" } } })).toBe(20);
    // Another shopper is not held back by this one.
    expect((await postFrom("203.0.113.8", { ...searches[0], query: "gift cards" })).status).toBe(204);
  });

  it("GIVEN one address rotating visitor ids THEN every event counts against one limit", async () => {
    const views = Array.from({ length: 121 }, (_, i) => ({ type: "faq_view", visitor: rotating(i), article: "returns-window" }));
    const seen = await statuses("203.0.113.9", views);
    expect(seen.filter((s) => s === 204)).toHaveLength(120);
    expect(seen.at(-1)).toBe(429);
  });

  it("GIVEN one address voting under many visitor ids THEN one vote per article is kept, the latest, and the address is not stored", async () => {
    const article = "do-you-ship-abroad";
    const votes = Array.from({ length: 6 }, (_, i) => ({ type: "faq_vote", visitor: rotating(i), article, helpful: i === 5 }));
    expect(await statuses("198.51.100.20", votes)).toEqual(Array(6).fill(204));
    await postFrom("198.51.100.21", { type: "faq_vote", visitor: rotating(99), article, helpful: false });

    const stored = await harness.db.faqVote.findMany({ where: { shop: "harbor-demo.myshopify.com", article }, orderBy: { helpful: "desc" } });
    expect(stored.map((v) => v.helpful)).toEqual([true, false]);
    for (const vote of stored) expect(JSON.stringify(vote)).not.toMatch(/198\.51\.100/);
  });

  it("GIVEN malformed events THEN 400 and nothing is stored", async () => {
    const before = await harness.db.supportEvent.count();
    for (const body of [{ type: "faq_view", visitor }, { type: "nope", visitor }, { type: "faq_view", visitor: "x", article: "a" }, "not json"]) {
      expect((await post(body)).status).toBe(400);
    }
    expect(await harness.db.supportEvent.count()).toBe(before);
  });
});
