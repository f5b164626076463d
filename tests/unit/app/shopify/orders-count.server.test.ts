import { describe, expect, it } from "vitest";
import { createdInRange } from "../../../../app/shopify/orders-count.server";

const at = (iso: string) => new Date(iso);

describe("createdInRange", () => {
  it("GIVEN a range THEN the search includes both ends", () => {
    expect(createdInRange({ from: at("2026-10-09T04:00:00.000Z"), to: at("2026-10-15T16:30:00.000Z") })).toBe(
      "created_at:>='2026-10-09T04:00:00.000Z' created_at:<'2026-10-15T16:30:00.001Z'",
    );
  });

  it("GIVEN a range ending 1 ms before the next starts THEN the search ends exactly where the next begins", () => {
    expect(createdInRange({ from: at("2026-10-02T04:00:00.000Z"), to: new Date(Date.parse("2026-10-09T04:00:00.000Z") - 1) })).toContain(
      "created_at:<'2026-10-09T04:00:00.000Z'",
    );
  });
});
