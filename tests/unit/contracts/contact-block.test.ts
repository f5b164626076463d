import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { loadBlocks, renderBlock, type Block, type RenderOptions } from "../../../simulator/storefront";

const extensionsDir = fileURLToPath(new URL("../../../extensions", import.meta.url));
const dir = join(extensionsDir, "harbor-support-theme");
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const block = loadBlocks(extensionsDir).find((b) => b.extension === "harbor-support-theme" && b.handle === "contact")!;
// The block renders this snippet, which the Help launcher shares.
const snippet = read("snippets/contact.liquid");
// The shipped, minified script, and the TypeScript it is built from.
const script = read("assets/contact.js");
const source = readFileSync(fileURLToPath(new URL("../../../storefront/src/contact.ts", import.meta.url)), "utf8");
// The stylesheet's source (assets/contact.css is built from it, minified).
const css = readFileSync(fileURLToPath(new URL("../../../storefront/src/styles/contact.css", import.meta.url)), "utf8");

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
const only = (strings: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(strings).filter(([k]) => k.startsWith(prefix)));
const strings = Object.fromEntries(Object.entries(LOCALES).map(([l, f]) => [l, only(flatten(JSON.parse(read(`locales/${f}.json`))), "contact.")])) as Record<Locale, Record<string, string>>;
const schemaStrings = Object.fromEntries(Object.entries(LOCALES).map(([l, f]) => [l, only(flatten(JSON.parse(read(`locales/${f}.schema.json`))), "blocks.contact.")])) as Record<Locale, Record<string, string>>;
/** The schema strings the blocks share (the app proxy path setting), beside the block's own. */
const sharedSchemaStrings = Object.fromEntries(Object.entries(LOCALES).map(([l, f]) => [l, only(flatten(JSON.parse(read(`locales/${f}.schema.json`))), "settings.")])) as Record<Locale, Record<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const TOPICS = ["order_status", "returns", "payment", "shipping", "product", "other"];
const base: RenderOptions = {
  extensionsDir,
  shop: { name: "Harbor Demo Outfitters", domain: "harbor-demo.myshopify.com", currency: "CAD" },
  locale: "en",
  assetBase: "/extensions",
};
const render = (options: Partial<RenderOptions> = {}) => renderBlock(block, { ...base, ...options }, 0);
/** Renders the snippet the way another caller (the Help launcher) would, with the given arguments. */
const renderSnippet = (args: Record<string, string | boolean>) => {
  const list = Object.entries(args).map(([k, v]) => `${k}: ${typeof v === "string" ? JSON.stringify(v) : v}`);
  const caller: Block = { ...block, source: `{% render 'contact', ${list.join(", ")} %}` };
  return renderBlock(caller, base, 1);
};
const LAUNCHER = { block_id: "launcher", root_url: "/", locale: "en", faq_suggestions: true, allow_attachment: true, show_promise: true };
/** The markup of one of the snippet's <template>s, as rendered. */
const template = (html: string, name: string) => html.match(new RegExp(`<template data-${name}>([\\s\\S]*?)</template>`))![1]!;
const tagOf = (html: string, pattern: RegExp) => html.match(pattern)?.[0] ?? "";

