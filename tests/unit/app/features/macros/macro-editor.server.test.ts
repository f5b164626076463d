import { describe, expect, it } from "vitest";
import { formatMacroError } from "../../../../../app/features/macros/macro-editor.server";

describe("formatMacroError", () => {
  it("GIVEN an error with a position THEN it reads Line, column, message", () => {
    expect(
      formatMacroError({ line: 2, column: 9, message: "Unknown variable" })
    ).toBe("Line 2, column 9: Unknown variable");
  });
});
