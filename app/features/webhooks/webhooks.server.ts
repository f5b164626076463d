import { flushErasure, type Db } from "../../db-client.server";
import { env } from "../../env.server";
import { processOnce, type Tx } from "./deliveries.server";
import { recordScopes, recordUninstall } from "../shop/repo.server";
import { exportCustomerData, redactCustomer } from "../compliance/compliance.server";
import { requestShopErasure } from "../compliance/shop-erasure.server";
import { notifyShopper } from "../returns/shopper-notices.server";
import { applyReturnWebhook, recordExchangeShipment } from "../returns/sync.server";
import { forgetOrder } from "../tracking/tracking.server";
import { applyShipmentWebhook } from "../tracking/shipment-state.server";
import { isDatabaseBusy } from "../../sqlite-adapter.server";
import { unauthenticated } from "../../shopify.server";
import { z } from "zod";
import { AppUninstalledSchema, ScopesUpdateSchema } from "./payloads";
import { changedAt } from "./domain/ordering";

/** A verified delivery; `eventId` and `triggeredAt` come from X-Shopify-Event-Id and X-Shopify-Triggered-At when sent. */
export type WebhookInput = { webhookId: string; shop: string; topic: string; payload: unknown; eventId?: string; triggeredAt?: string };

/** What a handler may leave to do once its transaction committed (e.g. email a shopper). */
type AfterCommit = { afterCommit: (db: Db) => Promise<void> };
/** What a handler knows of the delivery beyond its payload. */
type DeliveryMeta = { topic: string; triggeredAt?: string };
type Handler = (tx: Tx, shop: string, payload: unknown, meta: DeliveryMeta) => Promise<unknown>;

const isAfterCommit = (value: unknown): value is AfterCommit =>
  typeof value === "object" && value !== null && typeof (value as AfterCommit).afterCommit === "function";

/** What the shopper sees of the order is kept from the webhook itself (tracking/shipment-state). */
const refreshTracking: Handler = async (tx, shop, payload, meta) => {
  await forgetOrder(shop, payload);
  await applyShipmentWebhook(tx, shop, meta.topic, payload, new Date());
};
/** A fulfillment also ships an exchange's item, whose shopper hears of it after the commit. */
const fulfillmentChanged: Handler = async (tx, shop, payload, meta) => {
  await refreshTracking(tx, shop, payload, meta);
  const shipped = await recordExchangeShipment(tx, shop, payload, meta.triggeredAt);
  if (shipped.length === 0) return undefined;
  return {
    afterCommit: async (db) => {
      const ctx = { shop, db, graphql: (await unauthenticated.admin(shop)).admin.graphql };
      for (const id of shipped) await notifyShopper(ctx, id, "exchange_shipped");
    },
  } satisfies AfterCommit;
};
const updateReturn: Handler = (tx, shop, payload) => applyReturnWebhook(tx, shop, payload);

/** What each subscribed topic does, keyed by the library's topic name (ORDERS_UPDATED…). */
const HANDLERS: Record<string, Handler> = {
  ORDERS_CREATE: refreshTracking,
  ORDERS_UPDATED: refreshTracking,
  ORDERS_CANCELLED: refreshTracking,
  ORDERS_FULFILLED: refreshTracking,
  ORDERS_PARTIALLY_FULFILLED: refreshTracking,
  FULFILLMENTS_CREATE: fulfillmentChanged,
  FULFILLMENTS_UPDATE: fulfillmentChanged,
  FULFILLMENT_EVENTS_CREATE: refreshTracking,
  RETURNS_REQUEST: updateReturn,
  RETURNS_APPROVE: updateReturn,
  RETURNS_DECLINE: updateReturn,
  RETURNS_CANCEL: updateReturn,
  RETURNS_CLOSE: updateReturn,
  RETURNS_REOPEN: updateReturn,
  RETURNS_PROCESS: updateReturn,
  APP_UNINSTALLED: (tx, shop, payload) => {
    AppUninstalledSchema.parse(payload);
    return recordUninstall(tx, shop, new Date());
  },
  APP_SCOPES_UPDATE: (tx, shop, payload, meta) => {
    const update = ScopesUpdateSchema.parse(payload);
    return recordScopes(tx, shop, update.current, changedAt(update.updated_at, meta.triggeredAt));
  },
  CUSTOMERS_DATA_REQUEST: (tx, shop, payload) => exportCustomerData(tx, shop, payload, env.SHOPIFY_API_SECRET, new Date()),
  CUSTOMERS_REDACT: (tx, shop, payload) => redactCustomer(tx, shop, payload, env.SHOPIFY_API_SECRET),
  // Acknowledged at once; the shop's rows are erased in batches by the maintenance loop.
  SHOP_REDACT: (tx, shop, payload) => requestShopErasure(tx, shop, payload),
};

export const HANDLED_TOPICS = Object.keys(HANDLERS);

const ERASURES = new Set(["CUSTOMERS_REDACT"]);

/** Handles one authenticated delivery: 200 when handled or already handled, 400 on a bad payload. */
export async function handleWebhook(db: Db, input: WebhookInput): Promise<Response> {
  const handler = HANDLERS[input.topic];
  if (!handler) return Response.json({ error: `Topic ${input.topic} is not handled here` }, { status: 404 });
  try {
    let after: AfterCommit | undefined;
    const delivery = { id: input.webhookId, shop: input.shop, topic: input.topic, eventId: input.eventId };
    const outcome = await processOnce(db, delivery, async (tx) => {
      const result = await handler(tx, input.shop, input.payload, { topic: input.topic, triggeredAt: input.triggeredAt });
      after = isAfterCommit(result) ? result : undefined;
    });
    if (outcome === "processed" && ERASURES.has(input.topic)) await flushErasure(db);
    if (outcome === "processed" && after) {
      await after.afterCommit(db).catch((error: unknown) => console.warn("[webhooks] follow-up failed", error instanceof Error ? error.message : error));
    }
    return Response.json({ outcome });
  } catch (error) {
    if (isDatabaseBusy(error)) {
      // Another process held the database past the busy timeout: nothing was written, Shopify resends.
      return Response.json({ error: "The database is busy; try again shortly." }, { status: 503, headers: { "Retry-After": "5" } });
    }
    if (error instanceof z.ZodError) {
      return Response.json({ error: `Unexpected ${input.topic} payload: ${error.issues[0]?.message}` }, { status: 400 });
    }
    throw error;
  }
}
