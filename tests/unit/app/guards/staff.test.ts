import { describe, expect, it } from "vitest";
import { staffName } from "../../../../app/guards/staff";

describe("who decided", () => {
  it("GIVEN an online session with the staff member's name and email THEN both are recorded", () => {
    expect(staffName({ shop: "a.myshopify.com", user: { first_name: "Ana", last_name: "Lima", email: "ana@a.com" } })).toBe("Ana Lima <ana@a.com>");
  });

  it("GIVEN only an email THEN the email is recorded", () => {
    expect(staffName({ shop: "a.myshopify.com", user: { email: "ana@a.com" } })).toBe("ana@a.com");
  });

  it("GIVEN an offline session and the session token's user id THEN staff of the shop with that id", () => {
    expect(staffName({ shop: "a.myshopify.com", userId: "42" })).toBe("Staff #42 (a.myshopify.com)");
  });

  it("GIVEN nothing about the user THEN staff of the shop", () => {
    expect(staffName({ shop: "a.myshopify.com" })).toBe("Staff (a.myshopify.com)");
  });
});
