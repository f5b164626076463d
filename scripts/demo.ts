// `npm run demo`: the app and a simulated shop on this machine, no Shopify account or tunnel.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_URL } from "../app/database-url";
import { protectedDataFromSetting } from "../simulator/protected-data";
import { ensureBuilt, migrateDeploy, startStack } from "../simulator/stack";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
mkdirSync(join(ROOT, "data"), { recursive: true });
migrateDeploy(databaseUrl);
ensureBuilt();

const stack = await startStack({
  databaseUrl,
  appPort: Number(process.env.DEMO_APP_PORT ?? 3000),
  shopPort: Number(process.env.DEMO_SHOP_PORT ?? 3001),
});
// e.g. DEMO_PROTECTED_DATA=none: the shop as Shopify serves an app whose protected data request is not approved yet.
stack.shop.approveProtectedData(protectedDataFromSetting(process.env.DEMO_PROTECTED_DATA));

// A real shop installs the app by opening it once in the admin; the demo does that for the
// simulated shop, so the storefront blocks work before anyone visits the admin.
const shop = stack.shop.store.shops()[0]!.domain;
const installed = await fetch(stack.shop.embeddedAppUrl(shop), { headers: { "User-Agent": "Mozilla/5.0 Chrome/156" } });
if (!installed.ok) console.warn(`Installing on ${shop} answered ${installed.status}; open the Admin address once to install.`);

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
