// The peak-season banner the FAQ block and the Help launcher show above their content.
import { withQuery } from "./proxy";

type Peak = { message: string; cutoffs: { label: string; date: string }[] };

/**
 * Fills and shows `banner` (a message element, then a list; data-by is the order-by line with {label}
 * and {date}) from the shop's /policy. Not awaited by callers: no season, a failure or a date that is
 * no date throws before the banner shows, and it stays hidden. Cut-offs are days, so they read in UTC.
 */
export function showPeak(banner: HTMLElement, endpoint: string, locale: string | undefined): Promise<void> {
  return fetch(withQuery(endpoint + "/policy", { locale: String(locale) }))
    .then((r) => r.json())
    .then(({ shipping: { peak } }: { shipping: { peak: Peak } }) => {
      const day = new Intl.DateTimeFormat(locale || undefined, { month: "long", day: "numeric", timeZone: "UTC" });
      const [message, list] = banner.children as unknown as [HTMLElement, HTMLElement];
      message.textContent = peak.message;
      for (const c of peak.cutoffs) {
        // A function replacement, so a label's "$&" stays as typed.
        list.appendChild(document.createElement("li")).textContent = banner.dataset.by!.replace("{date}", day.format(new Date(c.date))).replace("{label}", () => c.label);
      }
      banner.hidden = false;
    })
    .catch(() => {});
}
