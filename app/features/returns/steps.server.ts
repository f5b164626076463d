import type { ReturnRequest, ReturnRequestItem } from "@prisma/client";
import { isTransientShopifyError, ShopifyGraphqlError } from "../../shopify/graphql.server";
import { fetchOrderCustomerId, fetchReturnOrder, orderReturns } from "../../shopify/returns.server";
import {
  closeReturn,
  createReturn,
  createReverseDelivery,
  creditStoreCredit,
  fetchOrderPayments,
  fetchPrimaryLocationId,
  fetchReturnState,
  fetchStoreCredit,
  processReturn,
  type Disposition,
  type ReturnState,
} from "../../shopify/return-steps.server";
import { currentReturnPolicy } from "../policies/repo.server";
import type { ReturnsContext } from "./context.server";
import type { ReturnStep } from "./domain/lifecycle";
import { allocateRefund, findSentCredit } from "./domain/payments";
import { findSentReturn, type SentLine } from "./domain/sent-returns";
import { formatCents, proposeSettlement, type Settlement } from "./domain/settlement";
import type { Resolution, ReturnPolicy, ReturnQuote } from "./domain/types";
import { reasonDefinitionIds } from "./reasons.server";
import { retryDelayMs } from "./retry";
import { notifyShopper } from "./shopper-notices.server";

/**
 * The steps after approval (docs/decisions/0018). What a step sends is on the request before it
 * runs; `runStep` sends it, and a step tried before first reads what Shopify holds so an answer
 * lost after Shopify acted never does the work twice. One runner at a time per request: the
 * claim is a conditional update of `nextSyncAt` in the database, so it holds across instances.
 */

/** How long a claimed step is left alone before another runner may take it over. */
const LEASE_MS = 60_000;
/** Shopify's clock and ours may disagree a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

type Loaded = ReturnRequest & { items: ReturnRequestItem[] };
type StepResult = { data: Partial<ReturnRequest>; events: { type: string; detail?: string }[]; next: ReturnStep | null; after?: () => Promise<void> };

export type StepOutcome = "done" | "retrying" | "refused" | "busy" | "idle";

/** Puts a step on the request and runs it now. */
export async function startStep(
  ctx: ReturnsContext,
  requestId: string,
  step: ReturnStep,
  data: Partial<ReturnRequest> = {},
  actor = "system",
): Promise<StepOutcome> {
  await ctx.db.returnRequest.update({
    where: { id: requestId },
    data: { ...data, pendingStep: step, stepStartedAt: new Date(), syncAttempts: 0, nextSyncAt: new Date(), lastSyncError: null },
  });
  return runStep(ctx, requestId, actor);
}

/**
 * Runs the request's pending step (and the ones it leads to) if no other runner holds it. `actor`
 * is who the timeline credits: the staff member who asked, or "system" for the background job.
 */
