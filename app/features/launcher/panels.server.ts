import { Liquid, Tag, type TagToken, type TopLevelToken } from "liquidjs";
import { z } from "zod";

/**
 * The Help launcher's panels, rendered on demand: the launcher (app embed) ships only its button and
 * menu with every page, and fetches a panel's markup from here the first time the shopper opens it.
 * The markup is the theme extension's own snippets (bundled into the build), rendered with the
 * extension's translations exactly as the launcher used to render them in the theme, so a block on a
 * page and a panel in the launcher stay one source.
 */

const SNIPPETS = import.meta.glob("../../../extensions/harbor-support-theme/snippets/*.liquid", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const LOCALES = import.meta.glob("../../../extensions/harbor-support-theme/locales/*.json", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

const fileName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const templates = Object.fromEntries(Object.entries(SNIPPETS).map(([path, source]) => [fileName(path), source]));
const translations = Object.fromEntries(
  Object.entries(LOCALES)
    .filter(([path]) => !path.includes(".schema."))
    .map(([path, text]) => [fileName(path).split(".")[0]!, JSON.parse(text) as Record<string, unknown>]),
);

/** Each piece as the launcher block renders it (help-launcher.liquid used to, inside <template>s). */
const PIECES = {
  tracking: "{% render 'order-tracking', block_id: 'launcher', proxy_path: proxy_path, show_items: true, show_events: true, allow_phone: true %}",
  returns: "{% render 'returns', block_id: 'launcher', proxy_path: proxy_path %}",
  // The menu view already shows the peak-season banner.
  faq: "{% render 'faq', block_id: 'launcher', proxy_path: proxy_path, show_search: true, show_categories: true, show_helpful: true, show_peak_banner: false %}",
  // The signed-in customer's name and email are filled in by the launcher's script, from the page.
  contact:
    "{% render 'contact', block_id: 'launcher', proxy_path: proxy_path, faq_suggestions: true, allow_attachment: true, show_promise: true, root_url: routes.root_url, locale: request.locale.iso_code %}",
} as const;

export const PanelQuerySchema = z.object({
  piece: z.enum(Object.keys(PIECES) as [keyof typeof PIECES, ...(keyof typeof PIECES)[]]),
  locale: z.string().trim().toLowerCase().max(16).catch("en"),
  // routes.root_url: "/" or a locale prefix such as "/fr".
  root: z.string().regex(/^\/[a-z-]{0,16}\/?$/i).catch("/"),
});
/** `proxyPath`: the app proxy path this request came through (Shopify's signed `path_prefix`). */
export type PanelQuery = z.infer<typeof PanelQuerySchema> & { signedIn: boolean; currency: string; proxyPath: string };

function lookup(strings: Record<string, unknown> | undefined, key: string): string | undefined {
  let node: unknown = strings;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `{% doc %}…{% enddoc %}`: documentation for theme tools, never output. */
class DocTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    while (remain.length) if ((remain.shift() as TagToken).name === "enddoc") return;
    throw new Error("{% doc %} without {% enddoc %}");
  }
  *render() {}
}

function engineFor(locale: string): Liquid {
  const strings = translations[locale.split("-")[0]!] ?? translations.en;
  const engine = new Liquid({ templates, extname: ".liquid", strictFilters: true, ownPropertyOnly: true });
  engine.registerTag("doc", DocTag);
  // Shopify's `t`: the key in the shopper's language (English when missing), {{ name }} filled in,
  // escaped for HTML unless the key ends in _html.
  engine.registerFilter("t", (key: string, ...args: unknown[]) => {
    const template = lookup(strings, key) ?? lookup(translations.en, key) ?? key;
    const vars = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    const text = template.replace(/{{\s*(\w+)\s*}}/g, (_m, name: string) => String(vars[name] ?? ""));
    return key.endsWith("_html") ? text : escapeHtml(text);
  });
  return engine;
}

const engines = new Map<string, Liquid>();
const rendered = new Map<string, string>();

/** The piece's markup; the same query always renders the same, so it is kept (a few variants per shop). */
export async function renderPanel(query: PanelQuery): Promise<string> {
  const key = JSON.stringify(query);
  const kept = rendered.get(key);
  if (kept !== undefined) return kept;
  const language = query.locale.split("-")[0]!;
  const engine = engines.get(language) ?? engineFor(language);
  engines.set(language, engine);
  const html = await engine.parseAndRender(PIECES[query.piece], {}, {
    globals: {
      shop: { currency: query.currency },
      customer: query.signedIn ? { signed_in: true } : null,
      request: { locale: { iso_code: query.locale } },
      routes: { root_url: query.root },
      proxy_path: query.proxyPath,
    },
  });
  if (rendered.size > 200) rendered.clear();
  rendered.set(key, html);
  return html;
}
