import { describe, expect, it } from "vitest";
import { failedRuleMessages, parseRuleLines, slaState } from "../../../../../../app/features/returns/domain/review";
import { formatDuration } from "../../../../../../app/lib/format";
import { parseQueueParams } from "../../../../../../app/features/returns/queue.server";
import { PHOTO_URL_TTL_SECONDS, signPhotoUrl, verifyPhotoSignature } from "../../../../../../app/features/returns/photos.server";
import { staffName } from "../../../../../../app/guards/staff";

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

describe("photo URLs", () => {
  const SECRET = "test-secret";
  const SHOP = "harbor-demo.myshopify.com";
  const signed = (overrides: { shop?: string; photoId?: string; now?: Date; secret?: string } = {}) =>
    new URL(
      signPhotoUrl(overrides.secret ?? SECRET, { shop: overrides.shop ?? SHOP, photoId: overrides.photoId ?? "photo1" }, overrides.now ?? NOW),
      "https://app.example",
    );

  it("GIVEN a fresh URL THEN it points at the photo route and verifies for its shop", () => {
    const url = signed();
    expect(url.pathname).toBe("/app/returns/photos/photo1");
    expect(verifyPhotoSignature(SECRET, "photo1", url.searchParams, NOW)).toEqual({ ok: true, shop: SHOP });
  });

  it("GIVEN the URL just before it expires THEN it still verifies", () => {
    expect(verifyPhotoSignature(SECRET, "photo1", signed().searchParams, at(PHOTO_URL_TTL_SECONDS * 1000 - 1000)).ok).toBe(true);
  });

  it("GIVEN the URL after its ten minutes THEN it is refused as expired", () => {
    expect(verifyPhotoSignature(SECRET, "photo1", signed().searchParams, at(PHOTO_URL_TTL_SECONDS * 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("GIVEN the URL with another photo id THEN it is refused", () => {
    expect(verifyPhotoSignature(SECRET, "photo2", signed().searchParams, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the shop swapped for another shop THEN it is refused", () => {
    const params = signed().searchParams;
    params.set("shop", "other-store.myshopify.com");
    expect(verifyPhotoSignature(SECRET, "photo1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN the expiry pushed later THEN it is refused", () => {
    const params = signed().searchParams;
    params.set("exp", String(Number(params.get("exp")) + 3600));
    expect(verifyPhotoSignature(SECRET, "photo1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN a signature with one character changed THEN it is refused", () => {
    const params = signed().searchParams;
    const sig = params.get("sig")!;
    params.set("sig", `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`);
    expect(verifyPhotoSignature(SECRET, "photo1", params, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("GIVEN a URL signed with another secret THEN it is refused", () => {
    expect(verifyPhotoSignature(SECRET, "photo1", signed({ secret: "other" }).searchParams, NOW).ok).toBe(false);
  });

  it.each([
    ["no parameters", ""],
    ["an empty signature", "shop=harbor-demo.myshopify.com&exp=9999999999&sig="],
    ["a shop that is not a myshopify domain", "shop=evil.example&exp=9999999999&sig=" + "A".repeat(43)],
    ["a non-numeric expiry", "shop=harbor-demo.myshopify.com&exp=soon&sig=" + "A".repeat(43)],
  ])("GIVEN %s THEN it is refused without throwing", (_label, query) => {
    expect(verifyPhotoSignature(SECRET, "photo1", new URLSearchParams(query), NOW)).toEqual({ ok: false, reason: "invalid" });
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

describe("queue URL", () => {
  it("GIVEN no parameters THEN the Requested tab, page 1", () => {
    expect(parseQueueParams(new URL("https://a/app/returns"))).toEqual({ status: "requested", page: 1 });
  });

  it("GIVEN a tab and a page THEN both are kept", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?status=declined&page=3"))).toEqual({ status: "declined", page: 3 });
  });

  it("GIVEN an unknown tab and a nonsense page THEN the defaults, not an error", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?status=everything&page=-2"))).toEqual({ status: "requested", page: 1 });
  });
});
