import type { TemplateRender, TemplateValidation } from "../../app/features/macros/domain/template";

/** A render's text; a failed render fails the test with its error. */
export function text(result: TemplateRender): string {
  if (!result.ok) throw new Error(`expected a render, got: ${result.error}`);
  return result.text;
}

/** A refusal's errors as "line:column message"; an accepted template fails the test. */
export function errors(result: TemplateValidation): string[] {
  if (result.ok) throw new Error("expected a refusal");
  return result.errors.map((error) => `${error.line}:${error.column} ${error.message}`);
}
