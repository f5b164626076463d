// Harbor Support contact form. Strings and markup come translated from the block.
(() => {
if (customElements.get("harbor-contact")) return;
const STOP = new Set("the and can for how not that this with you your les des une que est pour der die das und ist ein los las una por para con".split(" "));
// Types from the input's accept attribute; 5 MB as on the server.
const fileError = (i, x = i.files[0]) => x && (!i.accept.split(",").includes(x.type) ? "photo_type" : x.size > 5 << 20 ? "photo_too_large" : "");

// The anonymous id all Harbor blocks share; in memory only if storage throws.
let vid;
const visitor = () => {
  vid ||= (crypto.randomUUID ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36));
  try { return (localStorage["harbor-support:visitor"] ||= vid); } catch { return vid; }
};

// Lower case, no accents, no short or stop words, each once.
const words = (s) => [...new Set((s || "").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
  .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w)))];
// Edit distance, row by row.
const dist = (a, b) => {
  let p = [...Array(b.length + 1).keys()];
  for (const x of a) p = [...b].reduce((r, y, j) => r.concat(Math.min(p[j + 1] + 1, r[j] + 1, p[j] + (x !== y))), [p[0] + 1]);
  return p.pop();
};
// Equal, a prefix (3+ letters), or a typo: one edit for 4–7 letters, two from 8.
const near = (q, w) => {
  const max = q.length > 7 ? 2 : q.length > 3 ? 1 : 0;
  return w.startsWith(q) || q.startsWith(w) || (Math.abs(q.length - w.length) <= max && dist(q, w) <= max);
};
// The best three: a question word scores 3, an answer word 1. The first 40 words only, to stay quick.
const search = (faq, text) => {
  const qs = words(text).slice(0, 40), hit = (ws, q) => ws.some((w) => near(q, w));
  return faq.map((a) => [qs.reduce((s, q) => s + (hit(a.qw, q) ? 3 : hit(a.aw, q) ? 1 : 0), 0), a])
    .filter(([s]) => s > 2).sort((x, y) => y[0] - x[0]).slice(0, 3).map(([, a]) => a);
};

