import { describe, expect, it } from "vitest";
import { actorLabel, eventLabel, timelineEntries } from "../../../../../../app/features/returns/domain/timeline";

const TORONTO = "America/Toronto";

describe("eventLabel", () => {
  it.each([
    ["requested", "Return requested in Shopify"],
    ["approved", "Approved"],
    ["label_attached", "Return label attached"],
    ["returned", "Parcel arrived"],
    ["inspected", "Items received and inspected"],
    ["refunded", "Refunded to the original payment"],
    ["store_credit_issued", "Store credit issued"],
    ["bonus_issued", "Store-credit bonus issued"],
    ["exchange_created", "Exchange created in Shopify"],
    ["exchange_processed", "Exchange item released for shipping"],
    ["exchange_shipped", "Exchange item shipped"],
    ["closed", "Closed"],
    ["step_failed", "Shopify refused a step"],
    ["amount_adjusted", "Amount to issue changed"],
  ])("GIVEN a %s event THEN it reads %j", (type, label) => {
    expect(eventLabel(type)).toBe(label);
  });

  it("GIVEN an event type the page does not know THEN it is still readable, not a code", () => {
    expect(eventLabel("parcel_lost")).toBe("Parcel lost");
  });
});

describe("actorLabel", () => {
  it.each([
    ["system", "Harbor Support (automatic)", true],
    ["shopify", "Shopify", true],
    ["auto-approve", "Auto-approval (return policy)", true],
    ["shopper", "The shopper", false],
  ])("GIVEN actor %j THEN it is shown as %j", (actor, name, automatic) => {
    expect(actorLabel(actor)).toEqual({ name, automatic });
  });

  it("GIVEN a staff member THEN their name as recorded", () => {
    expect(actorLabel("Maya Chen <maya@example.com>")).toEqual({ name: "Maya Chen <maya@example.com>", automatic: false });
  });
});

describe("timelineEntries", () => {
  it("GIVEN a request's events THEN each has its label, who did it and when in the shop's time zone, in order", () => {
    const entries = timelineEntries(
      [
        { id: "e1", actor: "auto-approve", type: "approved", detail: null, at: new Date("2026-10-14T13:05:00Z") },
        { id: "e2", actor: "system", type: "step_failed", detail: "label: Tracking number is invalid", at: new Date("2026-10-14T13:06:00Z") },
        { id: "e3", actor: "Maya Chen", type: "inspected", detail: "Harbor Rain Shell: 1 restocked, 0 not restocked, 1 missing", at: new Date("2026-10-16T18:30:00Z") },
      ],
      TORONTO,
    );
    expect(entries).toEqual([
      {
        id: "e1",
        type: "approved",
        actor: "auto-approve",
        label: "Approved",
        by: "Auto-approval (return policy)",
        automatic: true,
        problem: false,
        detail: null,
        at: "Oct 14, 2026, 9:05 AM",
        atIso: "2026-10-14T13:05:00.000Z",
      },
      expect.objectContaining({ label: "Shopify refused a step", by: "Harbor Support (automatic)", problem: true, detail: "label: Tracking number is invalid" }),
      expect.objectContaining({ label: "Items received and inspected", by: "Maya Chen", automatic: false, at: "Oct 16, 2026, 2:30 PM" }),
    ]);
  });
});
