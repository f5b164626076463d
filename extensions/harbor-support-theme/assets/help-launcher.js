// Harbor Support help launcher: a floating button and a panel of help pieces. A piece's markup,
// stylesheet and script come in only when the shopper first opens it.
(() => {
if (customElements.get("harbor-help-launcher")) return;
const ID = "harbor-support:visitor", mem = {}, uuid = () => crypto.randomUUID?.() || Math.random().toString(36).slice(2);
// If localStorage throws, the id lives for this page view.
const visitor = () => { try { return (localStorage[ID] ||= uuid()); } catch { return (mem[ID] ||= uuid()); } };
// Adds a <link> or <script> to <head> unless the page already has that URL (a block of the same piece).
const load = (tag, url, attrs) => {
  const href = new URL(url, document.baseURI).href;
  if (![...document.querySelectorAll(tag)].some((n) => (n.href || n.src) == href)) document.head.append(Object.assign(document.createElement(tag), attrs));
};
let announced;

customElements.define("harbor-help-launcher", class extends HTMLElement {
connectedCallback() {
  if (this.btn) return;
  const $ = (k) => this.querySelector(`[data-${k}]`);
  [this.btn, this.panel, this.heading, this.back, this.menu, this.body, this.peak] = ["toggle", "panel", "title", "back", "menu", "body", "peak"].map($);
  this.home = this.heading.textContent;
  this.btn.onclick = () => this.toggle(this.panel.hidden);
  $("close").onclick = () => this.toggle(false);
  this.back.onclick = () => this.show();
  this.menu.onclick = (e) => {
    const b = e.target.closest("[data-open]");
    if (b) this.show(b);
  };
  this.addEventListener("keydown", (e) => {
    if (e.key != "Escape" || this.panel.hidden) return;
    e.stopPropagation();
    this.toggle(false);
  });
  // A link to an answer (#faq-<handle>) on a page without the FAQ block opens it here.
  const faq = this.menu.querySelector('[data-open="faq"]');
  if (faq && location.hash.startsWith("#faq-") && !document.querySelector("harbor-faq")) {
    this.toggle(true);
    this.show(faq);
  }
}

toggle(open) {
  this.panel.hidden = !open;
  this.btn.setAttribute("aria-expanded", open);
  if (!open) return this.btn.focus();
  (this.from ? this.heading : this.menu.querySelector("button")).focus();
  if (this.peak) this.season();
  if (announced) return;
  announced = true;
  fetch(this.dataset.endpoint + "/events", {
    method: "POST",
    keepalive: true,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ type: "launcher_open", visitor: visitor() }),
  }).catch(() => {});
}

// Peak banner, on first open; no season or a failure throws before it shows. Cut-offs are days: UTC.
season() {
  const b = this.peak, d = this.dataset;
  this.peak = null;
  fetch(d.endpoint + "/policy?locale=" + encodeURIComponent(d.locale)).then((r) => r.json()).then(({ shipping: { peak: p } }) => {
    const day = new Intl.DateTimeFormat(d.locale || undefined, { month: "long", day: "numeric", timeZone: "UTC" }), [m, ul] = b.children;
    m.textContent = p.message;
    for (const c of p.cutoffs) ul.appendChild(document.createElement("li")).textContent = b.dataset.by.replace("{date}", day.format(new Date(c.date))).replace("{label}", () => c.label);
    b.hidden = false;
  }).catch(() => {});
}

// Shows the piece a menu button names, or the menu again when there is none.
show(b) {
  const name = b && b.dataset.open;
  let piece = name && this.body.querySelector(`[data-piece="${name}"]`);
  if (name && !piece) {
    const t = this.querySelector(`template[data-piece="${name}"]`), d = t.dataset;
    piece = document.createElement("div");
    piece.dataset.piece = name;
    piece.append(document.importNode(t.content, true));
    this.body.append(piece);
    // The markup is in place first, so the script upgrades it as soon as it runs.
    if (d.css) load("link", d.css, { rel: "stylesheet", href: d.css });
    if (d.js) load("script", d.js, { src: d.js, defer: true });
  }
  for (const p of this.body.children) p.hidden = p != piece;
  this.menu.hidden = !!name;
  this.back.hidden = !name;
  this.heading.textContent = name ? b.textContent : this.home;
  if (name) {
    this.from = b;
    return this.heading.focus();
  }
  this.from.focus();
  this.from = null;
}
});
})();
