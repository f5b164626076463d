import { ApiVersion } from "@shopify/shopify-api";

/**
 * The one Admin API version of the app. shopify.app.toml (`[webhooks] api_version`), GraphQL codegen
 * (.graphqlrc.ts) and the simulated shop all read it from here; tests/unit/api-version.test.ts
 * fails when the toml disagrees.
 */
export const API_VERSION = ApiVersion.October26;
