import { describe, expect, it } from "vitest";
import { MACRO_LIMITS, renderMacro, renderMacroHtml, validateMacro, type MacroRender } from "../../../../../../app/features/macros/domain/template";
import { exampleContext, type MacroContext } from "../../../../../../app/features/macros/domain/variables";

function context(edit: (c: MacroContext) => void = () => {}): MacroContext {
  const c = exampleContext();
  edit(c);
  return c;
}

function text(result: MacroRender): string {
  if (!result.ok) throw new Error(`expected a render, got: ${result.error}`);
  return result.text;
}

function error(result: MacroRender): string {
  if (result.ok) throw new Error(`expected a refusal, got: ${JSON.stringify(result.text)}`);
  return result.error;
}

describe("renderMacro: plain text", () => {
  it("GIVEN a macro and a context WHEN rendering THEN placeholders are filled and line breaks kept", () => {
    const source = "Hi {{ customer.first_name }},\n\nYour order {{ order.name }} is {{ order.status | downcase }}.";
    expect(text(renderMacro(source, exampleContext()))).toBe("Hi Maya,\n\nYour order #1042 is in transit.");
  });

  it("GIVEN markup in a customer's name WHEN rendering plain text THEN the value is kept exactly as it is", () => {
    const source = "Hi {{ customer.first_name }} & welcome";
    expect(
      text(
        renderMacro(
          source,
          context((c) => (c.customer.first_name = "<script>alert('x')</script>")),
        ),
      ),
    ).toBe("Hi <script>alert('x')</script> & welcome");
  });

  it("GIVEN a conversation without an order WHEN a macro prints an order value THEN it is refused with a readable reason", () => {
    expect(error(renderMacro("Tracking: {{ order.tracking_url }}", { customer: { first_name: "Maya" } }))).toBe(
      'Line 1, column 14: There is no order for this conversation, so its "order." placeholders cannot be filled',
    );
  });

  it("GIVEN a conversation without an order WHEN the macro guards with if and default THEN it renders", () => {
    const source =
      "{% if order.tracking_url %}Track: {{ order.tracking_url }}{% else %}Not shipped{% endif %} / {{ order.carrier | default: 'n/a' }}";
    expect(text(renderMacro(source, { customer: { first_name: "Maya" } }))).toBe("Not shipped / n/a");
  });

  it("GIVEN an unknown variable WHEN rendering THEN it is refused with its line and column", () => {
    expect(error(renderMacro("Hi\n{{ customer.nickname }}", exampleContext()))).toBe(
      'Line 2, column 4: Unknown variable "customer.nickname"',
    );
  });

  it("GIVEN a syntax error WHEN rendering THEN it is refused with its position", () => {
    expect(error(renderMacro("{% if shop.name %}open", exampleContext()))).toBe(
      "Line 1, column 1: Tag {% if shop.name %} not closed",
    );
  });

  it("GIVEN a number WHEN formatting with money THEN the shop's currency and locale are used", () => {
    expect(text(renderMacro("{{ 1234.5 | money }}", exampleContext()))).toBe("$1,234.50");
    expect(text(renderMacro("{{ 1234.5 | money }}", exampleContext(), { currency: "EUR", locale: "de-DE" }))).toBe(
      "1.234,50\u00a0€",
    );
  });

  it("GIVEN an amount that is already formatted WHEN applying money THEN it is left as it is", () => {
    expect(text(renderMacro("{{ order.total | money }}", exampleContext()))).toBe("$84.50");
  });

  it("GIVEN 'now' in a date WHEN rendering with a clock and a time zone THEN the passed-in time is used in that zone", () => {
    const options = { now: new Date("2026-03-04T02:30:00Z"), timeZone: "America/Toronto" };
    expect(text(renderMacro("{{ 'now' | date: '%Y-%m-%d %H:%M' }}", exampleContext(), options))).toBe("2026-03-03 21:30");
  });

  it("GIVEN 'now' in a date WHEN rendering without a clock THEN it is refused instead of reading the system time", () => {
    expect(error(renderMacro("{{ 'now' | date: '%Y' }}", exampleContext()))).toMatch(/"now" needs the render time/);
  });
});

describe("renderMacroHtml: escaping", () => {
  it("GIVEN a script tag in a customer's name WHEN rendering the HTML variant THEN it is escaped", () => {
    const result = renderMacroHtml(
      "<p>Hi {{ customer.first_name }}</p>",
      context((c) => (c.customer.first_name = '<script>alert("x")</script>')),
    );
    expect(text(result)).toBe("<p>Hi &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p>");
  });

  it("GIVEN an ampersand in the shop name WHEN rendering the HTML variant THEN it is escaped", () => {
    expect(text(renderMacroHtml("{{ shop.name }}", exampleContext()))).toBe("Harbor &amp; Pine");
  });

  it("GIVEN a value passed through assign and filters WHEN rendering the HTML variant THEN it is still escaped", () => {
    const source = "{% assign n = customer.first_name | upcase %}{{ n | append: '!' }}";
    expect(
      text(
        renderMacroHtml(
          source,
          context((c) => (c.customer.first_name = "<b>x</b>")),
        ),
      ),
    ).toBe("&lt;B&gt;X&lt;/B&gt;!");
  });

  it("GIVEN the raw filter WHEN rendering the HTML variant THEN it is refused so escaping cannot be skipped", () => {
    expect(error(renderMacroHtml("{{ customer.first_name | raw }}", exampleContext()))).toBe(
      'Line 1, column 26: Unknown filter "raw"',
    );
  });
});

