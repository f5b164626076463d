/**
 * The locked-down Liquid engine every template kit renders with: only the listed tags and filters
 * exist, the file system refuses every lookup, and output is bounded. Framework-free.
 */
import { Liquid, type Emitter, type FilterImplOptions, type FS } from "liquidjs";

/**
 * Conditionals, loops, local variables and literal text. Everything that can load another template
 * (`include`, `render`, `layout`, `block`) is absent, so nothing can reach the file system;
 * `tablerow`, `increment`/`decrement` and the `liquid` shorthand are left out to keep macros plain.
 */
export const ALLOWED_TAGS: readonly string[] = Object.freeze([
  "if",
  "unless",
  "case",
  "for",
  "break",
  "continue",
  "cycle",
  "capture",
  "assign",
  "echo",
  "raw",
  "comment",
  "#",
]);

/** Text and number formatting only. `raw` is absent so the HTML variant cannot skip escaping. */
export const ALLOWED_FILTERS: readonly string[] = Object.freeze([
  "upcase",
  "downcase",
  "capitalize",
  "default",
  "date",
  "escape",
  "strip",
  "truncate",
  "truncatewords",
  "money",
  "size",
  "join",
  "first",
  "last",
  "plus",
  "minus",
  "times",
  "divided_by",
  "round",
  "append",
  "prepend",
  "replace",
  "split",
  "newline_to_br",
  "strip_html",
]);

export const MACRO_LIMITS = Object.freeze({
  /** A long macro is a few thousand characters; anything past this is not a reply. */
  maxSourceChars: 20_000,
  maxOutputChars: 10_000,
  /**
   * A backstop only: the allocation budget below stops runaway loops deterministically, so this is
   * generous enough that a busy server never refuses an ordinary macro for being slow.
   */
  timeoutMs: 500,
  /**
   * liquidjs charges ranges, `split`, `join`, `append` … against this budget, so it also bounds loop
   * iterations: `(1..n)` costs n, and a nested loop pays for its range on every outer iteration.
   */
  memoryUnits: 200_000,
});

export interface TemplateRenderOptions {
  maxOutputChars?: number;
  timeoutMs?: number;
  /** ISO 4217 code for the `money` filter. Default USD. */
  currency?: string;
  /** BCP 47 locale for `money` and `date`. Default en-US. */
  locale?: string;
  /** IANA time zone for the `date` filter. Default UTC. */
  timeZone?: string;
  /** The render time, for `{{ "now" | date: … }}`. Without it such a template fails to render. */
  now?: Date;
}

export interface TemplateValidationOptions {
  currency?: string;
  locale?: string;
  timeZone?: string;
}

/** Every lookup refused: the sandbox has no files, whatever a template asks for. */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => {
    throw new Error(`templates cannot read files (${file})`);
  },
  readFileSync: (file) => {
    throw new Error(`templates cannot read files (${file})`);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

export const NOW_REGISTER = "harbor:now";

interface EngineSettings {
  html: boolean;
  currency: string;
  locale: string;
  timeZone: string;
}

function moneyFilter(currency: string, locale: string): FilterImplOptions {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  return (value: unknown) => {
    const amount = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    // Catalogue amounts arrive formatted ("$48.00"): leave anything that is not a number untouched.
    return Number.isFinite(amount) ? format.format(amount) : String(value ?? "");
  };
}

function createEngine(settings: EngineSettings): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    // `{% if order.tracking_url %}` and `| default:` work when a conversation has no order.
    lenientIf: true,
    ownPropertyOnly: true,
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    cache: false,
    parseLimit: MACRO_LIMITS.maxSourceChars,
    renderLimit: MACRO_LIMITS.timeoutMs,
    memoryLimit: MACRO_LIMITS.memoryUnits,
    outputEscape: settings.html ? "escape" : undefined,
    timezoneOffset: settings.timeZone,
    locale: settings.locale,
  });
  for (const tag of Object.keys(engine.tags)) {
    if (!ALLOWED_TAGS.includes(tag)) delete engine.tags[tag];
  }
  const date = engine.filters["date"];
  for (const filter of Object.keys(engine.filters)) {
    if (!ALLOWED_FILTERS.includes(filter)) engine.unregisterFilter(filter);
  }
  engine.registerFilter("money", moneyFilter(settings.currency, settings.locale));
  if (typeof date === "function") {
    // The domain takes the clock as input: "now" / "today" read the render time passed in.
    engine.registerFilter("date", function (value: unknown, ...args: unknown[]) {
      let input = value;
      if (input === "now" || input === "today") {
        const now = this.context.getRegister<Date | undefined>(NOW_REGISTER, undefined);
        if (!now) throw new Error('"now" needs the render time (options.now)');
        input = now;
      }
      return date.call(this, input, ...args);
    });
  }
  return engine;
}

const engines = new Map<string, Liquid>();

export function engineFor(settings: EngineSettings): Liquid {
  const key = JSON.stringify(settings);
  let engine = engines.get(key);
  if (!engine) {
    // A handful of currency/locale/zone combinations in practice; the cap only guards against misuse.
    if (engines.size >= 32) engines.clear();
    engine = createEngine(settings);
    engines.set(key, engine);
  }
  return engine;
}

export function settingsFrom(options: TemplateValidationOptions, html: boolean): EngineSettings {
  return {
    html,
    currency: options.currency ?? "USD",
    locale: options.locale ?? "en-US",
    timeZone: options.timeZone ?? "UTC",
  };
}

export class OutputTooLong extends Error {}

/** Collects output and stops the render as soon as it passes the bound. */
export class BoundedEmitter implements Emitter {
  buffer = "";
  exceeded = false;
  constructor(private readonly max: number) {}
  write(html: unknown): void {
    this.buffer += html === null || html === undefined ? "" : String(html);
    if (this.buffer.length > this.max) {
      this.exceeded = true;
      throw new OutputTooLong(`output exceeds ${this.max} characters`);
    }
  }
}
