import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient as PostgresPrismaClient } from ".prisma/client-postgresql";
import { databaseProvider, type DatabaseProvider } from "./database-url";
import { PrismaSqlite } from "./sqlite-adapter.server";

export type Db = PrismaClient;

/**
 * A Prisma client for a database URL. Both clients are generated from the same models
 * (prisma/models.prisma), so they share one API; the PostgreSQL one is typed as the SQLite one.
 * It lives under node_modules/.prisma (docs/decisions/0003), a path only `require` resolves.
 */
const providers = new WeakMap<Db, DatabaseProvider>();

export function createDb(url: string, options: { busyTimeoutMs?: number } = {}): Db {
  const db = connect(url, options);
  providers.set(db, databaseProvider(url));
  return db;
}

function connect(url: string, options: { busyTimeoutMs?: number }): Db {
  if (databaseProvider(url) === "postgresql") {
    const postgres = createRequire(import.meta.url)(".prisma/client-postgresql") as {
      PrismaClient: typeof PostgresPrismaClient;
    };
    return new postgres.PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: new PrismaSqlite(url, options.busyTimeoutMs) });
}

/** Which database a client talks to, for the few queries written in SQL (dashboard aggregates). */
export function providerOf(db: Db): DatabaseProvider {
  const provider = providers.get(db);
  if (!provider) throw new Error("providerOf: a client made without createDb");
  return provider;
}

/**
 * After erasing customer data: on SQLite, deleted rows are zeroed in the database file
 * (secure_delete), but their earlier versions stay in the write-ahead log until a checkpoint copies
 * it back and truncates it. PostgreSQL's dead rows are vacuumed by the server.
 */
export async function flushErasure(db: Db): Promise<void> {
  if (providers.get(db) === "sqlite") await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}
