// Harbor Support returns: <harbor-returns>. Strings and markup come translated from the block's
// templates; the script fills their [data-f] slots with text and elements, never HTML.
import { dropFromAddress, el, focusFirst, onSubmit, setBusy } from "./core/dom";
import { call, JSON_HEADERS, withQuery } from "./core/proxy";
import { readStrings, type Translate, type Vars } from "./core/strings";
import { visitor } from "./core/visitor";
import { lookupBody, quoteBody, returnRequest, type ReturnItem } from "./payloads";

type Line = {
  lineItemId: string; title: string; variantTitle?: string | null; imageUrl?: string | null;
  returnable: number; reasons: string[]; windowEndsAt?: string | null; exchangeOptions: { title: string; variantId: string }[];
};
type Policy = { resolutions: string[]; reasons: { handle: string; label: string; photoRequired: boolean }[]; storeCreditBonusPercent: number };
type Tracking = { number: string; url: string | null; carrier: string | null };
/** What to do with the items once approved: keep them, use the label, or send them to the address. */
type Next = { method: string; returnAddress?: string; instructions?: string; labelUrl?: string | null; tracking?: Tracking | null };
/** One of the shopper's requests (shopperRequest in app/features/returns/domain/shopper-status.ts). */
type StoredRequest = {
  reference: string; status: string; declineReason?: string | null; declineNote?: string | null;
  items: { title: string; quantity: number }[];
  steps: { type: string; at: string }[];
  next?: Next;
  money?: { currency: string; method: string; amount: number; bonus: number };
  exchange?: { variantTitle: string; tracking: Tracking | null };
};
type ReturnsView = { token: string; order: { name: string; currency?: string }; lines: Line[]; policy: Policy; requests: StoredRequest[] };
type Quote = { itemsValue: number; restockingFee: number; shippingFee: number; storeCreditBonus: number; expected: number };
type Answer = Partial<ReturnsView> & { quote?: Quote; request?: StoredRequest; errors?: { lineItemId?: string; field: string }[]; retryAfter?: number };

/** One returnable line's controls. */
type Row = {
  line: Line;
  exchangeable: boolean;
  pick: HTMLInputElement;
  quantity: HTMLSelectElement;
  reason: HTMLSelectElement;
  note: HTMLTextAreaElement;
  photos: HTMLInputElement;
  exchange: HTMLSelectElement;
  /** The photo input when its files break a rule (checked as chosen). */
  bad?: HTMLElement;
};

/** A template slot's value: text or elements to put in, [] to keep it empty, or falsy to remove it. */
type Slot = string | Node | (Node | string)[] | false | null | undefined | 0;

const ERRORS: Record<number, string> = { 0: "network", 400: "invalid", 401: "expired", 404: "not_found", 409: "not_returnable", 413: "photo_too_large", 415: "photo_type", 429: "rate_limited" };
/** The fields of a line a 400 answer may name: a row's controls, by their names in the line template. */
const FIELDS = ["pick", "quantity", "reason", "note", "photos", "exchange"] as const;
const MAX_PHOTO_BYTES = 5 << 20; // as on the server
let forms = 0;

class Returns extends HTMLElement {
  private form!: HTMLFormElement;
  private alert!: HTMLElement;
  private results!: HTMLElement;
  private t!: Translate;
  // Fields without initializers are set before they are read (connectedCallback, show, sync): no
  // constructor in the bundle.
  /** The order-access token from the lookup (or the tracking block's link). */
  private token!: string | null;
  /** The "received" confirmation, kept above the reloaded order. */
  private done?: HTMLElement | null;
  // The order's return form.
  private rows!: Row[];
  private picked!: Row[];
  private items!: ReturnItem[];
  private resolutions!: HTMLInputElement[];
  private resolution: string | undefined;
  private returnForm!: HTMLFormElement;
  private summary!: HTMLElement;
  private formAlert!: HTMLElement;
  private submit!: HTMLButtonElement;
  private money!: (n: number) => string;
  /** One key per form, so a double click or a retry never makes two returns. */
  private idempotencyKey!: string;
  /** The quote body last asked for (null: nothing to quote yet); an answer to an older one is dropped. */
  private quoted: string | null | undefined;
  private quoteTimer?: ReturnType<typeof setTimeout>;

  connectedCallback() {
    if (this.form) return;
    this.form = this.querySelector("form")!;
    this.alert = this.querySelector("[data-error]")!;
    this.results = this.querySelector("[data-results]")!;
    this.t = readStrings(this);
    onSubmit(this.form, () => this.lookup());
    // From the tracking block: open the order; keep the token out of history.
    const q = new URLSearchParams(location.search);
    if ((this.token = q.get("order_token"))) {
      dropFromAddress(q, "order_token");
      this.reload();
    }
  }

