import { sendToShopper } from "../notifications/notifications.server";
import { shopProfile } from "../shop/profile.server";
import { currentReturnPolicy } from "../policies/repo.server";
import type { ReturnsContext } from "./context.server";
import type { Settlement } from "./domain/settlement";
import { returnEmail, type ReturnEmailKind } from "./domain/shopper-emails";

/**
 * Tells the shopper about a step of their return, in their language, once: a step that is
 * retried or a webhook that arrives twice finds the message already in the outbox.
 */
export async function notifyShopper(ctx: ReturnsContext, requestId: string, kind: ReturnEmailKind, staffMessage?: string): Promise<void> {
  const request = await ctx.db.returnRequest.findFirst({ where: { id: requestId, shop: ctx.shop }, include: { items: true } });
  if (!request?.customerEmail) return;
  const policy = await currentReturnPolicy(ctx.db, ctx.shop);
  if (!policy.notifications.appEmails) return;
  const outboxKind = `return_${kind}`;
  const sent = await ctx.db.outboxMessage.findFirst({ where: { shop: ctx.shop, relatedId: request.id, kind: outboxKind }, select: { id: true } });
  if (sent) return;
  const settlement = request.settlement ? (JSON.parse(request.settlement) as Settlement) : null;
  const { subject, text } = returnEmail(kind, request.locale, {
    shop: (await shopProfile(ctx.graphql, ctx.shop)).name,
    reference: request.reference,
    orderName: request.orderName,
    items: request.items.map((i) => ({ title: i.title, quantity: i.quantity })),
    returnAddress: policy.returnShipping.returnAddress,
    instructions: policy.returnShipping.instructions,
    labelUrl: request.labelUrl ?? undefined,
    // The exchange's own shipment, or else the return parcel's.
    trackingNumber: (kind === "exchange_shipped" ? request.exchangeTrackingNumber : request.trackingNumber) ?? undefined,
    trackingUrl: (kind === "exchange_shipped" ? request.exchangeTrackingUrl : request.trackingUrl) ?? undefined,
    amountCents: settlement ? settlement.refundCents + settlement.storeCreditCents : undefined,
    bonusCents: settlement?.bonusCents,
    currency: settlement?.currency,
    variantTitle: request.exchangeVariantTitle ?? undefined,
    note: request.decisionNote ?? undefined,
    staffMessage: staffMessage?.trim() || undefined,
  });
  await sendToShopper(ctx.db, { shop: ctx.shop, to: request.customerEmail, kind: outboxKind, relatedId: request.id, subject, text });
}
