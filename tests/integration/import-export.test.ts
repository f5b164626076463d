import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";

/** Import and export of macros and FAQ articles through the admin page's action, with a session token. */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const OTHER_SHOP = "other-store.myshopify.com";
const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });

type Outcome = { ok: true; kind: string; created: number; updated: number } | { ok: false; kind: string | null; errors: string[] };
type Result = { export?: { filename: string; mimeType: string; content: string }; import?: Outcome; error?: string };

async function post(form: FormData): Promise<{ status: number; data: Result }> {
  const response = await browserFetch(`${harness.app.url}/app/import-export.data`, { method: "POST", headers: bearer(), body: form });
  const body = (await decodeBody(response)) as { data?: Result };
  return { status: response.status, data: body.data as Result };
}

const exportAs = (kind: string, format: string) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ intent: "export", kind, format })) form.set(k, v);
  return post(form);
};

const importText = (kind: string, name: string, text: string) => {
  const form = new FormData();
  form.set("intent", "import");
  form.set("kind", kind);
  form.set("file", new File([text], name, { type: name.endsWith(".json") ? "application/json" : "text/csv" }));
  return post(form);
};

describe("macros", () => {
  it("GIVEN a CSV with one bad row among good ones THEN every bad row is reported by line and nothing is imported", async () => {
    const before = await harness.db.macro.count({ where: { shop: DEMO_SHOP } });
    const csv = [
      "family,title,body",
      "orders,Greeting,Hello {{ customer.first_name }}",
      'orders,"Multi-line","Line one',
      'line two"',
      "refunds,Broken,Hi {{ customer.frist_name }}",
      ",No family,Body",
    ].join("\r\n");
    const { status, data } = await importText("macros", "macros.csv", csv);
    expect(status).toBe(400);
    expect(data.import!.ok).toBe(false);
    const errors = (data.import as { errors: string[] }).errors;
    expect(errors.some((e) => e.startsWith("Line 5") && /frist_name/.test(e))).toBe(true);
    expect(errors.some((e) => e.startsWith("Line 6") && /family/i.test(e))).toBe(true);
    expect(errors.some((e) => e.startsWith("Line 2") || e.startsWith("Line 3"))).toBe(false);
    expect(await harness.db.macro.count({ where: { shop: DEMO_SHOP } })).toBe(before);
  });

  it("GIVEN an export THEN importing it again updates every macro and creates none; a new row is added", async () => {
    const exported = await exportAs("macros", "csv");
    expect(exported.data.export!.filename).toMatch(/^harbor-macros-\d{4}-\d{2}-\d{2}\.csv$/);
    const count = await harness.db.macro.count({ where: { shop: DEMO_SHOP } });
    expect(count).toBeGreaterThan(0);
    const again = await importText("macros", "back.csv", exported.data.export!.content);
    expect(again.data.import).toEqual({ ok: true, kind: "macros", created: 0, updated: count });

    const json = JSON.stringify({ macros: [{ family: "Custom", title: "Gift wrap", body: "We gift wrap for free, {{ customer.first_name }}." }] });
    const added = await importText("macros", "new.json", json);
    expect(added.data.import).toEqual({ ok: true, kind: "macros", created: 1, updated: 0 });
    const macro = await harness.db.macro.findFirstOrThrow({ where: { shop: DEMO_SHOP, title: "Gift wrap" } });
    expect(macro.family).toBe("custom");
  });

  it("GIVEN another shop's macros THEN the export never contains them and an import never touches them", async () => {
    await harness.db.macro.create({ data: { shop: OTHER_SHOP, family: "orders", title: "Other shop secret", body: "Not yours" } });
    const exported = await exportAs("macros", "json");
    expect(exported.data.export!.content).not.toContain("Other shop secret");
    await importText("macros", "x.json", JSON.stringify([{ family: "orders", title: "Other shop secret", body: "Overwritten?" }]));
    expect((await harness.db.macro.findFirstOrThrow({ where: { shop: OTHER_SHOP } })).body).toBe("Not yours");
  });
});

describe("FAQ", () => {
  it("GIVEN a CSV with a new article in two languages THEN both translations are stored under a new category", async () => {
    const csv = [
      "handle,category,position,published,locale,question,answer",
      "gift-cards,Gift cards,0,true,en,Do gift cards expire?,No. They never expire.",
      "gift-cards,Gift cards,0,true,fr,Les cartes-cadeaux expirent-elles ?,Non. Jamais.",
    ].join("\n");
    const { status, data } = await importText("faq", "faq.csv", csv);
    expect(status).toBe(200);
    expect(data.import).toEqual({ ok: true, kind: "faq", created: 1, updated: 0 });
    const article = await harness.db.faqArticle.findFirstOrThrow({ where: { shop: DEMO_SHOP, handle: "gift-cards" }, include: { translations: true, category: true } });
    expect(article.translations.map((t) => t.locale).sort()).toEqual(["en", "fr"]);
    expect(JSON.parse(article.category.titles)).toEqual({ en: "Gift cards" });
  });

  it("GIVEN an answer with an unknown placeholder THEN the line is reported and nothing changes", async () => {
    const before = await harness.db.faqTranslation.count({ where: { shop: DEMO_SHOP } });
    const csv = ["category,question,answer", "Shipping,Ok?,Fine.", "Shipping,Window?,{{ returns.window_dayz }} days"].join("\n");
    const { data } = await importText("faq", "faq.csv", csv);
    const errors = (data.import as { ok: false; errors: string[] }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Line 3.*window_dayz/);
    expect(await harness.db.faqTranslation.count({ where: { shop: DEMO_SHOP } })).toBe(before);
  });

  it("GIVEN an exported FAQ THEN re-importing it updates every article and adds none", async () => {
    const exported = await exportAs("faq", "json");
    const articles = await harness.db.faqArticle.count({ where: { shop: DEMO_SHOP } });
    expect(articles).toBeGreaterThanOrEqual(21);
    const again = await importText("faq", "faq.json", exported.data.export!.content);
    expect(again.data.import).toEqual({ ok: true, kind: "faq", created: 0, updated: articles });
  });

  it("GIVEN no session token THEN nothing is exported", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "export", kind: "faq", format: "csv" })) form.set(k, v);
    const response = await browserFetch(`${harness.app.url}/app/import-export.data`, { method: "POST", body: form });
    expect(response.status).not.toBe(200);
  });
});
