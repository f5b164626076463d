import "@shopify/shopify-app-remix/adapters/node";
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

if (env.SHOPIFY_SIMULATOR_URL) routeShopifyCallsTo(env.SHOPIFY_SIMULATOR_URL);

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: env.SCOPES ? env.SCOPES.split(",") : [...SCOPES],
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  // The library's types want @prisma/client's PrismaClient; ours is generated to its own path.
  sessionStorage: new PrismaSessionStorage(db as never),
  distribution: AppDistribution.AppStore,
  // Info logs a line per request (every storefront lookup): too much for a shop's logs.
  logger: { level: LogSeverity.Warning },
  // Token exchange for embedded auth (Shopify-managed install); offline tokens that expire and refresh.
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  hooks: {
    afterAuth: async ({ session }) => recordInstall(db, session.shop, session.scope ?? ""),
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
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
