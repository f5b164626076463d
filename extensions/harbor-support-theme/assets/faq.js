// Harbor Support FAQ. Strings and markup come translated from the block's templates.
(() => {
if (customElements.get("harbor-faq")) return;
const ID = "harbor-support:visitor", VOTES = "harbor-support:faq-votes", mem = {}, seen = new Set();
// If localStorage throws, values live in mem.
const get = (k) => { try { return localStorage[k] ?? mem[k]; } catch { return mem[k]; } };
const set = (k, v) => { try { localStorage[k] = v; } catch { mem[k] = v; } };
const votes = () => { try { return JSON.parse(get(VOTES)) || {}; } catch { return {}; } };
const visitor = () => get(ID) || (set(ID, crypto.randomUUID?.() || Math.random().toString(36).slice(2)), get(ID));
// A word matches equal, as prefix (3+ letters) or with 1 typo (4-7 letters) or 2 (8+).
const words = (s) => [...new Set((s || "").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
const near = (q, w, k = q.length > 7 ? 2 : q.length > 3 ? 1 : 0) => {
  if (q == w || (q.length > 2 && w.startsWith(q))) return 1;
  if (!k || Math.abs(q.length - w.length) > k) return 0;
  let p = [...Array(w.length + 1).keys()]; // edit distance, row by row
  for (const x of q) p = [...w].reduce((c, y, j) => [...c, Math.min(p[j + 1] + 1, c[j] + 1, p[j] + (x != y))], [p[0] + 1]);
  return p[w.length] <= k;
};
// A question hit weighs 3, an answer hit 1; half the words must hit.
const score = (qs, x) => {
  const v = qs.map((q) => (x.q.some((w) => near(q, w)) ? 3 : x.t.some((w) => near(q, w)) ? 1 : 0));
  return v.filter(Boolean).length * 2 >= qs.length ? v.reduce((a, b) => a + b) : 0;
};

customElements.define("harbor-faq", class extends HTMLElement {
async connectedCallback() {
  if (this.arts) return;
  const d = this.dataset, arts = (this.arts = []), s = {}, $ = (k) => this.querySelector(`[data-${k}]`), lang = d.locale || undefined;
  const [list, count, st, err, input, box, pk] = ["list", "count", "status", "error", "search", "cats", "peak"].map($);
  let cat = "", sent, timer, res, body;
  for (const n of $("strings").content.children) s[n.dataset.k] = n.textContent;
  const t = (k, n) => (s[k] || "").replace("{count}", n);
  const api = (u) => fetch(d.endpoint + u + "?locale=" + encodeURIComponent(d.locale)), send = (b) => fetch(d.endpoint + "/events", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ...b, visitor: visitor() }) }).catch(() => {});

  const article = (a) => {
    const n = $("article").content.firstElementChild.cloneNode(true), h = a.handle, id = "faq-" + h, tpl = document.createElement("template");
    const [q, answer, link, help, thanks] = n.querySelectorAll("[data-f]");
    n.id = document.getElementById(id) ? id + "-" + d.instance : id;
    [q.textContent, q.id, link.href] = [a.question, n.id + "-q", "#" + id];
    link.setAttribute("aria-describedby", q.id);
    // Only HTML our server sanitised (no shopper input, no handlers).
    tpl.innerHTML = a.answerHtml || "";
    answer.append(tpl.content);
    n.ontoggle = () => {
      if (!n.open || seen.has(h)) return;
      seen.add(h);
      send({ type: "faq_view", article: h });
    };
    const done = () => ([help.hidden, thanks.hidden] = [true, false]);
    if (help && Object.hasOwn(votes(), h)) done();
    if (help) help.onclick = ({ target: { value } }) => {
      if (!value) return;
      set(VOTES, JSON.stringify({ ...votes(), [h]: value == "yes" }));
      send({ type: "faq_vote", article: h, helpful: value == "yes" });
      done();
      thanks.focus();
    };
    return n;
  };

  const filter = (typed) => {
    const query = input?.value.trim() || "", qs = words(query).filter((w) => w[1]);
    const ranked = arts.map((x) => [x, qs.length ? score(qs, x) : 1]).sort((a, b) => b[1] - a[1]);
    let n = 0;
    // Best answers first.
    for (const [x, v] of ranked) {
      list.append(x.d);
      n += !(x.d.hidden = !v || (cat && cat != x.c));
    }
    count.textContent = n ? t("results_" + new Intl.PluralRules(lang).select(n), n) || t("results_other", n) : t("none");
    clearTimeout(timer);
    if (typed && !n && query != sent) timer = setTimeout(() => send({ type: "faq_search", query: (sent = query), results: 0 }), 800);
  };

  // #faq-<handle> opens that answer.
  const go = () => {
    const x = arts.find(({ a }) => "#faq-" + encodeURIComponent(a.handle) == location.hash);
    if (!x) return;
    x.d.open = true;
    x.d.scrollIntoView({ block: "start" });
    x.d.firstElementChild.focus({ preventScroll: true });
  };

  // Not awaited; no season or a failure throws before it shows. Cut-offs are days: UTC.
  if (pk) api("/policy").then((r) => r.json()).then(({ shipping: { peak: p } }) => {
    const day = new Intl.DateTimeFormat(lang, { month: "long", day: "numeric", timeZone: "UTC" }), [m, ul] = pk.children;
    m.textContent = p.message;
    for (const c of p.cutoffs) ul.appendChild(document.createElement("li")).textContent = pk.dataset.by.replace("{date}", day.format(new Date(c.date))).replace("{label}", () => c.label);
    pk.hidden = false;
  }).catch(() => {});
  try {
    res = await api("/faq");
    body = res.ok && (await res.json());
  } catch {
    // said below
  }
  st.textContent = "";
  if (!body) return (err.textContent = t(res ? "unavailable" : "network"));
  const cats = (body.categories || []).filter((c) => c.articles?.length);
  for (const c of cats) for (const a of c.articles) arts.push({ a, c: c.handle, q: words(a.question), t: words(a.answerText), d: list.appendChild(article(a)) });
  if (!arts.length) return (st.textContent = t("empty"));
  // "All" is the block's button, value "".
  if (box && cats.length > 1) {
    box.append(...cats.map((c) => Object.assign(box.firstElementChild.cloneNode(), { textContent: c.title, value: c.handle, ariaPressed: false })));
    box.hidden = false;
    box.onclick = ({ target: b }) => {
      if (b == box) return;
      cat = b.value;
      for (const o of box.children) o.ariaPressed = o == b;
      filter();
    };
  }
  if (input) input.oninput = () => filter(1);
  addEventListener("hashchange", go);
  go();
  // Structured data, once per page.
  if (document.querySelector("script[data-harbor-faq]")) return;
  const ld = document.createElement("script");
  ld.textContent = JSON.stringify({ "@context": "https://schema.org", "@type": "FAQPage", mainEntity: arts.map(({ a }) =>
    ({ "@type": "Question", name: a.question, acceptedAnswer: { "@type": "Answer", text: a.answerText } })) });
  ld.type = "application/ld+json";
  ld.dataset.harborFaq = "";
  document.head.append(ld);
}
});
})();
