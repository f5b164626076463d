import { describe, expect, it } from "vitest";
import { DEFAULT_SUPPORT_SETTINGS } from "../../../../../../app/features/policies/domain/support-defaults";
import { promiseFor, resolutionDueAt, responseDueAt, slaStatus, slaView } from "../../../../../../app/features/tickets/domain/sla";

const TORONTO = { ...DEFAULT_SUPPORT_SETTINGS, timeZone: "America/Toronto" };
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

// 2026-03-02 is a Monday; Toronto is UTC−5 until 2026-03-08.
const MONDAY_10 = at("2026-03-02T15:00:00Z");

describe("responseDueAt", () => {
  it("GIVEN a P1 ticket on Monday 10:00 THEN the first response is due at 10:30", () => {
    expect(iso(responseDueAt(MONDAY_10, "P1", TORONTO))).toBe("2026-03-02T15:30:00.000Z");
  });

  it("GIVEN a P1 ticket on Friday 16:45 THEN the clock stops for the weekend and it is due Monday 09:15", () => {
    expect(iso(responseDueAt(at("2026-03-06T21:45:00Z"), "P1", TORONTO))).toBe("2026-03-09T13:15:00.000Z");
  });

  it("GIVEN a P3 ticket on Monday 10:00 THEN its 24 business hours end on Thursday 10:00", () => {
    expect(iso(responseDueAt(MONDAY_10, "P3", TORONTO))).toBe("2026-03-05T15:00:00.000Z");
  });

  it("GIVEN peak season THEN the extra 2 hours are added to the response target", () => {
    expect(iso(responseDueAt(MONDAY_10, "P2", TORONTO, { peak: true }))).toBe("2026-03-02T19:00:00.000Z");
    expect(iso(responseDueAt(MONDAY_10, "P2", TORONTO, { peak: false }))).toBe("2026-03-02T17:00:00.000Z");
  });

  it("GIVEN the settings' time zone is Tokyo THEN Tokyo's business hours apply", () => {
    // Monday 2026-03-02 10:00 JST = 01:00Z; P1 → 10:30 JST.
    expect(iso(responseDueAt(at("2026-03-02T01:00:00Z"), "P1", { ...TORONTO, timeZone: "Asia/Tokyo" }))).toBe(
      "2026-03-02T01:30:00.000Z",
    );
  });

  it("GIVEN a holiday the next day THEN the response clock skips it", () => {
    const withHoliday = { ...TORONTO, holidays: [{ date: "2026-03-03", name: "Closed for inventory" }] };
    expect(iso(responseDueAt(at("2026-03-02T21:45:00Z"), "P1", withHoliday))).toBe("2026-03-04T14:15:00.000Z");
  });
});

describe("resolutionDueAt", () => {
  it("GIVEN a P1 ticket on Monday 10:00 THEN it should be resolved by 14:00", () => {
    expect(iso(resolutionDueAt(MONDAY_10, "P1", TORONTO))).toBe("2026-03-02T19:00:00.000Z");
  });

  it("GIVEN peak season THEN the resolution gets the same extra time, staying after the response", () => {
    expect(iso(resolutionDueAt(MONDAY_10, "P1", TORONTO, { peak: true }))).toBe("2026-03-02T21:00:00.000Z");
  });

  it("GIVEN peak extra time longer than the resolution target THEN the response is still due first", () => {
    const slow = { ...TORONTO, peakSeasonExtraMinutes: 600 };
    expect(responseDueAt(MONDAY_10, "P1", slow, { peak: true }).getTime()).toBeLessThanOrEqual(
      resolutionDueAt(MONDAY_10, "P1", slow, { peak: true }).getTime(),
    );
  });
});

