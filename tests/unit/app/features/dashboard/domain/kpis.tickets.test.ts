import { describe, expect, it } from "vitest";
import { csat, slaCompliance } from "../../../../../../app/features/dashboard/domain/satisfaction";
import { HOUR, T, at, ticket } from "../../../../../helpers/kpis";

describe("csat", () => {
  const rated = (rating: number | null) => ticket({ surveyed: true, csat: rating });

  it("GIVEN ratings 5, 4, 3, 1, two unanswered surveys and an unsurveyed ticket THEN 2 of 4 answers are satisfied: 50 %", () => {
    const tickets = [rated(5), rated(4), rated(3), rated(1), rated(null), rated(null), ticket()];
    expect(csat(tickets)).toEqual({ percent: 50, surveyed: 6, answered: 4, satisfied: 2 });
  });

  it("GIVEN only 4s and 5s THEN CSAT is 100 %", () => {
    expect(csat([rated(4), rated(5), rated(5)]).percent).toBe(100);
  });

  it("GIVEN one 5 among three answers THEN CSAT is one third", () => {
    expect(csat([rated(5), rated(3), rated(2)]).percent).toBeCloseTo(33.333, 3);
  });

  it("GIVEN surveys sent but none answered THEN the percent is null, not 0", () => {
    expect(csat([rated(null), rated(null)])).toEqual({ percent: null, surveyed: 2, answered: 0, satisfied: 0 });
  });

  it("GIVEN no tickets THEN everything is zero and the percent null", () => {
    expect(csat([])).toEqual({ percent: null, surveyed: 0, answered: 0, satisfied: 0 });
  });

  it("GIVEN a rating on a ticket whose surveyed flag is false THEN it counts as surveyed and answered", () => {
    expect(csat([ticket({ surveyed: false, csat: 5 })])).toEqual({ percent: 100, surveyed: 1, answered: 1, satisfied: 1 });
  });

  it.each([0, 6, 4.5, -4, Number.NaN])("GIVEN a rating of %s THEN it is not an answer", (rating) => {
    expect(csat([rated(rating), rated(5)])).toMatchObject({ answered: 1, satisfied: 1, percent: 100 });
  });
});

describe("slaCompliance", () => {
  const due = T + HOUR;
  const now = new Date(T + 10 * HOUR);
  const responded = (ms: number | null) => ticket({ responseDueAt: at(due), firstResponseAt: ms === null ? null : at(ms) });

  it("GIVEN a first response exactly at the due time THEN the SLA is met", () => {
    expect(slaCompliance([responded(due)], now)).toEqual({ percent: 100, met: 1, breached: 0, pending: 0 });
  });

  it("GIVEN a first response 1 ms after the due time THEN the SLA is breached", () => {
    expect(slaCompliance([responded(due + 1)], now)).toEqual({ percent: 0, met: 0, breached: 1, pending: 0 });
  });

  it("GIVEN no response and now past the due time THEN the SLA is breached", () => {
    expect(slaCompliance([responded(null)], new Date(due + 1))).toMatchObject({ breached: 1, pending: 0 });
  });

  it("GIVEN no response and now exactly at the due time THEN the ticket is pending", () => {
    expect(slaCompliance([responded(null)], new Date(due))).toEqual({ percent: null, met: 0, breached: 0, pending: 1 });
  });

  it("GIVEN no response and the due time ahead THEN the ticket is pending", () => {
    expect(slaCompliance([responded(null)], new Date(T))).toMatchObject({ pending: 1, breached: 0 });
  });

  it("GIVEN 3 met, 1 late, 1 overdue and 2 pending THEN 3 of 5 judged: 60 %", () => {
    const notYetDue = ticket({ responseDueAt: at(now.getTime() + HOUR) });
    const tickets = [responded(T), responded(T + 30 * 60_000), responded(due), responded(due + HOUR), responded(null), notYetDue, notYetDue];
    expect(slaCompliance(tickets, now)).toEqual({ percent: 60, met: 3, breached: 2, pending: 2 });
  });

  it("GIVEN no tickets THEN the percent is null", () => {
    expect(slaCompliance([], now)).toEqual({ percent: null, met: 0, breached: 0, pending: 0 });
  });

  it("GIVEN a ticket with an invalid due time THEN it is left out entirely", () => {
    const broken = ticket({ responseDueAt: new Date("bad"), firstResponseAt: at(T) });
    expect(slaCompliance([broken], now)).toEqual({ percent: null, met: 0, breached: 0, pending: 0 });
  });

  it("GIVEN an invalid now THEN it throws a RangeError", () => {
    expect(() => slaCompliance([responded(due)], new Date("bad"))).toThrow(RangeError);
  });
});