describe("contact block: schema", () => {
  it("GIVEN the block THEN it is an app block with its own script, stylesheet, the five settings, all on by default, and the proxy path", () => {
    expect(block.schema).toMatchObject({ name: "t:blocks.contact.name", target: "section", javascript: "contact.js", stylesheet: "contact.css" });
    expect(block.schema.settings?.map((s) => [s.id, s.type, s.default])).toEqual([
      ["heading", "text", "Contact us"],
      ["intro", "textarea", undefined],
      ["faq_suggestions", "checkbox", true],
      ["allow_attachment", "checkbox", true],
      ["show_promise", "checkbox", true],
      ["proxy_path", "text", "/apps/support"],
    ]);
  });

  it("GIVEN the schema labels THEN each exists in the four schema locale files", () => {
    const keys = [...block.source.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    expect(keys).toHaveLength(12);
    for (const locale of Object.keys(LOCALES) as Locale[]) expect(keys.filter((k) => !schemaStrings[locale][k] && !sharedSchemaStrings[locale][k]), locale).toEqual([]);
  });

  it("GIVEN the block THEN it passes the snippet exactly the arguments the snippet documents", () => {
    const call = block.source.match(/{%-?\s*render 'contact',([\s\S]*?)-?%}/)![1]!;
    const passed = [...call.matchAll(/(\w+):/g)].map((m) => m[1]).sort();
    const documented = [...snippet.matchAll(/@param {\w+} \[?(\w+)\]?/g)].map((m) => m[1]).sort();
    expect(passed).toEqual(documented);
    expect(call).toMatch(/customer_name: customer\.first_name/);
    expect(call).toMatch(/customer_email: customer\.email/);
    expect(call).toMatch(/locale: request\.locale\.iso_code/);
  });

  it("GIVEN the snippet THEN it reads no theme object itself, only its arguments", () => {
    const body = snippet.replace(/{%-?\s*doc\s*-?%}[\s\S]*?{%-?\s*enddoc\s*-?%}/, "");
    expect(body).not.toMatch(/\b(block|section|customer|request|routes|settings|shop)\.\w/);
  });
});

describe("contact block: script", () => {
  it("GIVEN the script THEN it stays under our 9,000-byte budget (Shopify's limit is 10,000 on disk)", () => {
    expect(statSync(join(dir, "assets/contact.js")).size).toBeLessThanOrEqual(9_000);
  });

  it("GIVEN the script THEN it defines one guarded custom element and parses HTML only from the server's FAQ answer", () => {
    expect(script).toContain('customElements.get("harbor-contact")');
    expect(script.match(/customElements\.define\(/g)).toHaveLength(1);
    expect(script).not.toMatch(/outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|\beval\(/);
    expect(script.match(/innerHTML/g)).toHaveLength(1);
    expect(source.match(/innerHTML/g)).toHaveLength(1);
    expect(source).toMatch(/\/\/ answerHtml is sanitised by the server[^\n]*\n\s*answer\.innerHTML = a\.answerHtml;/);
  });

  it("GIVEN the English storefront strings THEN none of them is hard-coded in the script", () => {
    const sentences = Object.values(strings.en).flatMap((s) => s.split(/{{\s*\w+\s*}}/)).map((s) => s.trim()).filter((s) => s.length > 8);
    expect(sentences).toContain("Thanks, we got your message");
    expect(sentences.filter((s) => script.includes(s))).toEqual([]);
    for (const word of ["Glad", "Thanks", "within", "right now", "on its way", "Order status", "Choose a topic"]) expect(script).not.toContain(word);
  });

  it("GIVEN the keys the script reads THEN the block renders a string for each", async () => {
    const rendered = [...template(await render(), "strings").matchAll(/data-k="(\w+)"/g)].map((m) => m[1]);
    expect(new Set(rendered).size).toBe(rendered.length);
    const used = [...source.matchAll(/\bt\("(\w+)"[,)]/g)].map((m) => m[1]);
    const statuses = [...source.match(/{ 422: [^}]*}/)![0].matchAll(/"(\w+)"/g)].map((m) => m[1]);
    const dynamic = [
      ...statuses, "unavailable", "check", "invalid", "found_one", "found_many",
      // What the script checks itself, then each field error the server may answer with (400 fields).
      "name_required", "email_required", "email_email", "topic_required", "message_required", "message_too_short", "message_too_long",
      "name_too_long", "email_too_long", "topic_topic", "order_too_long", "attachment_photo_type", "attachment_photo_too_large",
    ];
    expect(used).toEqual(expect.arrayContaining(["count", "closed", "open", "receipt"]));
    expect(statuses).toEqual(["too_fast", "rate_limited"]);
    expect([...used, ...dynamic].filter((k) => !rendered.includes(k))).toEqual([]);
  });

  it("GIVEN the elements the script looks up THEN the rendered block has each of them", async () => {
    const html = await render();
    const selectors = [...source.matchAll(/"\[data-([\w-]+)\]"/g)].map((m) => m[1]!);
    // The confirmation's slots are filled by name: `[data-${k}]` for each key of `out`.
    const filled = ["reference", "promise", "receipt"];
    const out = source.match(/const out = .*/)![0];
    for (const key of filled) expect(out).toContain(` ${key}: `);
    expect(source).toContain("of Object.entries(out)) this.done.querySelector(`[data-${k}]`)!.textContent = text");
    expect(selectors.length).toBeGreaterThan(8);
    expect([...selectors, ...filled].filter((s) => !html.includes(`data-${s}`))).toEqual([]);
    for (const key of ["endpoint", "locale", "promise"]) expect(source).toContain(`.${key}`);
  });

  it("GIVEN the visitor id THEN it lives under the shared localStorage key and is sent with events and the form", () => {
    // The shared core keeps the id (tests/unit/storefront-core.test.ts) and adds it to every event.
    expect(script).toContain('"harbor-support:visitor"');
    expect(script).toContain("localStorage");
    expect(script).toContain("crypto.randomUUID");
    expect(source).toMatch(/sendEvent\(this\.dataset\.endpoint!, \{ type: "faq_view"/);
    expect(source).toMatch(/sendEvent\(this\.dataset\.endpoint!, \{ type: "deflected"/);
    expect(source).not.toMatch(/fetch\(/);
    expect(source).toMatch(/elapsed: Date\.now\(\) - this\.startedAt, visitor: visitor\(\), locale:/);
  });
});

describe("contact block: translations", () => {
  it("GIVEN the snippet THEN every `contact.` key it translates exists in all four locale files, and none is unused", () => {
    const keys = [...new Set([...snippet.matchAll(/'(contact\.[\w.]+)'\s*\|\s*t\b/g)].map((m) => m[1]!))].sort();
    expect(keys.length).toBeGreaterThan(40);
    for (const locale of Object.keys(LOCALES) as Locale[]) expect(Object.keys(strings[locale]).sort(), locale).toEqual(keys);
  });

  it.each(["fr", "de", "es"] as const)("GIVEN %s THEN it translates every English string with the same placeholders", (locale) => {
    for (const [en, other] of [[strings.en, strings[locale]], [schemaStrings.en, schemaStrings[locale]], [sharedSchemaStrings.en, sharedSchemaStrings[locale]]] as const) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) expect(placeholders(other[key]!), key).toEqual(placeholders(en[key]!));
      const same = Object.keys(en).filter((k) => other[k] === en[k] && en[k]!.includes(" "));
      expect(same, "left in English").toEqual([]);
    }
  });
});

describe("contact block: rendering", () => {
  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN the block renders with no missing translation", async (locale) => {
    const html = await render({ locale });
    expect(html).not.toContain("translation missing");
    expect(html).toContain(`data-locale="${locale}"`);
    expect(html).toContain(strings[locale as Locale]["contact.form.submit"]!.replace(/'/g, "&#39;"));
    expect(html).toContain(strings[locale as Locale]["contact.topics.order_status"]!.replace(/'/g, "&#39;"));
  });

  it("GIVEN default settings THEN the form is configured by data attributes and points at the app proxy", async () => {
    const html = await render();
    expect(html).toContain('data-endpoint="/apps/support"');
    expect(html).toContain('data-faq="true"');
    expect(html).toContain('data-promise="true"');
    expect(html).toContain('<h2 class="hs-title">Contact us</h2>');
    expect(html).toContain('role="alert"');
    expect(html.match(/aria-live="polite"/g)).toHaveLength(2);
    expect(html).toContain("<template data-suggestion>");
    expect(html).not.toContain("hs-intro");
  });

  it("GIVEN the rendered form THEN every field has a label and describes itself with elements of the block, ending with its error", async () => {
    const html = await render();
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => m[0]).filter((c) => !c.includes('name="website"'));
    expect(controls.map((c) => c.match(/name="(\w+)"/)?.[1])).toEqual(["name", "email", "topic", "order", "message", "attachment"]);
    for (const control of controls) {
      const id = control.match(/\sid="([^"]+)"/)![1]!;
      expect(html, control).toMatch(new RegExp(`<label for="${id}">[^<]+</label>`));
      const described = control.match(/aria-describedby="([^"]+)"/)![1]!.split(" ");
      expect(described.filter((d) => !ids.has(d)), control).toEqual([]);
      expect(described.at(-1), control).toBe(`${id}-error`);
    }
  });

  it("GIVEN the honeypot THEN people and assistive tech never reach it and browsers do not fill it", async () => {
    const html = await render();
    const trap = html.match(/<div class="hs-hp" aria-hidden="true">([\s\S]*?)<\/div>/)![1]!;
    const input = tagOf(trap, /<input[^>]*>/);
    expect(input).toMatch(/name="website"/);
    expect(input).toMatch(/tabindex="-1"/);
    expect(input).toMatch(/autocomplete="off"/);
    expect(input).not.toMatch(/required/);
    expect(trap).toMatch(/<label for="[^"]+-website">Leave this field empty<\/label>/);
    expect(html.match(/name="website"/g)).toHaveLength(1);
    const rule = css.match(/harbor-contact \.hs-hp \{([^}]*)\}/)![1]!;
    expect(rule).toMatch(/position: absolute/);
    expect(rule).toMatch(/width: 1px/);
    expect(rule).toMatch(/overflow: hidden/);
    // The screen-reader-only rule comes from the shared forms partial, nested in the block's element.
    expect(read("assets/contact.css")).toMatch(/harbor-contact \.hs-sr\{position:absolute!important/);
  });

  it("GIVEN the topic field THEN it offers the six topics after a 'choose' prompt", async () => {
    const html = await render();
    const select = html.match(/<select[^>]*name="topic"[\s\S]*?<\/select>/)![0];
    const values = [...select.matchAll(/<option value="(\w*)">([^<]+)<\/option>/g)].map((m) => m[1]);
    expect(values).toEqual(["", ...TOPICS]);
    expect(select).toContain(`>${strings.en["contact.form.topic_choose"]}</option>`);
    for (const topic of TOPICS) expect(select).toContain(`<option value="${topic}">${strings.en[`contact.topics.${topic}`]}</option>`);
  });

  it("GIVEN a signed-in customer THEN their first name and email are filled in, escaped", async () => {
    const html = await renderSnippet({ ...LAUNCHER, customer_name: 'Zoë "<b>"', customer_email: "zoe+help@example.com" });
    expect(tagOf(html, /<input[^>]*name="name"[^>]*>/)).toMatch(/value="Zoë (&quot;|&#34;)&lt;b&gt;(&quot;|&#34;)"/);
    expect(tagOf(html, /<input[^>]*name="email"[^>]*>/)).toContain('value="zoe+help@example.com"');
    expect(html).not.toContain("<b>");
  });

  it("GIVEN a shopper who is not signed in THEN name and email start empty", async () => {
    const html = await render();
    expect(tagOf(html, /<input[^>]*name="name"[^>]*>/)).toContain('value=""');
    expect(tagOf(html, /<input[^>]*name="email"[^>]*>/)).toContain('value=""');
  });

  it("GIVEN the attachment field THEN it takes one image of the accepted types", async () => {
    const input = tagOf(await render(), /<input[^>]*type="file"[^>]*>/);
    expect(input).toContain('accept="image/jpeg,image/png,image/webp"');
    expect(input).not.toContain("multiple");
    expect(source).toContain("5 << 20");
  });

  it("GIVEN the message field THEN it is limited to 10–5000 characters with a counter", async () => {
    const html = await render();
    expect(tagOf(html, /<textarea[^>]*>/)).toMatch(/minlength="10"[\s\S]*maxlength="5000"/);
    expect(html).toMatch(/data-count>0 of 5000 characters<\/p>/);
  });

  it("GIVEN suggestions, attachment and the promise turned off THEN the block leaves them out", async () => {
    const settings = { contact: { faq_suggestions: false, allow_attachment: false, show_promise: false } };
    const html = await render({ settings });
    expect(html).toContain('data-faq="false"');
    expect(html).toContain('data-promise="false"');
    expect(html).not.toContain('type="file"');
    expect(html).not.toContain("data-suggest");
    expect(html).not.toContain("data-announce");
  });

  it("GIVEN a blank heading and an intro with markup THEN there is no title and the intro is escaped", async () => {
    const html = await render({ settings: { contact: { heading: "", intro: "We reply <b>fast</b>\nEvery day" } } });
    expect(html).not.toContain("<h2");
    expect(html).toContain('<p class="hs-intro">We reply &lt;b&gt;fast&lt;/b&gt;<br />\nEvery day</p>');
  });

  it("GIVEN the block and a launcher copy on one page THEN no element id is used twice", async () => {
    const page = (await render()) + (await renderSnippet(LAUNCHER));
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
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
    expect(await liquid.parseAndRender(`{% liquid\n${assigns}\necho endpoint\n%}`, { root_url: rootUrl, proxy_path: proxyPath })).toBe(endpoint);
  });
});
