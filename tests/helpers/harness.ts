import { API_VERSION } from "../../app/api-version";
import { appProxySignature } from "../../simulator/signing";
import { DEMO_CREDENTIALS, startStack, type Stack } from "../../simulator/stack";
import { createDb, type Db } from "../../app/db-client.server";
import { createTestDatabase, type TestDatabase } from "./database";

export const DEMO_SHOP = "harbor-demo.myshopify.com";
/** How the demo shop's staff member (the simulated session tokens' user 1) is recorded. */
export const DEMO_STAFF = "Sam Rivera <sam@harbor-demo.example>";
export { API_VERSION, DEMO_CREDENTIALS };

export type Harness = Stack & { database: TestDatabase; db: Db; close(): Promise<void> };

/**
 * The built app and the simulated shop on a fresh database, for one test file. The app module
 * graph (env, Prisma client) is loaded once per worker, so each file gets one harness.
 */
export async function startHarness(
  options: Pick<Parameters<typeof startStack>[0], "fixtures" | "now" | "extensionsDir" | "env" | "shopOptions"> = {},
): Promise<Harness> {
  const database = await createTestDatabase();
  const stack = await startStack({ databaseUrl: database.url, ...options });
  // A client of the test's own on the app's database, to arrange and inspect rows.
  const db = createDb(database.url);
  return {
    ...stack,
    database,
    db,
    async close() {
      await stack.stop();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** The library answers bots (Node's own user agent among them) with 410 on admin routes. */
export const BROWSER_HEADERS = {
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
};

/** A request from a browser: admin pages and their data requests. */
export function browserFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...BROWSER_HEADERS, ...init.headers } });
}

/** Opens the embedded app the way the admin page's iframe does, so the shop gets its offline session. */
export async function installApp(harness: Harness, shop = DEMO_SHOP): Promise<Response> {
  return browserFetch(harness.shop.embeddedAppUrl(shop));
}

/** A storefront request as Shopify's app proxy forwards it: query signed with the app's secret. */
export function signedProxyUrl(
  appUrl: string,
  path: string,
  opts: { shop?: string; query?: Record<string, string>; customerId?: string; timestamp?: number } = {},
): string {
  const params = new URLSearchParams(opts.query);
  params.set("shop", opts.shop ?? DEMO_SHOP);
  params.set("logged_in_customer_id", opts.customerId ?? "");
  params.set("path_prefix", "/apps/support");
  params.set("timestamp", String(opts.timestamp ?? Math.floor(Date.now() / 1000)));
  params.set("signature", appProxySignature(params, DEMO_CREDENTIALS.apiSecret));
  return `${appUrl}/proxy${path}?${params}`;
}
