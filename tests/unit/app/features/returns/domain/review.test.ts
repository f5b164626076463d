import { describe, expect, it } from "vitest";
import { failedRuleMessages, parseRuleLines, slaState } from "../../../../../../app/features/returns/domain/review";
import { formatDuration } from "../../../../../../app/lib/format";

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = new Date("2026-10-14T12:00:00Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe("SLA: time left to answer", () => {
  it("GIVEN a deadline 1 h 20 min away THEN it is due in 1 h 20 min, not flagged", () => {
    expect(slaState(at(80 * MIN), NOW)).toEqual({ label: "due in 1 h 20 min", tone: null, overdue: false });
  });

  it("GIVEN a deadline 3 h ago THEN it is overdue by 3 h and critical", () => {
    expect(slaState(at(-3 * HOUR), NOW)).toEqual({ label: "overdue by 3 h", tone: "critical", overdue: true });
  });

  it("GIVEN the deadline is exactly now THEN it counts as overdue", () => {
    expect(slaState(NOW, NOW)).toMatchObject({ overdue: true, label: "overdue by < 1 min" });
  });

  it("GIVEN 20 minutes left THEN it is flagged as a warning before it goes overdue", () => {
    expect(slaState(at(20 * MIN), NOW)).toEqual({ label: "due in 20 min", tone: "warning", overdue: false });
  });

  it("GIVEN 31 minutes left THEN it is not flagged yet", () => {
    expect(slaState(at(31 * MIN), NOW).tone).toBeNull();
  });

  it.each([
    [30_000, "< 1 min"],
    [59_999, "< 1 min"],
    [MIN, "1 min"],
    [45 * MIN, "45 min"],
    [HOUR, "1 h"],
    [HOUR + 59 * MIN + 59_000, "1 h 59 min"],
    [26 * HOUR, "1 d 2 h"],
    [48 * HOUR + 10 * MIN, "2 d"],
    [-90 * MIN, "1 h 30 min"],
  ])("GIVEN %i ms THEN the duration reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("stored rules", () => {
  const rules = JSON.stringify([
    { lineItemId: "l1", title: "Rain Shell", rules: [{ rule: "window", passed: true, detail: "Window ends Oct 30" }] },
    { lineItemId: "l2", title: "Down Vest", rules: [{ rule: "final_sale", passed: false, detail: "Tagged final-sale" }] },
  ]);

  it("GIVEN a failed rule THEN it is listed as decide words it", () => {
    expect(failedRuleMessages(parseRuleLines(rules))).toEqual(["Down Vest: Tagged final-sale"]);
  });

  it("GIVEN unreadable JSON THEN no rules rather than an error", () => {
    expect(parseRuleLines("{not json")).toEqual([]);
    expect(parseRuleLines(JSON.stringify({ rules: 1 }))).toEqual([]);
  });
});
