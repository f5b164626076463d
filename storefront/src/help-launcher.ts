// Harbor Support help launcher: <harbor-help-launcher>, a floating button and a panel of help pieces.
// A piece's markup, stylesheet and script come in only when the shopper first opens it.
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
      const t = this.querySelector<HTMLTemplateElement>(`template[data-piece="${name}"]`)!;
      const d = t.dataset;
      piece = document.createElement("div");
      piece.dataset.piece = name;
      piece.append(document.importNode(t.content, true));
      this.body.append(piece);
      // The markup is in place first, so the script upgrades it as soon as it runs.
      if (d.css) load("link", d.css, { rel: "stylesheet", href: d.css });
      if (d.js) load("script", d.js, { src: d.js, defer: true });
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
}

// Guarded: the block and the Help launcher may both load this script on one page.
if (!customElements.get("harbor-help-launcher")) customElements.define("harbor-help-launcher", HelpLauncher);
