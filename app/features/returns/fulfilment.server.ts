import { env } from "../../env.server";
import { currentReturnPolicy } from "../policies/repo.server";
import type { ReturnsContext } from "./context.server";
import { adjustSettlement, proposeSettlement, type Settlement } from "./domain/settlement";
import type { Resolution, ReturnQuote } from "./domain/types";
import { storeLabel } from "./labels.server";
import { notifyShopper } from "./shopper-notices.server";
import { pricedLines, retryStep, startStep, type StepOutcome } from "./steps.server";

/**
 * Staff's steps once a return is approved: attach the label, note that the parcel arrived, record
 * what came back, confirm the money. Each is stored first, then sent to Shopify (steps.server).
 */

export type FulfilmentResult = { ok: true; toast: string } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string): FulfilmentResult => ({ ok: false, status, error });

/** What staff read after a step was sent: done, carried on in the background, or refused. */
function outcomeResult(outcome: StepOutcome, done: string): FulfilmentResult {
  if (outcome === "done" || outcome === "idle") return { ok: true, toast: done };
  if (outcome === "retrying" || outcome === "busy") return { ok: true, toast: `${done} — Shopify is busy, it is sent automatically` };
  return refuse(422, "Shopify refused this step: see the request's timeline, correct it and try again.");
}

async function load(ctx: ReturnsContext, id: string) {
  return ctx.db.returnRequest.findFirst({ where: { id, shop: ctx.shop }, include: { items: true } });
}

export type LabelInput = { labelUrl?: string; labelFile?: Uint8Array; trackingNumber?: string; trackingUrl?: string; carrierName?: string };

/** The return label and/or tracking number, for Shopify (reverse delivery) and the shopper. */
export async function attachLabel(ctx: ReturnsContext, id: string, staff: string, input: LabelInput): Promise<FulfilmentResult> {
  const request = await load(ctx, id);
  if (!request) return refuse(404, "This return request does not exist in this shop.");
  if (request.status !== "approved" || !request.shopifyReturnId) return refuse(409, `This request is ${request.status}: a label goes on an approved return.`);
  if (request.keepItems) return refuse(409, "The shopper keeps these items: no label is needed.");
  if (request.pendingStep) return refuse(409, "Another step of this return is still on its way to Shopify.");
  if (!input.labelUrl && !input.labelFile && !input.trackingNumber) return refuse(400, "Give the label (a link or a file) or a tracking number.");
  let labelUrl = input.labelUrl ?? null;
  if (input.labelFile) {
    const stored = await storeLabel(ctx.db, {
      shop: ctx.shop,
      requestId: request.id,
      bytes: input.labelFile,
      appUrl: env.SHOPIFY_APP_URL,
      secret: env.SHOPIFY_API_SECRET,
    });
    if (!stored.ok) return refuse(stored.status, stored.error);
    labelUrl = stored.url;
  }
  const outcome = await startStep(
    ctx,
    request.id,
    "label",
    {
      labelUrl,
      trackingNumber: input.trackingNumber ?? null,
      trackingUrl: input.trackingUrl ?? null,
      carrierName: input.carrierName ?? null,
      reverseDeliveryId: null,
    },
    staff,
  );
  return outcomeResult(outcome, "Label attached");
}

/** The parcel arrived (staff, or the carrier's "delivered" scan): items to inspect. */
export async function markReturned(ctx: ReturnsContext, id: string, actor: string, detail?: string): Promise<FulfilmentResult> {
  const updated = await ctx.db.returnRequest.updateMany({
    where: { id, shop: ctx.shop, status: "approved", keepItems: false },
    data: { status: "returned", receivedAt: new Date() },
  });
  if (updated.count === 0) return refuse(409, "Only an approved return that is waiting for its items can be marked as arrived.");
  await ctx.db.returnEvent.create({ data: { shop: ctx.shop, requestId: id, actor, type: "returned", detail: detail ?? null } });
  await notifyShopper(ctx, id, "items_received");
  return { ok: true, toast: "Marked as arrived" };
}

export type ReceivedLine = { itemId: string; restocked: number; notRestocked: number; missing: number };

/**
 * What came back, per item: restocked, not restocked, missing. The settlement follows (the quote,
 * less missing units); with automatic processing on, the money goes out at once.
 */
