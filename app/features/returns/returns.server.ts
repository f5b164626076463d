import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db-client.server";
import { evaluateEligibility } from "./domain/eligibility";
import { checkPhotos, sniffImageType, type PhotoProblem } from "./domain/photos";
import { quoteReturn, validateSelection, type SelectionError } from "./domain/quote";
import { addBusinessMinutes } from "../policies/domain/business-hours";
import { RESOLUTIONS, type Eligibility, type ReturnPolicy, type ReturnSelection } from "./domain/types";
import { issueOrderAccessToken } from "../tracking/domain/order-access";
import { env } from "../../env.server";
import { currentReturnPolicy } from "../policies/repo.server";
import { isTransientShopifyError } from "../../shopify/graphql.server";
import { storedText } from "../../lib/text";
import { createSharedCache } from "../../shared-cache.server";
import { FULL_RETURN_ORDER, fetchReturnOrder, type ReturnOrderSize, type ShopifyReturnOrder } from "../../shopify/returns.server";
import { heldOrderById } from "../tracking/shipment-state.server";
import { checkExchangeChoices, type ExchangeChoice, type ExchangeError } from "./domain/exchange";
import { shopperRequest } from "./domain/shopper-status";
import { exchangeOptionsByLine } from "./exchanges.server";
import { shopperLocale } from "../tickets/domain/shopper-messages";
import type { ReturnsContext } from "./context.server";
import { OrderBusyError, withOrderClaim } from "./order-claims.server";
import { syncOne } from "./sync.server";
import { supportProfile } from "../policies/support-settings.server";
import { orderIdForToken } from "../tracking/tracking.server";

/**
 * Self-service returns behind the app proxy. A request is stored first (status "received"), then
 * created in Shopify with returnRequest; when Shopify is throttled or down it stays stored and is
 * retried (syncReturnRequests), so nothing a shopper sent is lost and nothing is sent twice.
 */

export type { ReturnsContext } from "./context.server";

/** Our statuses, as the storefront shows them. */
export type { RequestStatus } from "./domain/lifecycle";


/**
 * The last order each shopper's returns view was built from. When Shopify is throttled or down at
 * the moment they submit, the request is judged on it, stored, and Shopify checks the quantities
 * again when the request reaches it (a refusal then goes to staff as "failed"). Shared by every
 * instance, as the shopper's next request may reach another one.
 */
const recentOrders = createSharedCache<ShopifyReturnOrder>({ name: "recent-return-order", ttlMs: 30 * 60_000, maxEntries: 5_000 });

/**
 * The order's size as tracking holds it (fresh), so ReturnOrder asks for no more than there is.
 * A held snapshot read from Shopify lists at most 3 fulfillments: at 3, ask for the usual 5.
 */
async function returnOrderSize(ctx: ReturnsContext, orderId: string): Promise<ReturnOrderSize> {
  const held = await heldOrderById(ctx.db, ctx.shop, orderId, new Date());
  if (!held?.fresh) return FULL_RETURN_ORDER;
  const { lineItems, fulfillments } = held.order;
  return {
    lines: Math.min(FULL_RETURN_ORDER.lines, Math.max(1, lineItems.length)),
    fulfillments: fulfillments.length >= 3 ? FULL_RETURN_ORDER.fulfillments : Math.max(1, fulfillments.length),
  };
}

async function fetchOrderForReturns(ctx: ReturnsContext, orderId: string, allowRecent: boolean): Promise<ShopifyReturnOrder | null> {
  const key = `${ctx.shop}|${orderId}`;
  try {
    const order = await fetchReturnOrder(ctx.graphql, orderId, await returnOrderSize(ctx, orderId));
    if (order) await recentOrders.set(key, order);
    return order;
  } catch (error) {
    const recent = allowRecent && isTransientShopifyError(error) ? await recentOrders.get(key) : undefined;
    if (recent) return recent;
    throw error;
  }
}

/** Units stored by us but not yet accepted by Shopify count as taken. */
async function pendingUnits(db: Db, shop: string, orderId: string) {
  const items = await db.returnRequestItem.findMany({
    where: { request: { shop, orderId, status: "received" } },
    select: { lineItemId: true, quantity: true },
  });
  return items;
}

