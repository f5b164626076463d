import "@shopify/shopify-app-remix/adapters/node";
import { shopifyApi } from "@shopify/shopify-api";
import {
  AppDistribution,
  LogSeverity,
  shopifyApp,
  type AdminApiContext,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { API_VERSION } from "./api-version";
import db from "./db.server";
import { recordInstall } from "./features/shop/repo.server";
import { env } from "./env.server";
import { routeShopifyCallsTo } from "./simulated-shop.server";
import { SCOPES } from "./scopes";
import { customDomainTransformations } from "./shop-domains";
import { RefreshingSessionStorage } from "./shopify/session-storage.server";

if (env.SHOPIFY_SIMULATOR_URL) routeShopifyCallsTo(env.SHOPIFY_SIMULATOR_URL);

// The library's types want @prisma/client's PrismaClient; ours is generated to its own path.
const storage = new RefreshingSessionStorage(new PrismaSessionStorage(db as never), db);
const scopes = env.SCOPES ? env.SCOPES.split(",") : [...SCOPES];
const domainTransformations = customDomainTransformations(env.SHOP_CUSTOM_DOMAIN);

// Every option below is checked against shopify-app-remix 6 / shopify-api 15's types: keep them in
// this one object literal (no spreads), so TypeScript refuses an option the library dropped.
const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes,
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: storage,
  distribution: AppDistribution.AppStore,
  // Info logs a line per request (every storefront lookup): too much for a shop's logs.
  logger: { level: LogSeverity.Warning },
  // Token exchange for embedded auth (Shopify-managed install); offline tokens that expire and refresh.
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  // Admin pages also get an online token for the staff member using them: Shopify's answer names
  // them (associated_user), for decisions, notes, assignment and {{ staff.first_name }}.
  useOnlineTokens: true,
  hooks: {
    // The shop's grant is the offline session's scope; an online session carries only what the
    // staff member may use (associated_user_scope).
    afterAuth: async ({ session }) => {
      const offline = session.isOnline ? await storage.loadSession(`offline_${session.shop}`) : session;
      await recordInstall(db, session.shop, offline?.scope ?? session.scope ?? "");
    },
  },
  // shopify-api 15 replaced `customShopDomains` with `domainTransformations`.
  domainTransformations,
});

// shopifyApp() keeps its API object to itself; the refresh grant is the same call it makes.
const tokenApi = shopifyApi({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes,
  hostName: new URL(env.SHOPIFY_APP_URL).host,
  isEmbeddedApp: true,
  domainTransformations,
  logger: { level: LogSeverity.Warning },
});
storage.refreshWith(async (session) => {
  const { session: fresh } = await tokenApi.auth.refreshToken({ shop: session.shop, refreshToken: session.refreshToken! });
  return fresh;
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
export type AdminGraphql = AdminApiContext["graphql"];
