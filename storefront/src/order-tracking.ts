// Harbor Support order tracking: <harbor-order-tracking>. All strings come translated from the
// block's <template data-strings>; settings from its data-* attributes.
import { dropFromAddress, el, onSubmit, setBusy } from "./core/dom";
import { call, withQuery } from "./core/proxy";
import { readStrings, type Translate, type Vars } from "./core/strings";
import { visitor } from "./core/visitor";
import { lookupBody } from "./payloads";

type Item = { title: string; variantTitle?: string | null; quantity: number; imageUrl?: string | null; imageAlt?: string | null };
type TrackingEvent = { status: string; message?: string | null; location?: string | null; at: string };
type Shipment = {
  step: string; notice?: string | null; carrier?: string | null; trackingNumber?: string | null; trackingUrl?: string | null;
  shippedAt: string; deliveredAt?: string | null; events: TrackingEvent[]; items: Item[];
};
type OrderView = {
  orderName: string; state: string; placedAt: string; estimatedDeliveryAt?: string | null;
  timeline: { step: string; reached: boolean; current: boolean; at?: string | null }[];
  shipments: Shipment[]; waitingItems: Item[];
};
type LookupAnswer = { order?: OrderView; token?: string; fields?: { order?: string; contact?: string }; retryAfter?: number };

const LOOKUP_ERRORS: Record<number, string> = { 400: "invalid", 404: "not_found", 429: "rate_limited" };
const REQUEST = { credentials: "same-origin", headers: { Accept: "application/json", "Content-Type": "application/json" } } as const;

/** A date formatter for the shopper's locale, or the browser's when the theme's is not one Intl knows. */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

class OrderTracking extends HTMLElement {
  private form!: HTMLFormElement;
  private orderInput!: HTMLInputElement;
  private contactInput!: HTMLInputElement;
  private button!: HTMLButtonElement;
  private alert!: HTMLElement;
  private results!: HTMLElement;
  private t!: Translate;
  private day!: Intl.DateTimeFormat;
  private time!: Intl.DateTimeFormat;

  connectedCallback() {
    if (this.form) return;
    const d = this.dataset;
    this.form = this.querySelector("form")!;
    this.orderInput = this.form.elements.namedItem("order") as HTMLInputElement;
    this.contactInput = this.form.elements.namedItem("contact") as HTMLInputElement;
    this.button = this.form.querySelector("button")!;
    this.alert = this.querySelector("[data-error]")!;
    this.results = this.querySelector("[data-results]")!;
    this.t = readStrings(this);
    this.day = dateFormat(d.locale, { dateStyle: "medium" });
    this.time = dateFormat(d.locale, { dateStyle: "medium", timeStyle: "short" });
    onSubmit(this.form, () => this.lookup());
    // Links may carry ?order=...&email=... (or phone=): look up at once, then drop the contact
    // details from the address bar so they stay out of history and referrers.
    const q = new URLSearchParams(location.search);
    const contact = q.get("email") || q.get("phone") || q.get("contact");
    if (q.get("order") && contact) {
      this.orderInput.value = q.get("order")!;
      this.contactInput.value = contact;
      dropFromAddress(q, "email", "phone", "contact");
      this.lookup();
    }
    if (d.customer === "true") this.mine();
  }

  /** Sets aria-invalid and the message of each [input, errorKey]; returns the first invalid input. */
  private mark(pairs: [HTMLInputElement, string | false | undefined][]): HTMLInputElement | undefined {
    for (const [input, key] of pairs) {
      input.setAttribute("aria-invalid", String(!!key));
      document.getElementById(input.id + "-error")!.textContent = key ? this.t(key) : "";
    }
    return pairs.find(([, key]) => key)?.[0];
  }

