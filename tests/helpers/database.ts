import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrateDeploy } from "../../simulator/stack";

/** PostgreSQL on these machines: 127.0.0.1:5432, trust auth (see ../shared/STACK.md). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { provider: "sqlite" | "postgresql"; url: string; drop(): Promise<void> };

/** TEST_DATABASE=postgresql runs the suite on PostgreSQL; SQLite otherwise. */
export function testProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

/** A new, empty database with every migration applied by `prisma migrate deploy`. */
export async function createTestDatabase(provider = testProvider()): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "harbor-test-"));
    const url = `file:${join(dir, "test.sqlite")}`;
    migrateDeploy(url);
    return { provider, url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `harbor_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  migrateDeploy(url.toString());
  return {
    provider,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
