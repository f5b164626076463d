// Storefront strings are translated by Liquid (`| t`) into the block's <template data-strings>, one
// element per key: <span data-k="not_found">…</span>. The script only fills in {placeholders}.

export type Vars = Record<string, unknown>;
export type Translate = (key: string, vars?: Vars) => string;

/** `text` with each {name} that `vars` has replaced by its value; other braces stay as they are. */
export function format(text: string, vars?: Vars): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (vars && name in vars ? String(vars[name]) : match));
}

/** The block's strings as a `t(key, vars)` function; an unknown key gives "". */
export function readStrings(root: ParentNode): Translate {
  const strings: Record<string, string> = {};
  const template = root.querySelector<HTMLTemplateElement>("template[data-strings]");
  for (const n of template?.content.querySelectorAll<HTMLElement>("[data-k]") ?? []) strings[n.dataset.k!] = n.textContent!.trim();
  return (key, vars) => format(strings[key] ?? "", vars);
}