  private async lookup() {
    const order = this.orderInput.value.trim();
    const contact = this.contactInput.value.trim();
    const { by, body } = lookupBody(order, contact, this.dataset.phone === "true");
    const valid = by === "email" ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact) : /^\+?\d{7,15}$/.test(contact.replace(/[\s().-]/g, ""));
    const contactError = !contact ? "contact_required" : !valid && (by === "phone" ? "contact_invalid" : "email_invalid");
    const bad = this.mark([[this.orderInput, !order && "order_required"], [this.contactInput, contactError]]);
    this.alert.textContent = "";
    if (bad) return bad.focus();
    setBusy(this.button, true);
    // The query carries the visitor id: the route counts the lookup for the dashboard.
    const url = withQuery(this.dataset.endpoint + "/lookup", { visitor: visitor() });
    const { status, body: answer, headers } = await call<LookupAnswer>(url, { ...REQUEST, method: "POST", body: JSON.stringify(body) });
    if (!status) return this.fail("network");
    setBusy(this.button, false);
    const a = answer ?? {};
    if (status >= 200 && status < 300 && a.order) return this.show(a.order, a.token!);
    if (a.fields) this.mark([[this.orderInput, !!a.fields.order && "order_invalid"], [this.contactInput, !!a.fields.contact && "contact_invalid"]]);
    const seconds = Math.ceil(+(a.retryAfter ?? 0) || +(headers?.get("Retry-After") ?? 0) || 60);
    this.fail(LOOKUP_ERRORS[status] || "unavailable", { seconds });
  }

  private date(iso: string) {
    return this.day.format(new Date(iso));
  }

  private fail(key: string, vars?: Vars) {
    setBusy(this.button, false);
    this.results.replaceChildren();
    this.alert.textContent = this.t(key, vars);
    // The disabled button dropped focus: give it back so keyboard users stay in the form.
    if (!this.contains(document.activeElement)) this.button.focus();
  }

  /** A signed-in customer's recent orders, as buttons above the form. Only a shortcut: failures are silent. */
  private async mine() {
    const { status, body } = await call<{ signedIn?: boolean; orders?: { order: OrderView; token: string }[] }>(this.dataset.endpoint + "/mine", REQUEST);
    if (status < 200 || status >= 300 || !body?.signedIn || !body.orders?.length) return;
    const buttons = body.orders.map(({ order, token }) => {
      const b = el("button", { type: "button", class: "hs-button" }, this.t("recent_order", { name: order.orderName, status: this.t("s_" + order.state) }));
      b.onclick = () => {
        this.alert.textContent = "";
        this.show(order, token);
      };
      return el("li", b);
    });
    this.form.before(el("div", { class: "hs-mine" }, el("h3", this.t("recent_orders")), el("ul", ...buttons)));
  }

  private items(title: string, items: Item[], heading: string) {
    const rows = items.map((i) =>
      el(
        "li",
        i.imageUrl && el("img", { src: i.imageUrl, alt: i.imageAlt || "", width: 64, height: 64, loading: "lazy" }),
        el("span", i.title, i.variantTitle && el("small", i.variantTitle)),
        el("span", this.t("quantity", { quantity: i.quantity })),
      ),
    );
    return el("div", el(heading, title), el("ul", { class: "hs-items" }, ...rows));
  }

  private shipment(sh: Shipment, number: number) {
    const { t } = this;
    const d = this.dataset;
    const events = sh.events.map((e) => {
      const label = t("e_" + String(e.status).toLowerCase());
      const details = [label && e.message, e.location].filter(Boolean).map((x) => " \u00b7 " + x).join("");
      return el("li", el("time", { datetime: e.at }, this.time.format(new Date(e.at))), " ", el("strong", label || e.message), details);
    });
    return el(
      "section",
      { class: "hs-shipment" },
      el("h4", t("shipment_title", { number })),
      el("p", el("strong", t("s_" + sh.step)), " \u00b7 ", sh.deliveredAt ? t("delivered_on", { date: this.date(sh.deliveredAt) }) : t("shipped_on", { date: this.date(sh.shippedAt) })),
      sh.notice && el("p", { class: "hs-notice" }, t("n_" + sh.notice)),
      sh.carrier && el("p", t("carrier", { carrier: sh.carrier })),
      sh.trackingNumber && el("p", t("tracking_number", { number: sh.trackingNumber })),
      // Only web links: a carrier's URL never becomes a javascript: link.
      /^https?:\/\//i.test(sh.trackingUrl ?? "") &&
        el("p", el("a", { href: sh.trackingUrl, target: "_blank", rel: "noopener" }, t("track_link"), el("span", { class: "hs-sr" }, " " + t("new_tab")))),
      d.events === "true" && sh.events.length > 0 && el("div", el("h5", t("updates")), el("ol", { class: "hs-events" }, ...events)),
      d.items === "true" && sh.items.length > 0 && this.items(t("items"), sh.items, "h5"),
    );
  }

  private show(v: OrderView, token: string) {
    const { t } = this;
    const d = this.dataset;
    const ended = v.state === "cancelled" || v.state === "refunded";
    const heading = el("h3", { tabindex: -1 }, t("order_title", { name: v.orderName }));
    const out: HTMLElement[] = [heading, el("p", el("strong", t("s_" + v.state)), " \u00b7 ", t("placed_on", { date: this.date(v.placedAt) }))];
    if (ended) out.push(el("p", t(v.state + "_note")));
    else {
      const steps = v.timeline.map((s) =>
        el(
          "li",
          { class: s.current ? "is-current" : s.reached && "is-reached", "aria-current": s.current && "step" },
          el("span", t("s_" + s.step)),
          s.reached && !s.current && el("span", { class: "hs-sr" }, ` (${t("step_done")})`),
          s.at && el("small", this.date(s.at)),
        ),
      );
      out.push(el("ol", { class: "hs-steps", "aria-label": t("progress") }, ...steps));
      if (v.estimatedDeliveryAt) out.push(el("p", t("estimated_delivery", { date: this.date(v.estimatedDeliveryAt) })));
      v.shipments.forEach((sh, n) => out.push(this.shipment(sh, n + 1)));
      if (v.waitingItems.length) out.push(this.items(t("waiting"), v.waitingItems, "h4"));
    }
    const actions = [
      d.returns && !ended && el("a", { class: "hs-button", href: withQuery(d.returns, { order_token: token }) }, t("start_return")),
      // The token lets the contact form attach this order without the shopper proving it again.
      d.contact && el("a", { href: withQuery(d.contact, { order: v.orderName, order_token: token, topic: "order_status" }) }, t("contact")),
    ].filter(Boolean) as HTMLElement[];
    if (actions.length) out.push(el("p", { class: "hs-actions" }, ...actions));
    this.results.replaceChildren(...out);
    heading.focus();
  }
}

// Guarded: the block and the Help launcher may both load this script on one page.
if (!customElements.get("harbor-order-tracking")) customElements.define("harbor-order-tracking", OrderTracking);
