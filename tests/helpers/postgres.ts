import pg from "pg";

/** PostgreSQL on these machines: 127.0.0.1:5432, trust auth (see ../shared/STACK.md). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** TEST_DATABASE=postgresql runs the suite on PostgreSQL; SQLite otherwise. */
export function testProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
