import { describe, expect, it, vi } from "vitest";

// The shared core of the block scripts, run in Node with stand-ins for the browser's storage.
// Each test loads the module afresh: the in-memory fallback lives for one page (one module load).
const core = async () => {
  vi.resetModules();
  return { ...(await import("../../../../../storefront/src/core/strings")) };
};

describe("storefront core: strings", () => {
  it("GIVEN placeholders THEN the known ones are filled and the rest stay as typed", async () => {
    const { format } = await core();
    expect(format("{count} of {max}", { count: 3, max: 5 })).toBe("3 of 5");
    expect(format("Order {name} {missing}", { name: "$& #1001" })).toBe("Order $& #1001 {missing}");
    expect(format("{x}")).toBe("{x}");
  });
});
