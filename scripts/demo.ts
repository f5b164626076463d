// `npm run demo`: the app and a simulated shop on this machine, no Shopify account or tunnel.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_URL } from "../app/database-url";
import { migrateDeploy, startStack } from "../simulator/stack";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the app unless build/ is newer than every source it comes from. */
function buildIfStale() {
  const output = join(ROOT, "build/server/index.js");
  const sources = ["app", "vite.config.ts", "package-lock.json"].map((p) => join(ROOT, p)).filter(existsSync);
  if (existsSync(output) && statSync(output).mtimeMs > Math.max(...sources.map(newestMtime))) return;
  console.log("Building the app…");
  execFileSync(process.execPath, [join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
mkdirSync(join(ROOT, "data"), { recursive: true });
migrateDeploy(databaseUrl);
buildIfStale();

const stack = await startStack({
  databaseUrl,
  appPort: Number(process.env.DEMO_APP_PORT ?? 3000),
  shopPort: Number(process.env.DEMO_SHOP_PORT ?? 3001),
});

console.log(`Storefront: ${stack.shop.storefrontUrl}`);
console.log(`Admin: ${stack.shop.adminUrl}`);
console.log(`App: ${stack.app.url}`);
console.log(`Demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl-C stops it (data stays in ${databaseUrl}).`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}
