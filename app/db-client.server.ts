import { PrismaClient } from "@prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@harbor/prisma-postgresql";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider } from "./database-url";

export type Db = PrismaClient;

/**
 * A Prisma client for a database URL. Both clients are generated from the same models
 * (prisma/models.prisma), so they share one API; the PostgreSQL one is typed as the SQLite one.
 */
export function createDb(url: string): Db {
  if (databaseProvider(url) === "postgresql") {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}
