import type { ShopConnectionQuery } from "../types/admin.generated";
import type { AdminGraphql } from "../shopify.server";
import { runQuery } from "./graphql.server";

export const SHOP_CONNECTION_QUERY = `#graphql
  query ShopConnection {
    shop {
      name
      contactEmail
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

export type ShopConnection = {
  name: string;
  /** The public address shoppers write to. */
  contactEmail: string;
  domain: string;
  timezone: string;
  currency: string;
  grantedScopes: string[];
};

export async function fetchShopConnection(graphql: AdminGraphql): Promise<ShopConnection> {
  const data = await runQuery<ShopConnectionQuery>(graphql, "ShopConnection", SHOP_CONNECTION_QUERY);
  return {
    name: data.shop.name,
    contactEmail: data.shop.contactEmail,
    domain: data.shop.myshopifyDomain,
    timezone: data.shop.ianaTimezone,
    currency: data.shop.currencyCode,
    grantedScopes: data.currentAppInstallation.accessScopes.map((s) => s.handle),
  };
}
