import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient as PostgresPrismaClient } from ".prisma/client-postgresql";
import { databaseProvider } from "./database-url";
import { PrismaSqlite } from "./sqlite-adapter.server";

export type Db = PrismaClient;

/**
 * A Prisma client for a database URL. Both clients are generated from the same models
 * (prisma/models.prisma), so they share one API; the PostgreSQL one is typed as the SQLite one.
 * It lives under node_modules/.prisma (docs/decisions/0003), a path only `require` resolves.
 */
export function createDb(url: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (databaseProvider(url) === "postgresql") {
    const postgres = createRequire(import.meta.url)(".prisma/client-postgresql") as {
      PrismaClient: typeof PostgresPrismaClient;
    };
    return new postgres.PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: new PrismaSqlite(url, options.busyTimeoutMs) });
}
