import { changedAt, recordedBefore } from "../webhooks/domain/ordering";
import { FulfillmentWebhookSchema, ReturnWebhookSchema } from "../webhooks/payloads";
import type { Db } from "../../db-client.server";
import { isTransientShopifyError } from "../../shopify/graphql.server";
import { orderReturns, requestReturn } from "../../shopify/returns.server";
import { currentReturnPolicy } from "../policies/repo.server";
import type { ReturnsContext } from "./context.server";
import { withOrderClaim } from "./order-claims.server";
import { approve } from "./decide.server";
import { CLOSING_STEPS, moveForward, statusFromShopify } from "./domain/lifecycle";
import { autoApproveDecision } from "./domain/quote";
import { findSentReturn, type SentLine } from "./domain/sent-returns";
import type { ReturnQuote } from "./domain/types";
import { reasonDefinitionIds } from "./reasons.server";
import { retryDelayMs } from "./retry";
import { notifyShopper } from "./shopper-notices.server";

/**
 * Keeping Shopify and our record of each request in step: stored requests are created in Shopify
 * (retried while it is throttled or down, never twice), and changes made in Shopify's admin come
 * back through the returns/* webhooks.
 */


/**
 * Creates one stored request in Shopify. Transient failures leave it "received" with the next try
 * scheduled; a refusal marks it "failed" for staff. Safe to call again: only "received" requests
 * are sent, under the order's lock.
 */
