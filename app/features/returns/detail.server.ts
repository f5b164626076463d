import { z } from "zod";
import type { Db } from "../../db-client.server";
import { formatDateTime, formatMoney } from "../../lib/format";
import { legacyId } from "../../lib/shopify-ids";
import type { AdminGraphql } from "../../shopify.server";
import { customerHistoryOrNull } from "../../shopify/customer-history.server";
import { searchOrders } from "../../shopify/orders.server";
import { customerSegment, type CustomerSegment } from "../tickets/domain/segment";
import type { SegmentThresholds } from "../tickets/domain/types";
import { deriveTracking } from "../tracking/domain/derive";
import type { TrackingView } from "../tracking/domain/types";
import { slaView } from "../tickets/domain/sla";
import { nextActions, settlementView, shopifyRecord, stepState } from "./domain/progress";
import { failedRuleMessages, isOpen, parseRuleLines, reasonLabeller, resolutionLabel } from "./domain/review";
import { timelineEntries } from "./domain/timeline";
import type { ReturnPolicy } from "./domain/types";
import { signPhotoUrl } from "./photos.server";

/**
 * One return request in full, as the detail page shows it: order, customer, rules, photos, and
 * after approval the step with Shopify, the next action, what Shopify holds and the money.
 */

export const ReturnIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

const QuoteSchema = z.object({
  currency: z.string(),
  itemsValue: z.number(),
  restockingFee: z.number(),
  shippingFee: z.number(),
  storeCreditBonus: z.number(),
  expected: z.number(),
});

export type ShipmentSummary = {
  id: string;
  step: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: string;
  deliveredAt: string | null;
};

/** An order's shipments as staff read them, dates in the shop's time zone. */
export function shipmentSummaries(shipments: TrackingView["shipments"], timeZone: string): ShipmentSummary[] {
  return shipments.map((s) => ({
    id: s.id,
    step: s.step,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    trackingUrl: s.trackingUrl,
    shippedAt: formatDateTime(s.shippedAt, timeZone),
    deliveredAt: s.deliveredAt ? formatDateTime(s.deliveredAt, timeZone) : null,
  }));
}

export type OrderContext = { ok: true; name: string; state: string; placedAt: string; shipments: ShipmentSummary[] } | { ok: false; error: string };

export type CustomerContext = {
  email: string;
  /** null when Shopify could not be asked; `capped` when the shopper has more than were counted. */
  history: { orderCount: number; capped: boolean; spent: string } | null;
  segment: CustomerSegment | null;
  otherRequests: { id: string; reference: string; orderName: string; status: string; created: string }[];
};

async function orderContext(graphql: AdminGraphql, orderId: string, timeZone: string): Promise<OrderContext> {
  const numeric = legacyId(orderId);
  if (!numeric) return { ok: false, error: "The order id is not a Shopify order." };
  try {
    const [order] = await searchOrders(graphql, `id:${numeric}`, 1);
    if (!order) return { ok: false, error: "Shopify no longer shows this order (deleted, or older than the app can read)." };
    const view = deriveTracking(order);
    return {
      ok: true,
      name: view.orderName,
      state: view.state,
      placedAt: formatDateTime(view.placedAt, timeZone),
      shipments: shipmentSummaries(view.shipments, timeZone),
    };
  } catch (error) {
    console.warn("[returns-admin] order context unavailable", error instanceof Error ? error.message : error);
    return { ok: false, error: "Shopify did not answer; reload to try again." };
  }
}

export type ReturnDetail = Awaited<ReturnType<typeof loadReturnDetail>>;