async function loadOrder(
  ctx: ReturnsContext,
  orderId: string,
  allowRecent = false,
): Promise<{ order: ShopifyReturnOrder; policy: ReturnPolicy; eligibility: Eligibility } | null> {
  const order = await fetchOrderForReturns(ctx, orderId, allowRecent);
  if (!order) return null;
  order.pending = await pendingUnits(ctx.db, ctx.shop, orderId);
  const policy = await currentReturnPolicy(ctx.db, ctx.shop);
  const eligibility = evaluateEligibility({ policy, order, now: new Date(), timeZone: order.timeZone });
  return { order, policy, eligibility };
}

export type ReturnsView = NonNullable<Awaited<ReturnType<typeof returnsView>>>;

export type ReturnsViewResult = { ok: true; view: ReturnsView } | { ok: false; code: "not_found" | "expired" | "unavailable" };

/** What the returns block shows for an order: lines with what can be returned and why not, the policy, earlier requests. */
async function returnsView(ctx: ReturnsContext, orderId: string) {
  const loaded = await loadOrder(ctx, orderId);
  if (!loaded) return null;
  const { order, policy, eligibility } = loaded;
  const exchange = policy.resolutions.includes("exchange") ? await exchangeOptionsByLine(ctx, order, eligibility.lines) : {};
  const requests = await ctx.db.returnRequest.findMany({
    where: { shop: ctx.shop, orderId },
    include: { items: { select: { title: true, quantity: true } }, events: { select: { type: true, at: true }, orderBy: { at: "asc" } } },
    orderBy: { createdAt: "desc" },
  });
  const shipping = policy.returnShipping;
  const { token, expiresAt } = issueOrderAccessToken(env.SHOPIFY_API_SECRET, { shop: ctx.shop, orderId }, new Date());
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    order: { name: order.name, currency: order.currency },
    lines: eligibility.lines.map((line) => ({
      lineItemId: line.lineItemId,
      title: line.title,
      variantTitle: line.variantTitle,
      imageUrl: line.imageUrl,
      unitPrice: line.unitPrice,
      purchased: line.purchased,
      returnable: line.returnable,
      reasons: line.reasons,
      windowEndsAt: line.windowEndsAt,
      exchangeOptions: exchange[line.lineItemId] ?? [],
    })),
    policy: {
      windowDays: policy.windowDays,
      resolutions: policy.resolutions,
      storeCreditBonusPercent: policy.storeCreditBonusPercent,
      restockingFeePercent: policy.restockingFeePercent,
      returnShipping: policy.returnShipping,
      reasons: policy.reasons,
    },
    requests: requests.map((r) => shopperRequest(r, shipping)),
  };
}

function unavailable(error: unknown): { ok: false; code: "unavailable" } {
  console.warn("[returns] Shopify unavailable", error instanceof Error ? error.message : error);
  return { ok: false, code: "unavailable" };
}

/** The returns view of an order the shopper has proved is theirs (a lookup, or a token). */
export async function returnsForOrder(ctx: ReturnsContext, orderId: string): Promise<ReturnsViewResult> {
  try {
    const view = await returnsView(ctx, orderId);
    return view ? { ok: true, view } : { ok: false, code: "not_found" };
  } catch (error) {
    return unavailable(error);
  }
}

/** Arriving from tracking, or reloading the status: the order the token grants. */
export async function returnsByToken(ctx: ReturnsContext, token: string | null): Promise<ReturnsViewResult> {
  const orderId = orderIdForToken(ctx.shop, token);
  return orderId ? returnsForOrder(ctx, orderId) : { ok: false, code: "expired" };
}

const SelectionSchema = z.object({
  lineItemId: z.string().min(1),
  quantity: z.number().int(),
  reason: storedText(z.string()),
  note: storedText(z.string().max(300, "Keep the note under 300 characters.").optional()),
  exchangeVariantId: storedText(z.string().max(200).optional()),
});

export const QuoteSchema = z.object({
  token: z.string(),
  resolution: z.enum(RESOLUTIONS),
  items: z.array(SelectionSchema.pick({ lineItemId: true, quantity: true, reason: true })).max(50),
});

