import {
  GraphqlQueryError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpRetriableError,
} from "@shopify/shopify-api";
import type { AdminGraphql } from "../shopify.server";

/** A GraphQL answer that carried errors or userErrors, with the messages kept for the logs. */
export class ShopifyGraphqlError extends Error {
  constructor(
    readonly operation: string,
    readonly messages: string[],
    /** Shopify understood and refused (userErrors): retrying the same input will not help. */
    readonly refused = false,
  ) {
    super(`${operation} failed: ${messages.join("; ")}`);
    this.name = "ShopifyGraphqlError";
  }
}

type UserErrors = { field?: string[] | null; message: string; code?: string | null }[];

/** Shopify's MoneyInput for an amount in cents. */
export const moneyInput = (cents: number, currencyCode: string) => ({ amount: (cents / 100).toFixed(2), currencyCode });

/** A mutation's userErrors as a refusal: Shopify understood the call and said no. */
export function requireNoUserErrors(operation: string, errors: UserErrors | undefined): void {
  if (errors?.length) throw new ShopifyGraphqlError(operation, errors.map((e) => `${e.code ?? "ERROR"}: ${e.message}`), true);
}

/** Runs one named operation and returns its data, or throws ShopifyGraphqlError. */
export async function runQuery<T>(
  graphql: AdminGraphql,
  operation: string,
  document: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await graphql(document, variables ? { variables } : undefined);
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new ShopifyGraphqlError(operation, body.errors?.map((e) => e.message) ?? ["no data"]);
  }
  return body.data;
}

/**
 * Whether a failed call may succeed if tried again later: throttling, Shopify's 5xx, the network.
 * Refusals (userErrors) and invalid documents are not.
 */
export function isTransientShopifyError(error: unknown): boolean {
  if (error instanceof ShopifyGraphqlError) return false;
  if (error instanceof GraphqlQueryError) {
    const errors = (error.body as { errors?: { graphQLErrors?: { extensions?: { code?: string } }[] } })?.errors;
    return (errors?.graphQLErrors ?? []).some((e) => ["THROTTLED", "INTERNAL_SERVER_ERROR"].includes(e.extensions?.code ?? ""));
  }
  if (error instanceof HttpRetriableError || error instanceof HttpMaxRetriesError || error instanceof HttpRequestError) return true;
  if (error instanceof HttpResponseError) return error.response.code >= 500 || error.response.code === 429;
  return error instanceof TypeError; // fetch's "network error"
}
