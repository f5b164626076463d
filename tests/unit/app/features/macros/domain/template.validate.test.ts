import { describe, expect, it } from "vitest";
import { extractVariables, validateMacro, type MacroError } from "../../../../../../app/features/macros/domain/template";

function errorsOf(source: string): MacroError[] {
  const result = validateMacro(source);
  if (result.ok) throw new Error(`expected ${JSON.stringify(source)} to be refused`);
  return result.errors;
}

describe("validateMacro: valid templates", () => {
  it("GIVEN a macro using catalogue variables WHEN validating THEN it is accepted with the variables in order of first use", () => {
    const result = validateMacro(
      "Hi {{ customer.first_name }},\nyour order {{ order.name }} is on its way: {{ order.tracking_url }}\n{{ customer.first_name }}",
    );
    expect(result).toEqual({ ok: true, variables: ["customer.first_name", "order.name", "order.tracking_url"] });
  });

  it("GIVEN a macro with no placeholders WHEN validating THEN it is accepted with no variables", () => {
    expect(validateMacro("Thanks for reaching out!")).toEqual({ ok: true, variables: [] });
  });

  it("GIVEN local variables from assign, capture and for WHEN validating THEN they are not mistaken for unknown placeholders", () => {
    const source = [
      "{% assign greeting = customer.first_name | capitalize %}",
      "{% capture sign_off %}{{ staff.first_name }}, {{ shop.name }}{% endcapture %}",
      "{% assign items = order.items_summary | split: ', ' %}",
      "{% for item in items limit: 3 %}- {{ item }} ({{ forloop.index }}){% endfor %}",
      "{{ greeting }} {{ sign_off }}",
    ].join("\n");
    expect(validateMacro(source)).toEqual({
      ok: true,
      variables: ["customer.first_name", "staff.first_name", "shop.name", "order.items_summary"],
    });
  });

  it.each([
    ["if/elsif/else", "{% if order.status == 'Delivered' %}a{% elsif order.status == 'In transit' %}b{% else %}c{% endif %}"],
    ["unless", "{% unless order.tracking_url == blank %}{{ order.tracking_url }}{% endunless %}"],
    ["case/when", "{% case return.status %}{% when 'Approved' %}yes{% else %}no{% endcase %}"],
    [
      "for with limit, break and continue",
      "{% for i in (1..10) limit: 3 %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% break %}{% endfor %}",
    ],
    ["cycle", "{% for i in (1..3) %}{% cycle 'a', 'b' %}{% endfor %}"],
    ["capture", "{% capture x %}{{ shop.name }}{% endcapture %}{{ x }}"],
    ["assign", "{% assign x = shop.name %}{{ x }}"],
    ["echo", "{% echo shop.name | upcase %}"],
    ["raw", "{% raw %}{{ not_a_variable }}{% endraw %}"],
    ["comment", "{% comment %}{{ internal_note }}{% endcomment %}done"],
    ["inline comment", "{% # a note for the team %}done"],
  ])("GIVEN the allowed %s tag WHEN validating THEN it is accepted", (_name, source) => {
    expect(validateMacro(source).ok).toBe(true);
  });

  it("GIVEN every allowed filter in use WHEN validating THEN it is accepted", () => {
    const source = [
      "{{ customer.first_name | upcase | downcase | capitalize | strip | prepend: 'Hi ' | append: '!' | replace: 'Hi', 'Hello' }}",
      "{{ ticket.subject | default: 'your message' | truncate: 20 | truncatewords: 3 | escape | strip_html | newline_to_br }}",
      "{{ order.placed_at | date: '%b %-d' }} {{ 'now' | date: '%Y' }}",
      "{{ policy.return_window_days | plus: 1 | minus: 1 | times: 2 | divided_by: 2 | round }}",
      "{{ order.items_summary | split: ', ' | first }} {{ order.items_summary | split: ', ' | last }}",
      "{{ order.items_summary | split: ', ' | join: ' and ' }} {{ order.items_summary | size }} {{ 12.5 | money }}",
    ].join("\n");
    expect(validateMacro(source).ok).toBe(true);
  });

  it("GIVEN the built-in size property on a catalogue value WHEN validating THEN it counts as that variable", () => {
    expect(validateMacro("{{ order.name.size }}")).toEqual({ ok: true, variables: ["order.name"] });
  });
});

