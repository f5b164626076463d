import { describe, expect, it } from "vitest";
import { changedAt, recordedBefore } from "../../../../../../app/features/webhooks/domain/ordering";

const at = (iso: string) => new Date(iso);

describe("changedAt", () => {
  it("GIVEN the payload's time THEN it is used before the delivery's X-Shopify-Triggered-At", () => {
    expect(changedAt("2026-12-01T10:00:00-05:00", "2026-12-01T16:00:00Z")).toEqual(at("2026-12-01T15:00:00Z"));
  });

  it("GIVEN no payload time (or one that is not a date) THEN the delivery's time is used", () => {
    expect(changedAt(null, "2026-12-01T16:00:00Z")).toEqual(at("2026-12-01T16:00:00Z"));
    expect(changedAt("soon", "2026-12-01T16:00:00Z")).toEqual(at("2026-12-01T16:00:00Z"));
  });

  it("GIVEN neither THEN the time is unknown", () => {
    expect(changedAt(undefined, undefined)).toBeNull();
  });
});

describe("recordedBefore", () => {
  it("GIVEN a change time THEN the filter takes rows with no time or an earlier one; GIVEN none THEN only rows with no time", () => {
    const incoming = at("2026-12-01T12:00:00Z");
    expect(recordedBefore("changedAt", incoming)).toEqual({ OR: [{ changedAt: null }, { changedAt: { lt: incoming } }] });
    expect(recordedBefore("changedAt", null)).toEqual({ changedAt: null });
  });
});
