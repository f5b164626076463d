import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERIODS, dailySeries, isWithin, periodRange, trend } from "../../../../../../app/features/dashboard/domain/periods";
import { deflectionRate } from "../../../../../../app/features/dashboard/domain/deflection";
import { median, percentile } from "../../../../../../app/features/dashboard/domain/response-times";
import { topReasons } from "../../../../../../app/features/dashboard/domain/rates";
import { localDayNumber } from "../../../../../../app/lib/zoned-time";
import { DAY, HOUR, T, at, session, ticket } from "../../../../../helpers/kpis";

/**
 * Zones with DST in either hemisphere, a half-hour DST shift, a half-hour offset, and extremes either
 * side of UTC. (Pacific/Apia's skipped day has its own example test: a period starting on a day
 * that never existed has one day fewer.)
 */
const ZONES = [
  "UTC",
  "America/Toronto",
  "America/Santiago",
  "Pacific/Auckland",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
];

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 });
const p = fc.double({ min: 0, max: 100, noNaN: true });
const instant = fc.integer({ min: Date.parse("2010-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") });

describe("properties", () => {
  it("GIVEN any values WHEN p grows THEN the percentile never decreases", () => {
    fc.assert(
      fc.property(values, p, p, (vs, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(percentile(vs, lo)!).toBeLessThanOrEqual(percentile(vs, hi)!);
      }),
    );
  });

  it("GIVEN any values and p THEN the percentile is one of the values", () => {
    fc.assert(
      fc.property(values, p, (vs, pp) => {
        expect(vs).toContain(percentile(vs, pp));
      }),
    );
  });

  it("GIVEN any values THEN the median lies between the smallest and the largest", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const m = median(vs)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...vs));
        expect(m).toBeLessThanOrEqual(Math.max(...vs));
      }),
    );
  });

  const visitor = fc.constantFrom("v1", "v2", "v3", "");
  const offset = fc.integer({ min: -3 * DAY, max: 3 * DAY });
  const sessionsArb = fc.array(fc.tuple(visitor, offset).map(([v, o]) => session(v, T + o)), { maxLength: 20 });
  const ticketsArb = fc.array(
    fc.tuple(fc.option(visitor, { nil: null }), offset).map(([v, o]) => ticket({ visitor: v, createdAt: at(T + o) })),
    { maxLength: 20 },
  );

  it("GIVEN any sessions and tickets THEN 0 ≤ deflected ≤ total = number of sessions", () => {
    fc.assert(
      fc.property(sessionsArb, ticketsArb, (sessions, tickets) => {
        const { deflected, total } = deflectionRate(sessions, tickets);
        expect(total).toBe(sessions.length);
        expect(deflected).toBeGreaterThanOrEqual(0);
        expect(deflected).toBeLessThanOrEqual(total);
      }),
    );
  });

  it("GIVEN any sessions and tickets WHEN one more ticket arrives or the window widens THEN deflection never rises", () => {
    fc.assert(
      fc.property(sessionsArb, ticketsArb, ticketsArb, fc.integer({ min: 0, max: 48 }), (sessions, tickets, extra, hours) => {
        const base = deflectionRate(sessions, tickets, hours).deflected;
        expect(deflectionRate(sessions, [...tickets, ...extra], hours).deflected).toBeLessThanOrEqual(base);
        expect(deflectionRate(sessions, tickets, hours + 1).deflected).toBeLessThanOrEqual(base);
      }),
    );
  });

  it("GIVEN any instant, zone and period THEN the periods are contiguous and the current one has exactly `days` local days", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom(...PERIODS), (nowMs, zone, days) => {
        const { current, previous } = periodRange(days, new Date(nowMs), zone);
        expect(previous.to.getTime() + 1).toBe(current.from.getTime());
        expect(current.to.getTime()).toBe(nowMs);
        // current.from is the first instant of its local day, `days − 1` days before today.
        expect(localDayNumber(current.from.getTime(), zone)).toBe(localDayNumber(nowMs, zone) - days + 1);
        expect(localDayNumber(current.from.getTime() - 1, zone)).toBe(localDayNumber(nowMs, zone) - days);
        expect(dailySeries([], current, zone)).toHaveLength(days);
        expect(dailySeries([], previous, zone)).toHaveLength(days);
      }),
      { numRuns: 60 },
    );
  });

  it("GIVEN any events THEN the daily series counts exactly the events within the range, on the day the zone shows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: T - 12 * DAY, max: T + 2 * DAY }), { maxLength: 30 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 23 * HOUR }),
        (times, zone, nowOffset) => {
          const { current } = periodRange(7, new Date(T + nowOffset), zone);
          const events = times.map((ms) => ({ at: at(ms) }));
          const series = dailySeries(events, current, zone);
          const inRange = events.filter((e) => isWithin(current, e.at));
          expect(series.reduce((sum, e) => sum + e.count, 0)).toBe(inRange.length);
          for (const { day, count } of series) {
            const onDay = inRange.filter((e) => new Date(localDayNumber(e.at.getTime(), zone) * DAY).toISOString().startsWith(day));
            expect(count, `${zone} ${day}`).toBe(onDay.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("GIVEN any return lines THEN ranked counts never increase and the shares add up to at most 100 %", () => {
    const lines = fc.array(
      fc.record({ reason: fc.constantFrom("damaged", "too_small", "wrong_item", "late"), quantity: fc.integer({ min: -1, max: 5 }) }),
    );
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 5 }), (items, limit) => {
        const top = topReasons(items, limit);
        for (let i = 1; i < top.length; i++) expect(top[i]!.count).toBeLessThanOrEqual(top[i - 1]!.count);
        expect(top.reduce((sum, r) => sum + r.percent, 0)).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it("GIVEN any two figures THEN previous + delta gives current back and the direction matches the sign", () => {
    const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(figure, figure, (current, previous) => {
        const { delta, direction } = trend(current, previous);
        expect(previous + delta!).toBeCloseTo(current, 6);
        expect(direction).toBe(current > previous ? "up" : current < previous ? "down" : "flat");
      }),
    );
  });
});
