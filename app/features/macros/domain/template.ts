/**
 * Liquid templates: save-time validation and sandboxed rendering, for macros and for anything else
 * with a variable catalogue of its own (`createTemplateKit`). Framework-free.
 *
 * The engine is locked down rather than trusted: only the tags and filters listed below exist (a
 * template using anything else fails to parse), the file system refuses every lookup, prototype
 * properties are hidden, and every render is bounded in time, allocations and output size.
 */
import {
  Context,
  Liquid,
  LiquidError,
  toValueSync,
  type Emitter,
  type FilterImplOptions,
  type FS,
  type Template,
  type Variable,
} from "liquidjs";
import { exampleContext, MACRO_VARIABLES, type MacroRenderContext } from "./variables";

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

/** The clock used when validating `{{ "now" | date }}` against the example context. */
const EXAMPLE_NOW = new Date("2026-03-04T15:00:00Z");

export interface TemplateError {
  message: string;
  line: number;
  column: number;
}

export type TemplateValidation = { ok: true; variables: string[] } | { ok: false; errors: TemplateError[] };
export type TemplateRender = { ok: true; text: string } | { ok: false; error: string };

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

export type MacroError = TemplateError;
export type MacroValidation = TemplateValidation;
export type MacroRender = TemplateRender;
export type MacroRenderOptions = TemplateRenderOptions;
export type MacroValidationOptions = TemplateValidationOptions;

/** What templates of one kind may refer to, and how messages name them. */
export interface TemplateCatalogue<RenderContext extends object> {
  /** Names the template in messages: "macro", "FAQ answer" (its plural adds an "s"). */
  label: string;
  /** What a render fills placeholders for, in messages about missing values: "this conversation". */
  subject: string;
  /** Every placeholder as `group.name`, in catalogue order: the allow-list, and the source of hints. */
  paths: readonly string[];
  /** A complete context of example values: validation renders against it. */
  example(): RenderContext;
}

export interface TemplateKit<RenderContext extends object> {
  /**
   * Save-time check: the template parses with only the allowed tags and filters, every placeholder
   * is in the catalogue (all unknown ones reported, with positions), and it renders against the
   * example context within the limits.
   */
  validate(source: string, options?: TemplateValidationOptions): TemplateValidation;
  /** Plain text: values are inserted as they are. */
  render(source: string, context: RenderContext, options?: TemplateRenderOptions): TemplateRender;
  /** HTML: every printed value is HTML-escaped, and there is no `raw` to opt out. */
  renderHtml(source: string, context: RenderContext, options?: TemplateRenderOptions): TemplateRender;
  /** The catalogue variables a template uses, in order of first use; empty when it does not parse. */
  extractVariables(source: string): string[];
}

