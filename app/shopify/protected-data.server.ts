import { missingProtectedData, type ProtectedDataNeed } from "../protected-data";
import type { AdminGraphql } from "../shopify.server";

/**
 * The latest order with the protected fields the app reads. Shopify answers a field it has not
 * approved with an error and the rest of the data, so the errors say what is missing; a shop
 * without orders has nothing to refuse yet.
 */
export const PROTECTED_DATA_PROBE_QUERY = `#graphql
  query ProtectedDataProbe {
    orders(first: 1, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        email
        phone
      }
    }
  }
`;

export async function probeProtectedData(graphql: AdminGraphql): Promise<ProtectedDataNeed[]> {
  try {
    const response = await graphql(PROTECTED_DATA_PROBE_QUERY);
    const body = (await response.json()) as { errors?: { message?: string; path?: (string | number)[] }[] };
    return missingProtectedData(body.errors);
  } catch (error) {
    // The library throws on GraphQL errors: read them from the error it carries.
    const errors = (error as { body?: { errors?: { graphQLErrors?: { message?: string; path?: (string | number)[] }[] } } })?.body?.errors
      ?.graphQLErrors;
    if (errors) return missingProtectedData(errors);
    throw error;
  }
}