  /** A copy of a block <template>: "ID-" in attributes becomes `id`-, and each [data-f] slot gets its value. */
  private copy(name: string, id: string, values: Record<string, Slot>): HTMLElement {
    const n = this.querySelector<HTMLTemplateElement>(`[data-${name}]`)!.content.firstElementChild!.cloneNode(true) as HTMLElement;
    for (const x of n.querySelectorAll<HTMLElement>("*")) {
      const key = x.dataset.f;
      for (const a of x.attributes) a.value = a.value.replace(/ID-/g, id + "-");
      const value = key && values[key];
      if (value) x.append(...([] as (Node | string)[]).concat(value));
      else if (key) x.remove();
    }
    return n;
  }

  /** Shows message `key` (none clears it) in the element aria-describedby names last; returns the control when invalid. */
  private mark(control: HTMLElement, key?: string | false, vars?: Vars): HTMLElement | undefined {
    control.setAttribute("aria-invalid", String(!!key));
    document.getElementById(control.getAttribute("aria-describedby")!.split(" ").pop()!)!.textContent = key ? this.t(key, vars) : "";
    return key ? control : undefined;
  }

  /** GET, or POST a JSON string or a form; the answer and the error message for its status. */
  private async call(url: string, body?: string | FormData) {
    const init = { method: body ? "POST" : "GET", body, headers: typeof body == "string" ? JSON_HEADERS : {} };
    const { status, body: answer } = await call<Answer>(this.dataset.endpoint + url, init);
    const b = answer ?? {};
    return { status, b, error: this.t(ERRORS[status] || "unavailable", { seconds: Math.ceil(+(b.retryAfter ?? 0) || 60) }) };
  }

  private lookup() {
    // The lookup form's only inputs.
    const [orderInput, contactInput] = this.form.querySelectorAll("input") as unknown as [HTMLInputElement, HTMLInputElement];
    const order = orderInput.value.trim();
    const contact = contactInput.value.trim();
    const bad = [this.mark(orderInput, !order && "order_required"), this.mark(contactInput, !contact && "contact_required")].find(Boolean);
    this.alert.textContent = "";
    if (bad) return bad.focus();
    this.open("/lookup", JSON.stringify(lookupBody(order, contact, true).body));
  }

  private reload(message?: string) {
    return this.open(withQuery("/order", { token: this.token! }), undefined, message);
  }

  private async open(path: string, body?: string, message?: string) {
    const { status, b, error } = await this.call(path, body);
    if (status === 200 && b.token) this.show(b as ReturnsView, message);
    else if (!this.done) this.reset(error);
  }

  /** Back to the lookup form with `message`. */
  private reset(message: string) {
    this.done = null;
    this.results.replaceChildren();
    this.form.hidden = false;
    this.alert.textContent = message;
    (this.form.elements.namedItem("order") as HTMLInputElement).focus();
  }

  private day(iso: string) {
    return new Intl.DateTimeFormat(this.dataset.locale, { dateStyle: "medium" }).format(new Date(iso));
  }

  /** Amounts in `currency`, in the page's language. */
  private cash(currency: string) {
    return new Intl.NumberFormat(this.dataset.locale, { style: "currency", currency }).format;
  }

  /** A description list of [string key, value] pairs: the quote, the money of a request. */
  private pairs(rows: [string, string][]) {
    return el("dl", ...rows.flatMap(([k, v]) => [el("dt", this.t(k)), el("dd", v)]));
  }

  /** One of the shopper's requests: its step, what to do next, the money, the exchange, the steps so far. */
  private request(r: StoredRequest): HTMLElement {
    const { t } = this;
    const { next: n = {} as Next, money: m, exchange: x } = r;
    // The number is the link when the carrier has a tracking page.
    const track = (k?: Tracking | null) => k && [k.carrier ? k.carrier + " " : "", k.url ? el("a", { href: k.url }, k.number) : k.number];
    const c = m && this.cash(m.currency);
    const amounts: [string, string][] = m ? [["m_" + m.method, c!(m.amount)]] : [];
    if (m?.bonus) amounts.push(["m_bonus", c!(m.bonus)]);
    return this.copy("request", "", {
      reference: t("reference", r),
      items: r.items.map((i) => el("li", t("item", i))),
      status: t("s_" + r.status),
      info: t("i_" + r.status),
      decline: t("d_" + r.declineReason), // "" (no slot) for "d_undefined"
      note: r.declineNote && t("decline_note", r),
      // What to do next: n_keep_items, n_label or n_shopper_ships, with "_later" while the label or
      // the address is not there yet.
      ["n_" + n.method + (n.labelUrl === null || n.returnAddress === "" ? "_later" : "")]: [],
      address: n.returnAddress,
      instructions: n.instructions,
      ref: r.reference,
      label: n.labelUrl && el("a", { href: n.labelUrl }, t("label_link")),
      tracking: track(n.tracking),
      money: m && this.pairs(amounts),
      exchange: x?.variantTitle,
      ex_tracking: track(x?.tracking),
      steps: r.steps.map((p) => el("li", t("e_" + p.type) + " ", el("time", { datetime: p.at }, this.day(p.at)))),
    });
  }

