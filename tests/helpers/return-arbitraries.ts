// Property-based generators for the returns rules: arbitrary orders, policies and clocks.
import fc from "fast-check";
import { type ReturnPolicy, type ReturnableOrder } from "../../app/features/returns/domain/types";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { policy } from "./return-builders";

/** Zones far from UTC, with DST in either hemisphere, half-hour offsets, and midnight transitions. */
export const ZONES = [
  "UTC",
  "America/Toronto",
  "America/Los_Angeles",
  "Pacific/Auckland",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "America/Santiago",
  "America/Sao_Paulo",
  "Asia/Beirut",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Europe/London",
] as const;

export const DAY = 86_400_000;

export const T0 = Date.parse("2018-01-01T00:00:00Z");

export const T1 = Date.parse("2028-12-31T00:00:00Z");

export const instant = fc.integer({ min: T0, max: T1 });

export const LINE_IDS = ["L1", "L2", "L3", "L4"];

/** A fulfillment's dates: created some days after the order, maybe delivered a few days later. */
export const datesArb = (base: number) =>
  fc.record({
    createdAt: fc.integer({ min: 0, max: 20 * DAY }).map((d) => base + d),
    transit: fc.option(fc.integer({ min: 0, max: 10 * DAY }), { nil: null }),
  });

/** Orders with arbitrary, possibly inconsistent Shopify numbers: the engine must stay within bounds anyway. */
export const orderArb: fc.Arbitrary<ReturnableOrder> = fc
  .record({
    base: instant,
    lines: fc.uniqueArray(fc.constantFrom(...LINE_IDS), { minLength: 1, maxLength: 4 }).chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            quantity: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) }),
            cents: fc.integer({ min: 0, max: 500_00 }),
            productTags: fc.oneof(
              { weight: 4, arbitrary: fc.subarray(["summer", "clearance"]) },
              { weight: 1, arbitrary: fc.subarray(["final-sale", " FINAL-SALE", "summer"]) },
            ),
            productType: fc.constantFrom(null, "Shirts", "Shirts", "Shirts", "gift card"),
          }),
        ),
      ),
    ),
    fulfillments: fc.array(
      fc.record({
        status: fc.constantFrom("SUCCESS", "SUCCESS", "SUCCESS", "CANCELLED", "ERROR"),
        dates: fc.nat(),
        units: fc.array(fc.record({ lineId: fc.constantFrom(...LINE_IDS), quantity: fc.integer({ min: 0, max: 4 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    returnableFactor: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 16, maxLength: 16 }),
    pending: fc.array(fc.record({ lineItemId: fc.constantFrom(...LINE_IDS), quantity: fc.integer({ min: 0, max: 2 }) }), {
      maxLength: 2,
    }),
    cancelled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .chain((o) =>
    fc.tuple(fc.constant(o), fc.array(datesArb(o.base), { minLength: o.fulfillments.length, maxLength: o.fulfillments.length })),
  )
  .map(([{ base, lines, fulfillments, returnableFactor, pending, cancelled }, dates]) => {
    const fs = fulfillments.map((f, i) => {
      const d = dates[i] ?? { createdAt: base, transit: null };
      return {
        id: `F${i}`,
        status: f.status,
        createdAt: new Date(d.createdAt).toISOString(),
        deliveredAt: d.transit === null ? null : new Date(d.createdAt + d.transit).toISOString(),
        lineItems: f.units.map((u, j) => ({ fulfillmentLineItemId: `F${i}-${j}`, lineItemId: u.lineId, quantity: u.quantity })),
      };
    });
    // Shopify's returnable: any quantity (0–5) per fulfillment line item, sometimes more than fulfilled.
    const returnable = fs.flatMap((f) => f.lineItems).map((li, k) => ({ ...li, quantity: returnableFactor[k % 16] ?? 0 }));
    return {
      id: "gid://shopify/Order/1",
      name: "#1",
      currency: "USD",
      processedAt: new Date(base).toISOString(),
      cancelledAt: cancelled ? new Date(base + DAY).toISOString() : null,
      lineItems: lines.map((l) => ({
        id: l.id,
        title: l.id,
        variantTitle: null,
        quantity: l.quantity,
        unitPrice: l.cents / 100,
        productType: l.productType,
        productTags: l.productTags,
        imageUrl: null,
      })),
      fulfillments: fs,
      returnable,
      pending,
    };
  });

export const policyArb: fc.Arbitrary<ReturnPolicy> = fc
  .record({
    windowDays: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 365 })),
    windowStartsAt: fc.constantFrom("delivery" as const, "fulfillment" as const),
    restockingFeePercent: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
    storeCreditBonusPercent: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
    paidBy: fc.constantFrom("customer" as const, "merchant" as const),
    feeCents: fc.integer({ min: 0, max: 50_00 }),
  })
  .map((p) =>
    policy({
      windowDays: p.windowDays,
      windowStartsAt: p.windowStartsAt,
      restockingFeePercent: p.restockingFeePercent,
      storeCreditBonusPercent: p.storeCreditBonusPercent,
      returnShipping: { ...DEFAULT_RETURN_POLICY.returnShipping, paidBy: p.paidBy, fee: p.feeCents / 100 },
    }),
  );

/**
 * A clock near the order's fulfillments most of the time (so open windows, and their last days,
 * are common), anywhere in the decade otherwise.
 */
export const clockArb = (order: ReturnableOrder): fc.Arbitrary<number> => {
  const base = Date.parse(order.processedAt);
  return fc.oneof(
    { weight: 1, arbitrary: instant },
    { weight: 4, arbitrary: fc.integer({ min: -2 * DAY, max: 90 * DAY }).map((d) => base + d) },
  );
};

export const orderAndClock = orderArb.chain((order) => fc.tuple(fc.constant(order), clockArb(order)));

export const sumFor = (entries: { lineItemId: string; quantity: number }[], id: string) =>
  entries.filter((e) => e.lineItemId === id).reduce((s, e) => s + e.quantity, 0);

export const isCents = (n: number) => Number.isFinite(n) && Math.round(n * 100) / 100 === n;

/** Calendar date (YYYY-MM-DD) the wall clock shows in a zone. */
export const localDate = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));

export const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