export async function syncOne(ctx: ReturnsContext, requestId: string): Promise<void> {
  const stored = await ctx.db.returnRequest.findUnique({ where: { id: requestId }, include: { items: true } });
  if (!stored || stored.status !== "received") return;
  const sources = stored.items.map((item) => ({ item, lines: JSON.parse(item.sources) as SentLine[] }));
  if (stored.resolution === "exchange") {
    // returnRequest cannot carry an exchange: staff review it here, and approving it creates the
    // Shopify return with its exchange line (docs/decisions/0018).
    await ctx.db.returnRequest.update({
      where: { id: stored.id },
      data: {
        status: "requested",
        nextSyncAt: null,
        lastSyncError: null,
        events: { create: [{ shop: ctx.shop, actor: "system", type: "requested", detail: "Exchange: reviewed in Harbor Support, sent to Shopify when approved" }] },
      },
    });
    await afterRequested(ctx, stored.id);
    return;
  }
  // The try is counted before Shopify is called: a process killed while Shopify answered leaves the
  // next try (by a worker, once this one's wait is over) to look for the return before sending again.
  await ctx.db.returnRequest.update({
    where: { id: stored.id },
    data: { syncAttempts: { increment: 1 }, nextSyncAt: new Date(Date.now() + retryDelayMs(stored.syncAttempts)) },
  });
  try {
    // A request tried before may be in Shopify already, its answer lost on the way back.
    const held = stored.syncAttempts > 0 ? await returnSentEarlier(ctx, stored, sources.flatMap((s) => s.lines)) : null;
    if (held) {
      const status = statusFromShopify(held.status) ?? "requested";
      await ctx.db.returnRequest.update({
        where: { id: stored.id },
        data: {
          status,
          shopifyReturnId: held.id,
          nextSyncAt: null,
          lastSyncError: null,
          events: { create: [{ shop: ctx.shop, actor: "system", type: "requested", detail: `Shopify return ${held.name} (found in Shopify: an earlier answer was lost)` }] },
        },
      });
      if (status === "requested") await afterRequested(ctx, stored.id);
      return;
    }
    const policy = await currentReturnPolicy(ctx.db, ctx.shop);
    const reasonIds = await reasonDefinitionIds(ctx, policy);
    const quote = JSON.parse(stored.quote) as ReturnQuote;
    // What the shopper was quoted is what Shopify records: the restocking fee per line, the shipping fee.
    const restockingFeePercent = quote.restockingFeePercent ?? (quote.itemsValue > 0 ? (quote.restockingFee / quote.itemsValue) * 100 : 0);
    const created = await requestReturn(ctx.graphql, {
      orderId: stored.orderId,
      lines: sources.flatMap(({ item, lines }) =>
        lines.map((source) => ({
          fulfillmentLineItemId: source.fulfillmentLineItemId,
          quantity: source.quantity,
          ...(reasonIds[item.reason] ? { returnReasonDefinitionId: reasonIds[item.reason] } : {}),
          ...(item.note ? { customerNote: item.note.slice(0, 300) } : {}),
          ...(restockingFeePercent > 0 ? { restockingFeePercent: Math.round(restockingFeePercent * 100) / 100 } : {}),
        })),
      ),
      shippingFee: { cents: Math.round(quote.shippingFee * 100), currency: quote.currency },
    });
    await ctx.db.returnRequest.update({
      where: { id: stored.id },
      data: {
        status: "requested",
        shopifyReturnId: created.id,
        nextSyncAt: null,
        lastSyncError: null,
        events: { create: [{ shop: ctx.shop, actor: "system", type: "requested", detail: `Shopify return ${created.name}` }] },
      },
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (isTransientShopifyError(error)) {
      const delay = retryDelayMs(stored.syncAttempts);
      await ctx.db.returnRequest.update({
        where: { id: stored.id },
        data: { nextSyncAt: new Date(Date.now() + delay), lastSyncError: message },
      });
      return;
    }
    await ctx.db.returnRequest.update({
      where: { id: stored.id },
      data: {
        status: "failed",
        nextSyncAt: null,
        lastSyncError: message,
        events: { create: [{ shop: ctx.shop, actor: "system", type: "failed", detail: message }] },
      },
    });
    return;
  }
  await afterRequested(ctx, stored.id);
}

/** The order's return in Shopify that this request created although the answer was lost, if any. */
async function returnSentEarlier(ctx: ReturnsContext, stored: { id: string; orderId: string; createdAt: Date }, sent: SentLine[]) {
  const linked = await ctx.db.returnRequest.findMany({
    where: { shop: ctx.shop, orderId: stored.orderId, shopifyReturnId: { not: null }, NOT: { id: stored.id } },
    select: { shopifyReturnId: true },
  });
  const linkedIds = new Set(linked.map((r) => r.shopifyReturnId!));
  return findSentReturn(await orderReturns(ctx.graphql, stored.orderId), sent, stored.createdAt, linkedIds);
}

/** Once Shopify has the request (or, for an exchange, we do): tell the shopper, and approve it when the policy allows. */
async function afterRequested(ctx: ReturnsContext, requestId: string): Promise<void> {
  const request = await ctx.db.returnRequest.findUniqueOrThrow({ where: { id: requestId }, include: { items: true } });
  const policy = await currentReturnPolicy(ctx.db, ctx.shop);
  await notifyShopper(ctx, request.id, "received");
  const decision = autoApproveDecision(
    policy,
    JSON.parse(request.quote),
    request.items.map((i) => ({ lineItemId: i.lineItemId, quantity: i.quantity, reason: i.reason })),
  );
  if (!decision.approve || request.status !== "requested") return;
  const result = await approve(ctx, request, policy, "auto-approve", { because: decision.because });
  // Left for staff to approve by hand (a sold-out exchange, Shopify busy); the request is safe.
  if (!result.ok) console.warn("[returns] auto-approve did not go through", request.reference, result.error);
}

/** Retries every stored request of the shop whose next try is due. */
export async function syncDueRequests(ctx: ReturnsContext): Promise<number> {
  const due = await ctx.db.returnRequest.findMany({
    where: { shop: ctx.shop, status: "received", nextSyncAt: { lte: new Date() } },
    select: { id: true, orderId: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  for (const request of due) await withOrderClaim(ctx.db, ctx.shop, request.orderId, () => syncOne(ctx, request.id));
  return due.length;
}

/** returns/* webhooks: a return changed in Shopify's admin updates our record of it. */
export async function applyReturnWebhook(db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0], shop: string, payload: unknown) {
  const { admin_graphql_api_id: returnId, status } = ReturnWebhookSchema.parse(payload);
  const reported = status ? statusFromShopify(status) : null;
  if (!reported) return;
  const request = await db.returnRequest.findFirst({ where: { shop, shopifyReturnId: returnId } });
  // Late, repeated or out-of-order deliveries never move a request back.
  const next = request && moveForward(request.status as Parameters<typeof moveForward>[0], reported);
  if (!request || !next) return;
  // Processing closes the return in Shopify while our own steps go on (the bonus, then closing):
  // the close step records "closed" once they are done, so the shopper never reads "Completed"
  // before the bonus is issued.
  if (next === "closed" && request.pendingStep && CLOSING_STEPS.includes(request.pendingStep)) return;
  const moved = await db.returnRequest.updateMany({
    where: { id: request.id, status: request.status },
    data: { status: next, ...(next === "closed" ? { closedAt: new Date() } : {}) },
  });
  if (moved.count) await db.returnEvent.create({ data: { shop, requestId: request.id, actor: "shopify", type: next, detail: "Changed in Shopify" } });
}

/**
 * fulfillments/* webhooks: the merchant shipped an exchange's item. Its tracking goes on the
 * request; a later change of the fulfillment (a corrected number) replaces it, while a repeated or
 * late delivery of an earlier one changes nothing. Answers the requests whose shopper is to be told
 * (the first time only).
 */
export async function recordExchangeShipment(
  db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0],
  shop: string,
  payload: unknown,
  triggeredAt?: string,
): Promise<string[]> {
  const parsed = FulfillmentWebhookSchema.safeParse(payload);
  if (!parsed.success || !parsed.data.tracking_number) return [];
  const { tracking_number: number, tracking_url: url } = parsed.data;
  const lineItemIds = (parsed.data.line_items ?? []).map((item) => item.admin_graphql_api_id);
  if (lineItemIds.length === 0) return [];
  const at = changedAt(parsed.data.updated_at, triggeredAt);
  const waiting = await db.returnRequest.findMany({
    where: { shop, exchangeLineItemId: { in: lineItemIds }, ...recordedBefore("exchangeTrackingAt", at) },
    select: { id: true, exchangeTrackingNumber: true },
  });
  const shipped: string[] = [];
  for (const request of waiting) {
    const moved = await db.returnRequest.updateMany({
      where: { id: request.id, exchangeTrackingNumber: request.exchangeTrackingNumber, ...recordedBefore("exchangeTrackingAt", at) },
      data: { exchangeTrackingNumber: number, exchangeTrackingUrl: url ?? null, exchangeTrackingAt: at },
    });
    if (!moved.count || request.exchangeTrackingNumber !== null) continue;
    await db.returnEvent.create({ data: { shop, requestId: request.id, actor: "shopify", type: "exchange_shipped", detail: `Tracking ${number}` } });
    shipped.push(request.id);
  }
  return shipped;
}
