import { API_VERSION } from "../../app/api-version";
import { webhookHmac } from "../../simulator/signing";
import { DEMO_CREDENTIALS, DEMO_SHOP } from "./harness";

/**
 * A webhook as Shopify sends it: the raw body with Shopify's headers (every delivery carries its
 * event id and trigger time), signed with the app's secret unless `hmac` is given (a forged or
 * hostile delivery); `headers` override any of them.
 */
export function postWebhook(
  appUrl: string,
  body: string,
  opts: { id: string; topic?: string; shop?: string; hmac?: string; headers?: Record<string, string> },
): Promise<Response> {
  return fetch(`${appUrl}/webhooks`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": opts.hmac ?? webhookHmac(body, DEMO_CREDENTIALS.apiSecret),
      "X-Shopify-Topic": opts.topic ?? "orders/updated",
      "X-Shopify-Shop-Domain": opts.shop ?? DEMO_SHOP,
      "X-Shopify-API-Version": API_VERSION,
      "X-Shopify-Webhook-Id": opts.id,
      "X-Shopify-Event-Id": crypto.randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      ...opts.headers,
    },
  });
}
