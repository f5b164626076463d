import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteReturn } from "../../../../../../app/features/returns/domain/quote";
import { RESOLUTIONS } from "../../../../../../app/features/returns/domain/types";
import { isCents, orderArb, policyArb } from "../../../../../helpers/return-arbitraries";

describe("quote invariants (property-based)", () => {
  it("GIVEN any order, selection, policy and resolution THEN every amount is in cents and expected is never negative", () => {
    fc.assert(
      fc.property(
        orderArb,
        policyArb,
        fc.constantFrom(...RESOLUTIONS),
        fc.array(fc.record({ pick: fc.nat(), quantity: fc.integer({ min: 0, max: 6 }), reason: fc.constantFrom("damaged", "wrong-item", "changed-mind", "other") }), {
          maxLength: 4,
        }),
        (order, p, resolution, picks) => {
          const selection = picks.map((s) => ({
            lineItemId: order.lineItems[s.pick % order.lineItems.length]?.id ?? "L1",
            quantity: s.quantity,
            reason: s.reason,
          }));
          const quote = quoteReturn(p, order, selection, resolution);
          for (const amount of [quote.itemsValue, quote.restockingFee, quote.shippingFee, quote.storeCreditBonus, quote.expected]) {
            expect(isCents(amount)).toBe(true);
            expect(amount).toBeGreaterThanOrEqual(0);
          }
          const itemsCents = selection.reduce((sum, s) => {
            const cents = Math.round((order.lineItems.find((l) => l.id === s.lineItemId)?.unitPrice ?? 0) * 100);
            return sum + cents * s.quantity;
          }, 0);
          expect(Math.round(quote.itemsValue * 100)).toBe(itemsCents);
          if (resolution === "exchange") expect(quote.expected).toBe(0);
          if (resolution === "refund") expect(quote.expected).toBeLessThanOrEqual(quote.itemsValue);
        },
      ),
      { numRuns: 400 },
    );
  });
});
