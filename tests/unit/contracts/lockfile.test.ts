import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingOptionalEntries } from "../../../scripts/complete-lockfile.mjs";

describe("package-lock.json", () => {
  it("GIVEN npm ci on a fresh machine THEN every optional dependency has a lock entry (run node scripts/complete-lockfile.mjs)", () => {
    const lock = JSON.parse(readFileSync(new URL("../../../package-lock.json", import.meta.url), "utf8"));
    expect(Object.keys(missingOptionalEntries(lock))).toEqual([]);
  });
});
