// Harbor Support help launcher: <harbor-help-launcher>, a floating button and a panel of help pieces.
// A piece's markup (rendered by the app: /apps/support/panel), stylesheet and script come in only
// when the shopper first opens it, so a page carries the button and the menu alone.
import { showPeak } from "./core/peak";
import { sendEvent } from "./core/proxy";

/** The launcher_open event goes once per page, however many times the panel opens. */
let announced = false;

/** Adds a <link> or <script> to <head> unless the page already has that URL (a block of the same piece). */
function load(tag: "link" | "script", url: string, attrs: Partial<HTMLLinkElement & HTMLScriptElement>) {
  const href = new URL(url, document.baseURI).href;
  const present = [...document.querySelectorAll<HTMLLinkElement & HTMLScriptElement>(tag)].some((n) => (n.href || n.src) == href);
  if (!present) document.head.append(Object.assign(document.createElement(tag), attrs));
}

class HelpLauncher extends HTMLElement {
  private btn!: HTMLButtonElement;
  private panel!: HTMLElement;
  private heading!: HTMLElement;
  private back!: HTMLElement;
  private menu!: HTMLElement;
  private body!: HTMLElement;
  /** The peak banner until it has been asked for (on first open), then null. */
  private peak!: HTMLElement | null;
  /** The panel's own title, shown with the menu. */
  private home = "";
  /** The menu button of the piece shown, to return focus to. */
  private from: HTMLElement | null = null;

  connectedCallback() {
    if (this.btn) return;
    const $ = <E extends HTMLElement = HTMLElement>(k: string) => this.querySelector<E>(`[data-${k}]`);
    this.btn = $<HTMLButtonElement>("toggle")!;
    this.panel = $("panel")!;
    this.heading = $("title")!;
    this.back = $("back")!;
    this.menu = $("menu")!;
    this.body = $("body")!;
    this.peak = $("peak");
    this.home = this.heading.textContent!;
    this.btn.onclick = () => this.toggle(this.panel.hidden);
    $("close")!.onclick = () => this.toggle(false);
    this.back.onclick = () => this.show();
    this.menu.onclick = (e) => {
      const b = (e.target as Element).closest<HTMLElement>("[data-open]");
      if (b) this.show(b);
    };
    this.addEventListener("keydown", (e) => {
      if (e.key != "Escape" || this.panel.hidden) return;
      e.stopPropagation();
      this.toggle(false);
    });
    // A link to an answer (#faq-<handle>) on a page without the FAQ block opens it here.
    const faq = this.menu.querySelector<HTMLElement>('[data-open="faq"]');
    if (faq && location.hash.startsWith("#faq-") && !document.querySelector("harbor-faq")) {
      this.toggle(true);
      this.show(faq);
    }
  }

  private toggle(open: boolean) {
    this.panel.hidden = !open;
    this.btn.setAttribute("aria-expanded", String(open));
    if (!open) return this.btn.focus();
    (this.from ? this.heading : this.menu.querySelector("button")!).focus();
    // The banner is asked for once: later openings send no request.
    if (this.peak) showPeak(this.peak, this.dataset.endpoint!, this.dataset.locale);
    this.peak = null;
    if (announced) return;
    announced = true;
    sendEvent(this.dataset.endpoint!, { type: "launcher_open" });
  }

  /** Shows the piece a menu button names, or the menu again when there is none. */
  private show(b?: HTMLElement) {
    const name = b?.dataset.open;
    let piece = name && this.body.querySelector<HTMLElement>(`[data-piece="${name}"]`);
    if (name && !piece) {
      piece = document.createElement("div");
      piece.dataset.piece = name;
      this.body.append(piece);
      this.fill(piece, b!);
    }
    for (const p of this.body.children) (p as HTMLElement).hidden = p != piece;
    this.menu.hidden = !!name;
    this.back.hidden = !name;
    this.heading.textContent = name ? b!.textContent : this.home;
    if (name) {
      this.from = b!;
      return this.heading.focus();
    }
    this.from!.focus();
    this.from = null;
  }

  /** Fetches a piece's markup into its place, then its stylesheet and script; on failure says so, and the next open tries again. */
  private async fill(piece: HTMLElement, b: HTMLElement) {
    const d = this.dataset;
    this.body.querySelector("[role=alert]")?.remove();
    piece.setAttribute("aria-busy", "true");
    try {
      const q = new URLSearchParams({ piece: b.dataset.open!, locale: d.locale || "en", root: d.root || "/" });
      const r = await fetch(`${d.endpoint}/panel?${q}`, { headers: { Accept: "text/html" } });
      if (!r.ok) throw r;
      piece.innerHTML = await r.text();
    } catch {
      piece.remove();
      const p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.textContent = d.failed!;
      this.body.append(p);
      return;
    } finally {
      piece.removeAttribute("aria-busy");
    }
    // The signed-in customer's name and email, as the page knows them, for the contact form.
    for (const k of ["name", "email"] as const) {
      const input = piece.querySelector<HTMLInputElement>(`input[name=${k}]`);
      if (input && !input.value && d[k]) input.value = d[k]!;
    }
    // The markup is in place first, so the script upgrades it as soon as it runs.
    if (b.dataset.css) load("link", b.dataset.css, { rel: "stylesheet", href: b.dataset.css });
    if (b.dataset.js) load("script", b.dataset.js, { src: b.dataset.js, defer: true });
  }
}

// Guarded: the block and the Help launcher may both load this script on one page.
if (!customElements.get("harbor-help-launcher")) customElements.define("harbor-help-launcher", HelpLauncher);