/** Fees and what the shopper gets back, before they submit. */
export async function quote(
  ctx: ReturnsContext,
  input: z.infer<typeof QuoteSchema>,
): Promise<{ ok: true; quote: ReturnType<typeof quoteReturn> } | { ok: false; code: "expired" | "not_found" | "unavailable" }> {
  const orderId = orderIdForToken(ctx.shop, input.token);
  if (!orderId) return { ok: false, code: "expired" };
  try {
    const loaded = await loadOrder(ctx, orderId);
    if (!loaded) return { ok: false, code: "not_found" };
    const known = input.items.filter((i) => loaded.order.lineItems.some((l) => l.id === i.lineItemId) && i.quantity >= 0);
    return { ok: true, quote: quoteReturn(loaded.policy, loaded.order, known, input.resolution) };
  } catch (error) {
    return unavailable(error);
  }
}

export const SubmissionSchema = z.object({
  idempotencyKey: z.string().uuid("Reload the page and try again."),
  resolution: z.enum(RESOLUTIONS),
  items: z.array(SelectionSchema).min(1).max(50),
  // The storefront's language, for the emails and the status page; one we speak, else English.
  locale: z.unknown().transform(shopperLocale),
});

/** A short code a shopper can read out on the phone: no 0/O or 1/I. */
function newReference(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return `R-${Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join("")}`;
}

/** A stored request as the shopper sees it. */
export type StoredRequest = { reference: string; status: string; createdAt: Date };

export type SubmitResult =
  | { ok: true; created: boolean; request: StoredRequest }
  | { ok: false; code: PhotoProblem | "not_found" | "unavailable" }
  | { ok: false; code: "invalid" | "not_returnable"; errors: (SelectionError | ExchangeError)[] };

export type ReturnSubmission = {
  /** From the order-access token, checked before the body was read. */
  orderId: string;
  customerId: string | null;
  form: z.infer<typeof SubmissionSchema>;
  photos: { lineItemId: string; bytes: Uint8Array }[];
};

/** Stores the request, then creates it in Shopify; the same form sent twice is one request. */
export async function submitReturnRequest(ctx: ReturnsContext, input: ReturnSubmission): Promise<SubmitResult> {
  const { orderId, form: submission } = input;
  // The same form sent twice (double click, retry, second tab with the same form) is one request.
  const existing = await ctx.db.returnRequest.findUnique({ where: { shop_idempotencyKey: { shop: ctx.shop, idempotencyKey: submission.idempotencyKey } } });
  if (existing) return { ok: true, created: false, request: existing };

  const photos = new Map<string, { bytes: Uint8Array; type: string }[]>();
  for (const { lineItemId, bytes } of input.photos) {
    const list = photos.get(lineItemId) ?? [];
    list.push({ bytes, type: sniffImageType(bytes) ?? "" });
    photos.set(lineItemId, list);
  }
  for (const list of photos.values()) {
    const problem = checkPhotos(list);
    if (problem) return { ok: false, code: problem };
  }

  try {
    return await withOrderClaim(ctx.db, ctx.shop, orderId, () => judgeAndStore(ctx, input, photos));
  } catch (error) {
    if (error instanceof OrderBusyError) return unavailable(error);
    throw error;
  }
}

