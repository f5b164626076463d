import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { blockAssetTags, loadBlocks, renderBlock, type RenderOptions } from "../../../simulator/storefront";

const extensionsDir = fileURLToPath(new URL("../../fixtures/extensions", import.meta.url));
const base: RenderOptions = {
  extensionsDir,
  shop: { name: "Harbor Demo Outfitters", domain: "harbor-demo.myshopify.com", currency: "CAD" },
  locale: "en",
  assetBase: "/extensions",
};
const [block] = loadBlocks(extensionsDir);

describe("simulated storefront: theme block rendering", () => {
  it("GIVEN an extension folder THEN its blocks are found with their schema", () => {
    expect(block).toMatchObject({ extension: "sample-theme", handle: "greeting", schema: { name: "Greeting", target: "section" } });
  });

  it("GIVEN no merchant settings THEN the schema defaults apply and the schema itself is not shown", async () => {
    const html = await renderBlock(block!, base, 0);
    expect(html).toContain("<h2>Need help?</h2>");
    expect(html).not.toContain("class=\"note\"");
    expect(html).not.toContain("endschema");
    expect(html).not.toContain('"settings"');
  });

  it("GIVEN merchant settings THEN they override the defaults", async () => {
    const html = await renderBlock(block!, { ...base, settings: { greeting: { heading: "Questions?", show_note: true } } }, 0);
    expect(html).toContain("<h2>Questions?</h2>");
    expect(html).toContain("We answer within a day.");
  });

  it("GIVEN the t filter with a variable THEN the locale's string is interpolated", async () => {
    expect(await renderBlock(block!, base, 0)).toContain("Welcome to Harbor Demo Outfitters");
  });

  it("GIVEN French THEN French strings are used, and English fills a missing key", async () => {
    const html = await renderBlock(block!, { ...base, locale: "fr", settings: { greeting: { show_note: true } } }, 0);
    expect(html).toContain("Bienvenue chez Harbor Demo Outfitters");
    expect(html).toContain("We answer within a day.");
  });

  it("GIVEN a translation with markup in its variables THEN it is HTML-escaped, as Shopify escapes t", async () => {
    const html = await renderBlock(block!, { ...base, shop: { ...base.shop, name: "Fish & <Chips>" } }, 0);
    expect(html).toContain("Welcome to Fish &#38; &#60;Chips&#62;");
  });

  it("GIVEN asset_url THEN the URL points at the extension's assets", async () => {
    expect(await renderBlock(block!, base, 0)).toContain('src="/extensions/sample-theme/assets/logo.svg"');
  });

  it("GIVEN a block's schema javascript and stylesheet THEN the page gets a deferred script and a stylesheet once", () => {
    const tags = blockAssetTags([block!, block!], "/extensions");
    expect(tags.match(/<script/g)).toHaveLength(1);
    expect(tags).toContain('<script src="/extensions/sample-theme/assets/greeting.js" defer></script>');
    expect(tags).toContain('<link rel="stylesheet" href="/extensions/sample-theme/assets/greeting.css">');
  });

  it("GIVEN an unknown filter in a block THEN rendering fails instead of printing nothing", async () => {
    const broken = { ...block!, source: "{{ 'x' | no_such_filter }}" };
    await expect(renderBlock(broken, base, 0)).rejects.toThrow(/no_such_filter/);
  });
});
