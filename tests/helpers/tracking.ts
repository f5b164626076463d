import { request, type IncomingHttpHeaders } from "node:http";
import type { Harness } from "./harness";

/** A lookup as the block sends it, through the simulated shop's signed app proxy. */
export function lookupOrder(harness: Harness, body: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${harness.shop.url}${harness.shop.proxyPath}/tracking/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export function trackOrdersCalls(harness: Harness): number {
  return harness.shop.graphqlLog.filter((r) => r.operation === "TrackOrders").length;
}

/**
 * A lookup from a given loopback address (127.0.0.2, 127.0.0.3, …): the simulated shop forwards
 * the connecting address as the shopper's, as Shopify does, so each address is another shopper.
 */
export function lookupFrom(
  harness: Harness,
  localAddress: string,
  body: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const url = new URL(`${harness.shop.url}${harness.shop.proxyPath}/tracking/lookup`);
  const payload = JSON.stringify(body);
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress, headers: { "Content-Type": "application/json", ...headers } },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
