/**
 * What a template refers to: each variable it uses checked against one catalogue, and the message
 * (with a "did you mean") for one that is not in it. Framework-free.
 */
import { type Liquid, type Template, type Variable } from "liquidjs";

export interface TemplateError {
  message: string;
  line: number;
  column: number;
}

/** The catalogue as the checks and messages below consult it. */
export interface Vocabulary {
  label: string;
  subject: string;
  paths: readonly string[];
  isVariable(path: string): boolean;
  isGroup(name: string): boolean;
}

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

export function unknownVariableMessage(path: string, vocabulary: Vocabulary): string {
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

export function variableUses(engine: Liquid, templates: Template[], vocabulary: Vocabulary): VariableUse[] {
  const analysis = engine.analyzeSync(templates, { partials: false });
  return Object.values(analysis.globals)
    .flat()
    .map((variable) => classify(variable, vocabulary))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

export function uniqueKnownPaths(uses: VariableUse[]): string[] {
  return [...new Set(uses.filter((use) => use.known).map((use) => use.path))];
}

export function unknownUseError(use: VariableUse): TemplateError {
  return { message: use.message ?? `Unknown variable "${use.path}"`, line: use.line, column: use.column };
}