export async function receiveItems(
  ctx: ReturnsContext,
  id: string,
  staff: string,
  input: { lines: ReceivedLine[]; note?: string },
): Promise<FulfilmentResult> {
  const request = await load(ctx, id);
  if (!request) return refuse(404, "This return request does not exist in this shop.");
  if (!["approved", "returned"].includes(request.status) || request.keepItems) {
    return refuse(409, `This request is ${request.status}: only a return waiting for its items can be received.`);
  }
  if (request.pendingStep) return refuse(409, "Another step of this return is still on its way to Shopify.");
  const byItem = new Map(input.lines.map((line) => [line.itemId, line]));
  for (const item of request.items) {
    const line = byItem.get(item.id);
    const counts = line ? [line.restocked, line.notRestocked, line.missing] : [];
    if (!line || counts.some((n) => !Number.isInteger(n) || n < 0) || counts.reduce((a, b) => a + b, 0) !== item.quantity) {
      return refuse(400, `${item.title}: the restocked, not restocked and missing units must add up to ${item.quantity}.`);
    }
  }
  const missing = new Map(request.items.map((item) => [item.id, byItem.get(item.id)!.missing]));
  const settlement = proposeSettlement(JSON.parse(request.quote) as ReturnQuote, request.resolution as Resolution, await pricedLines(ctx, request, missing));
  const summary = request.items
    .map((item) => {
      const line = byItem.get(item.id)!;
      return `${item.title}: ${line.restocked} restocked, ${line.notRestocked} not restocked, ${line.missing} missing`;
    })
    .join("; ");
  const arrived = request.status === "approved";
  const changed = await ctx.db.$transaction(async (tx) => {
    const moved = await tx.returnRequest.updateMany({
      where: { id: request.id, status: request.status, pendingStep: null },
      data: {
        status: "inspected",
        receivedAt: request.receivedAt ?? new Date(),
        inspectionNote: input.note?.trim() || null,
        settlement: JSON.stringify(settlement),
      },
    });
    if (moved.count === 0) return false;
    for (const item of request.items) {
      const line = byItem.get(item.id)!;
      await tx.returnRequestItem.update({ where: { id: item.id }, data: { restocked: line.restocked, notRestocked: line.notRestocked, missing: line.missing } });
    }
    await tx.returnEvent.createMany({
      data: [
        ...(arrived ? [{ shop: ctx.shop, requestId: request.id, actor: staff, type: "returned" }] : []),
        { shop: ctx.shop, requestId: request.id, actor: staff, type: "inspected", detail: `${summary}${input.note?.trim() ? ` — ${input.note.trim()}` : ""}` },
      ],
    });
    return true;
  });
  if (!changed) return refuse(409, "This return changed meanwhile: reload the page.");
  if (arrived) await notifyShopper(ctx, request.id, "items_received");
  const policy = await currentReturnPolicy(ctx.db, ctx.shop);
  if (!policy.processing.automatic) return { ok: true, toast: "Items received: confirm the amount to issue it" };
  return outcomeResult(await startStep(ctx, request.id, "process", {}, staff), "Items received and money issued");
}

/**
 * Staff confirm the money (lowered, or raised with a reason) and it is issued in Shopify with the
 * dispositions; the bonus and closing follow.
 */
export async function issueSettlement(
  ctx: ReturnsContext,
  id: string,
  staff: string,
  wanted: { refundCents?: number; storeCreditCents?: number; bonusCents?: number },
  reason?: string,
): Promise<FulfilmentResult> {
  const request = await load(ctx, id);
  if (!request) return refuse(404, "This return request does not exist in this shop.");
  if (request.status !== "inspected" || !request.settlement) return refuse(409, `This request is ${request.status}: record what came back first.`);
  if (request.pendingStep) return refuse(409, "This return's money is already on its way to Shopify.");
  const proposed = JSON.parse(request.settlement) as Settlement;
  const adjusted = adjustSettlement(proposed, wanted, reason);
  if (!adjusted.ok) return refuse(400, adjusted.error);
  const settlement = adjusted.settlement;
  const changed =
    settlement.refundCents !== proposed.refundCents ||
    settlement.storeCreditCents !== proposed.storeCreditCents ||
    settlement.bonusCents !== proposed.bonusCents;
  if (changed) {
    const show = (s: Settlement) =>
      [s.refundCents && `refund ${(s.refundCents / 100).toFixed(2)}`, s.storeCreditCents && `store credit ${(s.storeCreditCents / 100).toFixed(2)}`, s.bonusCents && `bonus ${(s.bonusCents / 100).toFixed(2)}`]
        .filter(Boolean)
        .join(", ") || "nothing";
    await ctx.db.returnRequest.update({
      where: { id: request.id },
      data: {
        settlement: JSON.stringify(settlement),
        settlementReason: reason?.trim() || null,
        events: {
          create: [{ shop: ctx.shop, actor: staff, type: "amount_adjusted", detail: `${show(proposed)} → ${show(settlement)}${reason?.trim() ? `: ${reason.trim()}` : ""}` }],
        },
      },
    });
  }
  return outcomeResult(await startStep(ctx, request.id, "process", {}, staff), "Money issued");
}

/** "Try again" on a step Shopify refused. */
export async function retryRefusedStep(ctx: ReturnsContext, id: string, staff: string): Promise<FulfilmentResult> {
  return outcomeResult(await retryStep(ctx, id, staff), "Sent to Shopify");
}

export type CarrierScan = { trackingNumber: string; status: string };

/**
 * A carrier's scan on a return's tracking number. "Delivered" marks the return's parcel arrived
 * in every shop whose policy lets the carrier do so; other scans change nothing. Answers how many
 * returns moved.
 */
export async function receiveCarrierScan(
  db: ReturnsContext["db"],
  contextFor: (shop: string) => Promise<ReturnsContext>,
  scan: CarrierScan,
): Promise<number> {
  if (scan.status.toLowerCase() !== "delivered") return 0;
  const waiting = await db.returnRequest.findMany({
    where: { trackingNumber: scan.trackingNumber, status: "approved", keepItems: false },
    select: { id: true, shop: true },
    take: 10,
  });
  let moved = 0;
  for (const request of waiting) {
    const policy = await currentReturnPolicy(db, request.shop);
    if (!policy.receiveOnCarrierDelivery) continue;
    const result = await markReturned(await contextFor(request.shop), request.id, "carrier", `Delivered scan on ${scan.trackingNumber}`);
    if (result.ok) moved++;
  }
  return moved;
}
