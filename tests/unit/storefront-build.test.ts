import { describe, expect, it } from "vitest";
import { buildStorefront, sizes } from "../../scripts/build-storefront.mjs";
import { readFileSync } from "node:fs";

// The block scripts are built from storefront/src into the theme extension's assets/, which are
// committed (Shopify deploys the extension folder as it is). A change to the TypeScript without
// `npm run build:storefront` would ship the old script.
const built = await buildStorefront();

describe("storefront build", () => {
  it.each(built.map((b) => [b.block, b]))("GIVEN storefront/src THEN the committed assets/%s.js is exactly what it builds to (run npm run build:storefront)", (_block, b) => {
    expect(readFileSync(b.path, "utf8") === b.text).toBe(true);
  });

  it.each(built.map((b) => [b.block, b]))("GIVEN the built %s.js THEN it is one IIFE under Shopify's 10,000-byte limit, with no source map", (_block, b) => {
    expect(sizes(b.text).raw).toBeLessThanOrEqual(10_000);
    expect(b.text).toMatch(/^\/\/ Built from storefront\/src[^\n]*\n"use strict";\(\(\)=>\{/);
    expect(b.text).not.toContain("sourceMappingURL");
    expect(b.text).not.toMatch(/\bimport\b|\brequire\(/);
  });
});
