import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STOREFRONT_BLOCKS, themeEditorUrl } from "../../../app/storefront-blocks";

const schemaTarget = (handle: string) => {
  const liquid = readFileSync(new URL(`../../../extensions/harbor-support-theme/blocks/${handle}.liquid`, import.meta.url), "utf8");
  return (JSON.parse(liquid.match(/\{% schema %\}([\s\S]*?)\{% endschema %\}/)![1]!) as { target: string }).target;
};

describe("blocks offered on the admin home", () => {
  it.each(STOREFRONT_BLOCKS.map((b) => [b.handle, b.kind]))("GIVEN %s THEN the theme extension has it, as an app %s", (handle, kind) => {
    expect(schemaTarget(handle)).toBe(kind === "embed" ? "body" : "section");
  });

  it("GIVEN a block THEN the theme editor link adds it by api key and handle", () => {
    const url = new URL(themeEditorUrl("a.myshopify.com", "key123", STOREFRONT_BLOCKS[0]!));
    expect(url.origin + url.pathname).toBe("https://a.myshopify.com/admin/themes/current/editor");
    expect(url.searchParams.get("addAppBlockId")).toBe(`key123/${STOREFRONT_BLOCKS[0]!.handle}`);
  });

  it("GIVEN the launcher THEN the link opens the App embeds panel with it switched on", () => {
    const launcher = STOREFRONT_BLOCKS.find((b) => b.kind === "embed")!;
    const url = new URL(themeEditorUrl("a.myshopify.com", "key123", launcher));
    expect(url.searchParams.get("context")).toBe("apps");
    expect(url.searchParams.get("activateAppId")).toBe("key123/help-launcher");
    expect(url.searchParams.has("addAppBlockId")).toBe(false);
  });
});
