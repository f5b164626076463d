/**
 * FAQ answers are Liquid against the FAQ catalogue, in the same sandbox and limits as macros.
 * Framework-free. An answer renders to Markdown source; `markdownToHtml` escapes it afterwards, so
 * values are inserted here as they are.
 */
import {
  createTemplateKit,
  type TemplateRender,
  type TemplateRenderOptions,
  type TemplateValidation,
  type TemplateValidationOptions,
} from "../../macros/domain/template";
import { exampleFaqContext, FAQ_VARIABLES, type FaqContext } from "./variables";

const faqTemplates = createTemplateKit<FaqContext>({
  label: "FAQ answer",
  subject: "this shop",
  paths: FAQ_VARIABLES.map((variable) => variable.path),
  example: exampleFaqContext,
});

/** Save-time check: allowed tags and filters only, catalogue placeholders only, renders within limits. */
export function validateFaqAnswer(source: string, options: TemplateValidationOptions = {}): TemplateValidation {
  return faqTemplates.validate(source, options);
}

/** The answer's Markdown with the shop's values filled in. */
export function renderFaqAnswer(source: string, context: FaqContext, options: TemplateRenderOptions = {}): TemplateRender {
  return faqTemplates.render(source, context, options);
}
