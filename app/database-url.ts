/** SQLite unless DATABASE_URL names PostgreSQL; shared by prisma.config.ts and the app. */
export const DEFAULT_DATABASE_URL = "file:./data/harbor.sqlite";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(env: Record<string, string | undefined>): string {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL (PostgreSQL), got "${url.split(":")[0]}:…"`,
  );
}
