/**
 * Liquid templates: save-time validation and sandboxed rendering, for macros and for anything else
 * with a variable catalogue of its own (`createTemplateKit`). Framework-free.
 *
 * The engine is locked down rather than trusted: only the tags and filters listed in template-sandbox.ts exist (a
 * template using anything else fails to parse), the file system refuses every lookup, prototype
 * properties are hidden, and every render is bounded in time, allocations and output size.
 */
import { Context, type Liquid, toValueSync, type Template } from "liquidjs";
import { exampleContext, MACRO_VARIABLES, type MacroRenderContext } from "./variables";
import { describeError, friendlyMessage, positionOf, toTemplateError } from "./template-errors";
import { BoundedEmitter, MACRO_LIMITS, NOW_REGISTER, OutputTooLong, type TemplateRenderOptions, type TemplateValidationOptions, engineFor, settingsFrom } from "./template-sandbox";
import { type TemplateError, type Vocabulary, uniqueKnownPaths, unknownUseError, variableUses } from "./template-vocabulary";

// The kit's public face: callers import from here, whichever part defines a name.
export { ALLOWED_FILTERS, ALLOWED_TAGS, MACRO_LIMITS } from "./template-sandbox";
export type { TemplateError, TemplateRenderOptions, TemplateValidationOptions };

/** The clock used when validating `{{ "now" | date }}` against the example context. */
const EXAMPLE_NOW = new Date("2026-03-04T15:00:00Z");

export type TemplateValidation = { ok: true; variables: string[] } | { ok: false; errors: TemplateError[] };

export type TemplateRender = { ok: true; text: string } | { ok: false; error: string };

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
