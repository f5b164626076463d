import { describe, expect, it } from "vitest";
import {
  moveForward,
  RETURN_EVENT_TYPES,
  RETURN_STAGES,
  RETURN_STEPS,
  SHOPPER_VISIBLE_EVENTS,
  shopperTimeline,
  stageOf,
  statusFromShopify,
  statusRank,
  type RequestStatus,
} from "../../../../../../app/features/returns/domain/lifecycle";

const ALL: RequestStatus[] = ["received", "requested", "approved", "returned", "inspected", "closed", "declined", "cancelled", "failed"];
const HAPPY_PATH: RequestStatus[] = ["received", "requested", "approved", "returned", "inspected", "closed"];
const ENDS: RequestStatus[] = ["closed", "declined", "cancelled"];

describe("Shopify's return status in our words", () => {
  it.each([
    ["REQUESTED", "requested"],
    ["OPEN", "approved"],
    ["DECLINED", "declined"],
    ["CLOSED", "closed"],
    ["CANCELED", "cancelled"],
    ["canceled", "cancelled"],
    ["cancelled", "cancelled"],
    ["open", "approved"],
  ])("%s → %s", (shopify, ours) => {
    expect(statusFromShopify(shopify)).toBe(ours);
  });

  it.each(["SOMETHING_NEW", "", "constructor", "__proto__", "toString"])("GIVEN %j, which we do not track THEN null", (status) => {
    expect(statusFromShopify(status)).toBeNull();
  });
});

describe("moving a request forward", () => {
  it("GIVEN the happy path THEN each status ranks above the one before", () => {
    const ranks = HAPPY_PATH.map(statusRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(HAPPY_PATH.length);
  });

  it("GIVEN each step of the happy path THEN the next status is taken", () => {
    for (let i = 1; i < HAPPY_PATH.length; i++) expect(moveForward(HAPPY_PATH[i - 1]!, HAPPY_PATH[i]!)).toBe(HAPPY_PATH[i]);
  });

  it("GIVEN an approved request THEN a later status is taken even when steps were skipped (a keep-it return closes straight away)", () => {
    expect(moveForward("approved", "closed")).toBe("closed");
    expect(moveForward("received", "approved")).toBe("approved");
  });

  it.each([
    ["inspected", "approved"],
    ["returned", "approved"],
    ["approved", "requested"],
    ["requested", "received"],
  ] as const)("GIVEN a %s request and a late %s THEN nothing changes", (current, late) => {
    expect(moveForward(current, late)).toBeNull();
  });

  it.each(ALL)("GIVEN a %s request and the same status again (a repeated webhook) THEN nothing changes", (status) => {
    expect(moveForward(status, status)).toBeNull();
  });

  it.each(ENDS)("GIVEN a %s request THEN nothing moves it again", (end) => {
    expect(ALL.map((next) => moveForward(end, next))).toEqual(ALL.map(() => null));
  });

  it("GIVEN a requested or approved request THEN Shopify may decline or cancel it", () => {
    expect(moveForward("requested", "declined")).toBe("declined");
    expect(moveForward("approved", "cancelled")).toBe("cancelled");
  });

  it("GIVEN a request Shopify already holds THEN it cannot become failed (only the first step fails)", () => {
    expect(moveForward("received", "failed")).toBe("failed");
    expect(moveForward("requested", "failed")).toBeNull();
    expect(moveForward("approved", "failed")).toBeNull();
  });

  it.each(ALL.filter((s) => s !== "failed"))("GIVEN a failed request and Shopify reporting %s THEN it is taken (Shopify holds the truth)", (next) => {
    expect(moveForward("failed", next)).toBe(next);
  });

  it("GIVEN the end statuses THEN they share the top rank", () => {
    const top = Math.max(...ALL.map(statusRank));
    expect(ENDS.map(statusRank)).toEqual([top, top, top]);
  });
});

describe("stages", () => {
  it("GIVEN the stages THEN they are the staff's columns in order", () => {
    expect(RETURN_STAGES).toEqual(["review", "awaiting_items", "received", "to_refund", "done"]);
  });

  it.each([
    ["received", "review"],
    ["requested", "review"],
    ["failed", "review"],
    ["approved", "awaiting_items"],
    ["returned", "received"],
    ["inspected", "to_refund"],
    ["closed", "done"],
    ["declined", "done"],
    ["cancelled", "done"],
  ] as const)("%s → %s", (status, stage) => {
    expect(stageOf(status)).toBe(stage);
  });

  it("GIVEN a request moving forward THEN its stage never goes back a column", () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const next = moveForward(from, to);
        if (next && from !== "failed") expect(RETURN_STAGES.indexOf(stageOf(next))).toBeGreaterThanOrEqual(RETURN_STAGES.indexOf(stageOf(from)));
      }
    }
  });
});

