import { describe, expect, it } from "vitest";
import { contactMatches, hashMatches, normalizeOrderName, orderNameMatches, remainingDelay } from "../../../../../../app/features/tracking/domain/verify";

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

describe("exact order name", () => {
  const hb = { name: "HB-1001-EU", number: 1001 };
  it.each(["HB-1001-EU", "hb-1001-eu", "#HB-1001-EU", " 1001 ", "#1001", "HB-1001", "1001-EU"])("GIVEN %s for HB-1001-EU THEN it is that order", (typed) => {
    expect(orderNameMatches(typed, hb)).toBe(true);
  });

  it.each(["100", "10010", "HB-1001-E", "HB1001EU", "EU", "HB-"])("GIVEN %s for HB-1001-EU THEN it is not", (typed) => {
    expect(orderNameMatches(typed, hb)).toBe(false);
  });

  it("GIVEN #1-A typed WHEN the candidates are #12-A and #1-A THEN only #1-A matches", () => {
    expect(orderNameMatches("#1-A", { name: "#12-A", number: 12 })).toBe(false);
    expect(orderNameMatches("#1-A", { name: "#1-A", number: 1 })).toBe(true);
    expect(orderNameMatches("1", { name: "#12-A", number: 12 })).toBe(false);
  });
});
