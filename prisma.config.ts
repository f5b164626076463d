import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, databaseUrl } from "./app/database-url";
import { migratePool } from "./prisma/postgresql/migrate-pool";

// Prisma's JS engine with driver adapters: nothing is downloaded at install or run time
// (see ../shared/STACK.md and docs/decisions/0003-two-database-providers.md).
const url = databaseUrl(process.env);
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  async adapter() {
    return provider === "postgresql"
      ? new PrismaPg(migratePool(url))
      : new PrismaLibSQL({ url });
  },
});
