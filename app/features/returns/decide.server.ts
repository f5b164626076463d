import type { ReturnRequest, ReturnRequestItem } from "@prisma/client";
import { isTransientShopifyError } from "../../shopify/graphql.server";
import { approveReturn, declineReturn, fetchReturnOrder } from "../../shopify/returns.server";
import { fetchReturnState, variantAvailable } from "../../shopify/return-steps.server";
import { currentReturnPolicy } from "../policies/repo.server";
import { type ReturnsContext } from "./context.server";
import { keepItems, quoteReturn } from "./domain/quote";
import type { Resolution, ReturnPolicy, ReturnQuote } from "./domain/types";
import { notifyShopper } from "./shopper-notices.server";
import { afterApproval, startStep } from "./steps.server";

/** Staff decisions on a request: approve or decline in Shopify, then tell the shopper. */

export type StaffDecision =
  | { kind: "approve"; message?: string; overrideReason?: string; fallback?: "refund" | "store_credit" }
  | { kind: "decline"; reason: "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER"; note?: string; message?: string };

export type DecisionResult = { ok: true } | { ok: false; status: number; error: string };

/** Rules the request failed when it was judged (requests made in Shopify's admin can have some). */
export function failedRules(rulesJson: string): string[] {
  const lines = JSON.parse(rulesJson) as { title: string; rules: { passed: boolean; detail: string }[] }[];
  return lines.flatMap((line) => line.rules.filter((r) => !r.passed).map((r) => `${line.title}: ${r.detail}`));
}

type Loaded = ReturnRequest & { items: ReturnRequestItem[] };

/**
 * Approves or declines a requested return in Shopify, then records who decided, when and why,
 * and tells the shopper (Shopify's own notification, plus our message with the staff's words).
 */
export async function decide(ctx: ReturnsContext, requestId: string, staff: string, decision: StaffDecision): Promise<DecisionResult> {
  const request = await ctx.db.returnRequest.findFirst({ where: { id: requestId, shop: ctx.shop }, include: { items: true } });
  if (!request) return { ok: false, status: 404, error: "This return request does not exist in this shop." };
  const reviewedInApp = request.resolution === "exchange" && !request.shopifyReturnId;
  if (request.status !== "requested" || (!request.shopifyReturnId && !reviewedInApp) || request.pendingStep) {
    return { ok: false, status: 409, error: `This request is ${request.status}; only requested returns can be approved or declined.` };
  }
  const failed = failedRules(request.rules);
  if (decision.kind === "approve" && failed.length && !decision.overrideReason?.trim()) {
    return { ok: false, status: 400, error: "This request failed a policy rule: give a reason for approving it anyway." };
  }
  const policy = await currentReturnPolicy(ctx.db, ctx.shop);
  if (decision.kind === "approve") return approve(ctx, request, policy, staff, decision);

  if (request.shopifyReturnId) {
    try {
      await declineReturn(ctx.graphql, {
        returnId: request.shopifyReturnId,
        reason: decision.reason,
        note: decision.note?.slice(0, 500),
        notifyCustomer: policy.notifications.shopifyEmails,
      });
    } catch (error) {
      if (!(await shopifyShows(ctx, request.shopifyReturnId, "DECLINED"))) return shopifyFailure(error);
    }
  }
  await ctx.db.returnRequest.update({
    where: { id: request.id },
    data: {
      status: "declined",
      decidedBy: staff,
      decidedAt: new Date(),
      decisionNote: decision.note ?? null,
      declineReason: decision.reason,
      overrideReason: null,
      events: {
        create: [{ shop: ctx.shop, actor: staff, type: "declined", detail: `${decision.reason}${decision.note ? `: ${decision.note}` : ""}` }],
      },
    },
  });
  await notifyShopper(ctx, request.id, "declined", decision.message);
  return { ok: true };
}

/** After a failed call: whether Shopify holds the outcome anyway (its answer was lost). */
async function shopifyShows(ctx: ReturnsContext, returnId: string, status: string): Promise<boolean> {
  try {
    return (await fetchReturnState(ctx.graphql, returnId))?.status === status;
  } catch {
    return false;
  }
}

