import { flushErasure, type Db } from "../../db-client.server";
import { env } from "../../env.server";
import { processOnce, recordDelivery, type Tx } from "./deliveries.server";
import db from "../../db.server";
import { dispatch, jobsMode } from "../../jobs/queue.server";
import { defineJob, logJob, PermanentJobError } from "../../jobs/registry.server";
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

/** One line per delivery the route answered, for whoever reads the logs. */
function logDelivery(input: WebhookInput, started: number, outcome: string) {
  logJob({ kind: "webhook", name: input.topic, shop: input.shop, id: input.webhookId, attempt: 0, durationMs: Math.round(performance.now() - started), outcome });
}

/**
 * Answers one authenticated delivery: the delivery is recorded with its body (its id dedupes
 * Shopify's repeats), a job is added, and Shopify hears 200 at once; a delivery whose processing
 * fails is retried by the queue, not by Shopify. In the embedded default the first try runs before
 * the answer, as before there was a queue (one process, one SQLite writer: nothing to gain), so a
 * payload that does not parse still gets its 400 and leaves nothing behind.
 */
export async function handleWebhook(db: Db, input: WebhookInput): Promise<Response> {
  const started = performance.now();
  if (!HANDLERS[input.topic]) return Response.json({ error: `Topic ${input.topic} is not handled here` }, { status: 404 });
  const job = { deliveryId: input.webhookId, shop: input.shop };
  const jobId = `webhook:${input.webhookId}`;
  let outcome: "duplicate" | "queued" | "processed" = "queued";
  try {
    const triggeredAt = input.triggeredAt && !Number.isNaN(Date.parse(input.triggeredAt)) ? new Date(input.triggeredAt) : null;
    const delivery = { id: input.webhookId, shop: input.shop, topic: input.topic, eventId: input.eventId ?? null, triggeredAt };
    if (!(await recordDelivery(db, delivery, input.payload))) outcome = "duplicate";
    else if (jobsMode() === "bullmq") await dispatch(webhookJob, job, { jobId });
    else {
      try {
        await processDelivery(db, input.webhookId);
        outcome = "processed";
      } catch (error) {
        if (error instanceof BadPayloadError) {
          logDelivery(input, started, "invalid");
          return Response.json({ error: `Unexpected ${input.topic} payload: ${error.message}` }, { status: 400 });
        }
        console.warn("[webhooks] first try failed, queued", error instanceof Error ? error.message : error);
        await dispatch(webhookJob, job, { jobId, delayMs: webhookJob.backoffMs });
      }
    }
  } catch (error) {
    if (isDatabaseBusy(error)) {
      // Another process held the database past the busy timeout: nothing was written, Shopify resends.
      logDelivery(input, started, "busy");
      return Response.json({ error: "The database is busy; try again shortly." }, { status: 503, headers: { "Retry-After": "5" } });
    }
    throw error;
  }
  logDelivery(input, started, outcome);
  return Response.json({ outcome });
}

/** A body the topic's handler cannot read: no try will, so it is dropped (with its record) at once. */
class BadPayloadError extends PermanentJobError {}

/** Runs a recorded delivery's handler once: its writes and the delivery's "processed" mark commit together. */
export async function processDelivery(db: Db, deliveryId: string): Promise<void> {
  let after: AfterCommit | undefined;
  let topic = "";
  try {
    const outcome = await processOnce(db, deliveryId, async (tx, delivery) => {
      topic = delivery.topic;
      const handler = HANDLERS[delivery.topic];
      if (!handler) return;
      const meta = { topic: delivery.topic, triggeredAt: delivery.triggeredAt?.toISOString() };
      const result = await handler(tx, delivery.shop, delivery.payload === null ? {} : JSON.parse(delivery.payload), meta);
      after = isAfterCommit(result) ? result : undefined;
    });
    if (outcome !== "processed") return;
  } catch (error) {
    if (error instanceof z.ZodError) {
      await db.webhookDelivery.deleteMany({ where: { id: deliveryId } });
      throw new BadPayloadError(error.issues[0]?.message ?? "unreadable");
    }
    await db.webhookDelivery.updateMany({ where: { id: deliveryId }, data: { attempts: { increment: 1 }, error: (error instanceof Error ? error.message : String(error)).slice(0, 500) } });
    throw error;
  }
  if (ERASURES.has(topic)) await flushErasure(db);
  if (after) {
    await after.afterCommit(db).catch((error: unknown) => console.warn("[webhooks] follow-up failed", error instanceof Error ? error.message : error));
  }
}

/** A delivery recorded but not handled (Redis was down when it came, or its process died): tried again. */
const STALE_DELIVERY_MS = 5 * 60_000;
const MAX_DELIVERY_SWEEPS = 20;

export const webhookJob = defineJob<{ deliveryId: string; shop: string }>({
  name: "webhook",
  attempts: 6,
  backoffMs: 2_000,
  describe: (data) => ({ shop: data.shop, id: data.deliveryId }),
  run: (data) => processDelivery(db, data.deliveryId),
});

export const webhookSweepJob = defineJob<void>({
  name: "webhook-sweep",
  attempts: 1,
  backoffMs: 1_000,
  everyMs: 60_000,
  describe: () => ({}),
  async run() {
    const stale = await db.webhookDelivery.findMany({
      where: { processedAt: null, receivedAt: { lt: new Date(Date.now() - STALE_DELIVERY_MS) }, attempts: { lt: MAX_DELIVERY_SWEEPS } },
      select: { id: true, shop: true },
      take: 100,
    });
    for (const delivery of stale) await dispatch(webhookJob, { deliveryId: delivery.id, shop: delivery.shop }, { jobId: `webhook:${delivery.id}` });
  },
});
