import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { renderPanel } from "../../../app/features/launcher/panels.server";
import { blockAssetTags, isAppEmbed, loadBlocks, renderBlock, renderPageBlocks, type RenderOptions } from "../../../simulator/storefront";
import { peakBanner } from "../../helpers/peak-banner";

const extensionsDir = fileURLToPath(new URL("../../../extensions", import.meta.url));
const dir = join(extensionsDir, "harbor-support-theme");
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const blocks = loadBlocks(extensionsDir).filter((b) => b.extension === "harbor-support-theme");
const block = blocks.find((b) => b.handle === "help-launcher")!;
// The shipped, minified script, and the TypeScript it is built from.
const script = read("assets/help-launcher.js");
const source = readFileSync(fileURLToPath(new URL("../../../storefront/src/help-launcher.ts", import.meta.url)), "utf8");

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

const base: RenderOptions = {
  extensionsDir,
  shop: { name: "Harbor Demo Outfitters", domain: "harbor-demo.myshopify.com", currency: "CAD" },
  locale: "en",
  assetBase: "/extensions",
};
const render = (launcher: Record<string, unknown> = {}, options: Partial<RenderOptions> = {}) =>
  renderBlock(block, { ...base, ...options, settings: { "help-launcher": launcher } }, 0);

const PIECES = [
  { piece: "tracking", setting: "show_tracking", element: "harbor-order-tracking", asset: "order-tracking", label: "Track an order" },
  { piece: "returns", setting: "show_returns", element: "harbor-returns", asset: "returns", label: "Start a return" },
  { piece: "faq", setting: "show_faq", element: "harbor-faq", asset: "faq", label: "FAQ" },
  { piece: "contact", setting: "show_contact", element: "harbor-contact", asset: "contact", label: "Contact us" },
] as const;

/** Each piece's panel as the app renders it when the shopper first opens it (/apps/support/panel). */
const panels = (locale = "en", proxyPath = "/apps/support") =>
  Promise.all(PIECES.map(async ({ piece }) => ({ piece, content: await renderPanel({ piece, locale, root: "/", signedIn: false, currency: "CAD", proxyPath }) })));
/** The menu buttons, in order: [piece, label]. */
const menu = (markup: string) => [...markup.matchAll(/<button type="button" data-open="(\w+)" data-css="[^"]*" data-js="[^"]*">([^<]*)<\/button>/g)].map((m) => [m[1], m[2]]);
/** Each menu button's stylesheet and script: [piece, css, js]. */
const assets = (markup: string) => [...markup.matchAll(/data-open="(\w+)" data-css="([^"]*)" data-js="([^"]*)"/g)].map((m) => [m[1], m[2], m[3]]);
/** Every id attribute, inside templates or not; "ID-…" ids are placeholders the returns script makes unique. */
const ids = (markup: string) => [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.startsWith("ID-"));

describe("help launcher: panels under the merchant's proxy path", () => {
  it("GIVEN the proxy moved to /tools/help WHEN each panel renders THEN every endpoint is under it and none under /apps/support", async () => {
    for (const { piece, content } of await panels("en", "/tools/help")) {
      const endpoints = [...content.matchAll(/data-endpoint="([^"]*)"/g)].map((m) => m[1]!);
      expect(endpoints.length, piece).toBeGreaterThan(0);
      for (const endpoint of endpoints) expect(endpoint, piece).toMatch(/^\/tools\/help(\/|$)/);
      expect(content, piece).not.toContain("/apps/support");
    }
  });
});