describe("a status no stage knows", () => {
  it("GIVEN an unknown or inherited name THEN it is put under review, where staff see it", () => {
    expect(stageOf("archived")).toBe("review");
    expect(stageOf("constructor")).toBe("review");
  });
});

describe("steps and events", () => {
  it("GIVEN the steps THEN they are the ones a request goes through after approval, in order", () => {
    expect(RETURN_STEPS).toEqual(["approve", "exchange", "label", "process", "bonus", "close"]);
  });

  it("GIVEN the shopper-visible events THEN each is a timeline event, and failures, inspection, processing and adjustments are not among them", () => {
    expect(SHOPPER_VISIBLE_EVENTS.filter((e) => !(RETURN_EVENT_TYPES as readonly string[]).includes(e))).toEqual([]);
    expect(RETURN_EVENT_TYPES.filter((e) => !(SHOPPER_VISIBLE_EVENTS as readonly string[]).includes(e))).toEqual([
      "failed",
      "inspected",
      "exchange_processed",
      "step_failed",
      "amount_adjusted",
    ]);
  });
});

describe("the shopper's timeline", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));

  it("GIVEN a webhook delivered twice THEN its step shows once, at the first delivery", () => {
    const events = [
      { id: "1", type: "requested", at: at(0) },
      { id: "2", type: "approved", at: at(5) },
      { id: "3", type: "approved", at: at(9) },
    ];
    expect(shopperTimeline(events).map((e) => e.id)).toEqual(["1", "2"]);
  });

  it("GIVEN events out of order THEN they come back oldest first", () => {
    const events = [
      { type: "refunded", at: at(30) },
      { type: "requested", at: at(0) },
      { type: "returned", at: at(20) },
      { type: "approved", at: at(10) },
    ];
    expect(shopperTimeline(events).map((e) => e.type)).toEqual(["requested", "approved", "returned", "refunded"]);
  });

  it("GIVEN a repeat recorded before the original (out of order) THEN the earliest one is kept", () => {
    const events = [
      { id: "late", type: "label_attached", at: at(15) },
      { id: "early", type: "label_attached", at: at(12) },
    ];
    expect(shopperTimeline(events).map((e) => e.id)).toEqual(["early"]);
  });

  it("GIVEN internal events and types we do not know THEN the shopper does not see them", () => {
    const events = ["requested", "failed", "step_failed", "inspected", "amount_adjusted", "received", "something_new"].map((type, i) => ({
      type,
      at: at(i),
    }));
    expect(shopperTimeline(events).map((e) => e.type)).toEqual(["requested"]);
  });

  it("GIVEN times as ISO strings (a loader's JSON) THEN they are ordered the same way", () => {
    const events = [
      { type: "closed", at: "2026-12-03T09:00:00Z" },
      { type: "store_credit_issued", at: "2026-12-02T09:00:00Z" },
      { type: "bonus_issued", at: "2026-12-02T09:00:01Z" },
    ];
    expect(shopperTimeline(events).map((e) => e.type)).toEqual(["store_credit_issued", "bonus_issued", "closed"]);
  });

  it("GIVEN two events at the same moment THEN they keep the order they were given in", () => {
    const events = [
      { type: "exchange_created", at: at(1) },
      { type: "approved", at: at(1) },
    ];
    expect(shopperTimeline(events).map((e) => e.type)).toEqual(["exchange_created", "approved"]);
  });

  it("GIVEN an unreadable time THEN that event goes last instead of breaking the order", () => {
    const events = [
      { type: "approved", at: "not a date" },
      { type: "requested", at: "2026-12-01T10:00:00Z" },
      { type: "returned", at: "2026-12-02T10:00:00Z" },
    ];
    expect(shopperTimeline(events).map((e) => e.type)).toEqual(["requested", "returned", "approved"]);
  });

  it("GIVEN the events THEN the caller's list is left as it was", () => {
    const events = [
      { type: "approved", at: at(5) },
      { type: "requested", at: at(0) },
    ];
    shopperTimeline(events);
    expect(events.map((e) => e.type)).toEqual(["approved", "requested"]);
  });
});
