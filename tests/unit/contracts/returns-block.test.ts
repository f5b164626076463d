import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { loadBlocks, renderBlock, type RenderOptions } from "../../../simulator/storefront";
import { SHOPPER_STEPS, WAYS_BACK } from "../../../app/features/returns/domain/shopper-status";

const extensionsDir = fileURLToPath(new URL("../../../extensions", import.meta.url));
const dir = join(extensionsDir, "harbor-support-theme");
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const block = loadBlocks(extensionsDir).find((b) => b.extension === "harbor-support-theme" && b.handle === "returns")!;
// The shipped, minified script, and the TypeScript it is built from.
const script = read("assets/returns.js");
const source = readFileSync(fileURLToPath(new URL("../../../storefront/src/returns.ts", import.meta.url)), "utf8");
// The block renders this snippet, which the Help launcher shares.
const snippet = read("snippets/returns.liquid");

/** "a.b.c" → value, for every string leaf of a locale file. */
function flatten(node: unknown, prefix = ""): Record<string, string> {
  if (typeof node === "string") return { [prefix]: node };
  return Object.entries(node as Record<string, unknown>).reduce(
    (all, [key, value]) => ({ ...all, ...flatten(value, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}
const LOCALES = { en: "en.default", fr: "fr", de: "de", es: "es" } as const;
/** The statuses the returns view sends (shopperStatus: "failed" reads as "received"). */
const SHOPPER_STATUSES = ["received", "requested", "approved", "returned", "inspected", "closed", "declined", "cancelled"];
const strings = Object.fromEntries(Object.entries(LOCALES).map(([l, f]) => [l, flatten(JSON.parse(read(`locales/${f}.json`)))])) as Record<keyof typeof LOCALES, Record<string, string>>;

const base: RenderOptions = {
  extensionsDir,
  shop: { name: "Harbor Demo Outfitters", domain: "harbor-demo.myshopify.com", currency: "CAD" },
  locale: "en",
  assetBase: "/extensions",
};
const render = (options: Partial<RenderOptions> = {}) => renderBlock(block, { ...base, ...options }, 0);
/** The markup of one of the block's <template>s, as rendered. */
const template = (html: string, name: string) => html.match(new RegExp(`<template data-${name}>([\\s\\S]*?)</template>`))![1]!;

describe("returns block: schema", () => {
  it("GIVEN the block THEN it is an app block with its own script, stylesheet and the three settings and the proxy path", () => {
    expect(block.schema).toMatchObject({ name: "t:blocks.returns.name", target: "section", javascript: "returns.js", stylesheet: "returns.css" });
    expect(block.schema.settings?.map((s) => [s.id, s.type])).toEqual([
      ["heading", "text"],
      ["intro", "textarea"],
      ["contact_page", "url"],
      ["proxy_path", "text"],
    ]);
    expect(block.schema.settings?.[0]?.default).toBe("Start a return");
  });

  it("GIVEN the schema labels THEN each exists in the four schema locale files", () => {
    const keys = [...block.source.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    expect(keys).toContain("blocks.returns.settings.contact_page.info");
    for (const file of Object.values(LOCALES)) {
      const schema = flatten(JSON.parse(read(`locales/${file}.schema.json`)));
      expect(keys.filter((k) => !schema[k]), file).toEqual([]);
    }
  });
});

describe("returns block: script", () => {
  it("GIVEN the script THEN it stays under Shopify's 10,000-byte app block limit on disk", () => {
    expect(statSync(join(dir, "assets/returns.js")).size).toBeLessThanOrEqual(10_000);
  });

  it("GIVEN the script THEN it defines one guarded custom element and never parses HTML", () => {
    expect(script).toContain('customElements.get("harbor-returns")');
    expect(script.match(/customElements\.define\(/g)).toHaveLength(1);
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
  });

  it("GIVEN the English storefront strings THEN none of them is hard-coded in the script", () => {
    const sentences = Object.values(strings.en).filter((s) => s.includes(" ")).flatMap((s) => s.split(/{{\s*\w+\s*}}/)).map((s) => s.trim()).filter((s) => s.length > 8);
    expect(sentences).toContain("Send return request");
    expect(sentences.filter((s) => script.includes(s))).toEqual([]);
    for (const word of ["Refund", "Store credit", "Exchange", "Photos", "Reason", "Received"]) expect(script).not.toMatch(new RegExp(`\\b${word}\\b`));
  });

  it("GIVEN the keys the script reads THEN the block renders a string for each", async () => {
    const html = await render();
    const rendered = [...template(html, "strings").matchAll(/data-k="(\w+)"/g)].map((m) => m[1]);
    expect(new Set(rendered).size).toBe(rendered.length);
    const used = [...source.matchAll(/\bt\("(\w+)"[,)]/g)].map((m) => m[1]);
    const errors = [...source.match(/ERRORS: [^=]*= {[^}]*}/)![0].matchAll(/"(\w+)"/g)].map((m) => m[1]);
    const dynamic = [
      ...errors, "unavailable", "w_window_closed",
      ...SHOPPER_STATUSES.flatMap((s) => [`s_${s}`, `i_${s}`]),
      ...SHOPPER_STEPS.map((step) => `e_${step}`),
      ...["original_payment", "store_credit", "bonus"].map((m) => `m_${m}`),
      ...["final_sale", "return_period_ended", "other"].map((r) => `d_${r}`),
      ...["not_fulfilled", "window_passed", "final_sale", "excluded_type", "already_returned"].map((r) => `w_${r}`),
      ...["quantity", "reason", "photos", "resolution"].map((f) => `f_${f}`), // the 400 answer's fields
      ...["items", "restocking", "shipping", "bonus"].map((q) => `q_${q}`),
      ...["refund", "store_credit", "exchange"].map((r) => `g_${r}`),
    ];
    expect(used.length).toBeGreaterThan(10);
    expect(errors).toEqual(expect.arrayContaining(["network", "not_found", "expired", "rate_limited", "not_returnable", "photo_too_large", "photo_type"]));
    expect([...used, ...dynamic].filter((k) => !rendered.includes(k))).toEqual([]);
  });

  it("GIVEN the values the script fills in THEN each has a [data-f] slot in the snippet's templates", () => {
    const slots = new Set([...snippet.matchAll(/data-f="(\w+)"/g)].map((m) => m[1]));
    const filled = ["title", "variant", "pick", "image", "why", "quantities", "reasons", "exchange", "options", "no_exchange", "lines", "bonus", "list", "reference", "status", "info", "decline", "note"];
    const status = ["items", "address", "instructions", "ref", "label", "tracking", "money", "ex_tracking", "steps"];
    for (const key of [...filled, ...status]) expect(source, key).toMatch(new RegExp(`\\b${key}[:,]`));
    expect([...filled, ...status].filter((k) => !slots.has(k))).toEqual([]);
  });

  it("GIVEN each way back the server names THEN the request template has its \"what to do next\" box, and one for while its label or address is missing", () => {
    expect(source).toContain('["n_" + n.method + (n.labelUrl === null || n.returnAddress === "" ? "_later" : "")]');
    const request = snippet.match(/<template data-request>([\s\S]*?)<\/template>/)![1]!;
    const boxes = WAYS_BACK.flatMap((method) => (method === "keep_items" ? [`n_${method}`] : [`n_${method}`, `n_${method}_later`]));
    expect(boxes).toHaveLength(5);
    for (const box of boxes) {
      expect(request, box).toMatch(new RegExp(`<div class="hs-next" data-f="${box}">\\s*<h6>`));
    }
  });
});

describe("returns block: rendering", () => {
  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN the block renders with no missing translation", async (locale) => {
    const html = await render({ locale });
    expect(html).not.toContain("translation missing");
    expect(html).toContain(`data-locale="${locale}"`);
    expect(html).toContain(strings[locale as "en"]["returns.form.contact_label"]!.replace(/'/g, "&#39;"));
    expect(html).toContain(strings[locale as "en"]["returns.submit.button"]!.replace(/'/g, "&#39;"));
  });

  it("GIVEN default settings THEN the lookup form is labelled, configured by data attributes and points at the app proxy", async () => {
    const html = await render();
    expect(html).toContain('data-endpoint="/apps/support/returns"');
    expect(html).toContain('data-currency="CAD"');
    expect(html).toContain('<h2 class="hs-title">Start a return</h2>');
    expect(html).toMatch(/<label for="([^"]+-order)">Order<\/label>[\s\S]*id="\1"/);
    expect(html).toMatch(/<label for="([^"]+-contact)">Email or phone<\/label>/);
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain("{seconds}");
    expect(html).not.toContain("hs-intro");
    expect(html).not.toContain("hs-actions");
  });

  it("GIVEN an intro and a contact page THEN both render, escaped", async () => {
    const settings = { returns: { intro: "30 days <b>free</b>\nExchanges too", contact_page: "/pages/contact?x=1&y=2" } };
    const html = await render({ settings });
    expect(html).toContain('<p class="hs-intro">30 days &lt;b&gt;free&lt;/b&gt;<br />\nExchanges too</p>');
    expect(html).toContain('<a href="/pages/contact?x=1&amp;y=2">Contact us</a>');
  });

  it("GIVEN the item template THEN every control has a label and describes itself with elements of the same template", async () => {
    for (const name of ["line", "order"]) {
      const markup = template(await render(), name);
      const ids = new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const controls = [...markup.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
      expect(controls.length).toBeGreaterThan(2);
      for (const control of controls) {
        const id = control.match(/\sid="([^"]+)"/)?.[1];
        if (id) expect(markup, control).toContain(`<label for="${id}">`);
        else expect(markup, control).toMatch(new RegExp(`<label>${control.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
        const described = control.match(/aria-describedby="([^"]+)"/)?.[1]?.split(" ") ?? [];
        expect(described.length, control).toBeGreaterThan(0);
        expect(described.filter((d) => !ids.has(d)), control).toEqual([]);
        expect(described.at(-1), control).toMatch(/-error$/);
      }
    }
  });

  it("GIVEN the photo input THEN it takes up to the accepted image types, several at once", async () => {
    const line = template(await render(), "line");
    expect(line).toMatch(/<input type="file" name="photos"[^>]*accept="image\/jpeg,image\/png,image\/webp"[^>]*multiple/);
    expect(line).toMatch(/<textarea name="note"[^>]*maxlength="300"/);
  });

  it.each([
    ["/", "", "/apps/support/returns"],
    ["/fr", "", "/fr/apps/support/returns"],
    ["/fr/", "", "/fr/apps/support/returns"],
    ["/", "/tools/help", "/tools/help/returns"],
    ["/fr/", "/tools/help", "/fr/tools/help/returns"],
    ["/fr", "a/help-desk", "/fr/a/help-desk/returns"],
  ])("GIVEN routes.root_url %s and the proxy path setting %j THEN the endpoint is %s", async (rootUrl, proxyPath, endpoint) => {
    const assigns = snippet.match(/assign proxy_path = .*\n\s*assign endpoint = .*/)![0];
    const liquid = new Liquid({ strictFilters: true });
    expect(await liquid.parseAndRender(`{% liquid\n${assigns}\necho endpoint\n%}`, { routes: { root_url: rootUrl }, proxy_path: proxyPath })).toBe(endpoint);
  });
});
