import { describe, expect, it } from "vitest";
import { createTemplateKit } from "../../../../../../app/features/macros/domain/template";
import { errors, text } from "../../../../../helpers/templates";

describe("createTemplateKit with another catalogue", () => {
  const notes = createTemplateKit<{ parcel: { weight: number; label: string } }>({
    label: "packing note",
    subject: "this parcel",
    paths: ["parcel.weight", "parcel.label"],
    example: () => ({ parcel: { weight: 2, label: "Fragile" } }),
  });

  it("GIVEN its own variables WHEN rendering THEN they are filled", () => {
    expect(text(notes.render("{{ parcel.label }}: {{ parcel.weight | plus: 1 }} kg", { parcel: { weight: 4, label: "A" } }))).toBe(
      "A: 5 kg",
    );
  });

  it("GIVEN another catalogue's variable WHEN validating THEN it is refused", () => {
    expect(errors(notes.validate("{{ returns.window_days }}"))).toEqual(['1:4 Unknown variable "returns.window_days"']);
  });

  it("GIVEN a disallowed tag WHEN validating THEN the message uses its label", () => {
    expect(errors(notes.validate("{% render 'x' %}"))).toEqual(["1:1 The {% render %} tag is not allowed in packing notes"]);
  });

  it("GIVEN a value with markup WHEN rendering HTML THEN it is escaped", () => {
    expect(text(notes.renderHtml("{{ parcel.label }}", { parcel: { weight: 1, label: "<i>x</i>" } }))).toBe("&lt;i&gt;x&lt;/i&gt;");
  });

  it("GIVEN a template WHEN extracting variables THEN only its catalogue's are listed", () => {
    expect(notes.extractVariables("{{ parcel.weight }} {{ shop.name }} {{ parcel.weight }}")).toEqual(["parcel.weight"]);
  });
});