  private line(l: Line, id: string, policy: Policy): HTMLElement {
    const { t } = this;
    const returnable = l.returnable > 0;
    const windowEnds = l.windowEndsAt && this.day(l.windowEndsAt);
    const options = l.exchangeOptions;
    const n = this.copy("line", id, {
      title: l.title,
      variant: l.variantTitle,
      pick: returnable && [],
      image: l.imageUrl && Object.assign(new Image(), { src: l.imageUrl, alt: "", loading: "lazy" }),
      why: l.reasons.map((r) => el("li", t(r === "window_passed" && !windowEnds ? "w_window_closed" : "w_" + r, { date: windowEnds }))),
      quantities: Array.from({ length: l.returnable }, (_, k) => new Option(String(k + 1))),
      reasons: policy.reasons.map((x) => Object.assign(new Option(x.label, x.handle), { className: x.photoRequired ? "hs-photo" : "" })),
      exchange: options.length && [],
      options: options.map((x) => new Option(x.title, x.variantId)),
      no_exchange: !options.length && policy.resolutions.includes("exchange") && [],
    });
    if (!returnable) return n;
    const field = <E extends HTMLElement>(name: string) => n.querySelector<E>(`[name=${name}]`)!;
    const show = (selector: string, kids: (Node | string)[]) => n.querySelector(selector)!.replaceChildren(...kids);
    // Its controls by name: the fields a 400 answer may name are exactly the row's controls.
    const row = { line: l, exchangeable: options.length > 0, ...Object.fromEntries(FIELDS.map((f) => [f, field(f)])) } as Row;
    const count = () => show("[data-count]", [t("note_count", { count: row.note.value.length, max: row.note.maxLength })]);
    row.note.oninput = count;
    count();
    row.photos.onchange = () => {
      const files = [...row.photos.files!];
      const big = files.find((x) => x.size > MAX_PHOTO_BYTES);
      show("[data-files]", files.map((x) => el("li", x.name)));
      row.bad = this.mark(row.photos, files.length > 3 ? "f_photos_count" : big && "f_photos_size", big ? { name: big.name } : undefined);
    };
    this.rows.push(row);
    return n;
  }

  private show(view: ReturnsView, message?: string) {
    const { t } = this;
    const prefix = "hr" + ++forms;
    const policy = view.policy;
    const open = view.lines.some((l) => l.returnable > 0);
    this.token = view.token;
    this.rows = [];
    this.quoted = undefined;
    this.idempotencyKey = crypto.randomUUID();
    this.money = this.cash(view.order.currency || this.dataset.currency!);
    const lines = view.lines.map((l, i) => this.line(l, prefix + "-" + i, policy));
    const requests = view.requests.map((r) => this.request(r));
    const order = this.copy("order", prefix, {
      title: t("order_title", view.order),
      lines,
      bonus: policy.storeCreditBonusPercent > 0 && t("bonus", { percent: policy.storeCreditBonusPercent }),
      list: requests,
    });
    const f = (this.returnForm = order.querySelector("form")!);
    const radios = [...(f.elements.namedItem("resolution") as RadioNodeList)] as HTMLInputElement[];
    // Only the resolutions the shop offers stay.
    this.resolutions = radios.filter((x) => {
      if (policy.resolutions.includes(x.value)) return true;
      x.parentElement!.remove(); // its <label>
      return false;
    });
    this.summary = f.querySelector("[data-sum]")!;
    this.formAlert = f.querySelector("[data-alert]")!;
    this.submit = f.querySelector("[type=submit]")!;
    f.onchange = () => this.sync();
    onSubmit(f, () => open && this.send());
    this.form.hidden = true;
    this.results.replaceChildren(...[this.done, order].filter(Boolean) as HTMLElement[]);
    this.sync();
    this.formAlert.textContent = message ? t(message) : "";
    (this.done || order).querySelector("h3")!.focus();
  }

