import type { AdminGraphql } from "../shopify.server";

/** A GraphQL answer that carried errors or userErrors, with the messages kept for the logs. */
export class ShopifyGraphqlError extends Error {
  constructor(
    readonly operation: string,
    readonly messages: string[],
  ) {
    super(`${operation} failed: ${messages.join("; ")}`);
    this.name = "ShopifyGraphqlError";
  }
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
