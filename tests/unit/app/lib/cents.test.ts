import { describe, expect, it } from "vitest";
import { centsToInput, parseCents } from "../../../../app/lib/cents";

describe("parseCents", () => {
  it.each([
    ["12.5", 1250],
    ["12.50", 1250],
    ["12", 1200],
    ["12.", 1200],
    [".5", 50],
    ["0", 0],
    ["0.01", 1],
    ["  7.25 ", 725],
    ["007.10", 710],
    ["0.1", 10],
    ["999999999.99", 99_999_999_999],
  ])("GIVEN %j THEN %d cents", (text, cents) => {
    expect(parseCents(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ["-5", /cannot be negative/],
    ["-0.01", /cannot be negative/],
    ["12.345", /at most 2 decimals/],
    ["0.001", /at most 2 decimals/],
    ["abc", /as a number/],
    ["1,50", /as a number/],
    ["1e3", /as a number/],
    ["$12", /as a number/],
    ["Infinity", /as a number/],
    ["12.5.1", /as a number/],
    [".", /as a number/],
    ["", /Enter an amount/],
    ["   ", /Enter an amount/],
    ["1000000000", /too large/],
  ])("GIVEN %j THEN it is refused with a message a person understands", (text, message) => {
    const result = parseCents(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toMatch(message);
  });
});

describe("centsToInput", () => {
  it.each([
    [1250, "12.50"],
    [5, "0.05"],
    [0, "0.00"],
    [100_000, "1000.00"],
  ])("GIVEN %d cents THEN the field starts at %j, which reads back the same", (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
    expect(parseCents(text)).toEqual({ ok: true, cents });
  });
});