/** Everything the detail page shows, or null when the request is not this shop's. */
export async function loadReturnDetail(
  ctx: { db: Db; shop: string; graphql: AdminGraphql },
  id: string,
  opts: { now: Date; timeZone: string; currency: string; segments: SegmentThresholds; policy: Pick<ReturnPolicy, "reasons">; secret: string },
) {
  const request = await ctx.db.returnRequest.findFirst({
    where: { id, shop: ctx.shop },
    include: {
      items: { orderBy: { id: "asc" } },
      photos: { select: { id: true, lineItemId: true, contentType: true, size: true }, orderBy: { createdAt: "asc" } },
      events: { orderBy: { at: "asc" } },
    },
  });
  if (!request) return null;
  const label = reasonLabeller(opts.policy);
  const email = request.customerEmail;
  const [order, history, otherRequests] = await Promise.all([
    orderContext(ctx.graphql, request.orderId, opts.timeZone),
    email ? customerHistoryOrNull(ctx.graphql, email) : Promise.resolve(null),
    email
      ? ctx.db.returnRequest.findMany({
          where: { shop: ctx.shop, customerEmail: email, NOT: { id: request.id } },
          orderBy: { createdAt: "desc" },
          take: 10,
          select: { id: true, reference: true, orderName: true, status: true, createdAt: true },
        })
      : Promise.resolve([]),
  ]);
  const quote = (() => {
    try {
      const parsed = QuoteSchema.safeParse(JSON.parse(request.quote));
      if (!parsed.success) return null;
      const q = parsed.data;
      const money = (n: number) => formatMoney(n, q.currency);
      return {
        itemsValue: money(q.itemsValue),
        restockingFee: q.restockingFee ? money(q.restockingFee) : null,
        shippingFee: q.shippingFee ? money(q.shippingFee) : null,
        storeCreditBonus: q.storeCreditBonus ? money(q.storeCreditBonus) : null,
        expected: money(q.expected),
      };
    } catch {
      return null;
    }
  })();
  const ruleLines = parseRuleLines(request.rules);
  const requestedLines = new Set(request.items.map((i) => i.lineItemId));
  const customer: CustomerContext | null = email
    ? {
        email,
        history: history && { orderCount: history.orderCount, capped: history.capped, spent: formatMoney(history.totalSpent, opts.currency) },
        segment: history && customerSegment(history, opts.segments),
        otherRequests: otherRequests.map((r) => ({
          id: r.id,
          reference: r.reference,
          orderName: r.orderName,
          status: r.status,
          created: formatDateTime(r.createdAt, opts.timeZone),
        })),
      }
    : null;
  return {
    id: request.id,
    reference: request.reference,
    orderName: request.orderName,
    status: request.status,
    resolution: resolutionLabel(request.resolution),
    autoApproved: request.autoApproved,
    policyVersion: request.policyVersion,
    created: formatDateTime(request.createdAt, opts.timeZone),
    respondBy: formatDateTime(request.respondBy, opts.timeZone),
    sla: isOpen(request.status) ? slaView(request.respondBy, opts.now) : null,
    decidedBy: request.decidedBy,
    decided: request.decidedAt ? formatDateTime(request.decidedAt, opts.timeZone) : null,
    declineReason: request.declineReason,
    decisionNote: request.decisionNote,
    overrideReason: request.overrideReason,
    lastSyncError: request.lastSyncError,
    nextSync: request.nextSyncAt ? formatDateTime(request.nextSyncAt, opts.timeZone) : null,
    quote,
    keepItems: request.keepItems,
    exchangeVariantTitle: request.exchangeVariantTitle,
    step: stepState(request, opts.timeZone),
    actions: nextActions(request),
    shopify: shopifyRecord(request),
    settlement: settlementView(request.settlement, request.settlementReason),
    received: request.receivedAt ? formatDateTime(request.receivedAt, opts.timeZone) : null,
    inspectionNote: request.inspectionNote,
    processed: request.processedAt ? formatDateTime(request.processedAt, opts.timeZone) : null,
    closed: request.closedAt ? formatDateTime(request.closedAt, opts.timeZone) : null,
    items: request.items.map((item) => ({
      id: item.id,
      lineItemId: item.lineItemId,
      title: item.title,
      quantity: item.quantity,
      reason: label(item.reason),
      note: item.note,
      // Recorded at receiving; before that all three are 0.
      counted: item.restocked + item.notRestocked + item.missing > 0 ? { restocked: item.restocked, notRestocked: item.notRestocked, missing: item.missing } : null,
      photos: request.photos
        .filter((p) => p.lineItemId === item.lineItemId)
        .map((p) => ({ id: p.id, url: signPhotoUrl(opts.secret, { shop: ctx.shop, photoId: p.id }, opts.now) })),
    })),
    rules: ruleLines
      .map((line) => ({ ...line, inRequest: requestedLines.has(line.lineItemId) }))
      .sort((a, b) => Number(b.inRequest) - Number(a.inRequest)),
    failedRules: failedRuleMessages(ruleLines),
    events: timelineEntries(request.events, opts.timeZone),
    order,
    customer,
  };
}

/** The default message to the shopper on approval: staff edit it rather than write it. */
export function defaultApprovalMessage(reference: string, orderName: string): string {
  return `Good news: your return ${reference} for order ${orderName} is approved. Pack the items securely; return instructions follow in a separate email. Your refund is issued within 3–5 business days after the items arrive.`;
}
