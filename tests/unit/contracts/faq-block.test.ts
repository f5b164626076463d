import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { loadBlocks, renderBlock, type RenderOptions } from "../../../simulator/storefront";
import { peakBanner as runPeakBanner } from "../../helpers/peak-banner";

const extensionsDir = fileURLToPath(new URL("../../../extensions", import.meta.url));
const dir = join(extensionsDir, "harbor-support-theme");
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const block = loadBlocks(extensionsDir).find((b) => b.extension === "harbor-support-theme" && b.handle === "faq")!;
// The shipped, minified script, and the TypeScript it is built from.
const script = read("assets/faq.js");
const storefront = (path: string) => readFileSync(fileURLToPath(new URL(`../../../storefront/src/${path}`, import.meta.url)), "utf8");
const source = storefront("faq.ts");
// The block renders this snippet, which the Help launcher shares.
const snippet = read("snippets/faq.liquid");

/** "a.b.c" → value, for every string leaf of a locale file. */
function flatten(node: unknown, prefix = ""): Record<string, string> {
  if (typeof node === "string") return { [prefix]: node };
  return Object.entries(node as Record<string, unknown>).reduce(
    (all, [key, value]) => ({ ...all, ...flatten(value, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}
const LOCALES = { en: "en.default", fr: "fr", de: "de", es: "es" } as const;
type Locale = keyof typeof LOCALES;
const strings = Object.fromEntries(Object.entries(LOCALES).map(([l, f]) => [l, flatten(JSON.parse(read(`locales/${f}.json`)))])) as Record<Locale, Record<string, string>>;
const schemaStrings = Object.fromEntries(Object.entries(LOCALES).map(([l, f]) => [l, flatten(JSON.parse(read(`locales/${f}.schema.json`)))])) as Record<Locale, Record<string, string>>;
/** Shopify's `t` output as it appears in the page: HTML-escaped. */
const html = (s: string) => s.replace(/'/g, "&#39;").replace(/"/g, "&#34;");

const base: RenderOptions = {
  extensionsDir,
  shop: { name: "Harbor Demo Outfitters", domain: "harbor-demo.myshopify.com", currency: "CAD" },
  locale: "en",
  assetBase: "/extensions",
};
const render = (options: Partial<RenderOptions> = {}) => renderBlock(block, { ...base, ...options }, 0);
/** The markup of one of the block's <template>s, as rendered. */
const template = (markup: string, name: string) => markup.match(new RegExp(`<template data-${name}>([\\s\\S]*?)</template>`))![1]!;
/** The opening tag of the first element matching `pattern` (e.g. `input[^>]*type="search"`). */
const tag = (markup: string, pattern: string) => markup.match(new RegExp(`<${pattern}[^>]*>`))?.[0];

describe("FAQ block: schema", () => {
  it("GIVEN the block THEN it is an app block with its own script, stylesheet and the six settings and the proxy path", () => {
    expect(block.schema).toMatchObject({ name: "t:blocks.faq.name", target: "section", javascript: "faq.js", stylesheet: "faq.css" });
    const settings = block.schema.settings!.filter((s) => s.id);
    expect(settings.map((s) => [s.id, s.type, s.default])).toEqual([
      ["heading", "text", "Frequently asked questions"],
      ["intro", "textarea", undefined],
      ["show_search", "checkbox", true],
      ["show_categories", "checkbox", true],
      ["show_helpful", "checkbox", true],
      ["show_peak_banner", "checkbox", true],
      ["proxy_path", "text", "/apps/support"],
    ]);
  });

  it.each(["fr", "de", "es"])("GIVEN %s THEN the peak-banner setting's label and info are translated, not copied from English", (locale) => {
    for (const key of ["blocks.faq.settings.show_peak_banner.label", "blocks.faq.settings.show_peak_banner.info"]) {
      expect(schemaStrings.en[key], key).toBeTruthy();
      expect(schemaStrings[locale as Locale][key], key).toBeTruthy();
      expect(schemaStrings[locale as Locale][key], key).not.toBe(schemaStrings.en[key]);
    }
  });

  it("GIVEN the schema labels THEN each exists in the four schema locale files", () => {
    const keys = [...block.source.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    expect(keys).toContain("blocks.faq.settings.show_helpful.info");
    for (const locale of Object.keys(LOCALES) as Locale[]) {
      expect(keys.filter((k) => !schemaStrings[locale][k]), locale).toEqual([]);
    }
  });

  it("GIVEN the block file THEN it only passes its settings to the shared snippet", () => {
    expect(block.source).toMatch(/^{%- render 'faq',\s+block_id: block\.id,/);
    expect(block.source).toContain("show_peak_banner: block.settings.show_peak_banner");
    expect(block.source.split("{% schema %}")[0]).not.toMatch(/<[a-z]/);
  });
});

describe("FAQ block: translations", () => {
  const keys = [...snippet.matchAll(/'([\w.]+)'\s*\|\s*t\b/g)].map((m) => m[1]!);

  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN every string the snippet uses exists", (locale) => {
    expect(keys.length).toBeGreaterThan(12);
    expect(keys.filter((k) => !strings[locale as Locale][k])).toEqual([]);
  });

  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN the order-by line has the cut-off's label and date, once each", (locale) => {
    const line = strings[locale as Locale]["faq.peak.order_by"]!;
    expect(line.match(/{{\s*label\s*}}/g)).toHaveLength(1);
    expect(line.match(/{{\s*date\s*}}/g)).toHaveLength(1);
    expect(line.match(/{{\s*(\w+)\s*}}/g)).toHaveLength(2);
  });

  it("GIVEN the plural forms THEN every locale has one and other, each with the count", () => {
    for (const locale of Object.keys(LOCALES) as Locale[]) {
      for (const form of ["one", "other"]) expect(strings[locale][`faq.search.results.${form}`], `${locale} ${form}`).toContain("{{ count }}");
    }
  });

  it.each(["fr", "de", "es"])("GIVEN %s THEN its FAQ strings are translated, not copied from English", (locale) => {
    const mine = Object.keys(strings.en).filter((k) => k.startsWith("faq."));
    // Short words the languages share ("No", "FAQ") may match; sentences may not.
    const copied = mine.filter((k) => strings.en[k]!.includes(" ") && strings[locale as Locale][k] === strings.en[k]);
    expect(copied).toEqual([]);
  });
});

describe("FAQ block: script", () => {
  it("GIVEN the script THEN it stays under the team's 6,600-byte budget on disk (Shopify allows 10,000)", () => {
    expect(statSync(join(dir, "assets/faq.js")).size).toBeLessThanOrEqual(6_600);
  });

  it("GIVEN the stylesheet THEN it stays under Shopify's 100,000-byte app block limit", () => {
    expect(statSync(join(dir, "assets/faq.css")).size).toBeLessThanOrEqual(100_000);
  });

  it("GIVEN the script THEN it defines one guarded custom element", () => {
    expect(script).toContain('customElements.get("harbor-faq")');
    expect(script.match(/customElements\.define\(/g)).toHaveLength(1);
  });

  it("GIVEN the script THEN the only HTML it parses is the server's sanitised answerHtml, in an inert <template>", () => {
    expect(script.match(/innerHTML/g)).toHaveLength(1);
    expect(source.match(/innerHTML/g)).toHaveLength(1);
    expect(source).toMatch(/tpl = document\.createElement\("template"\)/);
    expect(source).toContain("tpl.innerHTML = a.answerHtml");
    expect(script).not.toMatch(/outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|eval\(/);
  });

  it("GIVEN the English storefront strings THEN none of them is hard-coded in the script", () => {
    const sentences = Object.entries(strings.en).filter(([k]) => k.startsWith("faq.")).flatMap(([, s]) => s.split(/{{\s*\w+\s*}}/)).map((s) => s.trim()).filter((s) => s.includes(" "));
    expect(sentences).toContain("No answers found");
    expect(sentences.filter((s) => script.includes(s))).toEqual([]);
    const code = script.replace(/^\s*\/\/.*$/gm, "");
    for (const word of ["Yes", "No", "All", "Topics", "answers"]) expect(code).not.toMatch(new RegExp(`["'\`]${word}\\b`));
  });

  it("GIVEN the keys the script reads THEN the block renders a string for each", async () => {
    const rendered = [...template(await render(), "strings").matchAll(/data-k="(\w+)"/g)].map((m) => m[1]);
    const used = [...source.matchAll(/\bt\("(\w+)"[,)]/g)].map((m) => m[1]);
    // t("results_" + plural rule): Intl.PluralRules gives "one" or "other" for en, fr, de and es.
    const dynamic = ["results_one", "results_other", "unavailable", "network"];
    expect(used).toEqual(expect.arrayContaining(["none", "empty", "results_other"]));
    expect(new Set(rendered).size).toBe(rendered.length);
    expect([...used, ...dynamic].filter((k) => !rendered.includes(k))).toEqual([]);
  });

  it("GIVEN the events the script sends THEN they are the proxy API's FAQ events, each with the visitor", () => {
    for (const type of ["faq_view", "faq_search", "faq_vote"]) expect(source).toMatch(new RegExp(`send\\(\\{ type: "${type}"`));
    expect(source).toContain("const send = sendEvent.bind(null, endpoint)");
    // The shared core's sendEvent: the visitor id with every event, sent even as the page unloads.
    expect(script).toContain('"harbor-support:visitor"');
    expect(storefront("core/proxy.ts")).toContain("keepalive: true");
    expect(storefront("core/proxy.ts")).toMatch(/visitor: visitor\(\)/);
    expect(source).toMatch(/setTimeout\([^]*?results: 0[^]*?800\)/);
  });

  it("GIVEN the structured data THEN it is a schema.org FAQPage built with JSON.stringify from question and answerText", () => {
    expect(source).toContain('ld.type = "application/ld+json"');
    expect(source).toMatch(/JSON\.stringify\(\{ "@context": "https:\/\/schema\.org", "@type": "FAQPage", mainEntity \}\)/);
    expect(source).toMatch(/name: a\.question, acceptedAnswer: \{ "@type": "Answer", text: a\.answerText \}/);
  });
});

/** The FAQ block's banner: its endpoint and order-by line. */
const peakBanner = (reply: () => Promise<unknown>, { locale = "en", pattern = "{label}: order by {date}" } = {}) =>
  runPeakBanner(reply, { endpoint: "/apps/support/faq", locale, pattern });
/** The app's policy answer, as fetch gives it. */
const policy = (peak: unknown) => async () => ({ json: async () => ({ currency: "CAD", shipping: { carriers: [], peak } }) });
const PEAK = { message: "Order early for the holidays.", cutoffs: [{ label: "Standard shipping", date: "2026-12-15" }] };
/** A locale's order-by line as the block renders it into data-by. */
const orderByPattern = (locale: Locale) => strings[locale]["faq.peak.order_by"]!.replace(/{{\s*(\w+)\s*}}/g, "{$1}");

describe("FAQ block: peak-season banner", () => {
  it("GIVEN the season is on THEN the banner shows the message and one order-by line per cut-off, from /policy", async () => {
    const twoCutoffs = { ...PEAK, cutoffs: [...PEAK.cutoffs, { label: "Express shipping", date: "2026-12-20" }] };
    expect(await peakBanner(policy(twoCutoffs))).toEqual({
      hidden: false,
      message: "Order early for the holidays.",
      items: ["Standard shipping: order by December 15", "Express shipping: order by December 20"],
      requested: ["/apps/support/faq/policy?locale=en"],
    });
  });

  it("GIVEN no season (peak null) THEN the banner stays hidden and empty", async () => {
    expect(await peakBanner(policy(null))).toMatchObject({ hidden: true, message: "", items: [] });
  });

  it.each([
    ["an error body", async () => ({ json: async () => ({ error: "unavailable" }) })],
    ["a body that is not JSON", async () => ({ json: async () => Promise.reject(new SyntaxError("Unexpected token <")) })],
    ["a network failure", async () => Promise.reject(new TypeError("Failed to fetch"))],
  ])("GIVEN %s THEN the banner stays hidden and nothing is thrown", async (_case, reply) => {
    expect(await peakBanner(reply)).toMatchObject({ hidden: true, items: [] });
  });

  it.each([
    ["en", "Standard shipping: order by December 15"],
    ["fr", "Standard shipping : commandez au plus tard le 15 décembre"],
    ["de", "Standard shipping: bestelle bis zum 15. Dezember"],
    ["es", "Standard shipping: haz tu pedido a más tardar el 15 de diciembre"],
  ] as const)("GIVEN locale %s THEN the date is written in that language with that locale's line", async (locale, line) => {
    expect((await peakBanner(policy(PEAK), { locale, pattern: orderByPattern(locale) })).items).toEqual([line]);
  });

  it("GIVEN a shopper's clock west of UTC THEN a cut-off on New Year's Day still reads January 1", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(new Date("2027-01-01").getDate()).toBe(31); // the local calendar would say December 31
      expect((await peakBanner(policy({ ...PEAK, cutoffs: [{ label: "Standard shipping", date: "2027-01-01" }] }))).items).toEqual(["Standard shipping: order by January 1"]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("GIVEN a message and a label with markup, $-patterns and placeholders THEN both are set as text, unchanged", async () => {
    const hostile = { message: '<img src=x onerror="alert(1)"> Order <b>now</b>', cutoffs: [{ label: "Express $& $' {date} <i>x</i>", date: "2026-12-20" }] };
    const shown = await peakBanner(policy(hostile));
    expect(shown.message).toBe(hostile.message);
    expect(shown.items).toEqual(["Express $& $' {date} <i>x</i>: order by December 20"]);
    const code = storefront("core/peak.ts");
    expect(code).toContain("message.textContent = peak.message");
    expect(code).not.toMatch(/innerHTML|insertAdjacentHTML/);
  });

  it.each(["2026-13-01", "soon", ""])("GIVEN a cut-off date %j that is no date THEN the banner stays hidden rather than showing Invalid Date", async (date) => {
    expect(await peakBanner(policy({ ...PEAK, cutoffs: [{ label: "Standard shipping", date }] }))).toMatchObject({ hidden: true });
  });

  it("GIVEN a season without cut-offs THEN the banner shows the message alone", async () => {
    expect(await peakBanner(policy({ ...PEAK, cutoffs: [] }))).toMatchObject({ hidden: false, message: PEAK.message, items: [] });
  });

  it("GIVEN the questions THEN they never wait for the banner: its request starts first and is not awaited", () => {
    const bannerAt = source.indexOf("if (peak) showPeak(peak, endpoint, d.locale);");
    expect(bannerAt).toBeGreaterThan(-1);
    expect(bannerAt).toBeLessThan(source.indexOf('await call<{ categories?: Category[] }>(withQuery(endpoint + "/faq"'));
    expect(source).not.toMatch(/await showPeak/);
  });
});

describe("FAQ block: rendering", () => {
  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN the block renders with no missing translation", async (locale) => {
    const markup = await render({ locale });
    expect(markup).not.toContain("translation missing");
    expect(markup).toContain(`data-locale="${locale}"`);
    expect(markup).toContain(html(strings[locale as Locale]["faq.search.label"]!));
    expect(markup).toContain(html(strings[locale as Locale]["faq.loading"]!));
  });

  it("GIVEN default settings THEN it points at the app proxy and is configured by data attributes", async () => {
    const markup = await render();
    expect(markup).toContain('data-endpoint="/apps/support"');
    expect(markup).toContain('data-instance="faq-0"');
    expect(markup).toContain('<h2 class="hs-title">Frequently asked questions</h2>');
    expect(markup).not.toContain("hs-intro");
  });

  it("GIVEN the search field THEN it is a labelled type=search input controlling the list", async () => {
    const markup = await render();
    const input = tag(markup, 'input[^>]*type="search"')!;
    const id = input.match(/\sid="([^"]+)"/)![1]!;
    expect(markup).toContain(`<label for="${id}">Search the questions</label>`);
    const list = input.match(/aria-controls="([^"]+)"/)![1]!;
    expect(markup).toMatch(new RegExp(`<div class="hs-list" id="${list}" data-list>`));
    expect(input).toContain("data-search");
  });

  it("GIVEN the states THEN the count is a polite status, errors an alert, and loading is shown until the script runs", async () => {
    const markup = await render();
    expect(markup).toMatch(/<p class="hs-count" role="status" data-count><\/p>/);
    expect(markup).toMatch(/<div class="hs-alert" role="alert" data-error><\/div>/);
    expect(markup).toContain('<p class="hs-status" data-status>Loading questions…</p>');
  });

  it("GIVEN the topic filter THEN it is a labelled group, hidden until loaded, whose All button starts pressed", async () => {
    const markup = await render();
    expect(markup).toMatch(/<div class="hs-cats" role="group" aria-label="Topics" data-cats hidden>\s*<button type="button" value="" aria-pressed="true">All<\/button>/);
  });

  it("GIVEN the answer template THEN each answer is a details/summary with a link and Yes/No buttons that name themselves", async () => {
    const markup = template(await render(), "article");
    expect(markup).toMatch(/^\s*<details class="hs-article">\s*<summary data-f="question"><\/summary>/);
    expect(markup).toContain('<a href="#" data-f="link">Link to this answer</a>');
    expect(markup).toContain('<button type="button" class="hs-button" value="yes">Yes</button>');
    expect(markup).toContain('<button type="button" class="hs-button" value="no">No</button>');
    expect(markup).toMatch(/<p class="hs-thanks" tabindex="-1" data-f="thanks" hidden>Thanks for your feedback<\/p>/);
    // The script takes the parts in this order.
    expect([...markup.matchAll(/data-f="(\w+)"/g)].map((m) => m[1])).toEqual(["question", "answer", "link", "helpful", "thanks"]);
  });

  it("GIVEN search, topics and votes turned off THEN none of them renders", async () => {
    const markup = await render({ settings: { faq: { show_search: false, show_categories: false, show_helpful: false } } });
    expect(markup).not.toContain('type="search"');
    expect(markup).not.toContain("data-cats");
    expect(markup).not.toContain('value="yes"');
    expect([...template(markup, "article").matchAll(/data-f="(\w+)"/g)].map((m) => m[1])).toEqual(["question", "answer", "link"]);
  });

  it("GIVEN a heading and intro with markup THEN both render escaped", async () => {
    const markup = await render({ settings: { faq: { heading: "Q&A <b>now</b>", intro: "Ask <i>us</i>\nanything" } } });
    expect(markup).toContain('<h2 class="hs-title">Q&amp;A &lt;b&gt;now&lt;/b&gt;</h2>');
    expect(markup).toContain('<p class="hs-intro">Ask &lt;i&gt;us&lt;/i&gt;<br />\nanything</p>');
  });

  it("GIVEN the rendered block THEN it has no <script> or <link> of its own (Shopify adds the schema's assets)", async () => {
    const markup = await render();
    expect(markup).not.toMatch(/<script|<link/);
  });

  it.each(Object.keys(LOCALES) as Locale[])("GIVEN locale %s THEN the peak banner waits hidden above the search and the questions, with that locale's order-by line", async (locale) => {
    const markup = await render({ locale });
    const banner = tag(markup, 'div class="hs-peak"')!;
    expect(banner).toBe(`<div class="hs-peak" role="note" data-peak data-by="${html(orderByPattern(locale))}" hidden>`);
    expect(markup).toMatch(/data-peak[^>]*hidden>\s*<p class="hs-peak-message"><\/p>\s*<ul class="hs-peak-cutoffs"><\/ul>\s*<\/div>/);
    expect(markup.indexOf("data-peak")).toBeLessThan(markup.indexOf("data-search"));
    expect(markup.indexOf("data-peak")).toBeLessThan(markup.indexOf("data-list"));
  });

  it("GIVEN the peak banner turned off THEN it does not render", async () => {
    const markup = await render({ settings: { faq: { show_peak_banner: false } } });
    expect(markup).not.toContain("data-peak");
    expect(markup).toContain("data-list");
  });

  it.each([
    ["/", "", "/apps/support"],
    ["/fr", "", "/fr/apps/support"],
    ["/fr/", "", "/fr/apps/support"],
    ["/", "/tools/help", "/tools/help"],
    ["/fr/", "/tools/help", "/fr/tools/help"],
    ["/fr", "a/help-desk", "/fr/a/help-desk"],
  ])("GIVEN routes.root_url %s and the proxy path setting %j THEN the endpoint is %s", async (rootUrl, proxyPath, endpoint) => {
    const assigns = snippet.match(/assign proxy_path = .*\n\s*assign endpoint = .*/)![0];
    const liquid = new Liquid({ strictFilters: true });
    expect(await liquid.parseAndRender(`{% liquid\n${assigns}\necho endpoint\n%}`, { routes: { root_url: rootUrl }, proxy_path: proxyPath })).toBe(endpoint);
  });
});
