/**
 * The Markdown FAQ answers are written in, to HTML for the storefront and to plain text for search
 * and schema.org JSON-LD. Framework-free, no dependencies.
 *
 * Safe by construction: the source is HTML-escaped before any markup is recognised, so every tag in
 * the output is one made here, and there is no way to write raw HTML. Links keep only http(s),
 * mailto, tel and same-site (`/…`, `#…`) URLs; any other link shows its text alone.
 *
 * The subset: paragraphs (blank line), line breaks (newline), `**bold**`, `*em*` / `_em_`,
 * `` `code` ``, `[text](url)`, `-` / `*` and `1.` lists, and headings, which become h3 (`#`, `##`)
 * or h4 (`###` and deeper) so they sit under the question's own heading. Anything else is text.
 */

type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "heading"; level: 3 | 4; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: string[] };

const BLANK = /^[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:([-*])|(\d{1,9})\.)[ \t]+(.*)$/;

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  // NUL marks placeholders in `renderInline`; the HTML parser would replace it anyway.
  for (const line of markdown.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD").split("\n")) {
    if (BLANK.test(line)) {
      current = null;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: (heading[1] ?? "").length <= 2 ? 3 : 4, text: heading[2] ?? "" });
      current = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    // Only "1." starts a list inside a paragraph: "… since\n2019. We …" stays a sentence.
    const ordered = item?.[2] !== undefined;
    if (item && !(current?.kind === "paragraph" && ordered && Number(item[2]) !== 1)) {
      if (current?.kind !== "list" || current.ordered !== ordered) {
        current = { kind: "list", ordered, start: ordered ? Number(item[2]) : 1, items: [] };
        blocks.push(current);
      }
      current.items.push(item[3] ?? "");
      continue;
    }
    if (current?.kind === "list" && /^[ \t]/.test(line)) {
      current.items[current.items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    if (current?.kind !== "paragraph") {
      current = { kind: "paragraph", lines: [] };
      blocks.push(current);
    }
    current.lines.push(line.trim());
  }
  return blocks;
}

interface InlineFormat {
  text(raw: string): string;
  code(text: string): string;
  strong(inner: string): string;
  em(inner: string): string;
  link(label: string, href: string): string;
  lineBreak: string;
}

/**
 * Allowed link targets. Tested on the escaped URL, which has the same beginning as the source: the
 * prefixes contain none of the characters escaping changes. `//host` and `/\host` are other sites.
 */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|\/(?![/\\])|#)/i;

const CODE_SPAN = /`([^`]+)`/g;
const BACKSLASH_ESCAPE = /\\([\\`*_[\]()#.!-])/g;
// Link targets may hold one level of balanced parentheses (Wikipedia-style URLs), never spaces.
const LINK = /\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/g;
const STRONG_EM = /\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/g;
const STRONG = /\*\*(?=\S)([\s\S]*?\S)\*\*/g;
// A lone star only: "a ** b" is two stars in a sentence, not emphasis of "* b".
const EM_STAR = /(?<!\*)\*(?![\s*])([\s\S]*?[^\s*])\*(?!\*)/g;
// Underscores inside words ("order_id", "help_desk@…") are not emphasis.
const EM_UNDERSCORE = /(?<![\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu;
const PLACEHOLDER = /\0(\d+)\0/g;

/**
 * Each recognised piece becomes a placeholder holding its finished output, so later rules cannot
 * match across it: tags always nest properly, whatever the markers in the source.
 */
function renderInline(source: string, format: InlineFormat): string {
  const pieces: string[] = [];
  const hold = (output: string) => `\0${pieces.push(output) - 1}\0`;

  const emphasis = (text: string): string =>
    text
      .replace(STRONG_EM, (_, inner: string) => hold(format.strong(format.em(emphasis(inner)))))
      .replace(STRONG, (_, inner: string) => hold(format.strong(emphasis(inner))))
      .replace(EM_STAR, (_, inner: string) => hold(format.em(emphasis(inner))))
      .replace(EM_UNDERSCORE, (_, inner: string) => hold(format.em(emphasis(inner))));

  const marked = emphasis(
    format
      .text(source)
      .replace(/\n/g, () => hold(format.lineBreak))
      .replace(CODE_SPAN, (_, code: string) => hold(format.code(code)))
      .replace(BACKSLASH_ESCAPE, (_, char: string) => hold(char))
      .replace(LINK, (_, label: string, href: string) =>
        hold(SAFE_HREF.test(href) ? format.link(emphasis(label), href) : emphasis(label)),
      ),
  );

  const restore = (text: string): string => text.replace(PLACEHOLDER, (_, index: string) => restore(pieces[Number(index)] ?? ""));
  return restore(marked);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const HTML: InlineFormat = {
  text: escapeHtml,
  code: (text) => `<code>${text}</code>`,
  strong: (inner) => `<strong>${inner}</strong>`,
  em: (inner) => `<em>${inner}</em>`,
  // No target: the shopper's browser decides; noopener still guards against a changed default.
  link: (label, href) => `<a href="${href}" rel="noopener">${label}</a>`,
  lineBreak: "<br>\n",
};

const TEXT: InlineFormat = {
  text: (raw) => raw,
  code: (text) => text,
  strong: (inner) => inner,
  em: (inner) => inner,
  link: (label) => label,
  lineBreak: "\n",
};

/** Safe HTML for the storefront: block elements separated by newlines. */
export function markdownToHtml(markdown: string): string {
  return parseBlocks(markdown)
    .map((block) => {
      switch (block.kind) {
        case "paragraph":
          return `<p>${renderInline(block.lines.join("\n"), HTML)}</p>`;
        case "heading":
          return `<h${block.level}>${renderInline(block.text, HTML)}</h${block.level}>`;
        case "list": {
          const tag = block.ordered ? "ol" : "ul";
          const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : "";
          const items = block.items.map((item) => `<li>${renderInline(item, HTML)}</li>`).join("");
          return `<${tag}${start}>${items}</${tag}>`;
        }
      }
    })
    .join("\n");
}

/**
 * The words without markup, for search and JSON-LD: blocks separated by blank lines, one list item
 * per line, links reduced to their text. Not escaped: whoever embeds it in HTML escapes it there.
 */
export function markdownToText(markdown: string): string {
  return parseBlocks(markdown)
    .map((block) => {
      switch (block.kind) {
        case "paragraph":
          return renderInline(block.lines.join("\n"), TEXT);
        case "heading":
          return renderInline(block.text, TEXT);
        case "list":
          return block.items
            .map((item, index) => `${block.ordered ? `${block.start + index}.` : "-"} ${renderInline(item, TEXT)}`)
            .join("\n");
      }
    })
    .join("\n\n");
}
