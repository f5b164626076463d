import { describe, expect, it } from "vitest";
import { keyedHash } from "../../../../app/lib/keyed-hash";

describe("keyedHash", () => {
  it("GIVEN the same secret, purpose and value THEN the hash is the same, so rows match on it", () => {
    expect(keyedHash("secret", "faq-voter", "shop\n203.0.113.7")).toBe(keyedHash("secret", "faq-voter", "shop\n203.0.113.7"));
  });

  it("GIVEN a value THEN the hash does not contain it", () => {
    expect(keyedHash("secret", "compliance-customer", "ada@example.com")).not.toMatch(/ada|example/);
  });

  it("GIVEN another secret or another purpose THEN the hash differs, so it cannot be guessed or reused", () => {
    const hash = keyedHash("secret", "faq-voter", "203.0.113.7");
    expect(keyedHash("other-secret", "faq-voter", "203.0.113.7")).not.toBe(hash);
    expect(keyedHash("secret", "compliance-customer", "203.0.113.7")).not.toBe(hash);
  });
});
