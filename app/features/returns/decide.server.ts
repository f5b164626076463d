import { isTransientShopifyError } from "../../shopify/graphql.server";
import { approveReturn, declineReturn } from "../../shopify/returns.server";
import { sendToShopper } from "../notifications/notifications.server";
import { currentReturnPolicy } from "../policies/repo.server";
import { type ReturnsContext } from "./context.server";

/** Staff decisions on a request: approve or decline in Shopify, then tell the shopper. */

export type StaffDecision =
  | { kind: "approve"; message?: string; overrideReason?: string }
  | { kind: "decline"; reason: "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER"; note?: string; message?: string };

export type DecisionResult = { ok: true } | { ok: false; status: number; error: string };

/** Rules the request failed when it was judged (requests made in Shopify's admin can have some). */
export function failedRules(rulesJson: string): string[] {
  const lines = JSON.parse(rulesJson) as { title: string; rules: { passed: boolean; detail: string }[] }[];
  return lines.flatMap((line) => line.rules.filter((r) => !r.passed).map((r) => `${line.title}: ${r.detail}`));
}

/**
 * Approves or declines a requested return in Shopify, then records who decided, when and why,
 * and tells the shopper (Shopify's own notification, plus our message with the staff's words).
 */
export async function decide(ctx: ReturnsContext, requestId: string, staff: string, decision: StaffDecision): Promise<DecisionResult> {
  const request = await ctx.db.returnRequest.findFirst({ where: { id: requestId, shop: ctx.shop }, include: { items: true } });
  if (!request) return { ok: false, status: 404, error: "This return request does not exist in this shop." };
  if (request.status !== "requested" || !request.shopifyReturnId) {
    return { ok: false, status: 409, error: `This request is ${request.status}; only requested returns can be approved or declined.` };
  }
  const failed = failedRules(request.rules);
  if (decision.kind === "approve" && failed.length && !decision.overrideReason?.trim()) {
    return { ok: false, status: 400, error: "This request failed a policy rule: give a reason for approving it anyway." };
  }
  const { notifications } = await currentReturnPolicy(ctx.db, ctx.shop);
  try {
    if (decision.kind === "approve") await approveReturn(ctx.graphql, request.shopifyReturnId, notifications.shopifyEmails);
    else await declineReturnInShopify(ctx, request.shopifyReturnId, decision, notifications.shopifyEmails);
  } catch (error) {
    const transient = isTransientShopifyError(error);
    return {
      ok: false,
      status: transient ? 503 : 422,
      error: transient ? "Shopify is busy right now. Try again in a moment." : `Shopify refused: ${error instanceof Error ? error.message : error}`,
    };
  }
  const approved = decision.kind === "approve";
  await ctx.db.returnRequest.update({
    where: { id: request.id },
    data: {
      status: approved ? "approved" : "declined",
      decidedBy: staff,
      decidedAt: new Date(),
      decisionNote: approved ? decision.message ?? null : decision.note ?? null,
      declineReason: approved ? null : decision.reason,
      overrideReason: approved ? decision.overrideReason?.trim() || null : null,
      events: {
        create: [
          {
            shop: ctx.shop,
            actor: staff,
            type: approved ? "approved" : "declined",
            detail: approved ? decision.overrideReason?.trim() || null : `${decision.reason}${decision.note ? `: ${decision.note}` : ""}`,
          },
        ],
      },
    },
  });
  if (request.customerEmail && notifications.appEmails) {
    await sendToShopper(ctx.db, {
      shop: ctx.shop,
      to: request.customerEmail,
      kind: approved ? "return_approved" : "return_declined",
      relatedId: request.id,
      subject: approved ? `Your return ${request.reference} is approved` : `About your return request ${request.reference}`,
      text: decision.message?.trim() || defaultMessage(request.reference, request.orderName, decision),
    });
  }
  return { ok: true };
}

function defaultMessage(reference: string, orderName: string, decision: StaffDecision): string {
  if (decision.kind === "approve") {
    return `Good news: your return ${reference} for order ${orderName} is approved. Pack the items securely; return instructions follow in a separate email. Your refund is issued within 3–5 business days after the items arrive.`;
  }
  return `We're sorry: we can't accept return ${reference} for order ${orderName}.${decision.note ? `\n\n${decision.note}` : ""}\n\nReply to this email if you have questions.`;
}

async function declineReturnInShopify(
  ctx: ReturnsContext,
  returnId: string,
  decision: Extract<StaffDecision, { kind: "decline" }>,
  notifyCustomer: boolean,
) {
  await declineReturn(ctx.graphql, { returnId, reason: decision.reason, note: decision.note?.slice(0, 500), notifyCustomer });
}
