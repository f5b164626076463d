import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildStorefront, sizes } from "../../../scripts/build-storefront.mjs";

// The block scripts and stylesheets are built from storefront/src into the theme extension's
// assets/, which are committed (Shopify deploys the extension folder as it is). A change to the
// sources without `npm run build:storefront` would ship the old asset.
const built = await buildStorefront();
const scripts = built.filter((b) => b.name.endsWith(".js"));

describe("storefront build", () => {
  it("GIVEN the five blocks THEN each has a built script and stylesheet", () => {
    expect(built.map((b) => b.name).sort()).toEqual(
      ["contact", "faq", "help-launcher", "order-tracking", "returns"].flatMap((b) => [`${b}.css`, `${b}.js`]),
    );
  });

  it.each(built.map((b) => [b.name, b]))("GIVEN storefront/src THEN the committed assets/%s is exactly what it builds to (run npm run build:storefront)", (_name, b) => {
    expect(readFileSync(b.path, "utf8") === b.text).toBe(true);
  });

  it.each(scripts.map((b) => [b.name, b]))("GIVEN the built %s THEN it is one IIFE under Shopify's 10,000-byte limit, with no source map", (_name, b) => {
    expect(sizes(b.text).raw).toBeLessThanOrEqual(10_000);
    expect(b.text).toMatch(/^\/\/ Built from storefront\/src[^\n]*\n"use strict";\(\(\)=>\{/);
    expect(b.text).not.toContain("sourceMappingURL");
    expect(b.text).not.toMatch(/\bimport\b|\brequire\(/);
  });

  it.each(built.filter((b) => b.name.endsWith(".css")).map((b) => [b.name, b]))("GIVEN the built %s THEN every rule is scoped to its block's element and no nesting or @import is left", (name, b) => {
    const element = `harbor-${name.replace(".css", "")}`;
    const css = b.text.replace(/\/\*[^]*?\*\//g, "").replace(/@media[^{]*\{/g, "");
    const selectors = [...css.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => m[1]!.split(/,(?![^(]*\))/));
    expect(selectors.length).toBeGreaterThan(20);
    expect(selectors.filter((s) => !s.trim().startsWith(element))).toEqual([]);
    expect(b.text).not.toMatch(/&|@import/);
    expect(b.text).not.toContain("sourceMappingURL");
  });
});