export async function runStep(ctx: ReturnsContext, requestId: string, actor = "system"): Promise<StepOutcome> {
  for (;;) {
    const now = new Date();
    const claimed = await ctx.db.returnRequest.updateMany({
      where: { id: requestId, shop: ctx.shop, pendingStep: { not: null }, nextSyncAt: { lte: now } },
      data: { nextSyncAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) {
      const request = await ctx.db.returnRequest.findFirst({ where: { id: requestId, shop: ctx.shop }, select: { pendingStep: true, lastSyncError: true } });
      if (!request?.pendingStep) return "idle";
      return request.lastSyncError ? "refused" : "busy";
    }
    const request = await ctx.db.returnRequest.findUniqueOrThrow({ where: { id: requestId }, include: { items: true } });
    const step = request.pendingStep as ReturnStep;
    let result: StepResult;
    try {
      result = await perform(ctx, request, step);
    } catch (error) {
      return failed(ctx, request, step, error);
    }
    await ctx.db.returnRequest.update({
      where: { id: request.id },
      data: {
        ...result.data,
        pendingStep: result.next,
        stepStartedAt: result.next ? new Date() : null,
        syncAttempts: 0,
        nextSyncAt: result.next ? new Date() : null,
        lastSyncError: null,
        events: { create: result.events.map((e) => ({ shop: ctx.shop, actor, type: e.type, detail: e.detail ?? null })) },
      },
    });
    await result.after?.();
    if (!result.next) return "done";
  }
}

async function failed(ctx: ReturnsContext, request: Loaded, step: ReturnStep, error: unknown): Promise<StepOutcome> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (isTransientShopifyError(error)) {
    const delay = retryDelayMs(request.syncAttempts);
    await ctx.db.returnRequest.update({
      where: { id: request.id },
      data: { syncAttempts: { increment: 1 }, nextSyncAt: new Date(Date.now() + delay), lastSyncError: null },
    });
    return "retrying";
  }
  // A refusal (or a step that cannot go on): staff see Shopify's words and can try again.
  await ctx.db.returnRequest.update({
    where: { id: request.id },
    data: {
      syncAttempts: { increment: 1 },
      nextSyncAt: null,
      lastSyncError: message,
      events: { create: [{ shop: ctx.shop, actor: "system", type: "step_failed", detail: `${step}: ${message}` }] },
    },
  });
  return "refused";
}

/** Staff ask to try a refused step again. */
export async function retryStep(ctx: ReturnsContext, requestId: string, actor = "system"): Promise<StepOutcome> {
  const updated = await ctx.db.returnRequest.updateMany({
    where: { id: requestId, shop: ctx.shop, pendingStep: { not: null }, nextSyncAt: null },
    data: { nextSyncAt: new Date(), lastSyncError: null },
  });
  return updated.count ? runStep(ctx, requestId, actor) : "busy";
}

/** Every step of the shop that is due (the background job). */
export async function runDueSteps(ctx: ReturnsContext): Promise<number> {
  const due = await ctx.db.returnRequest.findMany({
    where: { shop: ctx.shop, pendingStep: { not: null }, nextSyncAt: { lte: new Date() } },
    select: { id: true },
    orderBy: { nextSyncAt: "asc" },
    take: 20,
  });
  for (const { id } of due) await runStep(ctx, id);
  return due.length;
}

class StepRefused extends ShopifyGraphqlError {
  constructor(step: string, message: string) {
    super(step, [message], true);
  }
}

async function perform(ctx: ReturnsContext, request: Loaded, step: ReturnStep): Promise<StepResult> {
  const retried = request.syncAttempts > 0;
  switch (step) {
    case "exchange":
      return createExchangeReturn(ctx, request, retried);
    case "label":
      return attachDelivery(ctx, request, retried);
    case "process":
      return processMoney(ctx, request, retried);
    case "bonus":
      return creditBonus(ctx, request, retried);
    case "close":
      return close(ctx, request);
    case "approve":
      throw new StepRefused(step, "Approval is decided by staff, not run as a step.");
  }
}

const sourcesOf = (request: Loaded): { item: ReturnRequestItem; lines: SentLine[] }[] =>
  request.items.map((item) => ({ item, lines: JSON.parse(item.sources) as SentLine[] }));

const settlementOf = (request: ReturnRequest): Settlement | null => (request.settlement ? (JSON.parse(request.settlement) as Settlement) : null);

/** An exchange becomes an approved Shopify return carrying the exchange line (returnCreate). */
async function createExchangeReturn(ctx: ReturnsContext, request: Loaded, retried: boolean): Promise<StepResult> {
  if (request.resolution === "exchange" && !request.exchangeVariantId) throw new StepRefused("exchange", "This request names no exchange variant.");
  const sources = sourcesOf(request);
  const sent = sources.flatMap((s) => s.lines);
  let returnId: string | null = null;
  let name = "";
  if (retried) {
    const linked = await ctx.db.returnRequest.findMany({
      where: { shop: ctx.shop, orderId: request.orderId, shopifyReturnId: { not: null }, NOT: { id: request.id } },
      select: { shopifyReturnId: true },
    });
    const held = findSentReturn(
      await orderReturns(ctx.graphql, request.orderId),
      sent,
      request.stepStartedAt ?? request.createdAt,
      new Set(linked.map((r) => r.shopifyReturnId!)),
    );
    if (held) ({ id: returnId, name } = held);
  }
  if (!returnId) {
    const policy = await currentReturnPolicy(ctx.db, ctx.shop);
    const reasonIds = await reasonDefinitionIds(ctx, policy);
    const quantity = request.items.reduce((sum, item) => sum + item.quantity, 0);
    const created = await createReturn(ctx.graphql, {
      orderId: request.orderId,
      requestedAt: request.createdAt,
      lines: sources.flatMap(({ item, lines }) =>
        lines.map((line) => ({ ...line, ...(reasonIds[item.reason] ? { returnReasonDefinitionId: reasonIds[item.reason] } : {}) })),
      ),
      exchange: request.resolution === "exchange" && request.exchangeVariantId ? [{ variantId: request.exchangeVariantId, quantity }] : [],
    });
    ({ id: returnId, name } = created);
  }
  const state = await fetchReturnState(ctx.graphql, returnId);
  return {
    data: { shopifyReturnId: returnId, status: "approved", reverseFulfillmentOrderId: state?.reverseFulfillmentOrder?.id ?? null },
    events: [
      request.resolution === "exchange"
        ? { type: "exchange_created", detail: `Shopify return ${name}${request.exchangeVariantTitle ? ` for ${request.exchangeVariantTitle}` : ""}` }
        : { type: "requested", detail: `Shopify return ${name}` },
    ],
    next: null,
    after: async () => afterApproval(ctx, request.id, await currentReturnPolicy(ctx.db, ctx.shop), request.decisionNote ?? undefined),
  };
}

async function stateOrRefuse(ctx: ReturnsContext, request: ReturnRequest, step: string): Promise<ReturnState> {
  if (!request.shopifyReturnId) throw new StepRefused(step, "This request has no Shopify return yet.");
  const state = await fetchReturnState(ctx.graphql, request.shopifyReturnId);
  if (!state) throw new StepRefused(step, "Shopify no longer has this return.");
  return state;
}

/** The label and tracking go to Shopify as a reverse delivery. */
async function attachDelivery(ctx: ReturnsContext, request: Loaded, retried: boolean): Promise<StepResult> {
  const state = await stateOrRefuse(ctx, request, "label");
  const rfo = state.reverseFulfillmentOrder;
  if (!rfo) throw new StepRefused("label", "Shopify has no reverse fulfillment order for this return yet (is it approved?).");
  const earlier = retried ? state.deliveries.find((d) => (d.trackingNumber ?? null) === (request.trackingNumber ?? null) && d.id !== request.reverseDeliveryId) : undefined;
  const id =
    earlier?.id ??
    (
      await createReverseDelivery(ctx.graphql, {
        reverseFulfillmentOrderId: rfo.id,
        lines: rfo.lines.map((line) => ({ id: line.id, quantity: line.quantity })),
        labelUrl: request.labelUrl,
        trackingNumber: request.trackingNumber,
        trackingUrl: request.trackingUrl,
        notifyCustomer: false,
      })
    ).id;
  return {
    data: { reverseDeliveryId: id, reverseFulfillmentOrderId: rfo.id },
    events: [{ type: "label_attached", detail: request.trackingNumber ? `Tracking ${request.trackingNumber}` : "Label attached" }],
    next: null,
    after: () => notifyShopper(ctx, request.id, "label"),
  };
}

/** Dispositions for one Shopify return line, from what staff recorded for its item. */
function dispositionsFor(
  quantity: number,
  rfoLineId: string,
  left: { restocked: number; notRestocked: number; missing: number },
  locationId: string | null,
): Disposition[] {
  const out: Disposition[] = [];
  let remaining = quantity;
  for (const [type, key] of [
    ["RESTOCKED", "restocked"],
    ["NOT_RESTOCKED", "notRestocked"],
    ["MISSING", "missing"],
  ] as const) {
    const take = Math.min(remaining, left[key]);
    if (take <= 0) continue;
    left[key] -= take;
    remaining -= take;
    out.push({ reverseFulfillmentOrderLineItemId: rfoLineId, quantity: take, type, ...(type === "RESTOCKED" && locationId ? { locationId } : {}) });
  }
  // Units staff did not account for are kept out of stock rather than guessed back into it.
  if (remaining > 0) out.push({ reverseFulfillmentOrderLineItemId: rfoLineId, quantity: remaining, type: "NOT_RESTOCKED" });
  return out;
}

/** One returnProcess: the dispositions, the exchange line, and the settled money. */
async function processMoney(ctx: ReturnsContext, request: Loaded, retried: boolean): Promise<StepResult> {
  const settlement = settlementOf(request);
  if (!settlement) throw new StepRefused("process", "Record what came back before issuing the money.");
  const state = await stateOrRefuse(ctx, request, "process");
  const unprocessed = state.lines.filter((line) => line.processedQuantity < line.quantity);
  const done = state.lines.length > 0 && unprocessed.length === 0;
  let refundId: string | null = null;
  let exchangeLineItemId = state.exchange[0]?.lineItemIds[0] ?? null;
  if (done) {
    // Processed already: an earlier answer was lost (or staff processed it in Shopify's admin).
    refundId = state.refunds.sort((a, b) => Date.parse(b.createdAt ?? "") - Date.parse(a.createdAt ?? ""))[0]?.id ?? null;
    if (!retried && !refundId && settlement.refundCents + settlement.storeCreditCents > 0) {
      throw new StepRefused("process", "Shopify shows this return processed without a refund; issue the money in Shopify's admin.");
    }
  } else {
    const rfo = state.reverseFulfillmentOrder;
    const restocks = request.items.some((item) => item.restocked > 0);
    const locationId = restocks ? await fetchPrimaryLocationId(ctx.graphql) : null;
    const left = new Map(request.items.map((item) => [item.id, { restocked: item.restocked, notRestocked: item.notRestocked, missing: item.missing }]));
    const lines = sourcesOf(request).flatMap(({ item, lines: sources }) =>
      sources.flatMap((source) => {
        const line = unprocessed.find((l) => l.fulfillmentLineItemId === source.fulfillmentLineItemId);
        if (!line) return [];
        const quantity = line.quantity - line.processedQuantity;
        const rfoLine = rfo?.lines.find((l) => l.fulfillmentLineItemId === source.fulfillmentLineItemId);
        return [{ id: line.id, quantity, dispositions: rfoLine ? dispositionsFor(quantity, rfoLine.id, left.get(item.id)!, locationId) : [] }];
      }),
    );
    const refund = settlement.refundCents > 0 ? allocateRefund(await fetchOrderPayments(ctx.graphql, request.orderId), settlement.refundCents) : [];
    if (settlement.refundCents > 0 && refund.reduce((sum, r) => sum + r.cents, 0) !== settlement.refundCents) {
      throw new StepRefused("process", "The order's payments cannot cover this refund; refund it in Shopify's admin.");
    }
    const processed = await processReturn(ctx.graphql, {
      returnId: state.id,
      lines,
      exchangeLines: state.exchange.filter((e) => e.processedQuantity < e.quantity).map((e) => ({ id: e.id, quantity: e.quantity - e.processedQuantity })),
      currency: settlement.currency,
      refund,
      storeCreditCents: settlement.storeCreditCents,
      notifyCustomer: false,
    });
    refundId = processed.refundId;
    // The exchange's new line item, to know its shipment when the merchant fulfills it.
    exchangeLineItemId = processed.exchangeLineItemIds[0] ?? exchangeLineItemId;
  }
  const events: StepResult["events"] = [];
  const kind = settlement.resolution;
  if (kind === "refund") events.push({ type: "refunded", detail: `${formatCents(settlement.refundCents, settlement.currency)} to the original payment` });
  if (kind === "store_credit") events.push({ type: "store_credit_issued", detail: `${formatCents(settlement.storeCreditCents, settlement.currency)} store credit` });
  if (kind === "exchange") events.push({ type: "exchange_processed", detail: "The exchange item will be fulfilled" });
  return {
    data: { refundId, processedAt: new Date(), exchangeLineItemId },
    events,
    next: settlement.bonusCents > 0 ? "bonus" : "close",
    after: settlement.bonusCents > 0 || kind === "exchange" ? undefined : () => notifyShopper(ctx, request.id, kind === "refund" ? "refunded" : "credited"),
  };
}

/** The store-credit bonus, credited on its own so it shows as a bonus. */
async function creditBonus(ctx: ReturnsContext, request: Loaded, retried: boolean): Promise<StepResult> {
  const settlement = settlementOf(request);
  if (!settlement || settlement.bonusCents <= 0) return { data: {}, events: [], next: "close" };
  // The order's customer holds the credit; the shopper's signed-in id (numeric) is the fallback.
  const customerId =
    (await fetchOrderCustomerId(ctx.graphql, request.orderId)) ??
    (request.customerId ? (request.customerId.startsWith("gid://") ? request.customerId : `gid://shopify/Customer/${request.customerId}`) : null);
  if (!customerId) throw new StepRefused("bonus", "The order has no customer account, so Shopify cannot hold store credit for it.");
  let transactionId: string | null = null;
  if (retried) {
    const linked = await ctx.db.returnRequest.findMany({
      where: { shop: ctx.shop, bonusTransactionId: { not: null }, NOT: { id: request.id } },
      select: { bonusTransactionId: true },
    });
    const { credits } = await fetchStoreCredit(ctx.graphql, customerId);
    transactionId =
      findSentCredit(credits, { cents: settlement.bonusCents, currency: settlement.currency }, new Date((request.stepStartedAt ?? new Date()).getTime() - CLOCK_SKEW_MS), new Set(linked.map((r) => r.bonusTransactionId!)))?.id ??
      null;
  }
  transactionId ??= (await creditStoreCredit(ctx.graphql, { customerId, cents: settlement.bonusCents, currency: settlement.currency, notify: false })).transactionId;
  return {
    data: { bonusTransactionId: transactionId },
    events: [{ type: "bonus_issued", detail: `${formatCents(settlement.bonusCents, settlement.currency)} bonus store credit` }],
    next: "close",
    after: () => notifyShopper(ctx, request.id, "credited"),
  };
}

/** Closes the return in Shopify unless processing already did. */
async function close(ctx: ReturnsContext, request: Loaded): Promise<StepResult> {
  const state = await stateOrRefuse(ctx, request, "close");
  if (state.status === "OPEN") await closeReturn(ctx.graphql, state.id);
  else if (state.status !== "CLOSED") throw new StepRefused("close", `Shopify shows this return ${state.status.toLowerCase()}.`);
  return { data: { status: "closed", closedAt: new Date() }, events: [{ type: "closed" }], next: null };
}

/** What follows approval: keep-it returns are settled at once (issued too if the policy says). */
export async function afterApproval(ctx: ReturnsContext, requestId: string, policy: ReturnPolicy, staffMessage?: string): Promise<void> {
  const request = await ctx.db.returnRequest.findUniqueOrThrow({ where: { id: requestId }, include: { items: true } });
  if (request.status !== "approved") return;
  if (!request.keepItems) {
    await notifyShopper(ctx, request.id, policy.returnShipping.method === "label" ? "approved_label" : "approved_ship", staffMessage);
    return;
  }
  const settlement = proposeSettlement(
    JSON.parse(request.quote) as ReturnQuote,
    request.resolution as Resolution,
    await pricedLines(ctx, request, new Map()),
  );
  await ctx.db.$transaction([
    ...request.items.map((i) => ctx.db.returnRequestItem.update({ where: { id: i.id }, data: { notRestocked: i.quantity, restocked: 0, missing: 0 } })),
    ctx.db.returnRequest.update({
      where: { id: request.id },
      data: {
        status: "inspected",
        settlement: JSON.stringify(settlement),
        events: { create: [{ shop: ctx.shop, actor: "system", type: "inspected", detail: "The shopper keeps the items" }] },
      },
    }),
  ]);
  await notifyShopper(ctx, request.id, "approved_keep", staffMessage);
  if (policy.processing.automatic) await startStep(ctx, request.id, "process");
}

/**
 * The request's lines with their unit prices and units that never arrived, for the settlement.
 * Requests stored before prices were kept on their items read them from the order.
 */
export async function pricedLines(
  ctx: ReturnsContext,
  request: Loaded,
  missing: ReadonlyMap<string, number>,
): Promise<{ lineItemId: string; quantity: number; unitPrice: number; missing: number }[]> {
  let prices = new Map(request.items.map((i) => [i.lineItemId, i.unitPrice]));
  if (request.items.some((i) => i.unitPrice <= 0)) {
    const order = await fetchReturnOrder(ctx.graphql, request.orderId);
    prices = new Map(order?.lineItems.map((l) => [l.id, l.unitPrice]) ?? []);
  }
  return request.items.map((i) => ({ lineItemId: i.lineItemId, quantity: i.quantity, unitPrice: prices.get(i.lineItemId) ?? 0, missing: missing.get(i.id) ?? 0 }));
}
