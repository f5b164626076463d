import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVIDERS, schemaFor } from "../../../scripts/prisma.mjs";

const root = new URL("../../../prisma/", import.meta.url);

describe("Prisma schemas", () => {
  it.each(PROVIDERS as string[])("GIVEN prisma/models.prisma THEN the %s schema holds the same models (run npm run db:schemas)", (provider) => {
    const committed = readFileSync(new URL(`${provider}/schema.prisma`, root), "utf8");
    expect(committed).toBe(schemaFor(provider));
  });

  it("GIVEN both providers THEN each has the same list of migrations", () => {
    const migrations = (provider: string) =>
      readdirSync(new URL(`${provider}/migrations/`, root)).filter((name) => /^\d{14}_/.test(name));
    expect(migrations("sqlite").length).toBeGreaterThan(0);
    expect(migrations("postgresql")).toEqual(migrations("sqlite"));
  });
});
