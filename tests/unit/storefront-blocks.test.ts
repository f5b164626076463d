import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STOREFRONT_BLOCKS, themeEditorUrl } from "../../app/storefront-blocks";

describe("blocks offered on the admin home", () => {
  it.each(STOREFRONT_BLOCKS.map((b) => [b.handle]))("GIVEN %s THEN the theme extension has that block", (handle) => {
    expect(existsSync(new URL(`../../extensions/harbor-support-theme/blocks/${handle}.liquid`, import.meta.url))).toBe(true);
  });

  it("GIVEN a block THEN the theme editor link adds it by api key and handle", () => {
    const url = new URL(themeEditorUrl("a.myshopify.com", "key123", STOREFRONT_BLOCKS[0]!));
    expect(url.origin + url.pathname).toBe("https://a.myshopify.com/admin/themes/current/editor");
    expect(url.searchParams.get("addAppBlockId")).toBe(`key123/${STOREFRONT_BLOCKS[0]!.handle}`);
  });
});
