import { InvalidShopError } from "@shopify/shopify-api";
import { problem } from "../lib/body.server";
import { authenticate } from "../shopify.server";

/**
 * Verifies the app-proxy signature with the library and returns the shop's context. The library
 * answers a bad or missing signature with an empty 400; shoppers' scripts get a 401 with a message
 * instead, and a shop without a session (not installed) is refused the same way; a signed request
 * whose `shop` is not a shop domain gets a 400.
 */
export async function requireAppProxy(request: Request) {
  let context;
  try {
    context = await authenticate.public.appProxy(request);
  } catch (error) {
    if (error instanceof Response && error.status === 400) throw unauthorized();
    // Signed, but its `shop` is not a shop domain: the library refuses it by throwing, not answering.
    if (error instanceof InvalidShopError) throw problem(400, "This request does not name a shop. Reload the page and try again.");
    throw error;
  }
  if (!context.session || !context.admin) throw unauthorized();
  return { ...context, shop: context.session.shop, admin: context.admin };
}

function unauthorized(): Response {
  return Response.json(
    { error: "This request did not come through the store. Reload the page and try again." },
    { status: 401 },
  );
}
