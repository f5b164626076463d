import { describe, expect, it } from "vitest";
import { contactMatches, hashMatches, normalizeOrderName, remainingDelay } from "../../../../../../app/features/tracking/domain/verify";

describe("order name normalisation", () => {
  it.each([
    ["1001", "#1001"],
    ["#1001", "#1001"],
    ["  # 1001 ", "#1001"],
    ["ABC-1001", "#ABC-1001"],
  ])("GIVEN %j THEN it is %j", (input, expected) => {
    expect(normalizeOrderName(input)).toBe(expected);
  });

  it.each(["", "#", "10 01", 'x" OR name:*', "<script>", "a".repeat(41), "1001)"])("GIVEN %j THEN it is not an order name", (input) => {
    expect(normalizeOrderName(input)).toBeNull();
  });
});

describe("contact check", () => {
  const order = { email: "Liam.OConnor@example.com", phone: "+16045550178" };

  it("GIVEN the order's email in another case and with spaces THEN it matches", () => {
    expect(contactMatches(order, { email: "  liam.oconnor@EXAMPLE.com " })).toBe(true);
  });

  it("GIVEN another email THEN it does not match", () => {
    expect(contactMatches(order, { email: "liam@example.com" })).toBe(false);
  });

  it.each(["604 555 0178", "(604) 555-0178", "+1 604-555-0178"])("GIVEN the phone written as %j THEN it matches", (phone) => {
    expect(contactMatches(order, { phone })).toBe(true);
  });

  it("GIVEN too few digits THEN nothing matches, even an order with a short phone", () => {
    expect(contactMatches({ email: null, phone: "12345" }, { phone: "12345" })).toBe(false);
  });

  it("GIVEN an order without email THEN an empty email never matches it", () => {
    expect(contactMatches({ email: null, phone: null }, { email: "" })).toBe(false);
  });
});

describe("contact check against held hashes", () => {
  const held = { emailHash: "e-hash", phoneHash: null };
  it("GIVEN the held email hash THEN it matches; GIVEN another THEN it does not", () => {
    expect(hashMatches(held, "e-hash", { email: "a@example.com" })).toBe(true);
    expect(hashMatches(held, "other", { email: "a@example.com" })).toBe(false);
  });
  it("GIVEN an order held without a phone THEN no phone matches, not even a missing one", () => {
    expect(hashMatches(held, null, { phone: "123" })).toBe(false);
    expect(hashMatches(held, "e-hash", { phone: "+1 604 555 0178" })).toBe(false);
  });
});

describe("failed-lookup floor", () => {
  it("GIVEN a failure decided after 30 ms with a 400 ms floor THEN it waits the other 370 ms", () => {
    expect(remainingDelay(1_000, 1_030, 400)).toBe(370);
  });

  it("GIVEN a failure that already took longer than the floor THEN it answers at once", () => {
    expect(remainingDelay(1_000, 1_900, 400)).toBe(0);
  });
});
