import { describe, expect, it } from "vitest";
import { describeImportError, importFailure, parseJsonText, type ImportError } from "../../../../../../app/features/import-export/domain/errors";

describe("describeImportError", () => {
  it.each<[ImportError, string]>([
    [{ line: 4, field: "body", message: "body is required" }, "Line 4, body: body is required"],
    [{ line: 2, column: 7, message: "Invalid JSON: Unexpected end of JSON input" }, "Line 2, column 7: Invalid JSON: Unexpected end of JSON input"],
    [{ item: 3, field: "title", message: "title is required" }, "Item 3, title: title is required"],
    [{ message: "…and 5 more errors" }, "…and 5 more errors"],
  ])("GIVEN %j WHEN describing it THEN it reads %j", (error, text) => {
    expect(describeImportError(error)).toBe(text);
  });
});

describe("importFailure", () => {
  it("GIVEN errors found out of order WHEN reporting THEN file-wide ones come first and the rest by line", () => {
    const found: ImportError[] = [{ line: 9, message: "c" }, { message: "file" }, { line: 2, message: "a" }, { line: 9, message: "d" }];
    expect(importFailure(found).errors.map((e) => e.message)).toEqual(["file", "a", "c", "d"]);
  });

  it("GIVEN 101 errors WHEN reporting THEN 100 are listed and one more is counted in the singular", () => {
    const found = Array.from({ length: 101 }, (_, i): ImportError => ({ item: i + 1, message: "x" }));
    const { errors } = importFailure(found);
    expect(errors).toHaveLength(101);
    expect(errors[100]).toEqual({ message: "…and 1 more error" });
  });
});

describe("parseJsonText", () => {
  it("GIVEN JSON with a byte order mark WHEN parsing THEN it is read", () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("GIVEN a bad token V8 reports without a position WHEN parsing THEN the message omits the echoed source", () => {
    const result = parseJsonText(`{"a": ${"x".repeat(500)}}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(80);
  });
});
