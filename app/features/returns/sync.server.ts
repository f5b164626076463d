import { z } from "zod";
import type { Db } from "../../db-client.server";
import { isTransientShopifyError } from "../../shopify/graphql.server";
import { approveReturn, fetchReturnReasonIds, orderReturns, requestReturn } from "../../shopify/returns.server";
import { sendToShopper } from "../notifications/notifications.server";
import { currentReturnPolicy } from "../policies/repo.server";
import { orderLocks, type ReturnsContext } from "./context.server";
import { statusFromShopify } from "./domain/lifecycle";
import { autoApproveDecision } from "./domain/quote";
import { findSentReturn, type SentLine } from "./domain/sent-returns";

/**
 * Keeping Shopify and our record of each request in step: stored requests are created in Shopify
 * (retried while it is throttled or down, never twice), and changes made in Shopify's admin come
 * back through the returns/* webhooks.
 */

const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 5 * 60_000;

/**
 * Creates one stored request in Shopify. Transient failures leave it "received" with the next try
 * scheduled; a refusal marks it "failed" for staff. Safe to call again: only "received" requests
 * are sent, under the order's lock.
 */
export async function syncOne(ctx: ReturnsContext, requestId: string): Promise<void> {
  const stored = await ctx.db.returnRequest.findUnique({ where: { id: requestId }, include: { items: true } });
  if (!stored || stored.status !== "received") return;
  const sources = stored.items.map((item) => ({ item, lines: JSON.parse(item.sources) as SentLine[] }));
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
          syncAttempts: { increment: 1 },
          nextSyncAt: null,
          lastSyncError: null,
          events: { create: [{ shop: ctx.shop, actor: "system", type: "requested", detail: `Shopify return ${held.name} (found in Shopify: an earlier answer was lost)` }] },
        },
      });
      if (status === "requested") await afterRequested(ctx, stored.id);
      return;
    }
    const reasonIds = await fetchReturnReasonIds(ctx.graphql);
    const created = await requestReturn(ctx.graphql, {
      orderId: stored.orderId,
      lines: sources.flatMap(({ item, lines }) =>
        lines.map((source) => ({
          fulfillmentLineItemId: source.fulfillmentLineItemId,
          quantity: source.quantity,
          ...(reasonIds[item.reason] ? { returnReasonDefinitionId: reasonIds[item.reason] } : {}),
          ...(item.note ? { customerNote: item.note.slice(0, 300) } : {}),
        })),
      ),
    });
    await ctx.db.returnRequest.update({
      where: { id: stored.id },
      data: {
        status: "requested",
        shopifyReturnId: created.id,
        syncAttempts: { increment: 1 },
        nextSyncAt: null,
        lastSyncError: null,
        events: { create: [{ shop: ctx.shop, actor: "system", type: "requested", detail: `Shopify return ${created.name}` }] },
      },
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (isTransientShopifyError(error)) {
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** stored.syncAttempts);
      await ctx.db.returnRequest.update({
        where: { id: stored.id },
        data: { syncAttempts: { increment: 1 }, nextSyncAt: new Date(Date.now() + delay), lastSyncError: message },
      });
      return;
    }
    await ctx.db.returnRequest.update({
      where: { id: stored.id },
      data: {
        status: "failed",
        syncAttempts: { increment: 1 },
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

/** Once Shopify has the request: tell the shopper, and approve it when the policy allows. */
async function afterRequested(ctx: ReturnsContext, requestId: string): Promise<void> {
  const request = await ctx.db.returnRequest.findUniqueOrThrow({ where: { id: requestId }, include: { items: true } });
  const policy = await currentReturnPolicy(ctx.db, ctx.shop);
  const decision = autoApproveDecision(
    policy,
    JSON.parse(request.quote),
    request.items.map((i) => ({ lineItemId: i.lineItemId, quantity: i.quantity, reason: i.reason })),
  );
  if (request.customerEmail && policy.notifications.appEmails) {
    await sendToShopper(ctx.db, {
      shop: ctx.shop,
      to: request.customerEmail,
      kind: "return_received",
      relatedId: request.id,
      subject: `We received your return request ${request.reference}`,
      text: `We received your return request ${request.reference} for order ${request.orderName}:\n${request.items
        .map((i) => `- ${i.quantity} × ${i.title}`)
        .join("\n")}\n\nWe'll review it and email you the next steps.`,
    });
  }
  if (!decision.approve || !request.shopifyReturnId) return;
  try {
    await approveReturn(ctx.graphql, request.shopifyReturnId, policy.notifications.shopifyEmails);
  } catch (error) {
    // Left for staff to approve by hand; the request itself is safe in Shopify.
    console.warn("[returns] auto-approve failed", request.reference, error instanceof Error ? error.message : error);
    return;
  }
  await ctx.db.returnRequest.update({
    where: { id: request.id },
    data: {
      status: "approved",
      autoApproved: true,
      decidedBy: "auto-approve",
      decidedAt: new Date(),
      events: { create: [{ shop: ctx.shop, actor: "system", type: "approved", detail: decision.because }] },
    },
  });
}

/** Retries every stored request of the shop whose next try is due. */
export async function syncDueRequests(ctx: ReturnsContext): Promise<number> {
  const due = await ctx.db.returnRequest.findMany({
    where: { shop: ctx.shop, status: "received", nextSyncAt: { lte: new Date() } },
    select: { id: true, orderId: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  for (const request of due) await orderLocks(`${ctx.shop}|${request.orderId}`, () => syncOne(ctx, request.id));
  return due.length;
}

/** returns/* webhooks: a return changed in Shopify's admin updates our record of it. */
export async function applyReturnWebhook(db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0], shop: string, payload: unknown) {
  const ReturnWebhookSchema = z.object({ admin_graphql_api_id: z.string(), status: z.string() });
  const { admin_graphql_api_id: returnId, status } = ReturnWebhookSchema.parse(payload);
  const next = statusFromShopify(status);
  if (!next) return;
  const request = await db.returnRequest.findFirst({ where: { shop, shopifyReturnId: returnId } });
  if (!request || request.status === next) return;
  await db.returnRequest.update({
    where: { id: request.id },
    data: { status: next, events: { create: [{ shop, actor: "shopify", type: next, detail: "Changed in Shopify" }] } },
  });
}
