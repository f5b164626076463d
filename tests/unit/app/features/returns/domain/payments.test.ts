import { describe, expect, it } from "vitest";
import { allocateRefund, findSentCredit, type Payment } from "../../../../../../app/features/returns/domain/payments";

const sale = (id: string, cents: number, kind = "SALE", status = "SUCCESS"): Payment => ({ id, kind, status, cents, parentId: null });
const refund = (id: string, parentId: string, cents: number, status = "SUCCESS"): Payment => ({ id, kind: "REFUND", status, cents, parentId });

describe("which payments a refund goes back to", () => {
  it("GIVEN one sale THEN the whole refund goes to it", () => {
    expect(allocateRefund([sale("t1", 18_900)], 18_105)).toEqual([{ parentId: "t1", cents: 18_105 }]);
  });

  it("GIVEN earlier refunds on the sale THEN only what they left can go back to it", () => {
    const payments = [sale("t1", 10_000), refund("r1", "t1", 7_000), sale("t2", 5_000, "CAPTURE")];
    expect(allocateRefund(payments, 6_000)).toEqual([
      { parentId: "t1", cents: 3_000 },
      { parentId: "t2", cents: 3_000 },
    ]);
  });

  it("GIVEN failed, authorization-only or failed-refund transactions THEN they neither take nor reduce the refund", () => {
    const payments = [sale("auth", 9_000, "AUTHORIZATION"), sale("bad", 9_000, "SALE", "FAILURE"), sale("ok", 4_000), refund("r", "ok", 4_000, "FAILURE")];
    expect(allocateRefund(payments, 4_000)).toEqual([{ parentId: "ok", cents: 4_000 }]);
  });

  it("GIVEN payments that cannot cover the refund THEN the parts add up to less (the caller refuses)", () => {
    const parts = allocateRefund([sale("t1", 1_000)], 2_500);
    expect(parts.reduce((sum, p) => sum + p.cents, 0)).toBe(1_000);
  });

  it("GIVEN nothing to refund THEN no part", () => {
    expect(allocateRefund([sale("t1", 1_000)], 0)).toEqual([]);
  });
});

describe("finding a store-credit credit whose answer was lost", () => {
  const since = new Date("2026-12-01T10:00:00Z");
  const credit = (id: string, cents: number, createdAt: string, currency = "CAD") => ({ id, cents, currency, createdAt });

  it("GIVEN a credit of the amount made since the attempt began THEN it is the one", () => {
    const found = findSentCredit([credit("c1", 1_890, "2026-12-01T10:00:05Z")], { cents: 1_890, currency: "CAD" }, since, new Set());
    expect(found?.id).toBe("c1");
  });

  it("GIVEN credits of another amount, currency, an earlier time, or linked to another request THEN none matches", () => {
    const credits = [
      credit("amount", 1_800, "2026-12-01T10:00:05Z"),
      credit("currency", 1_890, "2026-12-01T10:00:05Z", "USD"),
      credit("before", 1_890, "2026-12-01T09:59:00Z"),
      credit("linked", 1_890, "2026-12-01T10:00:06Z"),
    ];
    expect(findSentCredit(credits, { cents: 1_890, currency: "CAD" }, since, new Set(["linked"]))).toBeNull();
  });

  it("GIVEN two equal credits THEN the older one is taken first", () => {
    const credits = [credit("newer", 500, "2026-12-01T10:02:00Z"), credit("older", 500, "2026-12-01T10:01:00Z")];
    expect(findSentCredit(credits, { cents: 500, currency: "CAD" }, since, new Set())?.id).toBe("older");
  });
});
