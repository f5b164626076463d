import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/**
 * Shopify's Admin GraphQL schema for API version 2026-10, the introspection result shipped in
 * npm @shopify/dev-mcp 1.16.0 (dist/data/admin_2026-10.json.gz), committed unchanged; see
 * docs/decisions/0002-admin-schema-in-repo.md.
 */
export const ADMIN_SCHEMA_PATH = fileURLToPath(
  new URL("../schema/admin_2026-10.json.gz", import.meta.url),
);

let cached: GraphQLSchema | undefined;

export function loadIntrospection(): IntrospectionQuery {
  const json = JSON.parse(gunzipSync(readFileSync(ADMIN_SCHEMA_PATH)).toString("utf8"));
  return json.data as IntrospectionQuery;
}

export function adminSchema(): GraphQLSchema {
  cached ??= buildClientSchema(loadIntrospection());
  return cached;
}
