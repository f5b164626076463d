import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { API_VERSION } from "../app/api-version";
import { listenForApp } from "./app-host";
import { startSimulator, type SimulatorOptions } from "./server";
import type { ShopFixture } from "./store";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The demo app's credentials: the simulated shop and the app share them, as Shopify and an app do. */
export const DEMO_CREDENTIALS = { apiKey: "harbor-demo-api-key", apiSecret: "harbor-demo-api-secret" };

/** Applies the migrations of the provider the URL names, with Prisma's own `migrate deploy`. */
export function migrateDeploy(databaseUrl: string): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the app unless build/ is newer than every source it comes from. */
export function ensureBuilt(): void {
  const output = join(ROOT, "build/server/index.js");
  const sources = ["app", "vite.config.ts", "package-lock.json"].map((p) => join(ROOT, p)).filter(existsSync);
  if (existsSync(output) && statSync(output).mtimeMs > Math.max(...sources.map(newestMtime))) return;
  console.log("Building the app…");
  execFileSync(process.execPath, [join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * The app (built, in this process) and the simulated shop, wired to each other: the app's
 * Shopify calls go to the simulated shop, which embeds, proxies to and sends webhooks to the app.
 */
export async function startStack(options: {
  databaseUrl: string;
  appPort?: number;
  shopPort?: number;
  fixtures?: ShopFixture[];
  now?: () => Date;
  buildDir?: string;
  extensionsDir?: string;
  /** Extra app environment, e.g. a lower rate limit for a test. */
  env?: Record<string, string>;
  /** How the simulated shop behaves where a shop may differ: its proxy path, its search lag. */
  shopOptions?: Pick<SimulatorOptions, "searchLagMs" | "proxyPath">;
}) {
  const app = await listenForApp(options.appPort);
  const shop = await startSimulator({
    port: options.shopPort,
    appUrl: app.url,
    ...DEMO_CREDENTIALS,
    apiVersion: API_VERSION,
    fixtures: options.fixtures,
    now: options.now,
    extensionsDir: options.extensionsDir,
    // HARBOR_PROXY_PATH runs a whole suite under another app proxy path (e.g. /tools/help).
    proxyPath: process.env.HARBOR_PROXY_PATH || undefined,
    ...options.shopOptions,
  });
  Object.assign(process.env, {
    NODE_ENV: "production",
    SHOPIFY_API_KEY: DEMO_CREDENTIALS.apiKey,
    SHOPIFY_API_SECRET: DEMO_CREDENTIALS.apiSecret,
    SHOPIFY_APP_URL: app.url,
    SHOPIFY_SIMULATOR_URL: shop.url,
    // Read by @shopify/shopify-app-remix/adapters/node for the pages the server renders.
    APP_BRIDGE_URL: `${shop.url}/app-bridge.js`,
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  });
  await app.load(options.buildDir ?? join(ROOT, "build"), { frameAncestor: shop.url });
  return {
    app,
    shop,
    async stop() {
      await Promise.all([app.stop(), shop.stop()]);
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
