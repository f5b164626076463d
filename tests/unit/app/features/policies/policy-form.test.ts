import { describe, expect, it } from "vitest";
import { FORM_ERROR, flattenIssues } from "../../../../../app/features/policies/policy-form";

describe("flattenIssues: zod issues to dotted paths", () => {
  it("GIVEN nested paths THEN keys are dotted and the first message per path wins", () => {
    expect(
      flattenIssues([
        { path: ["reasons", 2, "handle"], message: "first" },
        { path: ["reasons", 2, "handle"], message: "second" },
        { path: ["returnShipping", "fee"], message: "fee" },
      ]),
    ).toEqual({ "reasons.2.handle": "first", "returnShipping.fee": "fee" });
  });

  it("GIVEN an issue without a path THEN it is a form-level error", () => {
    expect(flattenIssues([{ path: [], message: "whole form" }])).toEqual({ [FORM_ERROR]: "whole form" });
  });
});
