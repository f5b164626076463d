import type { Db } from "../../db-client.server";
import type { AdminGraphql } from "../../shopify.server";

/** What every returns use case works with: the shop, its Admin API client and the database. */
export type ReturnsContext = { shop: string; graphql: AdminGraphql; db: Db };
