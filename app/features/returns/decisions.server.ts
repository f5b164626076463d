import { z } from "zod";
import { optionalText } from "../../lib/forms";
import { ReturnIdSchema } from "./detail.server";
import { failedRuleMessages, parseRuleLines } from "./domain/review";
import { refused, type FormOutcome } from "./request-forms";
import { QUEUE_PAGE_SIZE } from "./queue.server";
import type { ReturnsContext } from "./context.server";
import type { decide } from "./decide.server";
import type { syncDueRequests } from "./sync.server";

/**
 * What the decisions need from returns.server.ts, passed in by the route: that module reads env
 * when loaded, and this one stays importable by unit tests without it.
 */
export type DecisionDeps = { decide: typeof decide; syncDueRequests: typeof syncDueRequests };

export const DECLINE_REASONS = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"] as const;
export const DECLINE_NOTE_MAX = 500;
const MESSAGE_MAX = 2_000;

export const FALLBACKS = ["refund", "store_credit"] as const;

export const ApproveFormSchema = z.object({
  intent: z.literal("approve"),
  message: optionalText(MESSAGE_MAX, "Keep the message under 2,000 characters."),
  overrideReason: optionalText(500, "Keep the reason under 500 characters."),
  // Only sent once decide answered that the exchange's variant sold out.
  fallback: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(FALLBACKS, { errorMap: () => ({ message: "Choose a refund or store credit instead of the exchange." }) }).optional(),
  ),
});

export const DeclineFormSchema = z.object({
  intent: z.literal("decline"),
  reason: z.enum(DECLINE_REASONS, { errorMap: () => ({ message: "Choose why the return is declined." }) }),
  note: optionalText(DECLINE_NOTE_MAX, `Keep the note to ${DECLINE_NOTE_MAX} characters or fewer.`),
  message: optionalText(MESSAGE_MAX, "Keep the message under 2,000 characters."),
});

export const RetryFormSchema = z.object({ intent: z.literal("retry") });

export type DecisionForm = z.infer<typeof ApproveFormSchema> | z.infer<typeof DeclineFormSchema> | z.infer<typeof RetryFormSchema>;

const OVERRIDE_REQUIRED = "This request failed a policy rule: give a reason for approving it anyway.";
const FALLBACK_TOASTS: Record<(typeof FALLBACKS)[number], string> = {
  refund: "Return approved as a refund",
  store_credit: "Return approved as store credit",
};

/** The detail page's decisions, once their form is read: approve, decline, or retry sending to Shopify now. */
export async function runDecision(ctx: ReturnsContext, deps: DecisionDeps, id: string, staff: string, input: DecisionForm): Promise<FormOutcome> {
  const request = await ctx.db.returnRequest.findFirst({
    where: { id, shop: ctx.shop },
    select: { id: true, status: true, rules: true, resolution: true, pendingStep: true },
  });
  if (!request) return refused(input.intent, 404, "This return request does not exist in this shop.");

  if (input.intent === "retry") return retryNow(ctx, deps, request);

  if (input.intent === "approve" && !input.overrideReason && failedRuleMessages(parseRuleLines(request.rules)).length) {
    return refused("approve", 400, null, { overrideReason: OVERRIDE_REQUIRED });
  }
  const result = await deps.decide(
    ctx,
    request.id,
    staff,
    input.intent === "approve"
      ? { kind: "approve", message: input.message, overrideReason: input.overrideReason, fallback: input.fallback }
      : { kind: "decline", reason: input.reason, note: input.note, message: input.message },
  );
  if (!result.ok) {
    // decide re-checks the rules itself; its refusal belongs beside the reason field.
    if (result.status === 400 && input.intent === "approve") return refused("approve", 400, null, { overrideReason: result.error });
    // An exchange still waiting for review answers 409 only when its variant sold out: the
    // approve form then offers refund or store credit, with decide's words.
    const soldOut =
      input.intent === "approve" && result.status === 409 && !input.fallback && request.resolution === "exchange" && request.status === "requested" && !request.pendingStep;
    if (soldOut) return { ok: false, intent: "approve", status: 409, formError: result.error, fieldErrors: {}, offerFallback: true };
    return refused(input.intent, result.status, result.error);
  }
  if (input.intent === "approve") return { ok: true, intent: "approve", toast: input.fallback ? FALLBACK_TOASTS[input.fallback] : "Return approved" };
  return { ok: true, intent: input.intent, toast: "Return declined" };
}

/**
 * "Retry now" on a request Shopify has not accepted yet. It goes through syncDueRequests rather
 * than syncOne directly: that takes the order's lock, so a click racing the background worker
 * cannot create the return in Shopify twice.
 */
async function retryNow(ctx: ReturnsContext, deps: DecisionDeps, request: { id: string; status: string }): Promise<FormOutcome> {
  if (request.status !== "received") return refused("retry", 409, `This request is ${request.status}: there is nothing to retry.`);
  await ctx.db.returnRequest.updateMany({ where: { id: request.id, shop: ctx.shop, status: "received" }, data: { nextSyncAt: new Date(0) } });
  await deps.syncDueRequests(ctx);
  const after = await ctx.db.returnRequest.findFirstOrThrow({ where: { id: request.id, shop: ctx.shop }, select: { status: true, lastSyncError: true } });
  if (after.status === "received") {
    return refused("retry", 503, `Shopify is still unavailable${after.lastSyncError ? ` (${after.lastSyncError})` : ""}. It is retried automatically.`);
  }
  if (after.status === "failed") return refused("retry", 422, `Shopify refused the request: ${after.lastSyncError ?? "no reason given"}`);
  return { ok: true, intent: "retry", toast: "Sent to Shopify" };
}

export const BulkApproveSchema = z.object({
  intent: z.literal("approve"),
  ids: z.array(ReturnIdSchema).min(1, "Select at least one request.").max(QUEUE_PAGE_SIZE),
});

export type BulkApproveResult = {
  approved: string[];
  skipped: { reference: string; why: string }[];
  failed: { reference: string; why: string }[];
};

/**
 * The queue's bulk "Approve": each selected request through decide, one after another (Shopify's
 * rate limit is per shop). Requests that failed a rule need a written reason, so they are skipped.
 */
export async function approveMany(ctx: ReturnsContext, deps: DecisionDeps, ids: string[], staff: string): Promise<BulkApproveResult> {
  const result: BulkApproveResult = { approved: [], skipped: [], failed: [] };
  const requests = await ctx.db.returnRequest.findMany({
    where: { shop: ctx.shop, id: { in: [...new Set(ids)] } },
    select: { id: true, reference: true, status: true, rules: true, respondBy: true },
    orderBy: { respondBy: "asc" },
  });
  const missing = ids.length - requests.length;
  if (missing > 0) result.skipped.push({ reference: `${missing} request${missing === 1 ? "" : "s"}`, why: "not found in this shop" });
  for (const request of requests) {
    if (request.status !== "requested") {
      const why = request.status === "received" ? "not in Shopify yet" : `already ${request.status}`;
      result.skipped.push({ reference: request.reference, why });
      continue;
    }
    if (failedRuleMessages(parseRuleLines(request.rules)).length) {
      result.skipped.push({ reference: request.reference, why: "failed a policy rule: open it to approve with a reason" });
      continue;
    }
    const decision = await deps.decide(ctx, request.id, staff, { kind: "approve" });
    if (decision.ok) result.approved.push(request.reference);
    else result.failed.push({ reference: request.reference, why: decision.error });
  }
  return result;
}