describe("validateMacro: unknown variables", () => {
  it("GIVEN a misspelt variable on line 2 WHEN validating THEN it is refused at its line and column with a suggestion", () => {
    expect(errorsOf("Hi there,\nHello {{ customer.frist_name }}")).toEqual([
      { message: 'Unknown variable "customer.frist_name"; did you mean "customer.first_name"?', line: 2, column: 10 },
    ]);
  });

  it("GIVEN several unknown variables WHEN validating THEN every one is reported in source order", () => {
    const errors = errorsOf("{{ order.nmae }}\n  {{ customer.first_name }} {{ coupon.code }}\n{{ order.tracking }}");
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, 4],
      [2, 32],
      [3, 4],
    ]);
    expect(errors[1]?.message).toBe('Unknown variable "coupon.code"');
  });

  it("GIVEN an unknown variable inside a tag WHEN validating THEN it is refused", () => {
    expect(errorsOf("{% if order.refunded %}yes{% endif %}")[0]).toMatchObject({
      message: expect.stringContaining('"order.refunded"'),
      line: 1,
      column: 7,
    });
  });

  it("GIVEN a whole group printed WHEN validating THEN it is refused with a hint to pick a variable", () => {
    expect(errorsOf("{{ customer }}")[0]?.message).toBe(
      '"customer" is a group; use one of its variables, such as "customer.first_name"',
    );
  });

  it("GIVEN a dynamic lookup WHEN validating THEN it is refused", () => {
    expect(errorsOf("{% assign k = 'name' %}{{ shop[k] }}")[0]?.message).toMatch(/dynamically/);
  });

  it("GIVEN a prototype property WHEN validating THEN it is refused as an unknown variable", () => {
    expect(errorsOf("{{ customer.constructor.name }}")[0]?.message).toMatch(/^Unknown variable "customer.constructor.name"/);
  });

  it("GIVEN a misspelling hidden behind assign WHEN validating THEN the strict render against the example context refuses it", () => {
    const errors = errorsOf("{% assign name = customer.first_name %}{{ name.first_nam.x }}");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
  });
});

describe("validateMacro: filters and syntax", () => {
  it("GIVEN an unknown filter WHEN validating THEN it is refused at the filter's position", () => {
    expect(errorsOf("Hi\n  {{ customer.first_name | upcase | shout }}")).toEqual([
      { message: 'Unknown filter "shout"', line: 2, column: 37 },
    ]);
  });

  it("GIVEN an unknown filter in an assign WHEN validating THEN it is refused", () => {
    expect(errorsOf("{% assign x = order.name | reverse_it %}")[0]?.message).toBe('Unknown filter "reverse_it"');
  });

  it.each(["raw", "json", "base64_decode", "sha256", "where_exp", "inspect"])(
    "GIVEN the built-in but unlisted filter %s WHEN validating THEN it is refused",
    (filter) => {
      expect(errorsOf(`{{ customer.first_name | ${filter} }}`)[0]?.message).toBe(`Unknown filter "${filter}"`);
    },
  );

  it("GIVEN an if never closed WHEN validating THEN a syntax error points at the tag", () => {
    expect(errorsOf("Hi\n\n  {% if order.tracking_url %}track it")).toEqual([
      { message: "Tag {% if order.tracking_url %} not closed", line: 3, column: 3 },
    ]);
  });

  it("GIVEN an output never closed WHEN validating THEN a syntax error points at it", () => {
    expect(errorsOf("Hi {{ customer.first_name")[0]).toMatchObject({ line: 1, column: 4 });
  });

  it("GIVEN a malformed for WHEN validating THEN it is refused with a position", () => {
    expect(errorsOf("line\n{% for in order.name %}{% endfor %}")[0]).toMatchObject({ line: 2, column: 1 });
  });
});

describe("validateMacro: disallowed tags", () => {
  it.each([
    ["include", "{% include 'x' %}"],
    ["render", "{% render 'x' %}"],
    ["layout", "{% layout 'x' %}"],
    ["block", "{% block body %}x{% endblock %}"],
    ["tablerow", "{% tablerow i in (1..2) %}{{ i }}{% endtablerow %}"],
    ["liquid", "{% liquid echo shop.name %}"],
    ["increment", "{% increment n %}"],
  ])("GIVEN the %s tag WHEN validating THEN it is refused as not allowed", (tag, source) => {
    expect(errorsOf(`Hello\n${source}`)).toEqual([
      { message: `The {% ${tag} %} tag is not allowed in macros`, line: 2, column: 1 },
    ]);
  });

  it("GIVEN an include of a system file WHEN validating THEN it is refused before anything is read", () => {
    expect(errorsOf("{% include '/etc/passwd' %}")[0]?.message).toBe("The {% include %} tag is not allowed in macros");
  });

  it("GIVEN a render with a relative path WHEN validating THEN it is refused", () => {
    expect(errorsOf("{% render '../../.env' %}")[0]?.message).toBe("The {% render %} tag is not allowed in macros");
  });
});

describe("extractVariables", () => {
  it("GIVEN a macro WHEN extracting variables THEN catalogue paths come once each, in order of first use", () => {
    expect(
      extractVariables("{{ shop.name }} {{ customer.first_name }} {% if shop.name %}{{ order.name.size }}{% endif %}"),
    ).toEqual(["shop.name", "customer.first_name", "order.name"]);
  });

  it("GIVEN a macro with unknown variables WHEN extracting THEN only catalogue variables are listed", () => {
    expect(extractVariables("{{ coupon.code }} {{ staff.first_name }}")).toEqual(["staff.first_name"]);
  });

  it("GIVEN a macro that does not parse WHEN extracting THEN the list is empty", () => {
    expect(extractVariables("{% if shop.name %}")).toEqual([]);
  });
});
