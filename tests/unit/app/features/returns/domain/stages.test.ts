import { describe, expect, it } from "vitest";
import { RETURN_STAGES, stageOf } from "../../../../../../app/features/returns/domain/stages";

describe("stageOf", () => {
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
  ])("GIVEN a %s request THEN its stage is %s", (status, stage) => {
    expect(stageOf(status)).toBe(stage);
  });

  it("GIVEN a status no stage knows THEN it is put under review, where staff see it", () => {
    expect(stageOf("archived")).toBe("review");
  });

  it("GIVEN the stages THEN they are in the order a return moves through them", () => {
    expect(RETURN_STAGES).toEqual(["review", "awaiting_items", "received", "to_refund", "done"]);
  });
});
