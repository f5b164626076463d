import { describe, expect, it } from "vitest";
import { deflectionRate } from "../../../../../../app/features/dashboard/domain/deflection";
import { HOUR, T, at, session, ticket } from "../../../../../helpers/kpis";

const ticketBy = (visitor: string | null, ms: number) => ticket({ visitor, createdAt: at(ms) });

describe("deflectionRate", () => {
  it("GIVEN no sessions THEN nothing is deflected and the rate is null", () => {
    expect(deflectionRate([], [ticketBy("v1", T)])).toEqual({ deflected: 0, total: 0, percent: null });
  });

  it("GIVEN a session with no ticket at all THEN it is deflected", () => {
    expect(deflectionRate([session("v1", T)], [])).toEqual({ deflected: 1, total: 1, percent: 100 });
  });

  it("GIVEN a ticket from the same visitor 23 h after the session THEN the session is not deflected", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v1", T + 23 * HOUR)])).toEqual({ deflected: 0, total: 1, percent: 0 });
  });

  it("GIVEN a ticket exactly 24 h after the session THEN it still counts as a follow-up (window end included)", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v1", T + 24 * HOUR)]).deflected).toBe(0);
  });

  it("GIVEN a ticket 24 h and 1 ms after the session THEN the session is deflected", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v1", T + 24 * HOUR + 1)]).deflected).toBe(1);
  });

  it("GIVEN a ticket created at the session's very instant THEN it counts as a follow-up", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v1", T)]).deflected).toBe(0);
  });

  it("GIVEN a ticket 1 ms before the session THEN it does not count and the session is deflected", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v1", T - 1)]).deflected).toBe(1);
  });

  it("GIVEN a ticket from another visitor right after the session THEN the session is deflected", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v2", T + HOUR)]).deflected).toBe(1);
  });

  it("GIVEN tickets without a visitor THEN they are never attributed to a session", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy(null, T + HOUR)]).deflected).toBe(1);
  });

  it("GIVEN a session and a ticket both with an empty visitor id THEN they are not matched", () => {
    expect(deflectionRate([session("", T)], [ticketBy("", T + HOUR)]).deflected).toBe(1);
  });

  it("GIVEN 4 sessions of which one is followed up THEN 3 of 4 are deflected: 75 %", () => {
    const sessions = [session("v1", T), session("v2", T), session("v3", T, "faq"), session("v4", T, "returns")];
    expect(deflectionRate(sessions, [ticketBy("v3", T + 2 * HOUR)])).toEqual({ deflected: 3, total: 4, percent: 75 });
  });

  it("GIVEN one ticket within 24 h of two sessions of the same visitor THEN neither session is deflected", () => {
    const sessions = [session("v1", T), session("v1", T + 23 * HOUR)];
    expect(deflectionRate(sessions, [ticketBy("v1", T + 23.5 * HOUR)]).deflected).toBe(0);
  });

  it("GIVEN the visitor's tickets in no particular order THEN the follow-up is still found", () => {
    const tickets = [ticketBy("v1", T + 30 * HOUR), ticketBy("v1", T - HOUR), ticketBy("v1", T + HOUR)];
    expect(deflectionRate([session("v1", T)], tickets).deflected).toBe(0);
  });

  it("GIVEN the visitor's only later ticket outside the window and an earlier one before THEN the session is deflected", () => {
    const tickets = [ticketBy("v1", T + 30 * HOUR), ticketBy("v1", T - HOUR)];
    expect(deflectionRate([session("v1", T)], tickets).deflected).toBe(1);
  });

  it("GIVEN a 1-hour window THEN a ticket 2 h later no longer counts", () => {
    expect(deflectionRate([session("v1", T)], [ticketBy("v1", T + 2 * HOUR)], 1).deflected).toBe(1);
  });

  it("GIVEN a 0-hour window THEN only a ticket at the same instant counts", () => {
    const tickets = [ticketBy("v1", T), ticketBy("v2", T + 1)];
    expect(deflectionRate([session("v1", T), session("v2", T)], tickets, 0)).toEqual({ deflected: 1, total: 2, percent: 50 });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("GIVEN a window of %s hours THEN it throws a RangeError", (hours) => {
    expect(() => deflectionRate([session("v1", T)], [], hours)).toThrow(RangeError);
  });

  it("GIVEN a session with an invalid date THEN it is left out of the total", () => {
    const sessions = [session("v1", T), { visitor: "v2", kind: "faq" as const, at: new Date("bad") }];
    expect(deflectionRate(sessions, [])).toEqual({ deflected: 1, total: 1, percent: 100 });
  });

  it("GIVEN a ticket with an invalid creation date THEN it is not a follow-up", () => {
    expect(deflectionRate([session("v1", T)], [ticket({ visitor: "v1", createdAt: new Date("bad") })]).deflected).toBe(1);
  });
});
