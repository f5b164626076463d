import { describe, expect, it } from "vitest";
import { missingProtectedData } from "../../../app/protected-data";

describe("what protected customer data Shopify refused", () => {
  it("GIVEN the Order object refused THEN level 1 and both level 2 fields are missing", () => {
    expect(missingProtectedData([{ message: "This app is not approved to access the Order object. See …", path: ["orders"] }])).toEqual(["orders", "email", "phone"]);
  });

  it("GIVEN one field refused THEN that field only", () => {
    expect(missingProtectedData([{ message: "This app is not approved to use the email field.", path: ["orders", "nodes", 0, "email"] }])).toEqual(["email"]);
  });

  it("GIVEN no errors, or errors that are not about approval (a missing scope) THEN nothing is asked for", () => {
    expect(missingProtectedData(undefined)).toEqual([]);
    expect(missingProtectedData([{ message: "Access denied for orders field. Required access: `read_orders` access scope.", path: ["orders"] }])).toEqual([]);
  });
});
