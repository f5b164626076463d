import { describe, expect, it } from "vitest";
import { renderFaqAnswer, validateFaqAnswer } from "../../../../../../app/features/faq/domain/template";
import { exampleFaqContext, type FaqContext } from "../../../../../../app/features/faq/domain/variables";
import { MACRO_LIMITS } from "../../../../../../app/features/macros/domain/template";
import { errors, text } from "../../../../../helpers/templates";

describe("validateFaqAnswer", () => {
  it("GIVEN an answer using FAQ placeholders WHEN validating THEN it is accepted with its variables", () => {
    expect(validateFaqAnswer("You have {{ returns.window_days }} days from {{ returns.window_starts }}.")).toEqual({
      ok: true,
      variables: ["returns.window_days", "returns.window_starts"],
    });
  });

  it("GIVEN a condition on an optional value WHEN validating THEN it is accepted", () => {
    const source = '{% if shipping.free_shipping_threshold != "" %}Free over {{ shipping.free_shipping_threshold }}{% endif %}';
    expect(validateFaqAnswer(source)).toMatchObject({ ok: true });
  });

  it("GIVEN a macro placeholder WHEN validating an FAQ answer THEN it is refused: FAQ answers know no customer", () => {
    expect(errors(validateFaqAnswer("Hi {{ customer.first_name }}"))).toEqual(['1:7 Unknown variable "customer.first_name"']);
  });

  it("GIVEN a misspelt FAQ placeholder WHEN validating THEN the FAQ catalogue suggests the right one", () => {
    expect(errors(validateFaqAnswer("{{ returns.window_day }}"))).toEqual([
      '1:4 Unknown variable "returns.window_day"; did you mean "returns.window_days"?',
    ]);
  });

  it("GIVEN a whole group WHEN validating THEN the hint names one of the FAQ group's variables", () => {
    expect(errors(validateFaqAnswer("{{ support }}"))).toEqual([
      '1:4 "support" is a group; use one of its variables, such as "support.hours"',
    ]);
  });

  it("GIVEN a dynamic lookup WHEN validating THEN the hint names an FAQ variable", () => {
    expect(errors(validateFaqAnswer("{% assign k = 'name' %}{{ shop[k] }}"))[0]).toContain('such as "shop.name"');
  });

  it("GIVEN a disallowed tag WHEN validating THEN the message speaks of FAQ answers", () => {
    expect(errors(validateFaqAnswer("{% include 'x' %}"))).toEqual(["1:1 The {% include %} tag is not allowed in FAQ answers"]);
  });

  it("GIVEN an answer whose text passes the output bound WHEN validating THEN the message speaks of the FAQ answer", () => {
    // Plain text rather than a loop, so the time limit cannot fire first on a busy machine.
    const source = `{{ shop.name }}${"x".repeat(MACRO_LIMITS.maxOutputChars)}`;
    expect(errors(validateFaqAnswer(source))).toEqual([
      `1:16 The FAQ answer's text is longer than ${MACRO_LIMITS.maxOutputChars} characters`,
    ]);
  });

  it("GIVEN an answer longer than the source bound WHEN validating THEN it is refused", () => {
    expect(errors(validateFaqAnswer("x".repeat(MACRO_LIMITS.maxSourceChars + 1)))).toEqual([
      `1:1 The FAQ answer is longer than ${MACRO_LIMITS.maxSourceChars} characters`,
    ]);
  });
});

describe("renderFaqAnswer", () => {
  it("GIVEN the shop's values WHEN rendering THEN placeholders are filled and Markdown is left for later", () => {
    const context: FaqContext = exampleFaqContext();
    context.returns.window_days = 14;
    expect(text(renderFaqAnswer("**{{ returns.window_days }} days** to return", context))).toBe("**14 days** to return");
  });

  it("GIVEN markup in a value WHEN rendering THEN it is inserted as it is (the Markdown step escapes it)", () => {
    const context = exampleFaqContext();
    context.shop.name = "<b>Harbor</b> & Pine";
    expect(text(renderFaqAnswer("{{ shop.name }}", context))).toBe("<b>Harbor</b> & Pine");
  });

  it("GIVEN a context without a group WHEN rendering THEN the refusal names the shop, not a conversation", () => {
    const { shop, returns, support } = exampleFaqContext();
    const result = renderFaqAnswer("{{ shipping.carriers }}", { shop, returns, support } as unknown as FaqContext);
    expect(result).toEqual({
      ok: false,
      error: 'Line 1, column 4: There is no shipping for this shop, so its "shipping." placeholders cannot be filled',
    });
  });

  it("GIVEN a loop over a hundred million numbers WHEN rendering THEN the allocation limit stops it", () => {
    expect(renderFaqAnswer("{% for i in (1..100000000) %}x{% endfor %}", exampleFaqContext())).toEqual({
      ok: false,
      error: "Line 1, column 1: The FAQ answer loops or builds text beyond the allowed size; check its loops",
    });
  });
});
