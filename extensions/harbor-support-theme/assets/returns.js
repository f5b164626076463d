// Harbor Support returns. Strings and markup come translated from the block's templates.
(() => {
if (customElements.get("harbor-returns")) return;
// el(tag, ...kids): strings become text nodes, never HTML.
const el = (tag, ...kids) => {
  const n = document.createElement(tag);
  n.append(...kids);
  return n;
};
const ERR = { 0: "network", 400: "invalid", 401: "expired", 404: "not_found", 409: "not_returnable", 413: "photo_too_large", 415: "photo_type", 429: "rate_limited" };
let seq = 0;

customElements.define("harbor-returns", class extends HTMLElement {
connectedCallback() {
  if (this.form) return;
  const f = (this.form = this.querySelector("form")), q = new URLSearchParams(location.search);
  this.alert = this.querySelector("[data-error]");
  this.out = this.querySelector("[data-results]");
  f.addEventListener("submit", (e) => { e.preventDefault(); this.lookup(); });
  // From the tracking block: open the order; keep the token out of history.
  if ((this.tok = q.get("order_token"))) {
    q.delete("order_token");
    history.replaceState(history.state, "", location.pathname + (q + "" ? "?" + q : "") + location.hash);
    this.reload();
  }
}

t(k, vars) {
  const n = this.querySelector("[data-strings]").content.querySelector(`[data-k="${k}"]`);
  return (n ? n.textContent.trim() : "").replace(/\{(\w+)\}/g, (m, x) => (vars && x in vars ? vars[x] : m));
}

// A copy of a block <template>; the block says what id and v do.
copy(name, id, v) {
  const n = this.querySelector(`[data-${name}]`).content.firstElementChild.cloneNode(true);
  for (const x of n.querySelectorAll("*")) {
    const k = x.dataset.f;
    for (const a of x.attributes) a.value = a.value.replace(/ID-/g, id + "-");
    if (k && v[k]) x.append(...[].concat(v[k]));
    else if (k) x.remove();
  }
  return n;
}

// Shows message k (none clears it) where aria-describedby ends.
mark(c, k, vars) {
  c.setAttribute("aria-invalid", !!k);
  document.getElementById(c.getAttribute("aria-describedby").split(" ").pop()).textContent = k ? this.t(k, vars) : "";
  return k && c;
}

async call(path, body) {
  let st = 0, b = {};
  try {
    const res = await fetch(this.dataset.endpoint + path, { method: body ? "POST" : "GET", body, headers: typeof body == "string" ? { "Content-Type": "application/json" } : {} });
    st = res.status;
    b = (await res.json().catch(() => 0)) || b;
  } catch {
    // offline: status 0
  }
  return [st, b, this.t(ERR[st] || "unavailable", { seconds: Math.ceil(+b.retryAfter || 60) })];
}

busy(b, on) {
  b.disabled = on;
  b.setAttribute("aria-busy", on);
}

lookup() {
  const { order: o, contact: n } = this.form.elements, order = o.value.trim(), c = n.value.trim();
  const bad = [this.mark(o, !order && "order_required"), this.mark(n, !c && "contact_required")].find(Boolean);
  this.alert.textContent = "";
  if (bad) return bad.focus();
  this.open("/lookup", JSON.stringify({ order, [c.includes("@") ? "email" : "phone"]: c }));
}

reload(msg) {
  return this.open("/order?token=" + encodeURIComponent(this.tok), null, msg);
}

async open(path, body, msg) {
  const [st, b, e] = await this.call(path, body);
  if (st === 200 && b.token) this.show(b, msg);
  else if (!this.done) this.reset(e);
}

reset(msg) {
  this.done = null;
  this.out.replaceChildren();
  this.form.hidden = false;
  this.alert.textContent = msg;
  this.form.elements.order.focus();
}

show(b, msg) {
  const t = this.t.bind(this), day = (iso) => new Intl.DateTimeFormat(this.dataset.locale, { dateStyle: "medium" }).format(new Date(iso)), p = "hr" + ++seq, pol = b.policy, rs = pol.resolutions;
  const open = b.lines.some((l) => l.returnable > 0), cur = b.order.currency || this.dataset.currency;
  // One key per form, so a double click or a retry never makes two returns.
  Object.assign(this, { tok: b.token, rows: [], qk: 0, key: crypto.randomUUID() });
  this.money = new Intl.NumberFormat(this.dataset.locale, { style: "currency", currency: cur }).format;
  const lines = b.lines.map((l, i) => {
    const ok = l.returnable > 0, end = l.windowEndsAt && day(l.windowEndsAt), ex = l.exchangeOptions;
    const n = this.copy("line", p + "-" + i, {
      title: l.title, variant: l.variantTitle, pick: ok && [],
      image: l.imageUrl && Object.assign(new Image(), { src: l.imageUrl, alt: "", loading: "lazy" }),
      why: l.reasons.map((r) => el("li", t(r === "window_passed" && !end ? "w_window_closed" : "w_" + r, { date: end }))),
      quantities: Array.from({ length: l.returnable }, (_, k) => new Option(k + 1)),
      reasons: pol.reasons.map((x) => Object.assign(new Option(x.label, x.handle), { className: x.photoRequired ? "hs-photo" : "" })),
      exchange: ex.length && [], options: ex.map((x) => new Option(x.title, x.variantId)),
      no_exchange: !ex.length && rs.includes("exchange") && [],
    });
    if (!ok) return n;
    const r = { l, ex: ex.length > 0 }, set = (s, kids) => n.querySelector(s).replaceChildren(...kids);
    for (const k of ["pick", "quantity", "reason", "note", "photos", "exchange"]) r[k] = n.querySelector(`[name=${k}]`);
    (r.note.oninput = () => set("[data-count]", [t("note_count", { count: r.note.value.length, max: r.note.maxLength })]))();
    r.photos.onchange = () => {
      const fs = [...r.photos.files], big = fs.find((x) => x.size > 5 << 20);
      set("[data-files]", fs.map((x) => el("li", x.name)));
      r.bad = this.mark(r.photos, fs.length > 3 ? "f_photos_count" : big && "f_photos_size", big);
    };
    this.rows.push(r);
    return n;
  });
  const o = this.copy("order", p, {
    title: t("order_title", b.order), lines,
    bonus: pol.storeCreditBonusPercent > 0 && t("bonus", { percent: pol.storeCreditBonusPercent }),
    list: b.requests.map((r) => this.copy("request", "", {
      reference: t("reference", r), status: t("s_" + r.status), info: t("i_" + r.status),
      decline: r.declineReason && t("d_" + r.declineReason), note: r.declineNote && t("decline_note", { note: r.declineNote }),
    })),
  }), f = (this.rf = o.querySelector("form"));
  this.res = [...f.elements.resolution].filter((x) => rs.includes(x.value) || x.parentNode.remove());
  [this.sum, this.ra, this.sb] = ["[data-sum]", "[data-alert]", "[type=submit]"].map((s) => f.querySelector(s));
  f.onchange = () => this.sync();
  f.onsubmit = (e) => { e.preventDefault(); if (open) this.send(); };
  this.form.hidden = true;
  this.out.replaceChildren(...[this.done, o].filter(Boolean));
  this.sync();
  this.ra.textContent = msg && t(msg);
  (this.done || o).querySelector("h3").focus();
}

// Quotes the choice, debounced; answers to older choices are dropped.
sync() {
  const s = this.sum, t = this.t.bind(this), m = this.money, xr = this.res.find((x) => x.value === "exchange");
  const picked = (this.picked = this.rows.filter((r) => r.pick.checked));
  if (xr) xr.checked = !(xr.disabled = picked.some((r) => !r.ex)) && xr.checked;
  const rv = (this.rv = (this.res.find((x) => x.checked) || {}).value);
  const items = (this.items = picked.map((r) => ({ lineItemId: r.l.lineItemId, quantity: +r.quantity.value, reason: r.reason.value })));
  const body = rv && items.length && items.every((x) => x.reason) && JSON.stringify({ token: this.tok, resolution: rv, items });
  if (body === this.qk) return;
  clearTimeout(this.qt);
  if (!(this.qk = body)) return s.replaceChildren(t("q_pending"));
  this.qt = setTimeout(async () => {
    const [, b] = await this.call("/quote", body), q = b.quote;
    if (body !== this.qk) return;
    if (!q) return s.replaceChildren(t("q_error"));
    const rows = [["q_items", m(q.itemsValue)], q.restockingFee > 0 && ["q_restocking", m(-q.restockingFee)],
      ["q_shipping", q.shippingFee > 0 ? m(-q.shippingFee) : t("q_free")], q.storeCreditBonus > 0 && ["q_bonus", m(q.storeCreditBonus)],
      ["g_" + rv, rv === "exchange" ? t("g_exchange_value") : m(q.expected)]];
    s.replaceChildren(el("dl", ...rows.filter(Boolean).flatMap(([k, v]) => [el("dt", t(k)), el("dd", v)])));
  }, 300);
}

// The server checks required fields (400 per field); photos are checked as chosen.
async send() {
  const picked = this.picked, ex = this.rv === "exchange", fd = new FormData();
  for (const x of this.rf.querySelectorAll("[aria-invalid=true]:not([type=file])")) this.mark(x);
  const bad = [this.mark(this.rows[0].pick, !picked.length && "f_items")];
  for (const r of picked) bad.push(r.photos.offsetParent && r.bad, ex && this.mark(r.exchange, !r.exchange.value && "f_exchange"));
  const first = bad.find(Boolean);
  this.ra.textContent = first && this.t("check");
  if (first) return first.focus();
  const items = this.items.map((x, i) => ({ ...x, note: picked[i].note.value.trim(), exchangeVariantId: ex ? picked[i].exchange.value : undefined }));
  for (const [k, v] of Object.entries({ idempotencyKey: this.key, resolution: this.rv || "", items: JSON.stringify(items) })) fd.append(k, v);
  for (const r of picked) if (r.photos.offsetParent) for (const x of r.photos.files) fd.append("photo:" + r.l.lineItemId, x, x.name);
  this.busy(this.sb, true);
  const [st, b, e] = await this.call("/request?token=" + encodeURIComponent(this.tok), fd);
  this.busy(this.sb, false);
  // Only a stored request is "received"; else the form and key stay for a retry.
  if ((st === 200 || st === 201) && b.request) {
    this.out.replaceChildren((this.done = this.copy("done", "", { title: this.t("done_title", b.request) })));
    this.done.firstElementChild.focus();
    return this.reload();
  }
  if (st === 401) return this.reset(e);
  if (st === 409) return this.reload("not_returnable");
  let c;
  for (const { lineItemId: id, field: k } of (st === 400 && b.errors) || []) {
    const r = picked.find((x) => x.l.lineItemId === id) || {};
    for (const x of [].concat(k === "resolution" ? this.res : r[k] || [])) c = this.mark(x, "f_" + k) && (c || x);
  }
  this.ra.textContent = e;
  (c || this.sb).focus();
}
});
})();
