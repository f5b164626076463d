import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Liquid, Tag, type TagToken, type TopLevelToken, type Context, type Emitter } from "liquidjs";

/**
 * Renders the theme app extension's blocks the way a theme would place them: Liquid with Shopify's
 * `t` and `asset_url` filters, `{% render %}` of the extension's snippets, each block's settings
 * (schema defaults, overridable), app embeds (target "body") at the end of the page, and the
 * block's schema `javascript`/`stylesheet` added as Shopify adds them (deferred script, stylesheet).
 */

export type BlockSetting = { id: string; type: string; default?: unknown };
export type BlockSchema = {
  name: string;
  target: string;
  javascript?: string;
  stylesheet?: string;
  settings?: BlockSetting[];
};
export type Block = { extension: string; handle: string; source: string; schema: BlockSchema };

const SCHEMA_RE = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

export function loadBlocks(extensionsDir: string): Block[] {
  if (!existsSync(extensionsDir)) return [];
  const blocks: Block[] = [];
  for (const extension of readdirSync(extensionsDir).sort()) {
    const dir = join(extensionsDir, extension, "blocks");
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".liquid")) continue;
      const source = readFileSync(join(dir, file), "utf8");
      const schemaJson = source.match(SCHEMA_RE)?.[1];
      if (!schemaJson) throw new Error(`${extension}/blocks/${file} has no {% schema %}`);
      blocks.push({ extension, handle: file.replace(/\.liquid$/, ""), source, schema: JSON.parse(schemaJson) });
    }
  }
  return blocks;
}

function loadLocale(extensionsDir: string, extension: string, locale: string): Record<string, unknown> {
  const dir = join(extensionsDir, extension, "locales");
  const candidates = [`${locale}.json`, `${locale}.default.json`, "en.default.json"];
  for (const name of candidates) {
    const path = join(dir, name);
    if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8"));
  }
  return {};
}

function lookup(strings: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = strings;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type RenderOptions = {
  extensionsDir: string;
  shop: { name: string; domain: string; currency: string };
  locale: string;
  customerId?: string;
  /** Per block handle, settings that override the schema defaults (what a merchant set in the editor). */
  settings?: Record<string, Record<string, unknown>>;
  assetBase: string;
};

/** A block tag whose body is metadata for Shopify's tools ({% schema %}, {% doc %}): parsed, never shown. */
function silentBlock(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      while (remain.length) {
        const next = remain.shift() as TagToken;
        if (next.name === `end${name}`) return;
      }
      throw new Error(`{% ${name} %} without {% end${name} %}`);
    }
    *render(_ctx: Context, _emitter: Emitter) {}
  };
}

export async function renderBlock(block: Block, options: RenderOptions, index: number): Promise<string> {
  // `{% render 'x' %}` reads snippets/x.liquid of the block's own extension, as Shopify does.
  const engine = new Liquid({
    strictFilters: true,
    ownPropertyOnly: true,
    partials: [join(options.extensionsDir, block.extension, "snippets")],
    extname: ".liquid",
  });
  const fallback = loadLocale(options.extensionsDir, block.extension, "en");
  const strings = loadLocale(options.extensionsDir, block.extension, options.locale);
  engine.registerTag("schema", silentBlock("schema"));
  engine.registerTag("doc", silentBlock("doc"));
  engine.registerFilter("t", (key: string, ...args: unknown[]) => {
    const template = lookup(strings, key) ?? lookup(fallback, key);
    if (template === undefined) return `translation missing: ${options.locale}.${key}`;
    const vars = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    const text = template.replace(/{{\s*(\w+)\s*}}/g, (_m, name: string) => String(vars[name] ?? ""));
    // Shopify escapes translations for HTML unless the key ends in _html.
    return key.endsWith("_html") ? text : escapeHtml(text);
  });
  engine.registerFilter("asset_url", (file: string) => `${options.assetBase}/${block.extension}/assets/${file}`);
  engine.registerFilter("json", (value: unknown) => JSON.stringify(value));

  const defaults = Object.fromEntries(
    (block.schema.settings ?? []).filter((s) => s.default !== undefined).map((s) => [s.id, s.default]),
  );
  const settings = { ...defaults, ...options.settings?.[block.handle] };
  const blockId = `${block.handle}-${index}`;
  // Globals stay visible inside a rendered snippet; `block` and the block's own assigns do not,
  // so a snippet sees only what the block passes it, as on Shopify.
  const globals = {
    shop: { name: options.shop.name, permanent_domain: options.shop.domain, currency: options.shop.currency },
    customer: options.customerId ? { id: Number(options.customerId) } : null,
    request: { locale: { iso_code: options.locale } },
    routes: { root_url: "/" },
  };
  const html = await engine.parseAndRender(
    block.source,
    { block: { id: blockId, type: `shopify://apps/harbor-support/blocks/${block.handle}`, settings, shopify_attributes: "" } },
    { globals },
  );
  return `<div id="shopify-block-${blockId}" class="shopify-app-block">${html}</div>`;
}

/** An app embed: Shopify injects it into every page (once the merchant turns it on) instead of a section. */
export function isAppEmbed(block: Block): boolean {
  return block.schema.target === "body";
}

/**
 * Every block of the help page: app blocks for the main column, in order, and app embeds for the end
 * of <body>, each with its schema defaults unless `options.settings` overrides them.
 */
export async function renderPageBlocks(blocks: Block[], options: RenderOptions): Promise<{ main: string[]; bodyEnd: string[] }> {
  const rendered = await Promise.all(blocks.map((block, i) => renderBlock(block, options, i)));
  return {
    main: rendered.filter((_html, i) => blocks[i]!.schema.target === "section"),
    bodyEnd: rendered.filter((_html, i) => isAppEmbed(blocks[i]!)),
  };
}

/** The <head> tags Shopify adds for the blocks on a page: each asset once. */
export function blockAssetTags(blocks: Block[], assetBase: string): string {
  const tags = new Set<string>();
  for (const block of blocks) {
    const base = `${assetBase}/${block.extension}/assets`;
    if (block.schema.stylesheet) tags.add(`<link rel="stylesheet" href="${base}/${block.schema.stylesheet}">`);
    if (block.schema.javascript) tags.add(`<script src="${base}/${block.schema.javascript}" defer></script>`);
  }
  return [...tags].join("\n");
}