function shopifyFailure(error: unknown): DecisionResult {
  const transient = isTransientShopifyError(error);
  return {
    ok: false,
    status: transient ? 503 : 422,
    error: transient ? "Shopify is busy right now. Try again in a moment." : `Shopify refused: ${error instanceof Error ? error.message : error}`,
  };
}

/**
 * Approval, by staff or by the policy ("auto-approve"). A requested return is approved in
 * Shopify; an exchange, reviewed in the app until now, becomes a Shopify return with its exchange
 * line (the "exchange" step) — or, when its variant sold out and staff chose a fallback, a plain
 * return for refund or store credit. Then what the policy says comes next: keep the items, ship
 * them, or wait for a label.
 */
export async function approve(
  ctx: ReturnsContext,
  request: Loaded,
  policy: ReturnPolicy,
  actor: string,
  decision: { message?: string; overrideReason?: string; fallback?: "refund" | "store_credit"; because?: string },
): Promise<DecisionResult> {
  let resolution = request.resolution as Resolution;
  let quote = JSON.parse(request.quote) as ReturnQuote;
  if (resolution === "exchange") {
    try {
      ({ resolution, quote } = await exchangeOrFallback(ctx, request, policy, decision.fallback));
    } catch (error) {
      if (error instanceof SoldOut) return { ok: false, status: 409, error: error.message };
      return shopifyFailure(error);
    }
  }
  const keep = keepItems(policy, quote, resolution);
  const decided = {
    decidedBy: actor,
    decidedAt: new Date(),
    autoApproved: actor === "auto-approve",
    decisionNote: decision.message ?? null,
    overrideReason: decision.overrideReason?.trim() || null,
    resolution,
    quote: JSON.stringify(quote),
    keepItems: keep,
  };
  const approvedEvent = {
    shop: ctx.shop,
    actor,
    type: "approved",
    detail: decision.overrideReason?.trim() || decision.because || (resolution !== request.resolution ? `Exchange sold out: ${resolution.replace("_", " ")} instead` : null),
  };

  if (!request.shopifyReturnId) {
    // Reviewed in the app: Shopify gets the return now, approved, with the exchange line if any.
    await ctx.db.returnRequest.update({
      where: { id: request.id },
      data: { ...decided, ...(resolution !== "exchange" ? { exchangeVariantId: null } : {}), events: { create: [approvedEvent] } },
    });
    // Runs now; if Shopify is busy the returns job carries it on, and the approval stands.
    await startStep(ctx, request.id, "exchange");
    return { ok: true };
  }

  try {
    await approveReturn(ctx.graphql, request.shopifyReturnId, policy.notifications.shopifyEmails);
  } catch (error) {
    if (!(await shopifyShows(ctx, request.shopifyReturnId, "OPEN"))) return shopifyFailure(error);
  }
  await ctx.db.returnRequest.update({ where: { id: request.id }, data: { ...decided, status: "approved", events: { create: [approvedEvent] } } });
  await afterApproval(ctx, request.id, policy, decision.message);
  return { ok: true };
}

class SoldOut extends Error {}

/**
 * An exchange as requested while its variant can be sold; when it cannot, the fallback staff chose
 * (refund or store credit, re-quoted under today's policy), or SoldOut for staff to choose one.
 */
async function exchangeOrFallback(
  ctx: ReturnsContext,
  request: Loaded,
  policy: ReturnPolicy,
  fallback: "refund" | "store_credit" | undefined,
): Promise<{ resolution: Resolution; quote: ReturnQuote }> {
  const available = request.exchangeVariantId ? await variantAvailable(ctx.graphql, request.exchangeVariantId) : false;
  if (available) return { resolution: "exchange", quote: JSON.parse(request.quote) as ReturnQuote };
  if (!fallback) {
    throw new SoldOut(`${request.exchangeVariantTitle ?? "The exchange item"} is sold out. Approve it as a refund or store credit instead, or decline it.`);
  }
  const order = await fetchReturnOrder(ctx.graphql, request.orderId);
  if (!order) throw new SoldOut("Shopify no longer shows this order.");
  const selection = request.items.map((i) => ({ lineItemId: i.lineItemId, quantity: i.quantity, reason: i.reason }));
  return { resolution: fallback, quote: quoteReturn(policy, order, selection, fallback) };
}
