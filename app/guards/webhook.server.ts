import { InvalidShopError } from "@shopify/shopify-api";
import { BODY_LIMITS, boundedRequest, problem } from "../lib/body.server";
import { ShopDomainSchema } from "../lib/shop-domain";
import { authenticate } from "../shopify.server";

/**
 * Verifies a webhook delivery with the library, reading its body against the webhook limit (413
 * past it, never buffered whole). Shopify retries anything but a 2xx or 4xx for days, so a delivery
 * that can never succeed is refused with a 4xx and a sentence saying why, before anything is written.
 */
export async function requireWebhook(request: Request) {
  const bounded = await boundedRequest(request, BODY_LIMITS.webhook);
  let context;
  try {
    context = await authenticate.webhook(bounded);
  } catch (error) {
    throw refusal(error);
  }
  // The library also accepts other Shopify hosts (shopify.com, shop.dev…); deliveries name a store.
  if (!ShopDomainSchema.safeParse(context.shop).success) throw invalidShop();
  return context;
}

// The library answers these with an empty body.
const LIBRARY_REFUSALS: Record<number, string> = {
  400: "This webhook lacks Shopify's headers (topic, shop domain, API version and webhook id are required).",
  401: "This webhook's signature (X-Shopify-Hmac-Sha256) does not match its body.",
  405: "Webhooks are delivered with POST.",
};

function invalidShop(): Response {
  return problem(400, "X-Shopify-Shop-Domain must be a shop's myshopify.com domain.");
}

/** What the library threw, as the 4xx it stands for; anything else stays an error of ours. */
function refusal(error: unknown): unknown {
  if (error instanceof Response) {
    const message = LIBRARY_REFUSALS[error.status];
    return message ? problem(error.status, message) : error;
  }
  // Thrown while deriving the session id from the shop header.
  if (error instanceof InvalidShopError) return invalidShop();
  // The library parses the body only after the signature and headers passed.
  if (error instanceof SyntaxError) return problem(400, "This webhook's body is not JSON.");
  return error;
}
