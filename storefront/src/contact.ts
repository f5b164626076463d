// Harbor Support contact form: <harbor-contact>. Strings and markup come translated from the block.
import { dropFromAddress, onSubmit, setBusy } from "./core/dom";
import { call, getJson, sendEvent } from "./core/proxy";
import { type Searchable } from "./core/search";
import { readStrings, type Translate } from "./core/strings";
import { messageWords, suggest } from "./contact-suggestions";
import { visitor } from "./core/visitor";
import { contactExtras } from "./payloads";

type Article = { handle: string; question: string; answerText: string; answerHtml: string };
/** When the team answers a topic: minutes while open, else when it opens. */
type ReplyPromise = { minutes: number; dueAt?: string | null; openNow: boolean };
type Policy = { support?: { topics?: ({ topic: string } & ReplyPromise)[] } };
type Answer = { reference?: string; promise?: ReplyPromise; fields?: Record<string, string> };

const ERRORS: Record<number, string> = { 422: "too_fast", 429: "rate_limited" };
const MAX_ATTACHMENT_BYTES = 5 << 20; // as on the server

/** The attachment's problem ("photo_type", "photo_too_large"), "" when fine, undefined when none is chosen. */
function fileError(input: HTMLInputElement): string | undefined {
  const file = input.files?.[0];
  // Types from the input's accept attribute.
  return file && (!input.accept.split(",").includes(file.type) ? "photo_type" : file.size > MAX_ATTACHMENT_BYTES ? "photo_too_large" : "");
}

class Contact extends HTMLElement {
  private form!: HTMLFormElement;
  private t!: Translate;
  private startedAt = 0;
  /** The tracking block's order-access token: it ties the message to the order. */
  private orderToken: string | null = null;
  private alert!: HTMLElement;
  private button!: HTMLButtonElement;
  private done!: HTMLElement;
  private deflected!: HTMLElement;
  private suggestions!: HTMLElement | null;
  private policy?: Promise<Policy | null>;
  private articles?: Promise<(Article & Searchable)[]>;
  private shown?: string;
  private timer?: ReturnType<typeof setTimeout>;

  connectedCallback() {
    if (this.form) return;
    const f = (this.form = this.$("form")!);
    const q = new URLSearchParams(location.search);
    this.startedAt = Date.now();
    this.t = readStrings(this);
    this.alert = this.$("[data-error]")!;
    this.button = this.$("[type=submit]")!;
    this.done = this.$("[data-done]")!;
    this.deflected = this.$("[data-deflected]")!;
    this.suggestions = this.$("[data-suggest]");
    const order = q.get("order");
    const topic = q.get("topic");
    if (order) this.field("order").value = order;
    if ([...this.field<HTMLSelectElement>("topic").options].some((o) => o.value && o.value === topic)) this.field("topic").value = topic!;
    // Keep the token out of history.
    if ((this.orderToken = q.get("order_token"))) dropFromAddress(q, "order_token");
    if (this.field("topic").value) this.showPromise();
    onSubmit(f, () => this.send());
    this.field("topic").onchange = () => this.showPromise();
    this.field("message").oninput = () => this.typed();
    const attachment = this.field("attachment");
    if (attachment) attachment.onchange = () => this.mark(attachment, fileError(attachment));
    this.$("[data-back]")!.onclick = () => this.view(f);
  }

  private $<E extends Element = HTMLElement>(selector: string) {
    return this.querySelector<E>(selector);
  }

  private field<E extends HTMLElement = HTMLInputElement>(name: string) {
    return this.form.elements.namedItem(name) as E;
  }

  private get(path: string) {
    return getJson(this.dataset.endpoint!, path, this.dataset.locale);
  }

  /** Shows one panel. The form is only hidden, so nothing typed is lost. */
  private view(panel: HTMLElement) {
    for (const p of [this.form, this.done, this.deflected]) p.hidden = p !== panel;
    (panel === this.form ? this.field("message") : panel.querySelector("h3")!).focus();
  }

  /** The promise {minutes, dueAt, openNow} as a sentence, or "". */
  private say(p: ReplyPromise | undefined): string {
    const d = this.dataset;
    if (!p || d.promise !== "true") return "";
    if (!p.openNow) {
      const when = p.dueAt && new Intl.DateTimeFormat(d.locale, { weekday: "long", hour: "numeric", minute: "2-digit" }).format(new Date(p.dueAt));
      return when ? this.t("closed", { date: when }) : "";
    }
    const m = p.minutes;
    const [value, unit] = m < 60 ? [m, "minute"] : m < 1440 ? [Math.ceil(m / 60), "hour"] : [Math.ceil(m / 1440), "day"];
    return m > 0 ? this.t("open", { time: new Intl.NumberFormat(d.locale, { style: "unit", unit, unitDisplay: "long" }).format(value) }) : "";
  }