/** Under the order's claim: the order as Shopify and our pending requests leave it, judged, stored and sent. */
async function judgeAndStore(ctx: ReturnsContext, input: ReturnSubmission, photos: Map<string, { bytes: Uint8Array; type: string }[]>): Promise<SubmitResult> {
  const { orderId, form: submission } = input;
  // Under the claim, another tab may have just stored the same form.
  const again = await ctx.db.returnRequest.findUnique({ where: { shop_idempotencyKey: { shop: ctx.shop, idempotencyKey: submission.idempotencyKey } } });
  if (again) return { ok: true, created: false, request: again };

  let loaded;
  try {
    loaded = await loadOrder(ctx, orderId, true);
  } catch (error) {
    return unavailable(error);
  }
  if (!loaded) return { ok: false, code: "not_found" };
  const { order, policy, eligibility } = loaded;
  const selection: ReturnSelection[] = submission.items.map((i) => ({ lineItemId: i.lineItemId, quantity: i.quantity, reason: i.reason }));
  const photoCounts = Object.fromEntries([...photos].map(([line, list]) => [line, list.length]));
  const verdict = validateSelection(eligibility, policy, selection, submission.resolution, photoCounts);
  if (!verdict.ok) {
    const tooMany = verdict.errors.some((e) => e.field === "quantity");
    return { ok: false, code: tooMany ? "not_returnable" : "invalid", errors: verdict.errors };
  }
  // An exchange names, for each item, a variant its line offers now. The request keeps one, the
  // first item's, as before; its title too, for staff and the shopper.
  let exchange: ExchangeChoice | null = null;
  if (submission.resolution === "exchange") {
    let offered;
    try {
      offered = await exchangeOptionsByLine(ctx, order, eligibility.lines);
    } catch (error) {
      return unavailable(error);
    }
    const choices = checkExchangeChoices(submission.items, offered);
    if (!choices.ok) return { ok: false, code: "invalid", errors: choices.errors };
    exchange = choices.chosen[submission.items[0]!.lineItemId]!;
  }

  const priced = quoteReturn(policy, order, selection, submission.resolution);
  const now = new Date();
  const support = await supportProfile(ctx.db, ctx.shop, order.timeZone, now);
  const stored = await ctx.db.returnRequest.create({
    data: {
      shop: ctx.shop,
      reference: newReference(),
      idempotencyKey: submission.idempotencyKey,
      orderId,
      orderName: order.name,
      customerEmail: order.email?.toLowerCase() ?? null,
      customerId: input.customerId,
      status: "received",
      resolution: submission.resolution,
      exchangeVariantId: exchange?.variantId ?? null,
      exchangeVariantTitle: exchange?.title ?? null,
      locale: submission.locale,
      policyVersion: policy.version,
      quote: JSON.stringify(priced),
      // The rules of the requested lines only: the ones this request was judged by.
      rules: JSON.stringify(
        eligibility.lines
          .filter((l) => submission.items.some((i) => i.lineItemId === l.lineItemId))
          .map((l) => ({ lineItemId: l.lineItemId, title: l.title, rules: l.rules })),
      ),
      // The policy's target counted in the team's business hours, like every other SLA.
      respondBy: addBusinessMinutes(now, policy.responseTargetHours * 60, support.sla),
      nextSyncAt: now,
      items: {
        create: submission.items.map((i) => ({
          lineItemId: i.lineItemId,
          title: eligibility.lines.find((l) => l.lineItemId === i.lineItemId)!.title,
          // The price paid, kept so the settlement never has to read the order again.
          unitPrice: eligibility.lines.find((l) => l.lineItemId === i.lineItemId)!.unitPrice,
          quantity: i.quantity,
          reason: i.reason,
          note: i.note || null,
          sources: JSON.stringify(allocate(eligibility, i.lineItemId, i.quantity)),
        })),
      },
      photos: {
        create: [...photos].flatMap(([lineItemId, list]) =>
          list.map((p) => ({ shop: ctx.shop, lineItemId, contentType: p.type, size: p.bytes.length, data: Buffer.from(p.bytes) })),
        ),
      },
      events: { create: [{ shop: ctx.shop, actor: "shopper", type: "received" }] },
    },
  });
  await syncOne(ctx, stored.id);
  const current = await ctx.db.returnRequest.findUniqueOrThrow({ where: { id: stored.id } });
  return { ok: true, created: true, request: current };
}

/** Takes the requested units from the fulfillment line items that still have them. */
function allocate(eligibility: Eligibility, lineItemId: string, quantity: number) {
  const sources = eligibility.lines.find((l) => l.lineItemId === lineItemId)?.sources ?? [];
  const taken: { fulfillmentLineItemId: string; quantity: number }[] = [];
  let left = quantity;
  for (const source of sources) {
    if (left === 0) break;
    const n = Math.min(left, source.quantity);
    taken.push({ fulfillmentLineItemId: source.fulfillmentLineItemId, quantity: n });
    left -= n;
  }
  return taken;
}
