import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateEligibility, returnWindowEnd } from "../../../../../../app/features/returns/domain/eligibility";
import { DAY, ZONES, addDays, instant, localDate, orderAndClock, policyArb, sumFor } from "../../../../../helpers/return-arbitraries";

describe("eligibility invariants (property-based)", () => {
  it("GIVEN any order and clock THEN 0 ≤ returnable ≤ min(purchased, fulfilled, Shopify-returnable − pending) and sources sum to returnable", () => {
    fc.assert(
      fc.property(orderAndClock, policyArb, fc.constantFrom(...ZONES), ([order, now], p, timeZone) => {
        const result = evaluateEligibility({ policy: p, order, now: new Date(now), timeZone });
        expect(result.lines).toHaveLength(order.lineItems.length);
        for (const line of result.lines) {
          const purchased = order.lineItems.find((l) => l.id === line.lineItemId)?.quantity ?? 0;
          const fulfilled = sumFor(
            order.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItems),
            line.lineItemId,
          );
          const allowed = sumFor(order.returnable, line.lineItemId) - sumFor(order.pending, line.lineItemId);
          expect(Number.isInteger(line.returnable)).toBe(true);
          expect(line.returnable).toBeGreaterThanOrEqual(0);
          expect(line.returnable).toBeLessThanOrEqual(Math.max(0, Math.min(purchased, fulfilled, allowed)));
          expect(line.sources.reduce((s, x) => s + x.quantity, 0)).toBe(line.returnable);
          expect(line.sources.every((s) => s.quantity > 0)).toBe(true);
          for (const source of line.sources) {
            const shopifyAllows = order.returnable
              .filter((r) => r.lineItemId === line.lineItemId && r.fulfillmentLineItemId === source.fulfillmentLineItemId)
              .reduce((sum, r) => sum + r.quantity, 0);
            expect(source.quantity).toBeLessThanOrEqual(shopifyAllows);
          }
          expect(line.rules.map((r) => r.rule)).toEqual(["fulfilled", "window", "final_sale", "product_type", "quantity"]);
          if (line.returnable < line.purchased) expect(line.reasons.length).toBeGreaterThan(0);
          if (fulfilled === 0) expect(line.windowEndsAt).toBeNull();
          if (order.cancelledAt !== null) expect(line.returnable).toBe(0);
        }
        expect(result.anyReturnable).toBe(result.lines.some((l) => l.returnable > 0));
      }),
      { numRuns: 400 },
    );
  });

  it("GIVEN any order THEN what is returnable never grows as the clock moves forward", () => {
    fc.assert(
      fc.property(orderAndClock, policyArb, fc.integer({ min: 0, max: 400 * DAY }), fc.constantFrom(...ZONES), ([order, now], p, later, timeZone) => {
        const at = (ms: number) => evaluateEligibility({ policy: p, order, now: new Date(ms), timeZone }).lines.map((l) => l.returnable);
        const before = at(now);
        const after = at(now + later);
        after.forEach((n, i) => expect(n).toBeLessThanOrEqual(before[i] ?? 0));
      }),
      { numRuns: 200 },
    );
  });

  it("GIVEN any start, window and zone THEN the window ends at the last millisecond of the local day windowDays later", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 365 }), fc.constantFrom(...ZONES), (start, days, timeZone) => {
        const end = returnWindowEnd(new Date(start), days, timeZone).getTime();
        const lastDay = addDays(localDate(start, timeZone), days);
        expect(localDate(end, timeZone)).toBe(lastDay);
        expect(localDate(end + 1, timeZone) > lastDay).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
