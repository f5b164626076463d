import { createDb, type Db } from "./db-client.server";
import { env } from "./env.server";

export type { Db };

declare global {
  // One client across Vite's hot reloads in development.
  var harborDb: Db | undefined;
}

const db: Db = globalThis.harborDb ?? createDb(env.DATABASE_URL, { busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS });
if (env.NODE_ENV !== "production") globalThis.harborDb = db;

export default db;