customElements.define("harbor-contact", class extends HTMLElement {
connectedCallback() {
  if (this.form) return;
  const f = (this.form = this.$("form")), el = f.elements, q = new URLSearchParams(location.search);
  [this.t0, this.s] = [Date.now(), {}];
  for (const n of this.$("[data-strings]").content.querySelectorAll("[data-k]")) this.s[n.dataset.k] = n.textContent.trim();
  [this.alert, this.btn, this.done, this.glad, this.box] = ["[data-error]", "[type=submit]", "[data-done]", "[data-deflected]", "[data-suggest]"].map((s) => this.$(s));
  if (q.get("order")) el.order.value = q.get("order");
  if ([...el.topic.options].some((o) => o.value && o.value === q.get("topic"))) el.topic.value = q.get("topic");
  // The tracking block's token ties the message to the order; keep it out of history.
  if ((this.tok = q.get("order_token"))) {
    q.delete("order_token");
    history.replaceState(history.state, "", location.pathname + (q + "" ? "?" + q : "") + location.hash);
  }
  if (el.topic.value) this.promise();
  f.onsubmit = (e) => { e.preventDefault(); this.send(); };
  el.topic.onchange = () => this.promise();
  el.message.oninput = () => this.typed();
  if (el.attachment) el.attachment.onchange = () => this.mark(el.attachment, fileError(el.attachment));
  this.$("[data-back]").onclick = () => this.view(f);
}

$(s) {
  return this.querySelector(s);
}

t(k, vars) {
  return (this.s[k] || "").replace(/\{(\w+)\}/g, (m, x) => (vars && x in vars ? vars[x] : m));
}

get(path) {
  const d = this.dataset;
  return fetch(d.endpoint + path + "?locale=" + encodeURIComponent(d.locale)).then((r) => (r.ok ? r.json() : null)).catch(() => null);
}

event(o) {
  const body = JSON.stringify({ ...o, visitor: visitor() });
  fetch(this.dataset.endpoint + "/events", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body }).catch(() => {});
}

// Shows one panel. The form is only hidden, so nothing typed is lost.
view(panel) {
  for (const p of [this.form, this.done, this.glad]) p.hidden = p !== panel;
  (panel === this.form ? this.form.elements.message : panel.querySelector("h3")).focus();
}

// The promise {minutes, dueAt, openNow} as a sentence, or "".
say(p) {
  const d = this.dataset, m = p?.minutes, u = m < 60 ? [m, "minute"] : m < 1440 ? [Math.ceil(m / 60), "hour"] : [Math.ceil(m / 1440), "day"];
  if (!p || d.promise !== "true") return "";
  if (!p.openNow) return p.dueAt ? this.t("closed", { date: new Intl.DateTimeFormat(d.locale, { weekday: "long", hour: "numeric", minute: "2-digit" }).format(new Date(p.dueAt)) }) : "";
  return m > 0 ? this.t("open", { time: new Intl.NumberFormat(d.locale, { style: "unit", unit: u[1], unitDisplay: "long" }).format(u[0]) }) : "";
}

async promise() {
  if (this.dataset.promise !== "true") return;
  const topic = this.form.elements.topic.value, pol = await (this.pol ||= this.get("/policy"));
  this.$("[data-topic-promise]").textContent = this.say((pol?.support?.topics || []).find((x) => x.topic === topic));
}

typed() {
  const m = this.form.elements.message;
  this.$("[data-count]").textContent = this.t("count", { count: m.value.length, max: m.maxLength });
  if (!this.box) return;
  clearTimeout(this.timer);
  this.timer = setTimeout(() => this.suggest(m.value), 400);
}

async suggest(text) {
  // The FAQ loads once, for the first message long enough to search.
  const found = text.trim().length < 12 ? [] : search(await (this.faq ||= this.get("/faq").then((b) =>
    (b?.categories || []).flatMap((c) => c.articles || []).map((a) => ({ ...a, qw: words(a.question), aw: words(a.answerText) })))), text);
  const key = found.map((a) => a.handle).join(), n = found.length, tpl = this.$("[data-suggestion]").content.firstElementChild;
  if (key === this.shown) return;
  this.shown = key;
  this.$("[data-list]").replaceChildren(...found.map((a) => {
    const d = tpl.cloneNode(true), answer = document.createElement("template");
    // answerHtml is sanitised by the server (tag allow-list), never shopper input: the only HTML parsed.
    answer.innerHTML = a.answerHtml;
    d.querySelector("summary").textContent = a.question;
    d.querySelector("[data-answer]").append(answer.content);
    // Details start closed: the first toggle is an opening.
    d.addEventListener("toggle", () => this.event({ type: "faq_view", article: a.handle }), { once: true });
    d.querySelector("[data-answered]").onclick = () => {
      this.event({ type: "deflected", article: a.handle });
      this.view(this.glad);
    };
    return d;
  }));
  this.box.hidden = !n;
  this.$("[data-announce]").textContent = n ? this.t(n > 1 ? "found_many" : "found_one", { count: n }) : "";
}

// Shows code's message (none clears it) under field c; returns c when invalid.
mark(c, code) {
  const e = document.getElementById(c.id + "-error");
  if (!e) return;
  c.setAttribute("aria-invalid", !!code);
  e.textContent = code ? this.t(c.name + "_" + code) || this.t("invalid") : "";
  return code && c;
}

// Marks the fields from {name: code}, then focuses the first invalid one.
invalid(codes) {
  const first = [...this.form.elements].map((c) => this.mark(c, codes[c.name])).find(Boolean);
  this.alert.textContent = this.t(first ? "check" : "invalid");
  (first || this.btn).focus();
}

busy(on) {
  this.btn.disabled = on;
  this.btn.setAttribute("aria-busy", on);
}

async send() {
  const f = this.form, el = f.elements, v = (k) => el[k].value.trim(), n = v("message").length, file = el.attachment?.files[0];
  const codes = {
    name: !v("name") && "required",
    email: !v("email") ? "required" : !/^\S+@\S+\.\S+$/.test(v("email")) && "email",
    topic: !v("topic") && "required",
    message: !n ? "required" : n < 10 ? "too_short" : n > 5000 && "too_long",
    attachment: file && fileError(el.attachment),
  };
  this.alert.textContent = "";
  if (Object.values(codes).some(Boolean)) return this.invalid(codes);
  const fd = new FormData(f), extra = { order_token: this.tok, elapsed: Date.now() - this.t0, visitor: visitor(), locale: this.dataset.locale };
  for (const k of ["name", "email", "order", "message"]) fd.set(k, v(k));
  if (!file) fd.delete("attachment");
  for (const k in extra) if (extra[k] != null) fd.append(k, extra[k]);
  this.busy(true);
  let st = 0, b = {};
  try {
    const res = await fetch(this.dataset.endpoint + "/contact", { method: "POST", body: fd });
    st = res.status;
    b = (await res.json().catch(() => 0)) || b;
  } catch {
    // offline: status 0
  }
  this.busy(false);
  if (st === 201) {
    const out = { reference: b.reference, promise: this.say(b.promise), receipt: this.t("receipt", { email: v("email") }) };
    for (const k in out) this.done.querySelector(`[data-${k}]`).textContent = out[k];
    return this.view(this.done);
  }
  if (st === 400) return this.invalid(b.fields || {});
  this.alert.textContent = this.t({ 422: "too_fast", 429: "rate_limited" }[st] || "unavailable");
  this.btn.focus();
}
});
})();
