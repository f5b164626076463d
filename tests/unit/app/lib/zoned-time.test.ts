import { describe, expect, it } from "vitest";
import { endOfLocalDay, formatDayNumber, localDayNumber, startOfLocalDay } from "../../../../app/lib/zoned-time";

const day = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
const end = (isoDate: string, tz: string) => new Date(endOfLocalDay(day(isoDate), tz)).toISOString();

describe("calendar days in a time zone", () => {
  it("GIVEN an instant THEN its day number is the wall-clock date in that zone", () => {
    const instant = Date.parse("2026-11-01T11:00:00Z");
    expect(formatDayNumber(localDayNumber(instant, "Pacific/Auckland"))).toBe("2026-11-02");
    expect(formatDayNumber(localDayNumber(instant, "America/Toronto"))).toBe("2026-11-01");
  });

  it("GIVEN America/Santiago, where 2026-09-06 starts at 01:00 (midnight skipped) THEN 2026-09-05 ends at 23:59:59.999 −04", () => {
    expect(end("2026-09-05", "America/Santiago")).toBe("2026-09-06T03:59:59.999Z");
    expect(new Date(startOfLocalDay(day("2026-09-06"), "America/Santiago")).toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("GIVEN America/Santiago, where 23:00–24:00 of 2026-04-04 happens twice THEN the day ends after the second pass", () => {
    expect(end("2026-04-04", "America/Santiago")).toBe("2026-04-05T03:59:59.999Z");
  });

  it("GIVEN America/Sao_Paulo's 2018 midnight DST start THEN 2018-11-03 ends at 23:59:59.999 −03", () => {
    expect(end("2018-11-03", "America/Sao_Paulo")).toBe("2018-11-04T02:59:59.999Z");
  });

  it("GIVEN Pacific/Apia, which skipped 2011-12-30 entirely THEN 2011-12-29 ends where 2011-12-31 starts", () => {
    expect(end("2011-12-29", "Pacific/Apia")).toBe("2011-12-30T09:59:59.999Z");
    expect(end("2011-12-30", "Pacific/Apia")).toBe("2011-12-30T09:59:59.999Z");
  });

  it("GIVEN Australia/Lord_Howe's half-hour DST change THEN the day ends at local midnight", () => {
    // 2026-04-05 02:00 +11 → 01:30 +10:30; the day ends at 23:59:59.999 +10:30.
    expect(end("2026-04-05", "Australia/Lord_Howe")).toBe("2026-04-05T13:29:59.999Z");
  });

  it.each([
    ["America/Toronto", 2026],
    ["America/Santiago", 2026],
    ["America/Sao_Paulo", 2018],
    ["Asia/Beirut", 2026],
    ["Australia/Lord_Howe", 2026],
    ["Pacific/Auckland", 2026],
    ["Europe/London", 2026],
    ["Asia/Kolkata", 2026],
  ])("GIVEN every day of the year in %s (%i) THEN each ends at its last millisecond", (tz, year) => {
    const first = day(`${year}-01-01`);
    for (let n = first; n < first + 365; n++) {
      const last = endOfLocalDay(n, tz);
      expect(localDayNumber(last, tz), `${tz} ${formatDayNumber(n)}`).toBe(n);
      expect(localDayNumber(last + 1, tz), `${tz} ${formatDayNumber(n)}`).toBe(n + 1);
    }
  });
});