describe("help launcher: schema", () => {
  it("GIVEN the block THEN it is an app embed on <body> with its own script and stylesheet", () => {
    expect(block.schema).toMatchObject({ name: "t:blocks.help_launcher.name", target: "body", javascript: "help-launcher.js", stylesheet: "help-launcher.css" });
    expect(isAppEmbed(block)).toBe(true);
  });

  it("GIVEN the settings THEN they are the position, the colours, the label and one checkbox per piece, all on by default, and the proxy path", () => {
    const settings = block.schema.settings!.filter((s) => s.id);
    expect(settings.map((s) => [s.id, s.type, s.default])).toEqual([
      ["position", "select", "bottom_right"],
      ["button_color", "color", "#1a1a1a"],
      ["text_color", "color", "#ffffff"],
      ["label", "text", undefined],
      ["show_tracking", "checkbox", true],
      ["show_returns", "checkbox", true],
      ["show_faq", "checkbox", true],
      ["show_contact", "checkbox", true],
      ["proxy_path", "text", "/apps/support"],
    ]);
    const position = block.schema.settings!.find((s) => s.id === "position") as unknown as { options: { value: string }[] };
    expect(position.options.map((o) => o.value)).toEqual(["bottom_right", "bottom_left"]);
  });

  it("GIVEN the schema labels THEN each exists in the four schema locale files", () => {
    const keys = [...block.source.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    expect(keys).toContain("blocks.help_launcher.settings.position.options.bottom_left");
    for (const locale of Object.keys(LOCALES) as Locale[]) {
      expect(keys.filter((k) => !schemaStrings[locale][k]), locale).toEqual([]);
    }
  });
});

describe("help launcher: translations", () => {
  const keys = [...block.source.matchAll(/'([\w.]+)'\s*\|\s*t\b/g)].map((m) => m[1]!);

  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN every string the launcher uses exists", (locale) => {
    expect(keys.length).toBeGreaterThan(7);
    expect(keys.filter((k) => !strings[locale as Locale][k])).toEqual([]);
  });

  it.each(["fr", "de", "es"])("GIVEN %s THEN the launcher's sentences are translated, not copied from English", (locale) => {
    const mine = Object.keys(strings.en).filter((k) => k.startsWith("launcher.") && strings.en[k]!.includes(" "));
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.filter((k) => strings[locale as Locale][k] === strings.en[k])).toEqual([]);
  });
});

