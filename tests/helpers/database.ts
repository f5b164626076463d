import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { adminQuery, databaseUrl } from "./postgres";

export type TestDatabase = { provider: "sqlite" | "postgresql"; url: string; drop(): Promise<void> };

/**
 * A new database for one test file: a copy of the run's template, which
 * tests/setup/template-database.ts migrated with `prisma migrate deploy`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  if (template.provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "harbor-test-"));
    const file = join(dir, "test.sqlite");
    copyFileSync(template.name, file);
    return { provider: "sqlite", url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `harbor_test_${process.pid}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template.name}"`);
  return {
    provider: "postgresql",
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
