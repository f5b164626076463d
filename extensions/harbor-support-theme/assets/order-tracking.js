// Harbor Support order tracking. All strings come translated from the block's <template data-strings>.
(() => {
if (customElements.get("harbor-order-tracking")) return;
// The anonymous id every Harbor block shares, so the dashboard can tell self-service from tickets.
const visitor = () => {
  try {
    let v = localStorage.getItem("harbor-support:visitor");
    if (!v) localStorage.setItem("harbor-support:visitor", (v = crypto.randomUUID()));
    return v;
  } catch {
    return "";
  }
};
// el("p", {attrs}?, ...kids): kids become text nodes, so server data never reaches the HTML parser.
const el = (tag, a, ...kids) => {
  const n = document.createElement(tag);
  if (a && a.constructor === Object) {
    for (const k in a) if (a[k] != null && a[k] !== false) n.setAttribute(k, a[k]);
  } else kids.unshift(a);
  n.append(...kids.filter(Boolean));
  return n;
};
const add = (url, k, v) => url + (url.includes("?") ? "&" : "?") + k + "=" + encodeURIComponent(v);
const fmt = (loc, o) => { try { return new Intl.DateTimeFormat(loc, o); } catch { return new Intl.DateTimeFormat(undefined, o); } };
const req = { credentials: "same-origin", headers: { Accept: "application/json", "Content-Type": "application/json" } };

customElements.define("harbor-order-tracking", class extends HTMLElement {
connectedCallback() {
  if (this.form) return;
  const d = this.dataset, f = (this.form = this.querySelector("form"));
  [this.ord, this.con, this.btn] = [f.elements.order, f.elements.contact, f.querySelector("button")];
  this.alert = this.querySelector("[data-error]");
  this.out = this.querySelector("[data-results]");
  this.s = {};
  for (const n of this.querySelector("template").content.querySelectorAll("[data-k]")) this.s[n.dataset.k] = n.textContent.trim();
  this.day = fmt(d.locale, { dateStyle: "medium" });
  this.time = fmt(d.locale, { dateStyle: "medium", timeStyle: "short" });
  f.addEventListener("submit", (e) => { e.preventDefault(); this.lookup(); });
  // Links may carry ?order=...&email=... (or phone=): look up at once, then drop the contact
  // details from the address bar so they stay out of history and referrers.
  const q = new URLSearchParams(location.search), c = q.get("email") || q.get("phone") || q.get("contact");
  if (q.get("order") && c) {
    this.ord.value = q.get("order");
    this.con.value = c;
    ["email", "phone", "contact"].forEach((k) => q.delete(k));
    history.replaceState(history.state, "", location.pathname + (q + "" ? "?" + q : "") + location.hash);
    this.lookup();
  }
  if (d.customer === "true") this.mine();
}

t(k, vars) {
  return (this.s[k] || "").replace(/\{(\w+)\}/g, (m, n) => (vars && n in vars ? vars[n] : m));
}

// Sets aria-invalid and the message of each [input, errorKey]; returns the first invalid input.
mark(pairs) {
  let first;
  for (const [input, k] of pairs) {
    input.setAttribute("aria-invalid", !!k);
    document.getElementById(input.id + "-error").textContent = k ? this.t(k) : "";
    first = first || (k && input);
  }
  return first;
}

async lookup() {
  const order = this.ord.value.trim(), c = this.con.value.trim();
  const by = this.dataset.phone === "true" && !c.includes("@") ? "phone" : "email";
  const ok = by === "email" ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c) : /^\+?\d{7,15}$/.test(c.replace(/[\s().-]/g, ""));
  const bad = this.mark([
    [this.ord, !order && "order_required"],
    [this.con, !c ? "contact_required" : !ok && (by === "phone" ? "contact_invalid" : "email_invalid")],
  ]);
  this.alert.textContent = "";
  if (bad) return bad.focus();
  this.busy(true);
  let res, body;
  try {
    res = await fetch(this.dataset.endpoint + "/lookup?visitor=" + visitor(), { ...req, method: "POST", body: JSON.stringify({ order, [by]: c }) });
    body = await res.json().catch(() => ({}));
  } catch {
    return this.fail("network");
  }
  this.busy(false);
  if (res.ok && body.order) return this.show(body.order, body.token);
  const code = { 400: "invalid", 404: "not_found", 429: "rate_limited" }[res.status] || "unavailable", x = body.fields;
  if (x) this.mark([[this.ord, x.order && "order_invalid"], [this.con, x.contact && "contact_invalid"]]);
  this.fail(code, { seconds: Math.ceil(+body.retryAfter || +res.headers.get("Retry-After") || 60) });
}

busy(on) {
  this.btn.disabled = on;
  this.btn.setAttribute("aria-busy", on);
}

fail(k, vars) {
  this.busy(false);
  this.out.replaceChildren();
  this.alert.textContent = this.t(k, vars);
  // The disabled button dropped focus: give it back so keyboard users stay in the form.
  if (!this.contains(document.activeElement)) this.btn.focus();
}

async mine() {
  try {
    const res = await fetch(this.dataset.endpoint + "/mine", req);
    const { signedIn, orders } = res.ok ? await res.json() : {};
    if (!signedIn || !orders || !orders.length) return;
    this.form.before(el("div", { class: "hs-mine" }, el("h3", this.t("recent_orders")), el("ul", ...orders.map(({ order, token }) => {
      const b = el("button", { type: "button", class: "hs-button" }, this.t("recent_order", { name: order.orderName, status: this.t("s_" + order.state) }));
      b.onclick = () => { this.alert.textContent = ""; this.show(order, token); };
      return el("li", b);
    }))));
  } catch {
    // Only a shortcut: the form works without it.
  }
}

show(v, token) {
  const d = this.dataset, t = this.t.bind(this), day = (iso) => this.day.format(new Date(iso));
  const ended = v.state === "cancelled" || v.state === "refunded";
  const list = (title, items, h) => el("div", el(h, title), el("ul", { class: "hs-items" }, ...items.map((i) => el("li",
    i.imageUrl && el("img", { src: i.imageUrl, alt: i.imageAlt || "", width: 64, height: 64, loading: "lazy" }),
    el("span", i.title, i.variantTitle && el("small", i.variantTitle)),
    el("span", t("quantity", { quantity: i.quantity }))))));
  const h = el("h3", { tabindex: -1 }, t("order_title", { name: v.orderName }));
  const out = [h, el("p", el("strong", t("s_" + v.state)), " \u00b7 ", t("placed_on", { date: day(v.placedAt) }))];
  if (ended) out.push(el("p", t(v.state + "_note")));
  else {
    out.push(el("ol", { class: "hs-steps", "aria-label": t("progress") }, ...v.timeline.map((s) =>
      el("li", { class: s.current ? "is-current" : s.reached && "is-reached", "aria-current": s.current && "step" },
        el("span", t("s_" + s.step)),
        s.reached && !s.current && el("span", { class: "hs-sr" }, ` (${t("step_done")})`),
        s.at && el("small", day(s.at))))));
    if (v.estimatedDeliveryAt) out.push(el("p", t("estimated_delivery", { date: day(v.estimatedDeliveryAt) })));
    v.shipments.forEach((sh, n) => out.push(el("section", { class: "hs-shipment" },
      el("h4", t("shipment_title", { number: n + 1 })),
      el("p", el("strong", t("s_" + sh.step)), " \u00b7 ", sh.deliveredAt
        ? t("delivered_on", { date: day(sh.deliveredAt) }) : t("shipped_on", { date: day(sh.shippedAt) })),
      sh.notice && el("p", { class: "hs-notice" }, t("n_" + sh.notice)),
      sh.carrier && el("p", t("carrier", { carrier: sh.carrier })),
      sh.trackingNumber && el("p", t("tracking_number", { number: sh.trackingNumber })),
      /^https?:\/\//i.test(sh.trackingUrl) && el("p", el("a", { href: sh.trackingUrl, target: "_blank", rel: "noopener" },
        t("track_link"), el("span", { class: "hs-sr" }, " " + t("new_tab")))),
      d.events === "true" && sh.events.length > 0 && el("div", el("h5", t("updates")), el("ol", { class: "hs-events" }, ...sh.events.map((e) => {
        const label = t("e_" + String(e.status).toLowerCase());
        return el("li", el("time", { datetime: e.at }, this.time.format(new Date(e.at))), " ", el("strong", label || e.message),
          [label && e.message, e.location].filter(Boolean).map((x) => " \u00b7 " + x).join(""));
      }))),
      d.items === "true" && sh.items.length > 0 && list(t("items"), sh.items, "h5"))));
    if (v.waitingItems.length) out.push(list(t("waiting"), v.waitingItems, "h4"));
  }
  const acts = [
    d.returns && !ended && el("a", { class: "hs-button", href: add(d.returns, "order_token", token) }, t("start_return")),
    // The token lets the contact form attach this order without the shopper proving it again.
    d.contact && el("a", { href: add(add(add(d.contact, "order", v.orderName), "order_token", token), "topic", "order_status") }, t("contact")),
  ].filter(Boolean);
  if (acts.length) out.push(el("p", { class: "hs-actions" }, ...acts));
  this.out.replaceChildren(...out);
  h.focus();
}
});
})();