describe("help launcher: script", () => {
  it("GIVEN the script THEN it stays under the team's 4,200-byte budget on disk", () => {
    expect(statSync(join(dir, "assets/help-launcher.js")).size).toBeLessThanOrEqual(4_200);
  });

  it("GIVEN the stylesheet THEN it stays under Shopify's 100,000-byte app block limit", () => {
    expect(statSync(join(dir, "assets/help-launcher.css")).size).toBeLessThanOrEqual(100_000);
  });

  it("GIVEN the script THEN it defines one guarded custom element and parses no HTML but its own app's panel", () => {
    expect(script).toContain('customElements.get("harbor-help-launcher")');
    expect(script.match(/customElements\.define\(/g)).toHaveLength(1);
    expect(script).not.toMatch(/outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
    expect(source.match(/innerHTML/g)).toHaveLength(1);
    expect(source).toMatch(/fetch\(`\$\{d\.endpoint\}\/panel\?\$\{q\}`[^]*?if \(!r\.ok\) throw r;\s*piece\.innerHTML = await r\.text\(\);/);
  });

  it("GIVEN the script THEN it fetches a piece's panel on first open, then adds its stylesheet and deferred script from the menu button", () => {
    expect(source).toMatch(/if \(name && !piece\) \{[^}]*this\.fill\(piece, b!\);/);
    expect(source).toMatch(/load\("link", b\.dataset\.css, \{ rel: "stylesheet", href: b\.dataset\.css \}\)/);
    expect(source).toMatch(/load\("script", b\.dataset\.js, \{ src: b\.dataset\.js, defer: true \}\)/);
  });

  it("GIVEN the script THEN Escape closes the panel and focus goes back to the button", () => {
    expect(source).toMatch(/e\.key != "Escape"[^]*?this\.toggle\(false\)/);
    expect(source).toMatch(/if \(!open\) return this\.btn\.focus\(\)/);
  });

  it("GIVEN the script THEN it reports launcher_open with the shared visitor id, once, without waiting", () => {
    expect(source).toMatch(/if \(announced\) return;\s*announced = true;\s*sendEvent\(this\.dataset\.endpoint!, \{ type: "launcher_open" \}\);/);
    expect(script).toContain('"harbor-support:visitor"');
    expect(script).toContain("keepalive:!0");
    // The other requests are the peak banner's and the panels'; sendEvent is not awaited.
    expect(script.match(/fetch\(/g)).toHaveLength(3);
    expect(script.match(/fetch\([^)]*"\/events"/g)).toHaveLength(1);
    expect(source).not.toMatch(/await sendEvent/);
  });

  it("GIVEN the English storefront strings THEN none of them is hard-coded in the script", () => {
    const code = script.replace(/^\s*\/\/.*$/gm, "");
    const mine = Object.entries(strings.en).filter(([k]) => k.startsWith("launcher.")).map(([, s]) => s);
    expect(mine).toContain("Track an order");
    expect(mine.filter((s) => code.includes(`"${s}"`) || (s.includes(" ") && code.includes(s)))).toEqual([]);
  });
});

/** The launcher's banner, as toggle() shows it: the shop's endpoint and that locale's order-by line. */
const season = (reply: () => Promise<unknown>, locale = "en") =>
  peakBanner(reply, { endpoint: "/fr/apps/support", locale, pattern: strings[locale as Locale]["faq.peak.order_by"]!.replace(/{{\s*(\w+)\s*}}/g, "{$1}") });
const policy = (peak: unknown) => async () => ({ json: async () => ({ shipping: { peak } }) });
const PEAK = { message: "Order <b>early</b> for the holidays.", cutoffs: [{ label: "Standard $& {date}", date: "2026-12-15" }] };

describe("help launcher: peak-season banner", () => {
  it("GIVEN the season is on THEN the banner shows the message as text and the order-by line, from the shop's /policy", async () => {
    expect(await season(policy(PEAK))).toMatchObject({
      hidden: false,
      message: "Order <b>early</b> for the holidays.",
      items: ["Standard $& {date}: order by December 15"],
      requested: ["/fr/apps/support/policy?locale=en"],
    });
  });

  it("GIVEN the banner was asked for once THEN the launcher forgets it, so a second opening sends no request", async () => {
    expect(source).toMatch(/if \(!open\) return this\.btn\.focus\(\);[^]*?if \(this\.peak\) showPeak\(this\.peak, [^;]*;\s*this\.peak = null;/);
    expect(source.match(/showPeak\(/g)).toHaveLength(1);
  });

  it("GIVEN German THEN the day is written in German with the German line", async () => {
    expect((await season(policy(PEAK), "de")).items).toEqual(["Standard $& {date}: bestelle bis zum 15. Dezember"]);
  });

  it.each([
    ["no season (peak null)", policy(null)],
    ["an error body", async () => ({ json: async () => ({ error: "rate_limited" }) })],
    ["a network failure", async () => Promise.reject(new TypeError("Failed to fetch"))],
  ])("GIVEN %s THEN the banner stays hidden and nothing is thrown", async (_case, reply) => {
    expect(await season(reply)).toMatchObject({ hidden: true, message: "", items: [] });
  });
});

describe("help launcher: rendering", () => {
  it.each(Object.keys(LOCALES))("GIVEN locale %s THEN it renders with no missing translation and the label in that language", async (locale) => {
    const markup = await render({}, { locale });
    expect(markup).not.toContain("translation missing");
    expect(markup).toContain(`<span>${strings[locale as Locale]["launcher.label"]}</span>`);
  });

  it("GIVEN default settings THEN the button opens a labelled, non-modal dialog that starts hidden", async () => {
    const markup = await render();
    const button = markup.match(/<button\s[^>]*data-toggle[^>]*>/)![0];
    expect(button).toContain('aria-expanded="false"');
    const panel = button.match(/aria-controls="([^"]+)"/)![1]!;
    const dialog = markup.match(new RegExp(`<div\\s[^>]*id="${panel}"[^>]*>`))![0];
    expect(dialog).toMatch(/role="dialog"/);
    expect(dialog).toMatch(/aria-modal="false"/);
    expect(dialog).toMatch(/\shidden\s/);
    const title = dialog.match(/aria-labelledby="([^"]+)"/)![1]!;
    expect(markup).toMatch(new RegExp(`<h2 class="hs-launcher-title" id="${title}" tabindex="-1" data-title>How can we help\\?</h2>`));
  });

  it("GIVEN default settings THEN the back and close buttons name themselves and the icons are hidden from assistive technology", async () => {
    const markup = await render();
    expect(markup).toMatch(/<button type="button" class="hs-launcher-back" data-back hidden>Back<\/button>/);
    expect(markup).toMatch(/<button type="button" class="hs-launcher-close" aria-label="Close help" data-close>/);
    const svgs = markup.match(/<svg[^>]*>/g)!;
    expect(svgs.length).toBe(2);
    for (const svg of svgs) expect(svg).toContain('aria-hidden="true"');
  });

  it("GIVEN default settings THEN every piece is in the menu, in order, and the app renders its panel", async () => {
    const markup = await render();
    expect(menu(markup)).toEqual(PIECES.map((p) => [p.piece, p.label]));
    for (const { piece, content } of await panels()) expect(content, piece).toContain(`<${PIECES.find((p) => p.piece === piece)!.element}`);
  });

  it("GIVEN the menu THEN each button names its piece's stylesheet and script by asset URL", async () => {
    expect(assets(await render())).toEqual(
      PIECES.map(({ piece, asset }) => [piece, `/extensions/harbor-support-theme/assets/${asset}.css`, `/extensions/harbor-support-theme/assets/${asset}.js`]),
    );
  });

  it.each(PIECES.map((p) => [p.setting, p.piece]))("GIVEN %s off THEN the menu has no %s piece", async (setting, piece) => {
    const markup = await render({ [setting]: false });
    expect(menu(markup).map(([p]) => p)).not.toContain(piece);
    expect(menu(markup)).toHaveLength(PIECES.length - 1);
  });

  it("GIVEN every piece off THEN nothing renders at all", async () => {
    const markup = await render(Object.fromEntries(PIECES.map((p) => [p.setting, false])));
    expect(markup).not.toContain("harbor-help-launcher");
    expect(markup).not.toContain("<button");
  });

  it("GIVEN the page before a click THEN no piece's markup, script or stylesheet is on it, and it weighs under 2 KB gzipped", async () => {
    const markup = await render();
    for (const { element } of PIECES) expect(markup).not.toContain(`<${element}`);
    expect(markup).not.toMatch(/<script|<link|<style|<template/);
    expect(gzipSync(markup).length).toBeLessThanOrEqual(2048);
    expect(blockAssetTags([block], "/extensions")).toBe(
      '<link rel="stylesheet" href="/extensions/harbor-support-theme/assets/help-launcher.css">\n<script src="/extensions/harbor-support-theme/assets/help-launcher.js" defer></script>',
    );
  });

  it("GIVEN the pieces THEN their ids end in 'launcher' and none repeats", async () => {
    const inside = (await panels()).flatMap((p) => ids(p.content));
    expect(inside.length).toBeGreaterThan(5);
    expect(inside.filter((id) => !/-launcher(-|$)/.test(id))).toEqual([]);
    expect(new Set(inside).size).toBe(inside.length);
  });

  it.each(["fr", "de", "es"])("GIVEN %s THEN each panel comes in that language", async (locale) => {
    const english = await panels();
    for (const { piece, content } of await panels(locale)) {
      expect(content, piece).not.toBe(english.find((p) => p.piece === piece)!.content);
      expect(content, piece).not.toMatch(/>\s*(tracking|returns|faq|contact)\.[a-z_.]+\s*</);
    }
  });

  it("GIVEN the pieces THEN they show no title of their own: the panel's title names them", async () => {
    for (const { piece, content } of await panels()) expect(content, piece).not.toContain('class="hs-title"');
  });

  it("GIVEN every block on one page with the launcher THEN no id repeats, not even once its panels are opened", async () => {
    const page = await renderPageBlocks(blocks, base);
    const all = ids([...page.main, ...page.bodyEnd, ...(await panels()).map((p) => p.content)].join("\n"));
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
  });

  it.each(Object.keys(LOCALES) as Locale[])("GIVEN locale %s THEN the menu view starts with the hidden peak banner and its order-by line in that language", async (locale) => {
    const markup = await render({}, { locale });
    expect(markup).toContain(`data-locale="${locale}"`);
    const line = strings[locale]["faq.peak.order_by"]!.replace(/{{\s*(\w+)\s*}}/g, "{$1}").replace(/'/g, "&#39;");
    expect(markup.replace(/>\s+</g, "><")).toContain(
      `<div data-menu><div class="hs-peak" role="note" data-peak data-by="${line}" hidden><p class="hs-peak-message"></p><ul class="hs-peak-cutoffs"></ul></div><ul class="hs-launcher-menu">`,
    );
  });

  it("GIVEN the FAQ piece THEN it has no banner of its own: the menu view shows it", async () => {
    const faq = (await panels()).find((p) => p.piece === "faq")!;
    expect(faq.content).toContain("<harbor-faq");
    expect(faq.content).not.toContain("data-peak");
    expect((await render()).match(/data-peak/g)).toHaveLength(1);
  });

  it("GIVEN a merchant's position, colours and a label with markup THEN they are used, escaped", async () => {
    const markup = await render({ position: "bottom_left", button_color: "#005bd3", text_color: "#fefefe", label: " Need <b>help</b>? " });
    expect(markup).toContain('data-position="bottom_left"');
    expect(markup).toContain('style="--hs-launcher-bg: #005bd3; --hs-launcher-fg: #fefefe;"');
    expect(markup).toContain("<span>Need &lt;b&gt;help&lt;/b&gt;?</span>");
  });

  it("GIVEN a colour value that tries to leave the style attribute THEN it stays inside it", async () => {
    const markup = await render({ button_color: '"><script>alert(1)</script>' });
    expect(markup).not.toContain("<script>alert(1)");
    expect(markup).toMatch(/style="--hs-launcher-bg: &#34;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;; /);
  });

  it("GIVEN a blank label THEN the shopper's language decides it", async () => {
    expect(await render({ label: "   " }, { locale: "de" })).toContain("<span>Hilfe</span>");
  });
});

describe("simulated storefront: snippets and app embeds", () => {
  const root = mkdtempSync(join(tmpdir(), "harbor-sim-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, "x", path, ".."), { recursive: true });
    writeFileSync(join(root, "x", path), text);
  };
  write("locales/en.default.json", JSON.stringify({ hi: "Hello {{ name }}" }));
  write(
    "snippets/card.liquid",
    "[param={{ title }}][block={{ block.id }}][assign={{ secret }}][shop={{ shop.name }}][t={{ 'hi' | t: name: title }}]",
  );
  write(
    "blocks/card.liquid",
    `{% assign secret = 'kept' %}{% render 'card', title: block.settings.title %}{% schema %}{"name":"Card","target":"section","settings":[{"type":"text","id":"title","default":"Hi"}]}{% endschema %}`,
  );
  write(
    "blocks/embed.liquid",
    `<aside>{{ block.settings.label }}</aside>{% schema %}{"name":"Embed","target":"body","settings":[{"type":"text","id":"label","default":"Floating"}]}{% endschema %}`,
  );
  write("blocks/missing.liquid", `{% render 'nowhere' %}{% schema %}{"name":"Missing","target":"section"}{% endschema %}`);
  const options = { ...base, extensionsDir: root };
  const find = (handle: string) => loadBlocks(root).find((b) => b.handle === handle)!;

  it("GIVEN a block that renders a snippet THEN the snippet sees what is passed and the globals, not block or the block's assigns", async () => {
    const markup = await renderBlock(find("card"), options, 0);
    expect(markup).toContain("[param=Hi][block=][assign=][shop=Harbor Demo Outfitters][t=Hello Hi]");
  });

  it("GIVEN a snippet that does not exist THEN rendering fails instead of printing nothing", async () => {
    await expect(renderBlock(find("missing"), options, 0)).rejects.toThrow(/nowhere/);
  });

  it("GIVEN an app embed THEN the page puts it at the end of <body> with its defaults, and app blocks in the main column", async () => {
    const page = await renderPageBlocks(loadBlocks(root).filter((b) => b.handle !== "missing"), options);
    expect(page.main).toHaveLength(1);
    expect(page.main[0]).toContain("[param=Hi]");
    expect(page.bodyEnd).toHaveLength(1);
    expect(page.bodyEnd[0]).toContain("<aside>Floating</aside>");
  });
});
