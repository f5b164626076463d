import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  describeHours,
  isOpenAt,
  nextOpening,
  type BusinessHours,
} from "../../../../../../app/features/policies/domain/business-hours";
import { DEFAULT_SUPPORT_SETTINGS } from "../../../../../../app/features/policies/domain/support-defaults";
import { type DayHours } from "../../../../../../app/features/tickets/domain/types";

const NINE_TO_FIVE = { open: "09:00", close: "17:00" };
const EVERY_DAY = (day: DayHours) => [day, day, day, day, day, day, day];

/** The default Monday–Friday 9:00–17:00 week in a zone, optionally with other hours or holidays. */
function hours(timeZone: string, overrides: Partial<BusinessHours> = {}): BusinessHours {
  return {
    timeZone,
    businessHours: DEFAULT_SUPPORT_SETTINGS.businessHours,
    holidays: [],
    ...overrides,
  };
}

const TORONTO = hours("America/Toronto");
const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("isOpenAt", () => {
  it("GIVEN Monday 10:00 in Toronto THEN the shop is open", () => {
    expect(isOpenAt(at("2026-03-02T15:00:00Z"), TORONTO)).toBe(true);
  });

  it("GIVEN Monday 09:00 exactly THEN the shop is open (opening is inclusive)", () => {
    expect(isOpenAt(at("2026-03-02T14:00:00Z"), TORONTO)).toBe(true);
  });

  it("GIVEN Monday 08:59:59.999 THEN the shop is still closed", () => {
    expect(isOpenAt(at("2026-03-02T13:59:59.999Z"), TORONTO)).toBe(false);
  });

  it("GIVEN Monday 17:00 exactly THEN the shop is closed (closing is exclusive)", () => {
    expect(isOpenAt(at("2026-03-02T22:00:00Z"), TORONTO)).toBe(false);
  });

  it("GIVEN Saturday noon THEN the shop is closed", () => {
    expect(isOpenAt(at("2026-03-07T17:00:00Z"), TORONTO)).toBe(false);
  });

  it("GIVEN a weekday that is a holiday THEN the shop is closed all day", () => {
    const withCanadaDay = hours("America/Toronto", { holidays: [{ date: "2026-07-01", name: "Canada Day" }] });
    expect(isOpenAt(at("2026-07-01T16:00:00Z"), withCanadaDay)).toBe(false);
    expect(isOpenAt(at("2026-07-02T16:00:00Z"), withCanadaDay)).toBe(true);
  });

  it("GIVEN the same instant THEN the shop's time zone decides (Monday 09:30 in Tokyo is Sunday evening in Toronto)", () => {
    const instant = at("2026-03-02T00:30:00Z");
    expect(isOpenAt(instant, hours("Asia/Tokyo"))).toBe(true);
    expect(isOpenAt(instant, TORONTO)).toBe(false);
  });

  it("GIVEN a holiday in Tokyo THEN it is the Tokyo calendar day that is closed", () => {
    const tokyo = hours("Asia/Tokyo", { holidays: [{ date: "2026-03-02", name: "Closed" }] });
    // 2026-03-01T23:30Z is Monday 08:30 in Tokyo; 00:30Z is Monday 09:30 there.
    expect(isOpenAt(at("2026-03-02T00:30:00Z"), tokyo)).toBe(false);
    expect(isOpenAt(at("2026-03-03T00:30:00Z"), tokyo)).toBe(true);
  });

  it("GIVEN an unknown time zone THEN a RangeError names it", () => {
    expect(() => isOpenAt(at("2026-03-02T15:00:00Z"), hours("Mars/Olympus_Mons"))).toThrow(/Mars\/Olympus_Mons/);
  });
});

