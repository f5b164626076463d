import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteReturn } from "../../../../../../app/features/returns/domain/quote";
import { adjustSettlement, proposeSettlement, type Settlement, type SettlementLine } from "../../../../../../app/features/returns/domain/settlement";
import { RESOLUTIONS, type ReturnQuote } from "../../../../../../app/features/returns/domain/types";
import { orderArb, policyArb } from "../../../../../helpers/return-arbitraries";

const cents = (amount: number) => Math.round(amount * 100);

/** An order, a policy, a resolution, and a returned selection with some units missing. */
const returnArb = fc
  .record({
    order: orderArb,
    policy: policyArb,
    resolution: fc.constantFrom(...RESOLUTIONS),
    picks: fc.array(
      fc.record({
        quantity: fc.integer({ min: 0, max: 5 }),
        missingShare: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }),
        reason: fc.constantFrom("damaged", "wrong-item", "changed-mind", "other"),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    // Old stored quotes lack the percents; the settlement must read them back.
    stripPercents: fc.boolean(),
  })
  .map(({ order, policy, resolution, picks, stripPercents }) => {
    const chosen = picks.slice(0, order.lineItems.length).map((pick, i) => ({ ...pick, item: order.lineItems[i]! }));
    const quoted = quoteReturn(
      policy,
      order,
      chosen.map((c) => ({ lineItemId: c.item.id, quantity: c.quantity, reason: c.reason })),
      resolution,
    );
    const { restockingFeePercent: _r, storeCreditBonusPercent: _b, ...old } = quoted;
    const quote: ReturnQuote = stripPercents ? old : quoted;
    const lines: SettlementLine[] = chosen.map((c) => ({
      lineItemId: c.item.id,
      quantity: c.quantity,
      unitPrice: c.item.unitPrice,
      missing: Math.floor(c.missingShare * c.quantity),
    }));
    return { quote, resolution, lines };
  });

/** What was paid for the units that came back. */
const paidFor = (lines: SettlementLine[]) => lines.reduce((sum, l) => sum + cents(l.unitPrice) * (l.quantity - l.missing), 0);

const amounts = (s: Settlement) => [s.itemsCents, s.restockingCents, s.shippingCents, s.refundCents, s.storeCreditCents, s.bonusCents];

describe("settlement invariants (property-based)", () => {
  it("GIVEN any return THEN every amount is whole cents, none is negative, and refund + store credit never pass what was paid for what came back", () => {
    fc.assert(
      fc.property(returnArb, ({ quote, resolution, lines }) => {
        const s = proposeSettlement(quote, resolution, lines);
        for (const amount of amounts(s)) {
          expect(Number.isInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
        expect(s.itemsCents).toBe(paidFor(lines));
        expect(s.refundCents + s.storeCreditCents).toBeLessThanOrEqual(paidFor(lines));
        if (resolution !== "refund") expect(s.refundCents).toBe(0);
        if (resolution !== "store_credit") expect(s.storeCreditCents + s.bonusCents).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("GIVEN nothing missing THEN the settlement is exactly the quote", () => {
    fc.assert(
      fc.property(returnArb, ({ quote, resolution, lines }) => {
        const s = proposeSettlement(
          quote,
          resolution,
          lines.map((l) => ({ ...l, missing: 0 })),
        );
        expect([s.itemsCents, s.restockingCents, s.shippingCents]).toEqual([cents(quote.itemsValue), cents(quote.restockingFee), cents(quote.shippingFee)]);
        const expected = cents(quote.expected);
        if (resolution === "refund") expect(s.refundCents).toBe(expected);
        if (resolution === "store_credit") expect(s.storeCreditCents + s.bonusCents).toBe(expected);
        if (resolution === "exchange") expect(s.refundCents + s.storeCreditCents + s.bonusCents).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("GIVEN one more unit missing THEN the shopper never gets more", () => {
    fc.assert(
      fc.property(returnArb, fc.nat(), ({ quote, resolution, lines }, pick) => {
        const open = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.missing < l.quantity);
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!.i;
        const more = lines.map((l, i) => (i === target ? { ...l, missing: l.missing + 1 } : l));
        const total = (s: Settlement) => s.refundCents + s.storeCreditCents + s.bonusCents;
        expect(total(proposeSettlement(quote, resolution, more))).toBeLessThanOrEqual(total(proposeSettlement(quote, resolution, lines)));
      }),
      { numRuns: 1000 },
    );
  });

  it("GIVEN any amounts staff type THEN an accepted adjustment stays within the caps, and any raise carries a reason", () => {
    const wantedArb = fc.record(
      {
        refundCents: fc.oneof(fc.integer({ min: -100, max: 200_000 }), fc.double({ noNaN: false })),
        storeCreditCents: fc.integer({ min: 0, max: 200_000 }),
        bonusCents: fc.integer({ min: 0, max: 50_000 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(returnArb, wantedArb, fc.constantFrom(undefined, "", "  ", "Goodwill"), ({ quote, resolution, lines }, wanted, reason) => {
        const proposed = proposeSettlement(quote, resolution, lines);
        const result = adjustSettlement(proposed, wanted, reason);
        if (!result.ok) {
          expect(result.error).toMatch(/^[A-Z].*\.$/);
          return;
        }
        const s = result.settlement;
        for (const amount of amounts(s)) {
          expect(Number.isInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
        expect(s.refundCents + s.storeCreditCents).toBeLessThanOrEqual(proposed.itemsCents);
        expect(s.bonusCents).toBeLessThanOrEqual(proposed.bonusCents);
        const raised = s.refundCents > proposed.refundCents || s.storeCreditCents > proposed.storeCreditCents;
        if (raised) expect(reason?.trim()).toBeTruthy();
        expect(s.adjusted).toBe(amounts(s).join() !== amounts(proposed).join());
      }),
      { numRuns: 1000 },
    );
  });
});