  /** Under the topic: how soon the team answers it. The policy loads once. */
  private async showPromise() {
    if (this.dataset.promise !== "true") return;
    const topic = this.field("topic").value;
    const policy = await (this.policy ||= this.get("/policy") as Promise<Policy | null>);
    this.$("[data-topic-promise]")!.textContent = this.say((policy?.support?.topics || []).find((x) => x.topic === topic));
  }

  private typed() {
    const message = this.field<HTMLTextAreaElement>("message");
    this.$("[data-count]")!.textContent = this.t("count", { count: message.value.length, max: message.maxLength });
    if (!this.suggestions) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.suggest(message.value), 400);
  }

  private loadArticles() {
    return this.get("/faq").then((b) =>
      ((b as { categories?: { articles?: Article[] }[] } | null)?.categories || [])
        .flatMap((c) => c.articles || [])
        .map((a) => ({ ...a, q: messageWords(a.question), t: messageWords(a.answerText) })),
    );
  }

  /** Answers that may already help, for a message long enough to search. The FAQ loads once, then. */
  private async suggest(text: string) {
    const found = text.trim().length < 12 ? [] : suggest(await (this.articles ||= this.loadArticles()), text);
    const key = found.map((a) => a.handle).join();
    if (key === this.shown) return;
    this.shown = key;
    const template = this.$<HTMLTemplateElement>("[data-suggestion]")!.content.firstElementChild!;
    this.$("[data-list]")!.replaceChildren(
      ...found.map((a) => {
        const details = template.cloneNode(true) as HTMLDetailsElement;
        const answer = document.createElement("template");
        // answerHtml is sanitised by the server (tag allow-list), never shopper input: the only HTML parsed.
        answer.innerHTML = a.answerHtml;
        details.querySelector("summary")!.textContent = a.question;
        details.querySelector("[data-answer]")!.append(answer.content);
        // Details start closed: the first toggle is an opening.
        details.addEventListener("toggle", () => sendEvent(this.dataset.endpoint!, { type: "faq_view", article: a.handle }), { once: true });
        details.querySelector<HTMLElement>("[data-answered]")!.onclick = () => {
          sendEvent(this.dataset.endpoint!, { type: "deflected", article: a.handle });
          this.view(this.deflected);
        };
        return details;
      }),
    );
    const n = found.length;
    this.suggestions!.hidden = !n;
    this.$("[data-announce]")!.textContent = n ? this.t(n > 1 ? "found_many" : "found_one", { count: n }) : "";
  }

  /** Shows the message for `code` (none clears it) under the control; returns the control when invalid. */
  private mark(control: HTMLInputElement, code: string | false | undefined) {
    const error = document.getElementById(control.id + "-error");
    if (!error) return;
    control.setAttribute("aria-invalid", String(!!code));
    error.textContent = code ? this.t(control.name + "_" + code) || this.t("invalid") : "";
    return code ? control : undefined;
  }

  /** Marks the fields from {name: code}, then focuses the first invalid one. */
  private invalid(codes: Record<string, string | false | undefined>) {
    const controls = [...this.form.elements] as HTMLInputElement[];
    const first = controls.map((c) => this.mark(c, codes[c.name])).find(Boolean);
    this.alert.textContent = this.t(first ? "check" : "invalid");
    (first || this.button).focus();
  }

  private async send() {
    const value = (name: string) => this.field(name).value.trim();
    const length = value("message").length;
    const attachment = this.field("attachment");
    const file = attachment?.files?.[0];
    // The server checks the same (its 400 answer names fields the same way); this saves a round trip.
    const codes = {
      name: !value("name") && "required",
      email: !value("email") ? "required" : !/^\S+@\S+\.\S+$/.test(value("email")) && "email",
      topic: !value("topic") && "required",
      message: !length ? "required" : length < 10 ? "too_short" : length > 5000 && "too_long",
      attachment: file && fileError(attachment),
    };
    this.alert.textContent = "";
    if (Object.values(codes).some(Boolean)) return this.invalid(codes);
    const form = new FormData(this.form);
    for (const k of ["name", "email", "order", "message"]) form.set(k, value(k));
    if (!file) form.delete("attachment");
    const extras = contactExtras({ orderToken: this.orderToken, elapsed: Date.now() - this.startedAt, visitor: visitor(), locale: this.dataset.locale });
    for (const [k, v] of Object.entries(extras)) form.append(k, v);
    setBusy(this.button, true);
    const { status, body } = await call<Answer>(this.dataset.endpoint + "/contact", { method: "POST", body: form });
    setBusy(this.button, false);
    const b = body ?? {};
    if (status === 201) {
      const out = { reference: b.reference, promise: this.say(b.promise), receipt: this.t("receipt", { email: value("email") }) };
      for (const [k, text] of Object.entries(out)) this.done.querySelector(`[data-${k}]`)!.textContent = text ?? "";
      return this.view(this.done);
    }
    if (status === 400) return this.invalid(b.fields || {});
    this.alert.textContent = this.t(ERRORS[status] || "unavailable");
    this.button.focus();
  }
}

// Guarded: the block and the Help launcher may both load this script on one page.
if (!customElements.get("harbor-contact")) customElements.define("harbor-contact", Contact);
