import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { requireWebhook } from "../guards/webhook.server";
import { handleWebhook } from "../features/webhooks/webhooks.server";

/**
 * Every webhook subscription in shopify.app.toml points here; the topic picks the handler.
 * Deliveries repeat and may arrive after uninstall, so handlers run once per webhook id and event
 * id and never need a session.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { webhookId, eventId, triggeredAt, shop, topic, payload } = await requireWebhook(request);
  return handleWebhook(db, { webhookId, eventId, triggeredAt, shop, topic, payload });
};