describe("hostile templates", () => {
  it("GIVEN a loop over a hundred million numbers WHEN rendering THEN the allocation limit stops it before it starts", () => {
    const result = renderMacro("{% for i in (1..100000000) %}x{% endfor %}", exampleContext());
    expect(error(result)).toBe("Line 1, column 1: The macro loops or builds text beyond the allowed size; check its loops");
  });

  it("GIVEN a loop printing a million characters WHEN rendering THEN it is refused beyond the output bound", () => {
    const result = renderMacro("{% for i in (1..100000) %}xxxxxxxxxx{% endfor %}", exampleContext());
    expect(error(result)).toBe(`Line 1, column 27: The macro's text is longer than ${MACRO_LIMITS.maxOutputChars} characters`);
  });

  it("GIVEN a smaller output bound WHEN the text exceeds it THEN it is refused", () => {
    expect(error(renderMacro("{{ order.items_summary }}", exampleContext(), { maxOutputChars: 10 }))).toMatch(
      /longer than 10 characters/,
    );
  });

  it("GIVEN text exactly at the output bound WHEN rendering THEN it is accepted", () => {
    expect(text(renderMacro("{% for i in (1..5) %}xx{% endfor %}", exampleContext(), { maxOutputChars: 10 }))).toBe("xxxxxxxxxx");
  });

  it("GIVEN nested loops of a million iterations WHEN rendering THEN a limit stops them", () => {
    const result = renderMacro("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", exampleContext());
    expect(error(result)).toMatch(/check its loops$/);
  });

  it("GIVEN a long silent loop WHEN rendering with a 1 ms budget THEN the time limit stops it", () => {
    const result = renderMacro("{% for i in (1..150000) %}{% endfor %}done", exampleContext(), { timeoutMs: 1 });
    expect(error(result)).toMatch(/took too long to render \(limit 1 ms\)/);
  });

  it("GIVEN text built up in a capture WHEN rendering THEN a limit stops it though nothing is printed", () => {
    const source =
      "{% capture big %}{% for i in (1..150000) %}{{ shop.name }}{{ shop.name }}{% endfor %}{% endcapture %}{{ big.size }}";
    expect(error(renderMacro(source, exampleContext()))).toMatch(/too long|beyond the allowed size/);
  });

  it("GIVEN a string doubled by append WHEN rendering THEN the allocation limit stops it", () => {
    const source =
      "{% assign s = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}";
    expect(error(renderMacro(source, exampleContext()))).toMatch(/beyond the allowed size/);
  });

  it("GIVEN an include of a system file WHEN rendering THEN it is refused and nothing is read", () => {
    expect(error(renderMacro("{% include '/etc/passwd' %}", exampleContext()))).toBe(
      "Line 1, column 1: The {% include %} tag is not allowed in macros",
    );
  });

  it("GIVEN a layout pointing outside the project WHEN rendering THEN it is refused", () => {
    expect(error(renderMacro("{% layout '../../../etc/hosts' %}", exampleContext()))).toBe(
      "Line 1, column 1: The {% layout %} tag is not allowed in macros",
    );
  });

  it("GIVEN a prototype walk WHEN rendering THEN it is refused", () => {
    expect(error(renderMacro("{{ customer.first_name.constructor }}", exampleContext()))).toMatch(
      /Unknown variable "customer.first_name.constructor"/,
    );
  });

  it("GIVEN an inherited property in a hand-built context WHEN rendering THEN it is not exposed", () => {
    const customer = Object.create({ first_name: "inherited" }) as MacroContext["customer"];
    expect(error(renderMacro("{{ customer.first_name }}", { customer }))).toMatch(/"customer.first_name" has no value/);
  });

  it("GIVEN a macro longer than the source bound WHEN validating THEN it is refused", () => {
    const result = validateMacro("x".repeat(MACRO_LIMITS.maxSourceChars + 1));
    expect(result).toEqual({
      ok: false,
      errors: [{ message: `The macro is longer than ${MACRO_LIMITS.maxSourceChars} characters`, line: 1, column: 1 }],
    });
  });

  it("GIVEN a macro that only blows a limit once rendered WHEN validating THEN it is refused at save time", () => {
    const result = validateMacro("{% for i in (1..2000) %}{{ shop.name }}{% endfor %}");
    expect(result).toEqual({
      ok: false,
      errors: [{ message: `The macro's text is longer than ${MACRO_LIMITS.maxOutputChars} characters`, line: 1, column: 25 }],
    });
  });
});
