import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Demo and tests only. Shopify cannot be reached here, so the Shopify library's one HTTP function
 * is pointed at the simulated shop: a request for https://<shop>.myshopify.com/<path> goes to
 * <simulator>/<path> with the shop in `X-Shopify-Shop-Domain`. Token exchange, GraphQL and every
 * other library call keep their real code path; only the network hop changes.
 * Must run after "@shopify/shopify-app-remix/server" is imported: its web-api adapter installs global fetch.
 */
export function routeShopifyCallsTo(simulatorUrl: string): void {
  const simulator = new URL(simulatorUrl);
  setAbstractFetchFunc(async (input, init) => {
    const request = new Request(input as RequestInfo, init as RequestInit);
    const target = new URL(request.url);
    if (!target.hostname.endsWith(".myshopify.com")) return fetch(request);
    const headers = new Headers(request.headers);
    headers.set("X-Shopify-Shop-Domain", target.hostname);
    const rerouted = new URL(target.pathname + target.search, simulator);
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.text();
    return fetch(rerouted, { method: request.method, headers, body });
  });
}
