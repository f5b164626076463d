import { flushErasure, type Db } from "../../db-client.server";
import { env } from "../../env.server";
import { processOnce, type Tx } from "./deliveries.server";
import { recordScopes, recordUninstall } from "../shop/repo.server";
import { exportCustomerData, redactCustomer, redactShop } from "../compliance/compliance.server";
import { applyReturnWebhook } from "../returns/sync.server";
import { forgetOrder } from "../tracking/tracking.server";
import { isDatabaseBusy } from "../../sqlite-adapter.server";
import { z } from "zod";

export type WebhookInput = { webhookId: string; shop: string; topic: string; payload: unknown };

type Handler = (tx: Tx, shop: string, payload: unknown) => Promise<unknown>;

const ScopesUpdateSchema = z.object({ current: z.array(z.string()) });
// The shop's record; nothing in it is needed, but a body that is not one is refused like any other.
const AppUninstalledSchema = z.object({}).passthrough();

const refreshTracking: Handler = async (_tx, shop, payload) => forgetOrder(shop, payload);
const updateReturn: Handler = (tx, shop, payload) => applyReturnWebhook(tx, shop, payload);

/** What each subscribed topic does, keyed by the library's topic name (ORDERS_UPDATED…). */
const HANDLERS: Record<string, Handler> = {
  ORDERS_UPDATED: refreshTracking,
  ORDERS_CANCELLED: refreshTracking,
  ORDERS_FULFILLED: refreshTracking,
  ORDERS_PARTIALLY_FULFILLED: refreshTracking,
  FULFILLMENTS_CREATE: refreshTracking,
  FULFILLMENTS_UPDATE: refreshTracking,
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
  APP_SCOPES_UPDATE: (tx, shop, payload) => recordScopes(tx, shop, ScopesUpdateSchema.parse(payload).current),
  CUSTOMERS_DATA_REQUEST: (tx, shop, payload) => exportCustomerData(tx, shop, payload, env.SHOPIFY_API_SECRET, new Date()),
  CUSTOMERS_REDACT: (tx, shop, payload) => redactCustomer(tx, shop, payload, env.SHOPIFY_API_SECRET),
  SHOP_REDACT: redactShop,
};

export const HANDLED_TOPICS = Object.keys(HANDLERS);

const ERASURES = new Set(["CUSTOMERS_REDACT", "SHOP_REDACT"]);

/** Handles one authenticated delivery: 200 when handled or already handled, 400 on a bad payload. */
export async function handleWebhook(db: Db, input: WebhookInput): Promise<Response> {
  const handler = HANDLERS[input.topic];
  if (!handler) return Response.json({ error: `Topic ${input.topic} is not handled here` }, { status: 404 });
  try {
    const outcome = await processOnce(db, { id: input.webhookId, shop: input.shop, topic: input.topic }, (tx) =>
      handler(tx, input.shop, input.payload).then(() => undefined),
    );
    if (outcome === "processed" && ERASURES.has(input.topic)) await flushErasure(db);
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
