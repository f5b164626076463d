// Harbor Support FAQ: <harbor-faq>. Strings and markup come translated from the block's templates.
import { showPeak } from "./core/peak";
import { call, sendEvent, withQuery } from "./core/proxy";
import { searchable, words, type Searchable } from "./core/search";
import { load, save } from "./core/storage";
import { readStrings } from "./core/strings";
import { score } from "./faq-search";

type Article = { handle: string; question: string; answerText: string; answerHtml?: string };
type Category = { handle: string; title: string; articles?: Article[] };
/** An article on the page: its data, its category, its words and its <details>. */
type Entry = Searchable & { a: Article; c: string; d: HTMLDetailsElement };

const VOTES = "harbor-support:faq-votes";
/** Answers opened on this page, each reported once. */
const seen = new Set<string>();

/** The shopper's votes on this browser: {handle: helpful}. */
function votes(): Record<string, boolean> {
  try {
    return JSON.parse(load(VOTES)!) || {};
  } catch {
    return {};
  }
}

class Faq extends HTMLElement {
  private entries?: Entry[];

  async connectedCallback() {
    if (this.entries) return;
    const entries: Entry[] = (this.entries = []);
    const d = this.dataset;
    const endpoint = d.endpoint!;
    const $ = <E extends HTMLElement = HTMLElement>(k: string) => this.querySelector<E>(`[data-${k}]`);
    const list = $("list")!;
    const count = $("count")!;
    const status = $("status")!;
    const input = $<HTMLInputElement>("search");
    const categories = $("cats");
    const peak = $("peak");
    const t = readStrings(this);
    const send = sendEvent.bind(null, endpoint);
    let category = "";
    let sent: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const article = (a: Article) => {
      const n = $<HTMLTemplateElement>("article")!.content.firstElementChild!.cloneNode(true) as HTMLDetailsElement;
      const h = a.handle;
      const id = "faq-" + h;
      const [question, answer, link, helpful, thanks] = n.querySelectorAll<HTMLElement>("[data-f]") as unknown as HTMLElement[];
      // Two FAQ blocks on a page: the second one's ids get its instance number.
      n.id = document.getElementById(id) ? id + "-" + d.instance : id;
      question!.textContent = a.question;
      question!.id = n.id + "-q";
      (link as HTMLAnchorElement).href = "#" + id;
      link!.setAttribute("aria-describedby", question!.id);
      const tpl = document.createElement("template");
      // Only HTML our server sanitised (no shopper input, no handlers).
      tpl.innerHTML = a.answerHtml || "";
      answer!.append(tpl.content);
      n.ontoggle = () => {
        if (!n.open || seen.has(h)) return;
        seen.add(h);
        send({ type: "faq_view", article: h });
      };
      const voted = () => {
        helpful!.hidden = true;
        thanks!.hidden = false;
      };
      if (helpful && Object.hasOwn(votes(), h)) voted();
      if (helpful)
        helpful.onclick = ({ target }) => {
          const value = (target as HTMLButtonElement).value;
          if (!value) return;
          save(VOTES, JSON.stringify({ ...votes(), [h]: value == "yes" }));
          send({ type: "faq_vote", article: h, helpful: value == "yes" });
          voted();
          thanks!.focus();
        };
      return n;
    };

    /** Best answers first; hides what the query or the category leaves out. A search that finds nothing is reported. */
    const filter = (typed?: boolean) => {
      const query = input?.value.trim() || "";
      const queryWords = words(query).filter((w) => w[1]);
      const ranked = entries.map((x) => [x, queryWords.length ? score(queryWords, x) : 1] as const).sort((a, b) => b[1] - a[1]);
      let shown = 0;
      for (const [x, points] of ranked) {
        list.append(x.d);
        x.d.hidden = !points || (!!category && category != x.c);
        if (!x.d.hidden) shown++;
      }
      count.textContent = shown ? t("results_" + new Intl.PluralRules(d.locale || undefined).select(shown), { count: shown }) || t("results_other", { count: shown }) : t("none");
      clearTimeout(timer);
      if (typed && !shown && query != sent) timer = setTimeout(() => send({ type: "faq_search", query: (sent = query), results: 0 }), 800);
    };

    // #faq-<handle> opens that answer.
    const go = () => {
      const x = entries.find(({ a }) => "#faq-" + encodeURIComponent(a.handle) == location.hash);
      if (!x) return;
      x.d.open = true;
      x.d.scrollIntoView({ block: "start" });
      (x.d.firstElementChild as HTMLElement).focus({ preventScroll: true });
    };

    // Not awaited: the questions never wait for the banner.
    if (peak) showPeak(peak, endpoint, d.locale);
    const { status: code, body } = await call<{ categories?: Category[] }>(withQuery(endpoint + "/faq", { locale: String(d.locale) }));
    status.textContent = "";
    if (code < 200 || code >= 300 || !body) return ($("error")!.textContent = t(code ? "unavailable" : "network"));
    const cats = (body.categories || []).filter((c) => c.articles?.length);
    for (const c of cats) for (const a of c.articles!) entries.push({ a, c: c.handle, ...searchable(a.question, a.answerText), d: list.appendChild(article(a)) });
    if (!entries.length) return (status.textContent = t("empty"));
    // "All" is the block's button, value "".
    if (categories && cats.length > 1) {
      const all = categories.firstElementChild!;
      categories.append(...cats.map((c) => Object.assign(all.cloneNode() as HTMLButtonElement, { textContent: c.title, value: c.handle, ariaPressed: "false" })));
      categories.hidden = false;
      categories.onclick = ({ target }) => {
        if (target == categories) return;
        category = (target as HTMLButtonElement).value;
        for (const o of categories.children) o.ariaPressed = String(o == target);
        filter();
      };
    }
    if (input) input.oninput = () => filter(true);
    addEventListener("hashchange", go);
    go();
    this.structuredData(entries);
  }

  /** A schema.org FAQPage for search engines, once per page. */
  private structuredData(entries: Entry[]) {
    if (document.querySelector("script[data-harbor-faq]")) return;
    const ld = document.createElement("script");
    const mainEntity = entries.map(({ a }) => ({ "@type": "Question", name: a.question, acceptedAnswer: { "@type": "Answer", text: a.answerText } }));
    ld.textContent = JSON.stringify({ "@context": "https://schema.org", "@type": "FAQPage", mainEntity });
    ld.type = "application/ld+json";
    ld.dataset.harborFaq = "";
    document.head.append(ld);
  }
}

// Guarded: the block and the Help launcher may both load this script on one page.
if (!customElements.get("harbor-faq")) customElements.define("harbor-faq", Faq);
