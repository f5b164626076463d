// Small DOM helpers the blocks share. Server data only ever becomes text nodes or attributes.

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Kid = Node | string | false | null | undefined | 0;

/**
 * el("p", {attrs}?, ...kids): an element whose kids become text nodes, so server data never reaches
 * the HTML parser. Falsy kids and attributes (null, undefined, false) are left out.
 */
export function el(tag: string, attrs?: Attrs | Kid, ...kids: Kid[]): HTMLElement {
  const n = document.createElement(tag);
  if (attrs && attrs.constructor === Object) {
    for (const [k, v] of Object.entries(attrs as Attrs)) if (v != null && v !== false) n.setAttribute(k, String(v));
  } else kids.unshift(attrs as Kid);
  n.append(...(kids.filter(Boolean) as (Node | string)[]));
  return n;
}

/** Runs `handler` instead of the browser's submit (the block sends the form itself). */
export function onSubmit(form: HTMLFormElement, handler: () => void): void {
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    handler();
  });
}

/** Disables a submit button while its request runs, and says so to assistive technology. */
export function setBusy(button: HTMLButtonElement, on: boolean): void {
  button.disabled = on;
  button.setAttribute("aria-busy", String(on));
}

/**
 * Removes query parameters from the address bar without a reload, so a token or contact details a
 * link carried stay out of history and referrers.
 */
export function dropFromAddress(params: URLSearchParams, ...names: string[]): void {
  for (const name of names) params.delete(name);
  const query = params.toString();
  history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
}

/** Focuses the first of `candidates` that is an element (the first invalid field, say); returns it. */
export function focusFirst(...candidates: (HTMLElement | null | undefined | false | "" | 0)[]): HTMLElement | undefined {
  const first = candidates.find(Boolean) as HTMLElement | undefined;
  first?.focus();
  return first;
}