describe("addBusinessMinutes", () => {
  it("GIVEN a start during opening hours THEN the minutes run from the start", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T15:00:00Z"), 60, TORONTO))).toBe("2026-03-02T16:00:00.000Z");
  });

  it("GIVEN a start before opening THEN the minutes run from 09:00", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T12:00:00Z"), 30, TORONTO))).toBe("2026-03-02T14:30:00.000Z");
  });

  it("GIVEN a start after closing THEN the minutes run from the next morning", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T23:00:00Z"), 30, TORONTO))).toBe("2026-03-03T14:30:00.000Z");
  });

  it("GIVEN a start at closing time exactly THEN the minutes run from the next morning", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T22:00:00Z"), 30, TORONTO))).toBe("2026-03-03T14:30:00.000Z");
  });

  it("GIVEN Friday 16:00 and 2 hours THEN the weekend is skipped and it ends Monday 10:00", () => {
    expect(iso(addBusinessMinutes(at("2026-03-06T21:00:00Z"), 120, TORONTO))).toBe("2026-03-09T14:00:00.000Z");
  });

  it("GIVEN a start on Saturday THEN the minutes run from Monday 09:00", () => {
    expect(iso(addBusinessMinutes(at("2026-03-07T17:00:00Z"), 45, TORONTO))).toBe("2026-03-09T13:45:00.000Z");
  });

  it("GIVEN a holiday the next day THEN it is skipped", () => {
    const withCanadaDay = hours("America/Toronto", { holidays: [{ date: "2026-07-01", name: "Canada Day" }] });
    // Tuesday 16:30 EDT + 60 min: 30 min on Tuesday, Wednesday closed, 30 min on Thursday.
    expect(iso(addBusinessMinutes(at("2026-06-30T20:30:00Z"), 60, withCanadaDay))).toBe("2026-07-02T13:30:00.000Z");
  });

  it("GIVEN a start on a holiday and 0 minutes THEN the result is the next opening", () => {
    const withCanadaDay = hours("America/Toronto", { holidays: [{ date: "2026-07-01", name: "Canada Day" }] });
    expect(iso(addBusinessMinutes(at("2026-07-01T14:00:00Z"), 0, withCanadaDay))).toBe("2026-07-02T13:00:00.000Z");
  });

  it("GIVEN a Friday holiday before a weekend THEN the minutes run from Monday", () => {
    const goodFriday = hours("America/Toronto", { holidays: [{ date: "2026-04-03", name: "Good Friday" }] });
    expect(iso(addBusinessMinutes(at("2026-04-02T20:00:00Z"), 120, goodFriday))).toBe("2026-04-06T14:00:00.000Z");
  });

  it("GIVEN 0 minutes during opening hours THEN the start itself is returned", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T15:12:34.567Z"), 0, TORONTO))).toBe("2026-03-02T15:12:34.567Z");
  });

  it("GIVEN minutes exactly filling a day from opening THEN the result is that day's closing time, not the next morning", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T14:00:00Z"), 480, TORONTO))).toBe("2026-03-02T22:00:00.000Z");
  });

  it("GIVEN one minute more than a day THEN the result is the next day 09:01", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T14:00:00Z"), 481, TORONTO))).toBe("2026-03-03T14:01:00.000Z");
  });

  it("GIVEN three full days from Monday opening THEN the result is Wednesday's closing time", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T14:00:00Z"), 3 * 480, TORONTO))).toBe("2026-03-04T22:00:00.000Z");
  });

  it("GIVEN the P2 resolution target (48 h = 6 working days) across a weekend and the DST change THEN it ends Tuesday 10:00 EDT", () => {
    // Monday 10:00 EST: 420 min Monday, 4 × 480 Tue–Fri, 480 next Monday, 60 on Tuesday.
    expect(iso(addBusinessMinutes(at("2026-03-02T15:00:00Z"), 2880, TORONTO))).toBe("2026-03-10T14:00:00.000Z");
  });

  it("GIVEN half a minute THEN 30 seconds are added", () => {
    expect(iso(addBusinessMinutes(at("2026-03-02T15:00:00Z"), 0.5, TORONTO))).toBe("2026-03-02T15:00:30.000Z");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("GIVEN %s minutes THEN a RangeError is thrown", (minutes) => {
    expect(() => addBusinessMinutes(at("2026-03-02T15:00:00Z"), minutes, TORONTO)).toThrow(RangeError);
  });

  it("GIVEN a week with no open day THEN a RangeError says the shop is never open", () => {
    const closed = hours("America/Toronto", { businessHours: [null, null, null, null, null, null, null] });
    expect(() => addBusinessMinutes(at("2026-03-02T15:00:00Z"), 10, closed)).toThrow(/never open/);
  });

  it("GIVEN more minutes than three years of opening hours hold THEN a RangeError is thrown instead of searching forever", () => {
    expect(() => addBusinessMinutes(at("2026-03-02T15:00:00Z"), 10_000_000, TORONTO)).toThrow(RangeError);
  });

  it("GIVEN the only open weekday is always a holiday within the search THEN a RangeError is thrown", () => {
    const mondaysOnly = [NINE_TO_FIVE, null, null, null, null, null, null];
    const holidays = Array.from({ length: 160 }, (_, week) => ({
      date: new Date(Date.UTC(2026, 2, 2 + 7 * week)).toISOString().slice(0, 10),
      name: "Closed",
    }));
    const shop = hours("America/Toronto", { businessHours: mondaysOnly, holidays });
    expect(() => addBusinessMinutes(at("2026-03-02T15:00:00Z"), 10, shop)).toThrow(RangeError);
  });

  describe("in other time zones", () => {
    it("GIVEN Europe/Paris on the Friday before its DST change THEN Monday starts at 09:00 CEST (07:00Z)", () => {
      // Friday 2026-03-27 16:30 CET + 60 min → 30 min Friday, 30 min Monday 2026-03-30 (clocks went forward on Sunday).
      expect(iso(addBusinessMinutes(at("2026-03-27T15:30:00Z"), 60, hours("Europe/Paris")))).toBe("2026-03-30T07:30:00.000Z");
    });

    it("GIVEN Asia/Tokyo (UTC+9, no DST) THEN a Friday evening request is due Monday morning Tokyo time", () => {
      // Friday 2026-03-06 18:00 JST + 30 min → Monday 09:30 JST = Monday 00:30Z.
      expect(iso(addBusinessMinutes(at("2026-03-06T09:00:00Z"), 30, hours("Asia/Tokyo")))).toBe("2026-03-09T00:30:00.000Z");
    });

    it("GIVEN Pacific/Auckland across the end of its DST (2026-04-05) THEN Monday 10:00 is in NZST (+12)", () => {
      // Friday 2026-04-03 16:00 NZDT (+13) + 120 min → 60 min Friday, 60 min Monday 2026-04-06.
      expect(iso(addBusinessMinutes(at("2026-04-03T03:00:00Z"), 120, hours("Pacific/Auckland")))).toBe(
        "2026-04-05T22:00:00.000Z",
      );
    });

    it("GIVEN Pacific/Auckland across the start of its DST (2026-09-27) THEN Monday 09:00 is in NZDT (+13)", () => {
      expect(iso(nextOpening(at("2026-09-25T06:00:00Z"), hours("Pacific/Auckland")))).toBe("2026-09-27T20:00:00.000Z");
    });
  });

  describe("on Toronto's DST days, open every day", () => {
    const daily = hours("America/Toronto", { businessHours: EVERY_DAY(NINE_TO_FIVE) });

    it("GIVEN 2026-03-08 (clocks forward at 02:00) THEN the shop opens at 09:00 EDT (13:00Z), not 09:00 EST", () => {
      expect(iso(nextOpening(at("2026-03-08T05:00:00Z"), daily))).toBe("2026-03-08T13:00:00.000Z");
      expect(iso(nextOpening(at("2026-03-07T05:00:00Z"), daily))).toBe("2026-03-07T14:00:00.000Z");
    });

    it("GIVEN 2026-11-01 (clocks back at 02:00) THEN the shop opens at 09:00 EST (14:00Z)", () => {
      expect(iso(nextOpening(at("2026-11-01T04:00:00Z"), daily))).toBe("2026-11-01T14:00:00.000Z");
      expect(iso(nextOpening(at("2026-10-31T04:00:00Z"), daily))).toBe("2026-10-31T13:00:00.000Z");
    });

    it("GIVEN a full day of 9:00–17:00 on either DST day THEN it holds exactly 480 business minutes", () => {
      expect(businessMinutesBetween(at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"), daily)).toBe(480);
      expect(businessMinutesBetween(at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"), daily)).toBe(480);
    });

    it("GIVEN a shop open around the clock THEN the spring-forward day has 23 hours and the fall-back day 25", () => {
      const allDay = hours("America/Toronto", { businessHours: EVERY_DAY({ open: "00:00", close: "24:00" }) });
      expect(businessMinutesBetween(at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"), allDay)).toBe(23 * 60);
      expect(businessMinutesBetween(at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"), allDay)).toBe(25 * 60);
    });

    it("GIVEN a shop open around the clock THEN minutes run straight through midnight", () => {
      const allDay = hours("America/Toronto", { businessHours: EVERY_DAY({ open: "00:00", close: "24:00" }) });
      expect(iso(addBusinessMinutes(at("2026-03-02T04:30:00Z"), 60, allDay))).toBe("2026-03-02T05:30:00.000Z");
    });

    it("GIVEN an opening time skipped by spring-forward (02:30) THEN the shop opens when the clocks reach 03:00", () => {
      const night = hours("America/Toronto", { businessHours: EVERY_DAY({ open: "02:30", close: "10:00" }) });
      expect(iso(nextOpening(at("2026-03-08T05:00:00Z"), night))).toBe("2026-03-08T07:00:00.000Z");
    });

    it("GIVEN an opening time that happens twice on fall-back (01:30) THEN the shop opens at its first occurrence (EDT)", () => {
      const night = hours("America/Toronto", { businessHours: EVERY_DAY({ open: "01:30", close: "10:00" }) });
      expect(iso(nextOpening(at("2026-11-01T04:00:00Z"), night))).toBe("2026-11-01T05:30:00.000Z");
    });

    it("GIVEN a request at 16:30 the day before spring-forward THEN 60 minutes end at 09:30 EDT on the DST day", () => {
      expect(iso(addBusinessMinutes(at("2026-03-07T21:30:00Z"), 60, daily))).toBe("2026-03-08T13:30:00.000Z");
    });

    it("GIVEN hours entirely inside the skipped hour (02:00–02:45) THEN the DST day has no open time", () => {
      const gap = hours("America/Toronto", { businessHours: EVERY_DAY({ open: "02:00", close: "02:45" }) });
      expect(businessMinutesBetween(at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"), gap)).toBe(0);
      expect(businessMinutesBetween(at("2026-03-09T04:00:00Z"), at("2026-03-10T04:00:00Z"), gap)).toBe(45);
    });
  });
});

describe("businessMinutesBetween", () => {
  it("GIVEN `to` before or equal to `from` THEN it is 0", () => {
    expect(businessMinutesBetween(at("2026-03-02T16:00:00Z"), at("2026-03-02T15:00:00Z"), TORONTO)).toBe(0);
    expect(businessMinutesBetween(at("2026-03-02T16:00:00Z"), at("2026-03-02T16:00:00Z"), TORONTO)).toBe(0);
  });

  it("GIVEN Friday 16:00 to Monday 10:00 THEN only the 2 open hours count", () => {
    expect(businessMinutesBetween(at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"), TORONTO)).toBe(120);
  });

  it("GIVEN a span entirely at night THEN it is 0", () => {
    expect(businessMinutesBetween(at("2026-03-02T23:00:00Z"), at("2026-03-03T12:00:00Z"), TORONTO)).toBe(0);
  });

  it("GIVEN the whole of 2026 THEN it is 261 weekdays × 480 minutes", () => {
    expect(businessMinutesBetween(at("2026-01-01T05:00:00Z"), at("2027-01-01T05:00:00Z"), TORONTO)).toBe(261 * 480);
  });

  it("GIVEN a holiday inside the span THEN its day does not count", () => {
    const withCanadaDay = hours("America/Toronto", { holidays: [{ date: "2026-07-01", name: "Canada Day" }] });
    expect(businessMinutesBetween(at("2026-06-29T04:00:00Z"), at("2026-07-04T04:00:00Z"), withCanadaDay)).toBe(4 * 480);
  });

  it("GIVEN 30 seconds of open time THEN it is half a minute", () => {
    expect(businessMinutesBetween(at("2026-03-02T15:00:00Z"), at("2026-03-02T15:00:30Z"), TORONTO)).toBe(0.5);
  });

  it("GIVEN a shop that is never open THEN it is 0", () => {
    const closed = hours("America/Toronto", { businessHours: [null, null, null, null, null, null, null] });
    expect(businessMinutesBetween(at("2026-03-02T00:00:00Z"), at("2026-04-02T00:00:00Z"), closed)).toBe(0);
  });
});

describe("nextOpening", () => {
  it("GIVEN a time during opening hours THEN it is that time", () => {
    expect(iso(nextOpening(at("2026-03-02T15:00:00Z"), TORONTO))).toBe("2026-03-02T15:00:00.000Z");
  });

  it("GIVEN Saturday THEN it is Monday 09:00", () => {
    expect(iso(nextOpening(at("2026-03-07T17:00:00Z"), TORONTO))).toBe("2026-03-09T13:00:00.000Z");
  });

  it("GIVEN closing time exactly THEN it is the next morning", () => {
    expect(iso(nextOpening(at("2026-03-02T22:00:00Z"), TORONTO))).toBe("2026-03-03T14:00:00.000Z");
  });

  it("GIVEN a shop that is never open THEN it is null", () => {
    const closed = hours("America/Toronto", { businessHours: [null, null, null, null, null, null, null] });
    expect(nextOpening(at("2026-03-02T15:00:00Z"), closed)).toBeNull();
  });
});

describe("describeHours", () => {
  it("GIVEN the default hours THEN it is “Monday–Friday, 9:00–17:00”", () => {
    expect(describeHours(TORONTO)).toBe("Monday–Friday, 9:00–17:00");
  });

  it("GIVEN different Saturday hours THEN each group is listed", () => {
    const week = [NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, { open: "10:00", close: "14:00" }, null];
    expect(describeHours({ businessHours: week })).toBe("Monday–Friday, 9:00–17:00; Saturday, 10:00–14:00");
  });

  it("GIVEN equal hours on days that are not consecutive THEN they are not grouped", () => {
    const week = [NINE_TO_FIVE, null, NINE_TO_FIVE, null, null, null, null];
    expect(describeHours({ businessHours: week })).toBe("Monday, 9:00–17:00; Wednesday, 9:00–17:00");
  });

  it("GIVEN a shop open until midnight every day THEN it reads “Monday–Sunday, 0:00–24:00”", () => {
    expect(describeHours({ businessHours: EVERY_DAY({ open: "00:00", close: "24:00" }) })).toBe("Monday–Sunday, 0:00–24:00");
  });

  it("GIVEN no open day THEN it is “Closed”", () => {
    expect(describeHours({ businessHours: [null, null, null, null, null, null, null] })).toBe("Closed");
  });

  it("GIVEN the French locale THEN weekday names are French", () => {
    expect(describeHours(TORONTO, "fr")).toBe("lundi–vendredi, 9:00–17:00");
  });
});

describe("properties", () => {
  const ZONES = [
    "America/Toronto",
    "Europe/Paris",
    "Asia/Tokyo",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "UTC",
  ];
  const T0 = Date.parse("2025-12-01T00:00:00Z");
  const T1 = Date.parse("2027-02-01T00:00:00Z");

  /** A day closed, or open between two half-hours (possibly inside a DST gap). */
  const dayArb = fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
      .filter(([open, close]) => close > open)
      .map(([open, close]) => ({ open: clock(open * 30), close: clock(close * 30) })),
    { nil: null },
  );
  const hoursArb = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    businessHours: fc.array(dayArb, { minLength: 7, maxLength: 7 }).filter((week) => week.some((day) => day !== null)),
    holidays: fc.uniqueArray(
      fc.integer({ min: 0, max: 400 }).map((offset) => ({
        date: new Date(T0 + offset * 86_400_000).toISOString().slice(0, 10),
        name: "Holiday",
      })),
      { maxLength: 5, selector: (h) => h.date },
    ),
  });

  function clock(minuteOfDay: number): string {
    return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
  }

  it("GIVEN any hours, zone, start and whole minutes THEN businessMinutesBetween(start, addBusinessMinutes(start, m)) is m", () => {
    fc.assert(
      fc.property(hoursArb, fc.integer({ min: T0, max: T1 }), fc.integer({ min: 0, max: 3000 }), (shop, start, minutes) => {
        const end = addBusinessMinutes(new Date(start), minutes, shop);
        expect(end.getTime()).toBeGreaterThanOrEqual(start);
        expect(businessMinutesBetween(new Date(start), end, shop)).toBe(minutes);
      }),
      { numRuns: 150 },
    );
  });

  it("GIVEN any hours and instant THEN the shop is open exactly when the next millisecond holds open time", () => {
    fc.assert(
      fc.property(hoursArb, fc.integer({ min: T0, max: T1 }), (shop, instant) => {
        const open = businessMinutesBetween(new Date(instant), new Date(instant + 1), shop) > 0;
        expect(isOpenAt(new Date(instant), shop)).toBe(open);
      }),
      { numRuns: 300 },
    );
  });

  it("GIVEN any hours and instant THEN nextOpening is open, and no open time lies before it", () => {
    fc.assert(
      fc.property(hoursArb, fc.integer({ min: T0, max: T1 }), (shop, instant) => {
        const opening = nextOpening(new Date(instant), shop);
        expect(opening).not.toBeNull();
        if (!opening) return;
        expect(isOpenAt(opening, shop)).toBe(true);
        expect(businessMinutesBetween(new Date(instant), opening, shop)).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
