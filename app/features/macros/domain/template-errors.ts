/** liquidjs errors turned into messages a merchant can act on, with the line and column they point at. Framework-free. */
import { LiquidError } from "liquidjs";
import { MACRO_LIMITS } from "./template-sandbox";
import { type TemplateError, type Vocabulary, unknownVariableMessage } from "./template-vocabulary";

export function positionOf(error: unknown): { line: number; column: number } {
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

export function friendlyMessage(
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

export function toTemplateError(
  error: unknown,
  options: { timeoutMs: number; maxOutputChars: number },
  vocabulary: Vocabulary,
): TemplateError {
  const message = bareMessage(error);
  const filter = message.match(/^undefined filter: (.+)$/)?.[1];
  const position = (filter !== undefined ? filterPosition(error, filter) : undefined) ?? positionOf(error);
  return { message: friendlyMessage(message, options, vocabulary), ...position };
}

export function describeError(error: TemplateError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}
