import type { Db } from "../../db-client.server";
import { createKeyedMutex } from "../../lib/keyed-mutex";
import type { AdminGraphql } from "../../shopify.server";

/** What every returns use case works with: the shop, its Admin API client and the database. */
export type ReturnsContext = { shop: string; graphql: AdminGraphql; db: Db };

/** One request per order is judged, stored or sent to Shopify at a time (in this process). */
export const orderLocks = createKeyedMutex();