/** The catalogue as the checks and messages below consult it. */
interface Vocabulary {
  label: string;
  subject: string;
  paths: readonly string[];
  isVariable(path: string): boolean;
  isGroup(name: string): boolean;
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

const NOW_REGISTER = "harbor:now";

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

function engineFor(settings: EngineSettings): Liquid {
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

function settingsFrom(options: TemplateValidationOptions, html: boolean): EngineSettings {
  return {
    html,
    currency: options.currency ?? "USD",
    locale: options.locale ?? "en-US",
    timeZone: options.timeZone ?? "UTC",
  };
}

class OutputTooLong extends Error {}

/** Collects output and stops the render as soon as it passes the bound. */
class BoundedEmitter implements Emitter {
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

// ---------------------------------------------------------------------------------------------
// Errors

function positionOf(error: unknown): { line: number; column: number } {
  const token = LiquidError.is(error) ? (error as LiquidError & { token?: { getPosition?: () => number[] } }).token : undefined;
  const position = token?.getPosition?.();
  return { line: position?.[0] ?? 1, column: position?.[1] ?? 1 };
}

/** liquidjs appends ", line:2, col:10" (and the original error's text) to messages. */
function bareMessage(error: unknown): string {
  const original = (error as { originalError?: unknown }).originalError;
  const message = original instanceof Error ? original.message : error instanceof Error ? error.message : String(error);
  return message.replace(/, line:\d+, col:\d+$/, "");
}

function friendlyMessage(
  message: string,
  options: { timeoutMs: number; maxOutputChars: number },
  vocabulary: Vocabulary,
): string {
  const { label, subject } = vocabulary;
  let match: RegExpMatchArray | null;
  if ((match = message.match(/^tag "([^"]+)" not found/))) {
    return `The {% ${match[1]} %} tag is not allowed in ${label}s`;
  }
  if ((match = message.match(/^undefined filter: (.+)$/))) {
    return `Unknown filter "${match[1]}"`;
  }
  if ((match = message.match(/^undefined variable: (.+)$/))) {
    const path = match[1] ?? "";
    if (vocabulary.isGroup(path))
      return `There is no ${path} for ${subject}, so its "${path}." placeholders cannot be filled`;
    return vocabulary.isVariable(path) ? `"${path}" has no value for ${subject}` : unknownVariableMessage(path, vocabulary);
  }
  if (message.startsWith("template render limit exceeded")) {
    return `The ${label} took too long to render (limit ${options.timeoutMs} ms); check its loops`;
  }
  if (message.startsWith("memory alloc limit exceeded")) {
    return `The ${label} loops or builds text beyond the allowed size; check its loops`;
  }
  if (message.startsWith("parse length limit exceeded")) {
    return `The ${label} is longer than ${MACRO_LIMITS.maxSourceChars} characters`;
  }
  if (message.startsWith("output exceeds")) {
    return `The ${label}'s text is longer than ${options.maxOutputChars} characters`;
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function lineAndColumn(input: string, offset: number): { line: number; column: number } {
  const before = input.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** liquidjs points an unknown filter at its `{{`; point at the filter itself instead. */
function filterPosition(error: unknown, filter: string): { line: number; column: number } | undefined {
  const token = (error as { token?: { input?: unknown; begin?: unknown; end?: unknown } }).token;
  if (typeof token?.input !== "string" || typeof token.begin !== "number" || typeof token.end !== "number") return undefined;
  const text = token.input.slice(token.begin, token.end);
  const escaped = filter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`\\|\\s*(${escaped})(?![\\w-])`).exec(text);
  if (!match) return undefined;
  return lineAndColumn(token.input, token.begin + match.index + match[0].length - filter.length);
}

function toTemplateError(
  error: unknown,
  options: { timeoutMs: number; maxOutputChars: number },
  vocabulary: Vocabulary,
): TemplateError {
  const message = bareMessage(error);
  const filter = message.match(/^undefined filter: (.+)$/)?.[1];
  const position = (filter !== undefined ? filterPosition(error, filter) : undefined) ?? positionOf(error);
  return { message: friendlyMessage(message, options, vocabulary), ...position };
}

function describeError(error: TemplateError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

// ---------------------------------------------------------------------------------------------
// Variables

/** Liquid's built-in properties, usable on any catalogue value (`order.name.size`). */
const BUILT_IN_PROPERTIES = new Set(["size", "first", "last"]);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

function unknownVariableMessage(path: string, vocabulary: Vocabulary): string {
  let best: { path: string; distance: number } | undefined;
  for (const known of vocabulary.paths) {
    const distance = editDistance(path, known);
    if (!best || distance < best.distance) best = { path: known, distance };
  }
  const hint = best && best.distance <= 3 ? `; did you mean "${best.path}"?` : "";
  return `Unknown variable "${path}"${hint}`;
}

interface VariableUse {
  /** The catalogue path, or the path as written when it is not in the catalogue. */
  path: string;
  known: boolean;
  message?: string;
  line: number;
  column: number;
}

function classify(variable: Variable, vocabulary: Vocabulary): VariableUse {
  const { row: line, col: column } = variable.location;
  const written = variable.toString();
  const [group, name, ...rest] = variable.segments;
  if (variable.segments.some((segment) => typeof segment === "object")) {
    return {
      path: written,
      known: false,
      line,
      column,
      message: `"${written}" looks a value up dynamically; use a catalogue variable such as "${vocabulary.paths[0]}"`,
    };
  }
  if (typeof group === "string" && vocabulary.isGroup(group) && name === undefined) {
    const sample = vocabulary.paths.find((p) => p.startsWith(`${group}.`)) ?? `${group}.…`;
    const message = `"${group}" is a group; use one of its variables, such as "${sample}"`;
    return { path: written, known: false, line, column, message };
  }
  const path = `${String(group)}.${String(name)}`;
  const builtInOnly = rest.length <= 1 && rest.every((segment) => BUILT_IN_PROPERTIES.has(String(segment)));
  if (name !== undefined && vocabulary.isVariable(path) && builtInOnly) {
    return { path, known: true, line, column };
  }
  return { path: written, known: false, line, column, message: unknownVariableMessage(written, vocabulary) };
}

function variableUses(engine: Liquid, templates: Template[], vocabulary: Vocabulary): VariableUse[] {
  const analysis = engine.analyzeSync(templates, { partials: false });
  return Object.values(analysis.globals)
    .flat()
    .map((variable) => classify(variable, vocabulary))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function uniqueKnownPaths(uses: VariableUse[]): string[] {
  return [...new Set(uses.filter((use) => use.known).map((use) => use.path))];
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface RunOptions {
  maxOutputChars: number;
  timeoutMs: number;
  now?: Date;
}

function run(
  engine: Liquid,
  templates: Template[],
  context: object,
  options: RunOptions,
  vocabulary: Vocabulary,
): { ok: true; text: string } | { ok: false; error: TemplateError } {
  const emitter = new BoundedEmitter(options.maxOutputChars);
  const ctx = new Context(
    context,
    engine.options,
    { sync: true, renderLimit: options.timeoutMs, memoryLimit: MACRO_LIMITS.memoryUnits },
    { liquid: engine },
  );
  ctx.setRegister(NOW_REGISTER, options.now);
  try {
    toValueSync(engine.renderer.renderTemplates(templates, ctx, emitter));
    return { ok: true, text: emitter.buffer };
  } catch (error) {
    // Our own throw comes back wrapped in a RenderError (with the position of the offending output).
    if (emitter.exceeded)
      return {
        ok: false,
        error: { ...toTemplateError(new OutputTooLong("output exceeds"), options, vocabulary), ...positionOf(error) },
      };
    return { ok: false, error: toTemplateError(error, options, vocabulary) };
  }
}

function parse(
  engine: Liquid,
  source: string,
  options: RunOptions,
  vocabulary: Vocabulary,
): { ok: true; templates: Template[] } | { ok: false; error: TemplateError } {
  if (source.length > MACRO_LIMITS.maxSourceChars) {
    const message = friendlyMessage("parse length limit exceeded", options, vocabulary);
    return { ok: false, error: { message, line: 1, column: 1 } };
  }
  try {
    return { ok: true, templates: engine.parse(source) };
  } catch (error) {
    return { ok: false, error: toTemplateError(error, options, vocabulary) };
  }
}

function unknownUseError(use: VariableUse): TemplateError {
  return { message: use.message ?? `Unknown variable "${use.path}"`, line: use.line, column: use.column };
}

/** Validation and rendering against one variable catalogue; the engines are shared by every kit. */
export function createTemplateKit<RenderContext extends object>(
  catalogue: TemplateCatalogue<RenderContext>,
): TemplateKit<RenderContext> {
  const paths: ReadonlySet<string> = new Set(catalogue.paths);
  const groups: ReadonlySet<string> = new Set(catalogue.paths.map((path) => path.slice(0, path.indexOf("."))));
  const vocabulary: Vocabulary = {
    label: catalogue.label,
    subject: catalogue.subject,
    paths: catalogue.paths,
    isVariable: (path) => paths.has(path),
    isGroup: (name) => groups.has(name),
  };

  function validate(source: string, options: TemplateValidationOptions = {}): TemplateValidation {
    const engine = engineFor(settingsFrom(options, false));
    const runOptions: RunOptions = {
      maxOutputChars: MACRO_LIMITS.maxOutputChars,
      timeoutMs: MACRO_LIMITS.timeoutMs,
      now: EXAMPLE_NOW,
    };
    const parsed = parse(engine, source, runOptions, vocabulary);
    if (!parsed.ok) return { ok: false, errors: [parsed.error] };
    const uses = variableUses(engine, parsed.templates, vocabulary);
    const unknown = uses.filter((use) => !use.known);
    if (unknown.length > 0) return { ok: false, errors: unknown.map(unknownUseError) };
    // Catches what static analysis cannot see (`{% assign c = customer %}{{ c.frist_name }}`) and
    // templates that only blow a limit once rendered.
    const rendered = run(engine, parsed.templates, catalogue.example(), runOptions, vocabulary);
    if (!rendered.ok) return { ok: false, errors: [rendered.error] };
    return { ok: true, variables: uniqueKnownPaths(uses) };
  }

  function renderWith(source: string, context: RenderContext, options: TemplateRenderOptions, html: boolean): TemplateRender {
    const engine = engineFor(settingsFrom(options, html));
    const runOptions: RunOptions = {
      maxOutputChars: options.maxOutputChars ?? MACRO_LIMITS.maxOutputChars,
      timeoutMs: options.timeoutMs ?? MACRO_LIMITS.timeoutMs,
      now: options.now,
    };
    const parsed = parse(engine, source, runOptions, vocabulary);
    if (!parsed.ok) return { ok: false, error: describeError(parsed.error) };
    const unknown = variableUses(engine, parsed.templates, vocabulary).find((use) => !use.known);
    if (unknown) return { ok: false, error: describeError(unknownUseError(unknown)) };
    const rendered = run(engine, parsed.templates, context, runOptions, vocabulary);
    return rendered.ok ? rendered : { ok: false, error: describeError(rendered.error) };
  }

  function extractVariables(source: string): string[] {
    const engine = engineFor(settingsFrom({}, false));
    try {
      return uniqueKnownPaths(variableUses(engine, engine.parse(source), vocabulary));
    } catch {
      return [];
    }
  }

  return {
    validate,
    render: (source, context, options = {}) => renderWith(source, context, options, false),
    renderHtml: (source, context, options = {}) => renderWith(source, context, options, true),
    extractVariables,
  };
}

// ---------------------------------------------------------------------------------------------
// Macros

const macroTemplates = createTemplateKit<MacroRenderContext>({
  label: "macro",
  subject: "this conversation",
  paths: MACRO_VARIABLES.map((variable) => variable.path),
  example: exampleContext,
});

/** The catalogue variables a macro uses, in order of first use; empty when it does not parse. */
export function extractVariables(source: string): string[] {
  return macroTemplates.extractVariables(source);
}

/**
 * Save-time check: the macro parses with only the allowed tags and filters, every placeholder is in
 * the catalogue (all unknown ones reported, with positions), and it renders against the example
 * context within the limits.
 */
export function validateMacro(source: string, options: MacroValidationOptions = {}): MacroValidation {
  return macroTemplates.validate(source, options);
}

/** Plain-text reply: values are inserted as they are. */
export function renderMacro(source: string, context: MacroRenderContext, options: MacroRenderOptions = {}): MacroRender {
  return macroTemplates.render(source, context, options);
}

/** HTML email variant: every printed value is HTML-escaped, and there is no `raw` to opt out. */
export function renderMacroHtml(source: string, context: MacroRenderContext, options: MacroRenderOptions = {}): MacroRender {
  return macroTemplates.renderHtml(source, context, options);
}
