import { describe, expect, it } from "vitest";
import { z } from "zod";
import { storableText, storedText } from "../../../../app/lib/text";

describe("storableText", () => {
  it("GIVEN NUL characters THEN they are dropped (PostgreSQL refuses them in text)", () => {
    expect(storableText("a\u0000b\u0000")).toBe("ab");
  });

  it("GIVEN lone surrogates THEN each becomes U+FFFD, and a valid pair is kept", () => {
    expect(storableText("\uD800x\uDC00 \uD83D\uDE00")).toBe("\uFFFDx\uFFFD \uD83D\uDE00");
  });
});

describe("storedText", () => {
  const Schema = z.object({ message: storedText(z.string().trim().min(2, "too_short")), note: storedText(z.string().optional()) });

  it("GIVEN a field with NUL characters THEN the rules apply to the cleaned text", () => {
    expect(Schema.safeParse({ message: "\u0000a\u0000" }).success).toBe(false);
    expect(Schema.parse({ message: " h\u0000i " })).toEqual({ message: "hi" });
  });

  it("GIVEN a non-string THEN the inner schema's own type error applies, and an optional field may be missing", () => {
    expect(Schema.safeParse({ message: 42 }).success).toBe(false);
    expect(Schema.parse({ message: "ok" })).toEqual({ message: "ok" });
  });
});