  /** Quotes the choice, debounced; answers to older choices are dropped. */
  private sync() {
    const { t } = this;
    const exchange = this.resolutions.find((x) => x.value === "exchange");
    const picked = (this.picked = this.rows.filter((r) => r.pick.checked));
    // Exchange only when every picked line can be exchanged.
    if (exchange) exchange.checked = !(exchange.disabled = picked.some((r) => !r.exchangeable)) && exchange.checked;
    const resolution = (this.resolution = this.resolutions.find((x) => x.checked)?.value);
    const items = (this.items = picked.map((r) => ({ lineItemId: r.line.lineItemId, quantity: +r.quantity.value, reason: r.reason.value })));
    const body = resolution && items.length && items.every((x) => x.reason) ? quoteBody(this.token!, resolution, items) : null;
    if (body === this.quoted) return;
    clearTimeout(this.quoteTimer);
    if (!(this.quoted = body)) return this.summary.replaceChildren(t("q_pending"));
    this.quoteTimer = setTimeout(async () => {
      const { b } = await this.call("/quote", body);
      const q = b.quote;
      if (body !== this.quoted) return;
      if (!q) return this.summary.replaceChildren(t("q_error"));
      const m = this.money;
      const rows: [string, string][] = [["q_items", m(q.itemsValue)]];
      if (q.restockingFee > 0) rows.push(["q_restocking", m(-q.restockingFee)]);
      rows.push(["q_shipping", q.shippingFee > 0 ? m(-q.shippingFee) : t("q_free")]);
      if (q.storeCreditBonus > 0) rows.push(["q_bonus", m(q.storeCreditBonus)]);
      rows.push(["g_" + resolution, resolution === "exchange" ? t("g_exchange_value") : m(q.expected)]);
      this.summary.replaceChildren(this.pairs(rows));
    }, 300);
  }

  /** The server checks required fields (400 per field); photos are checked as chosen. */
  private async send() {
    const picked = this.picked;
    const exchange = this.resolution === "exchange";
    // Photos keep their message until new files are chosen; every other old message goes.
    for (const x of this.returnForm.querySelectorAll<HTMLElement>("[aria-invalid=true]:not([type=file])")) this.mark(x);
    const bad = [this.mark(this.rows[0]!.pick, !picked.length && "f_items")];
    // A hidden photo input (a reason that needs none) does not count.
    for (const r of picked) bad.push(r.photos.offsetParent ? r.bad : undefined, exchange ? this.mark(r.exchange, !r.exchange.value && "f_exchange") : undefined);
    const first = bad.find(Boolean);
    this.formAlert.textContent = first ? this.t("check") : "";
    if (first) return first.focus();
    const { query, form } = returnRequest({
      token: this.token!,
      visitor: visitor(),
      idempotencyKey: this.idempotencyKey,
      resolution: this.resolution || "",
      locale: this.dataset.locale,
      items: this.items.map((x, i) => ({ ...x, note: picked[i]!.note.value.trim(), exchangeVariantId: exchange ? picked[i]!.exchange.value : undefined })),
      photos: picked.filter((r) => r.photos.offsetParent).flatMap((r) => [...r.photos.files!].map((file) => ({ lineItemId: r.line.lineItemId, file, name: file.name }))),
    });
    setBusy(this.submit, true);
    const { status, b, error } = await this.call(withQuery("/request", query), form);
    setBusy(this.submit, false);
    // Only a stored request is "received"; else the form and key stay for a retry.
    if ((status === 200 || status === 201) && b.request) {
      this.results.replaceChildren((this.done = this.copy("done", "", { title: this.t("done_title", b.request) })));
      (this.done.firstElementChild as HTMLElement).focus();
      return this.reload();
    }
    if (status === 401) return this.reset(error);
    if (status === 409) return this.reload("not_returnable");
    // Marks each field the 400 answer names; the first one marked gets focus.
    let firstMarked: HTMLElement | undefined;
    for (const { lineItemId, field } of (status === 400 && b.errors) || []) {
      const row = picked.find((r) => r.line.lineItemId === lineItemId);
      const control = row && (FIELDS as readonly string[]).includes(field) ? row[field as (typeof FIELDS)[number]] : undefined;
      const controls = field === "resolution" ? this.resolutions : control ? [control] : [];
      for (const c of controls) {
        this.mark(c, "f_" + field);
        firstMarked ||= c;
      }
    }
    this.formAlert.textContent = error;
    focusFirst(firstMarked, this.submit);
  }
}

// Guarded: the block and the Help launcher may both load this script on one page.
if (!customElements.get("harbor-returns")) customElements.define("harbor-returns", Returns);
