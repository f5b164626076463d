import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { TRACKING_STEPS } from "../../../app/features/tracking/domain/types";
import { loadBlocks, renderBlock, type RenderOptions } from "../../../simulator/storefront";

const extensionsDir = fileURLToPath(new URL("../../../extensions", import.meta.url));
const extension = "harbor-support-theme";
const dir = join(extensionsDir, extension);
const read = (path: string) => readFileSync(join(dir, path), "utf8");
const readJson = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;

/** "a.b.c" → value, for every string leaf of a locale file. */
function flatten(node: unknown, prefix = ""): Record<string, string> {
  if (typeof node === "string") return { [prefix]: node };
  return Object.entries(node as Record<string, unknown>).reduce(
    (all, [key, value]) => ({ ...all, ...flatten(value, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

const OTHER_LOCALES = ["fr", "de", "es"];
const storefront = { en: flatten(readJson("locales/en.default.json")), ...Object.fromEntries(OTHER_LOCALES.map((l) => [l, flatten(readJson(`locales/${l}.json`))])) };
const schema = { en: flatten(readJson("locales/en.default.schema.json")), ...Object.fromEntries(OTHER_LOCALES.map((l) => [l, flatten(readJson(`locales/${l}.schema.json`))])) };
// Blocks and the snippets they render (the markup lives in snippets, shared with the Help launcher).
const liquidSources = ["blocks", "snippets"].flatMap((folder) =>
  readdirSync(join(dir, folder)).filter((f) => f.endsWith(".liquid")).map((f) => read(`${folder}/${f}`)),
);
const block = loadBlocks(extensionsDir).find((b) => b.extension === extension && b.handle === "order-tracking")!;
// The shipped, minified script, and the TypeScript it is built from.
const script = read("assets/order-tracking.js");
const source = readFileSync(fileURLToPath(new URL("../../../storefront/src/order-tracking.ts", import.meta.url)), "utf8");
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const base: RenderOptions = {
  extensionsDir,
  shop: { name: "Harbor Demo Outfitters", domain: "harbor-demo.myshopify.com", currency: "CAD" },
  locale: "en",
  assetBase: "/extensions",
};

describe("theme app extension: translations", () => {
  it("GIVEN the blocks and snippets THEN every storefront `| t` key exists in all four locale files", () => {
    const keys = liquidSources.flatMap((s) => [...s.matchAll(/'([\w.]+)'\s*\|\s*t\b/g)].map((m) => m[1]!));
    expect(keys.length).toBeGreaterThan(40);
    for (const locale of ["en", ...OTHER_LOCALES]) {
      expect(keys.filter((k) => !(k in storefront[locale as "en"])), locale).toEqual([]);
    }
  });

  it("GIVEN the block schemas THEN every `t:` key exists in all four schema locale files", () => {
    const keys = liquidSources.flatMap((s) => [...s.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!));
    expect(keys.length).toBeGreaterThan(6);
    for (const locale of ["en", ...OTHER_LOCALES]) {
      expect(keys.filter((k) => !(k in schema[locale as "en"])), locale).toEqual([]);
    }
  });

  it.each(OTHER_LOCALES)("GIVEN %s THEN it has exactly the English keys, with the same placeholders", (locale) => {
    for (const strings of [storefront, schema]) {
      const en = strings.en, other = strings[locale as "en"];
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) expect(placeholders(other[key]!), key).toEqual(placeholders(en[key]!));
    }
  });

  it("GIVEN the status names THEN every tracking step has a translation", () => {
    for (const step of TRACKING_STEPS) expect(storefront.en[`order_tracking.status.${step}`]).toBeTruthy();
  });
});

describe("theme app extension: block schema", () => {
  it("GIVEN the block THEN its schema parses with the expected setting ids and assets", () => {
    expect(block.schema).toMatchObject({ target: "section", javascript: "order-tracking.js", stylesheet: "order-tracking.css" });
    expect(block.schema.settings?.map((s) => s.id)).toEqual(["heading", "show_items", "show_events", "allow_phone", "returns_page", "contact_page", "proxy_path"]);
    expect(block.schema.settings?.map((s) => s.type)).toEqual(["text", "checkbox", "checkbox", "checkbox", "url", "url", "text"]);
    expect(existsSync(join(dir, "assets", block.schema.javascript!))).toBe(true);
    expect(existsSync(join(dir, "assets", block.schema.stylesheet!))).toBe(true);
  });

  it("GIVEN the extension config THEN it is a theme extension checked with the app-extension rules", () => {
    expect(read("shopify.extension.toml")).toMatch(/type\s*=\s*"theme"/);
    expect(read(".theme-check.yml")).toContain("extends: theme-check:theme-app-extension");
  });
});

describe("theme app extension: script", () => {
  it("GIVEN the script THEN it stays under Shopify's 10,000-byte app block limit on disk", () => {
    expect(statSync(join(dir, "assets/order-tracking.js")).size).toBeLessThanOrEqual(10_000);
  });

  it("GIVEN the script THEN it defines one guarded custom element and never uses innerHTML", () => {
    expect(script).toContain('customElements.get("harbor-order-tracking")');
    expect(script.match(/customElements\.define\(/g)).toHaveLength(1);
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("GIVEN the English storefront strings THEN none of them is hard-coded in the script", () => {
    const sentences = Object.values(storefront.en).filter((s) => !s.includes("{{") && s.includes(" "));
    expect(sentences).toContain("Track this shipment");
    expect(sentences.filter((s) => script.includes(s))).toEqual([]);
    for (const word of ["couldn't find", "Start a return", "Contact us", "Still to ship", "Shipment"]) expect(script).not.toContain(word);
  });

  it("GIVEN the keys the script reads THEN the block renders a string for each", async () => {
    const html = await renderBlock(block, base, 0);
    const rendered = new Set([...html.matchAll(/data-k="(\w+)"/g)].map((m) => m[1]));
    const used = [...source.matchAll(/\bt\("(\w+)"[,)]/g)].map((m) => m[1]);
    const dynamic = [
      ...[...TRACKING_STEPS, "cancelled", "refunded"].map((s) => `s_${s}`),
      ...["cancelled", "refunded"].map((s) => `${s}_note`),
      ...["delayed", "attempted_delivery", "failed", "ready_for_pickup"].map((n) => `n_${n}`),
      // FulfillmentEvent.status values, lower-cased by the script.
      ...["attempted_delivery", "carrier_picked_up", "confirmed", "delayed", "delivered", "failure", "in_transit", "label_printed", "label_purchased", "out_for_delivery", "ready_for_pickup"].map((e) => `e_${e}`),
      "contact_required", "contact_invalid", "email_invalid", "order_invalid", "not_found", "invalid", "rate_limited", "unavailable", "network",
    ];
    expect(used.length).toBeGreaterThan(10);
    expect([...used, ...dynamic].filter((k) => !rendered.has(k))).toEqual([]);
  });
});

describe("theme app extension: rendering", () => {
  it.each(["en", "fr", "de", "es"])("GIVEN locale %s THEN the block renders with no missing translation", async (locale) => {
    const html = await renderBlock(block, { ...base, locale }, 0);
    expect(html).not.toContain("translation missing");
    expect(html).toContain(`data-locale="${locale}"`);
    expect(html).toContain(storefront[locale as "en"]["order_tracking.form.order_label"]);
  });

  it("GIVEN default settings THEN the form is labelled, configured by data attributes and points at the app proxy", async () => {
    const html = await renderBlock(block, base, 0);
    expect(html).toContain('data-endpoint="/apps/support/tracking"');
    expect(html).toContain('data-customer="false"');
    expect(html).toMatch(/data-phone="true"[\s\S]*data-items="true"[\s\S]*data-events="true"/);
    expect(html).toContain("<h2 class=\"hs-title\">Track your order</h2>");
    expect(html).toMatch(/<label for="([^"]+-order)">[\s\S]*id="\1"/);
    expect(html).toMatch(/<label for="([^"]+-contact)">Email address or phone number<\/label>/);
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain("{seconds}");
  });

  it("GIVEN a signed-in customer, phone lookup off and merchant pages THEN the markup says so", async () => {
    const settings = { "order-tracking": { allow_phone: false, show_items: false, returns_page: "/pages/returns", contact_page: "/pages/contact?x=1&y=2" } };
    const html = await renderBlock(block, { ...base, customerId: "42", settings }, 0);
    expect(html).toContain('data-customer="true"');
    expect(html).toContain('data-phone="false"');
    expect(html).toContain('data-items="false"');
    expect(html).toContain('type="email"');
    expect(html).toContain('data-returns="/pages/returns"');
    expect(html).toContain('data-contact="/pages/contact?x=1&amp;y=2"');
    expect(html).toContain(`<span data-k="contact_required">${storefront.en["order_tracking.errors.email_required"]}</span>`);
  });

  it.each([
    ["/", "", "/apps/support/tracking"],
    ["/fr", "", "/fr/apps/support/tracking"],
    ["/fr/", "", "/fr/apps/support/tracking"],
    ["/", "/tools/help", "/tools/help/tracking"],
    ["/fr/", "/tools/help", "/fr/tools/help/tracking"],
    ["/fr", "a/help-desk", "/fr/a/help-desk/tracking"],
  ])("GIVEN routes.root_url %s and the proxy path setting %j THEN the endpoint is %s", async (rootUrl, proxyPath, endpoint) => {
    const assigns = read("snippets/order-tracking.liquid").match(/assign proxy_path = .*\n\s*assign endpoint = .*/)![0];
    const liquid = new Liquid({ strictFilters: true });
    expect(await liquid.parseAndRender(`{% liquid\n${assigns}\necho endpoint\n%}`, { routes: { root_url: rootUrl }, proxy_path: proxyPath })).toBe(endpoint);
  });
});
