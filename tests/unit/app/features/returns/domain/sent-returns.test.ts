import { describe, expect, it } from "vitest";
import { findSentReturn, type HeldReturn } from "../../../../../../app/features/returns/domain/sent-returns";

const STORED = new Date("2026-12-01T10:00:00Z");
const held = (id: string, createdAt: string, lines: [string, number][], status = "REQUESTED"): HeldReturn => ({
  id,
  name: `#1001-R${id}`,
  status,
  createdAt,
  lines: lines.map(([fulfillmentLineItemId, quantity]) => ({ fulfillmentLineItemId, quantity })),
});
const sent = [{ fulfillmentLineItemId: "fli-1", quantity: 2 }];

describe("finding a return whose answer was lost", () => {
  it("GIVEN the order holds a return with exactly the lines sent, made after the request was stored THEN it is the one", () => {
    const found = findSentReturn([held("1", "2026-12-01T10:00:05Z", [["fli-1", 2]])], sent, STORED, new Set());
    expect(found?.id).toBe("1");
  });

  it("GIVEN the same lines split over two return lines THEN they still match", () => {
    const found = findSentReturn([held("1", "2026-12-01T10:01:00Z", [["fli-1", 1], ["fli-1", 1]])], sent, STORED, new Set());
    expect(found?.id).toBe("1");
  });

  it("GIVEN a return with other quantities or other lines THEN nothing matches and the request is sent", () => {
    const others = [held("1", "2026-12-01T10:01:00Z", [["fli-1", 1]]), held("2", "2026-12-01T10:01:00Z", [["fli-1", 2], ["fli-2", 1]])];
    expect(findSentReturn(others, sent, STORED, new Set())).toBeNull();
  });

  it("GIVEN a matching return made well before the request was stored THEN it is an older return, not ours", () => {
    expect(findSentReturn([held("1", "2026-12-01T09:00:00Z", [["fli-1", 2]])], sent, STORED, new Set())).toBeNull();
  });

  it("GIVEN a matching return a few seconds before our clock's time THEN clocks disagreeing a little still match", () => {
    expect(findSentReturn([held("1", "2026-12-01T09:59:30Z", [["fli-1", 2]])], sent, STORED, new Set())?.id).toBe("1");
  });

  it("GIVEN the matching return is already linked to another request THEN it is not taken twice", () => {
    const returns = [held("1", "2026-12-01T10:00:05Z", [["fli-1", 2]]), held("2", "2026-12-01T10:00:09Z", [["fli-1", 2]])];
    expect(findSentReturn(returns, sent, STORED, new Set(["1"]))?.id).toBe("2");
  });

  it("GIVEN two matching returns THEN the oldest is linked", () => {
    const returns = [held("2", "2026-12-01T10:00:09Z", [["fli-1", 2]]), held("1", "2026-12-01T10:00:05Z", [["fli-1", 2]])];
    expect(findSentReturn(returns, sent, STORED, new Set())?.id).toBe("1");
  });
});
