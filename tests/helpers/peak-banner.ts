import { vi } from "vitest";
import { showPeak } from "../../storefront/src/core/peak";

/**
 * The blocks' peak-season banner (the storefront core's showPeak, as the FAQ block and the Help
 * launcher call it), run against a stand-in banner (a message and a list) with `fetch` answering
 * `reply`: it needs no more of the DOM than that.
 */
export async function peakBanner(reply: () => Promise<unknown>, { endpoint, locale, pattern }: { endpoint: string; locale: string; pattern: string }) {
  const message = { textContent: "" };
  const items: { textContent: string }[] = [];
  const list = { appendChild: (li: { textContent: string }) => (items.push(li), li) };
  const banner = { hidden: true, children: [message, list], dataset: { by: pattern } };
  const requested: string[] = [];
  vi.stubGlobal("fetch", (url: string) => (requested.push(url), reply()));
  vi.stubGlobal("document", { createElement: () => ({ textContent: "" }) });
  try {
    await showPeak(banner as unknown as HTMLElement, endpoint, locale);
  } finally {
    vi.unstubAllGlobals();
  }
  return { hidden: banner.hidden, message: message.textContent, items: items.map((i) => i.textContent), requested };
}