describe("slaStatus", () => {
  const due = at("2026-03-02T15:30:00Z");

  it("GIVEN a response before the deadline THEN it is met, however late it is now", () => {
    expect(slaStatus(due, at("2026-03-02T15:10:00Z"), at("2026-03-09T00:00:00Z"))).toBe("met");
  });

  it("GIVEN a response exactly at the deadline THEN it is met", () => {
    expect(slaStatus(due, due, due)).toBe("met");
  });

  it("GIVEN a response one millisecond late THEN it is breached", () => {
    expect(slaStatus(due, at("2026-03-02T15:30:00.001Z"), at("2026-03-02T16:00:00Z"))).toBe("breached");
  });

  it("GIVEN no response and the deadline passed THEN it is breached", () => {
    expect(slaStatus(due, null, at("2026-03-02T15:30:00.001Z"))).toBe("breached");
  });

  it("GIVEN no response and the deadline is now THEN it is due soon (it can still be met)", () => {
    expect(slaStatus(due, null, due)).toBe("due_soon");
  });

  it("GIVEN 29 minutes left THEN it is due soon", () => {
    expect(slaStatus(due, null, at("2026-03-02T15:01:00Z"))).toBe("due_soon");
  });

  it("GIVEN 31 minutes left and no start time THEN it is on track", () => {
    expect(slaStatus(due, null, at("2026-03-02T14:59:00Z"))).toBe("on_track");
  });

  it("GIVEN a 72-hour window with 17 hours left THEN less than a quarter remains and it is due soon", () => {
    const created = at("2026-03-02T00:00:00Z");
    const deadline = at("2026-03-05T00:00:00Z");
    expect(slaStatus(deadline, null, at("2026-03-04T07:00:00Z"), created)).toBe("due_soon");
  });

  it("GIVEN a 72-hour window with 19 hours left THEN it is on track", () => {
    const created = at("2026-03-02T00:00:00Z");
    const deadline = at("2026-03-05T00:00:00Z");
    expect(slaStatus(deadline, null, at("2026-03-04T05:00:00Z"), created)).toBe("on_track");
  });

  it("GIVEN a 30-minute window with 10 minutes left THEN the 30-minute floor makes it due soon", () => {
    expect(slaStatus(due, null, at("2026-03-02T15:20:00Z"), at("2026-03-02T15:00:00Z"))).toBe("due_soon");
  });
});

describe("promiseFor", () => {
  it("GIVEN a payment question on Monday 10:00 THEN P1, 30 minutes, due 10:30, open now", () => {
    expect(promiseFor("payment", TORONTO, MONDAY_10)).toEqual({
      priority: "P1",
      minutes: 30,
      dueAt: at("2026-03-02T15:30:00Z"),
      openNow: true,
    });
  });

  it("GIVEN a product question on Saturday THEN P3, due when three working days have passed, closed now", () => {
    expect(promiseFor("product", TORONTO, at("2026-03-07T17:00:00Z"))).toEqual({
      priority: "P3",
      minutes: 1440,
      dueAt: at("2026-03-11T21:00:00Z"),
      openNow: false,
    });
  });

  it("GIVEN peak season THEN the promise includes the extra minutes", () => {
    const promise = promiseFor("returns", TORONTO, MONDAY_10, { peak: true });
    expect(promise.minutes).toBe(240);
    expect(iso(promise.dueAt)).toBe("2026-03-02T19:00:00.000Z");
  });

  it("GIVEN the merchant moved shipping to P4 THEN the promise follows the setting", () => {
    const settings = { ...TORONTO, topics: { ...TORONTO.topics, shipping: { priority: "P4" as const } } };
    expect(promiseFor("shipping", settings, MONDAY_10)).toMatchObject({ priority: "P4", minutes: 4320 });
  });
});

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = new Date("2026-10-14T12:00:00Z");
const after = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe("slaView: time left to answer", () => {
  it("GIVEN a deadline 1 h 20 min away THEN it is due in 1 h 20 min, not flagged", () => {
    expect(slaView(after(80 * MIN), NOW)).toEqual({ status: "on_track", label: "due in 1 h 20 min", tone: null, overdue: false });
  });

  it("GIVEN a deadline 3 h ago THEN it is overdue by 3 h and critical", () => {
    expect(slaView(after(-3 * HOUR), NOW)).toEqual({ status: "breached", label: "overdue by 3 h", tone: "critical", overdue: true });
  });

  // One rule for tickets and returns: an answer sent at the deadline is on time, so it is not overdue yet.
  it("GIVEN the deadline is exactly now THEN it is due soon, not yet overdue", () => {
    expect(slaView(NOW, NOW)).toEqual({ status: "due_soon", label: "due in < 1 min", tone: "warning", overdue: false });
  });

  it("GIVEN the deadline passed a millisecond ago THEN it is overdue", () => {
    expect(slaView(after(-1), NOW)).toEqual({ status: "breached", label: "overdue by < 1 min", tone: "critical", overdue: true });
  });

  it("GIVEN 20 minutes left THEN it is flagged as a warning before it goes overdue", () => {
    expect(slaView(after(20 * MIN), NOW)).toEqual({ status: "due_soon", label: "due in 20 min", tone: "warning", overdue: false });
  });

  it("GIVEN 31 minutes left THEN it is not flagged yet", () => {
    expect(slaView(after(31 * MIN), NOW).tone).toBeNull();
  });

  it("GIVEN a long target (the ticket opened 3 days before it is due) THEN it warns once less than a quarter is left", () => {
    const created = after(-54 * HOUR);
    expect(slaView(after(17 * HOUR), NOW, created).tone).toBe("warning");
    expect(slaView(after(19 * HOUR), NOW, created).tone).toBeNull();
  });
});
