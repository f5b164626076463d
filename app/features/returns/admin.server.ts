import { z } from "zod";
import type { Db } from "../../db-client.server";
import type { ReturnPolicy } from "./domain/types";
import { signedResourceLinks, type SignatureVerdict } from "../../lib/signed-url";
import { deriveTracking } from "../tracking/domain/derive";
import { type TrackingView } from "../tracking/domain/types";
import type { AdminGraphql } from "../../shopify.server";
import { searchOrders } from "../../shopify/orders.server";
import { fetchShopConnection } from "../../shopify/shop.server";
import { customerHistory, type CustomerHistory } from "../../shopify/customer-history.server";
import { customerSegment, type CustomerSegment } from "../tickets/domain/segment";
import type { SegmentThresholds } from "../tickets/domain/types";
import { macroChoices, returnMacroContext, type MacroChoice } from "../macros/replies.server";
import type { Macro } from "../macros/repo.server";
import type { decide, ReturnsContext, syncDueRequests } from "./returns.server";

/**
 * The admin's Returns and Outbox pages: the queue, one request in full, photos behind short-lived
 * signed URLs, and the small formatting rules staff see all day. Decisions themselves stay in
 * returns.server.ts (decide, syncDueRequests); this module only reads, prepares and explains.
 * Nothing here reads env: the app secret and the clock are passed in, so the helpers are testable.
 */

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;

/** "2 d 3 h", "1 h 20 min", "45 min", "< 1 min": precise enough to triage, short enough for a cell. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return "< 1 min";
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

export type SlaState = { label: string; tone: "critical" | "warning" | null; overdue: boolean };

/** Within this much of the deadline a request is flagged before it goes overdue. */
export const SLA_WARNING_MS = 30 * MINUTE;

/** Time left to answer a request: "due in 1 h 20 min", or "overdue by 3 h" from the deadline on. */
export function slaState(respondBy: Date, now: Date): SlaState {
  const left = respondBy.getTime() - now.getTime();
  if (left <= 0) return { label: `overdue by ${formatDuration(left)}`, tone: "critical", overdue: true };
  return { label: `due in ${formatDuration(left)}`, tone: left <= SLA_WARNING_MS ? "warning" : null, overdue: false };
}

export type { CustomerSegment };

/** Who decided, for the record: the staff member when Shopify says who it is, else the shop. */
export function staffName(input: {
  shop: string;
  user?: { first_name?: string | null; last_name?: string | null; email?: string | null } | null;
  userId?: string | null;
}): string {
  const name = [input.user?.first_name, input.user?.last_name].filter((part) => part?.trim()).join(" ");
  const email = input.user?.email?.trim();
  if (name && email) return `${name} <${email}>`;
  if (name || email) return (name || email)!;
  return input.userId ? `Staff #${input.userId} (${input.shop})` : `Staff (${input.shop})`;
}

// ---- photo URLs ---------------------------------------------------------------------------------

/** <img> requests carry no session token, so photos are served on a signature instead. */
export const PHOTO_URL_TTL_SECONDS = 10 * 60;

const PHOTO_LINKS = signedResourceLinks("return-photo", "/app/returns/photos");

/** A URL for one photo, valid for one shop and this photo only, for PHOTO_URL_TTL_SECONDS. */
export function signPhotoUrl(secret: string, input: { shop: string; photoId: string }, now: Date, ttlSeconds = PHOTO_URL_TTL_SECONDS): string {
  return PHOTO_LINKS.sign(secret, input.shop, input.photoId, now, ttlSeconds);
}

/** Checks a photo URL's query (shop, exp, sig) for the photo id in its path. */
export function verifyPhotoSignature(secret: string, photoId: string, query: URLSearchParams, now: Date): SignatureVerdict {
  return PHOTO_LINKS.verify(secret, photoId, query, now);
}

// ---- stored JSON --------------------------------------------------------------------------------

const RuleLinesSchema = z.array(
  z.object({
    lineItemId: z.string(),
    title: z.string(),
    rules: z.array(z.object({ rule: z.string(), passed: z.boolean(), detail: z.string() })),
  }),
);
export type RuleLine = z.infer<typeof RuleLinesSchema>[number];

/** The rules a request was judged by; an unreadable value reads as none rather than failing the page. */
export function parseRuleLines(rulesJson: string): RuleLine[] {
  try {
    const parsed = RuleLinesSchema.safeParse(JSON.parse(rulesJson));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * The failures `decide` counts, in its wording ("Title: detail"). It looks at every line stored
 * with the request, so the page asks for an override reason exactly when decide will require one.
 */
export function failedRuleMessages(lines: RuleLine[]): string[] {
  return lines.flatMap((line) => line.rules.filter((r) => !r.passed).map((r) => `${line.title}: ${r.detail}`));
}

const QuoteSchema = z.object({
  currency: z.string(),
  itemsValue: z.number(),
  restockingFee: z.number(),
  shippingFee: z.number(),
  storeCreditBonus: z.number(),
  expected: z.number(),
});

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Dates are formatted on the server in the shop's time zone, so the page renders without a flash. */
export function formatDateTime(date: Date | string, timeZone: string): string {
  const value = typeof date === "string" ? new Date(date) : date;
  try {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
  } catch {
    return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(value) + " UTC";
  }
}

const RESOLUTION_LABELS: Record<string, string> = { refund: "Refund", store_credit: "Store credit", exchange: "Exchange" };
export const resolutionLabel = (resolution: string) => RESOLUTION_LABELS[resolution] ?? resolution;

export function reasonLabeller(policy: Pick<ReturnPolicy, "reasons">): (handle: string) => string {
  const labels = new Map(policy.reasons.map((r) => [r.handle, r.label]));
  return (handle) => labels.get(handle) ?? handle;
}

/** Statuses that still wait for staff (or for Shopify); their deadline matters. */
export const OPEN_STATUSES = ["received", "requested", "failed"] as const;
const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

// ---------------------------------------------------------------------------------------------
// The queue
// ---------------------------------------------------------------------------------------------

export const QUEUE_TABS = ["requested", "approved", "declined", "closed", "all"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const TAB_STATUSES: Record<QueueTab, readonly string[] | null> = {
  requested: OPEN_STATUSES,
  approved: ["approved"],
  declined: ["declined"],
  closed: ["closed", "cancelled"],
  all: null,
};

export const QUEUE_PAGE_SIZE = 50;

/** The queue's URL: ?status=approved&page=2; anything unreadable falls back to the default view. */
export const QueueParamsSchema = z.object({
  status: z.enum(QUEUE_TABS).catch("requested"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueParams = z.infer<typeof QueueParamsSchema>;

export function parseQueueParams(url: URL): QueueParams {
  return QueueParamsSchema.parse({ status: url.searchParams.get("status") ?? undefined, page: url.searchParams.get("page") ?? undefined });
}

export type QueueRow = {
  id: string;
  reference: string;
  orderName: string;
  itemCount: number;
  firstItem: string;
  reasons: string[];
  resolution: string;
  customerEmail: string | null;
  createdAt: string;
  created: string;
  status: string;
  sla: SlaState | null;
  autoApproved: boolean;
  needsOverride: boolean;
};

export type Queue = {
  tab: QueueTab;
  page: number;
  hasNext: boolean;
  counts: Record<QueueTab, number>;
  rows: QueueRow[];
};

export async function listReturnQueue(
  db: Db,
  shop: string,
  params: QueueParams,
  opts: { now: Date; timeZone: string; policy: Pick<ReturnPolicy, "reasons"> },
): Promise<Queue> {
  const statuses = TAB_STATUSES[params.status];
  const where = { shop, ...(statuses ? { status: { in: [...statuses] } } : {}) };
  // Open requests by deadline (the next one to answer on top); the rest by latest change.
  const orderBy =
    params.status === "requested"
      ? [{ respondBy: "asc" as const }, { createdAt: "asc" as const }]
      : params.status === "all"
        ? [{ createdAt: "desc" as const }]
        : [{ updatedAt: "desc" as const }];
  const [found, grouped] = await Promise.all([
    db.returnRequest.findMany({
      where,
      orderBy,
      skip: (params.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE + 1,
      select: {
        id: true,
        reference: true,
        orderName: true,
        customerEmail: true,
        status: true,
        resolution: true,
        respondBy: true,
        autoApproved: true,
        rules: true,
        createdAt: true,
        items: { select: { title: true, quantity: true, reason: true }, orderBy: { id: "asc" } },
      },
    }),
    db.returnRequest.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
  for (const group of grouped) {
    const n = group._count._all;
    counts.all += n;
    for (const tab of QUEUE_TABS) if (tab !== "all" && TAB_STATUSES[tab]?.includes(group.status)) counts[tab] += n;
  }
  const label = reasonLabeller(opts.policy);
  return {
    tab: params.status,
    page: params.page,
    hasNext: found.length > QUEUE_PAGE_SIZE,
    counts,
    rows: found.slice(0, QUEUE_PAGE_SIZE).map((r) => ({
      id: r.id,
      reference: r.reference,
      orderName: r.orderName,
      itemCount: r.items.reduce((sum, i) => sum + i.quantity, 0),
      firstItem: r.items[0]?.title ?? "",
      reasons: [...new Set(r.items.map((i) => label(i.reason)))],
      resolution: resolutionLabel(r.resolution),
      customerEmail: r.customerEmail,
      createdAt: r.createdAt.toISOString(),
      created: formatDateTime(r.createdAt, opts.timeZone),
      status: r.status,
      sla: isOpen(r.status) ? slaState(r.respondBy, opts.now) : null,
      autoApproved: r.autoApproved,
      needsOverride: r.status === "requested" && failedRuleMessages(parseRuleLines(r.rules)).length > 0,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Shop name, time zone and currency (one small query per shop every 10 minutes)
// ---------------------------------------------------------------------------------------------

export type ShopProfile = { name: string; contactEmail: string; timeZone: string; currency: string };

const profileCache = new Map<string, { profile: ShopProfile; until: number }>();
const PROFILE_TTL_MS = 10 * MINUTE;

export async function shopProfile(graphql: AdminGraphql, shop: string, now = Date.now()): Promise<ShopProfile> {
  const cached = profileCache.get(shop);
  if (cached && cached.until > now) return cached.profile;
  try {
    const connection = await fetchShopConnection(graphql);
    const profile = { name: connection.name, contactEmail: connection.contactEmail, timeZone: connection.timezone || "UTC", currency: connection.currency };
    profileCache.set(shop, { profile, until: now + PROFILE_TTL_MS });
    return profile;
  } catch (error) {
    // Dates in UTC beat a page that does not load.
    console.warn("[returns-admin] shop profile unavailable", error instanceof Error ? error.message : error);
    return { name: shop, contactEmail: "", timeZone: "UTC", currency: "USD" };
  }
}

export async function shopTimeZone(graphql: AdminGraphql, shop: string, now = Date.now()): Promise<string> {
  return (await shopProfile(graphql, shop, now)).timeZone;
}

// ---------------------------------------------------------------------------------------------
// One request
// ---------------------------------------------------------------------------------------------

export const ReturnIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** The numeric part of a Shopify gid (gid://shopify/Order/123 → "123"). */
export function legacyId(gid: string): string | null {
  const match = /\/(\d+)$/.exec(gid);
  return match ? match[1]! : null;
}

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

/** The shopper's orders and spend for the segment, or null when Shopify does not answer. */
export async function customerHistoryOrNull(graphql: AdminGraphql, email: string): Promise<CustomerHistory | null> {
  try {
    return await customerHistory(graphql, email);
  } catch (error) {
    console.warn("[customers] order history unavailable", error instanceof Error ? error.message : error);
    return null;
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
    sla: isOpen(request.status) ? slaState(request.respondBy, opts.now) : null,
    decidedBy: request.decidedBy,
    decided: request.decidedAt ? formatDateTime(request.decidedAt, opts.timeZone) : null,
    declineReason: request.declineReason,
    decisionNote: request.decisionNote,
    overrideReason: request.overrideReason,
    lastSyncError: request.lastSyncError,
    nextSync: request.nextSyncAt ? formatDateTime(request.nextSyncAt, opts.timeZone) : null,
    quote,
    items: request.items.map((item) => ({
      id: item.id,
      lineItemId: item.lineItemId,
      title: item.title,
      quantity: item.quantity,
      reason: label(item.reason),
      note: item.note,
      photos: request.photos
        .filter((p) => p.lineItemId === item.lineItemId)
        .map((p) => ({ id: p.id, url: signPhotoUrl(opts.secret, { shop: ctx.shop, photoId: p.id }, opts.now) })),
    })),
    rules: ruleLines
      .map((line) => ({ ...line, inRequest: requestedLines.has(line.lineItemId) }))
      .sort((a, b) => Number(b.inRequest) - Number(a.inRequest)),
    failedRules: failedRuleMessages(ruleLines),
    events: request.events.map((e) => ({ id: e.id, actor: e.actor, type: e.type, detail: e.detail, at: formatDateTime(e.at, opts.timeZone) })),
    order,
    customer,
  };
}

/** The default message to the shopper on approval: staff edit it rather than write it. */
export function defaultApprovalMessage(reference: string, orderName: string): string {
  return `Good news: your return ${reference} for order ${orderName} is approved. Pack the items securely; return instructions follow in a separate email. Your refund is issued within 3–5 business days after the items arrive.`;
}

// ---------------------------------------------------------------------------------------------
// Decisions: the forms, checked, then handed to decide (returns.server.ts)
// ---------------------------------------------------------------------------------------------

/**
 * What the decisions need from returns.server.ts, passed in by the route: that module reads env
 * when loaded, and this one stays importable by unit tests without it.
 */
export type DecisionDeps = { decide: typeof decide; syncDueRequests: typeof syncDueRequests };

export const DECLINE_REASONS = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"] as const;
export const DECLINE_NOTE_MAX = 500;
const MESSAGE_MAX = 2_000;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || undefined);

export const ApproveFormSchema = z.object({
  intent: z.literal("approve"),
  message: optionalText(MESSAGE_MAX, "Keep the message under 2,000 characters."),
  overrideReason: optionalText(500, "Keep the reason under 500 characters."),
});

export const DeclineFormSchema = z.object({
  intent: z.literal("decline"),
  reason: z.enum(DECLINE_REASONS, { errorMap: () => ({ message: "Choose why the return is declined." }) }),
  note: optionalText(DECLINE_NOTE_MAX, `Keep the note to ${DECLINE_NOTE_MAX} characters or fewer.`),
  message: optionalText(MESSAGE_MAX, "Keep the message under 2,000 characters."),
});

export const RetryFormSchema = z.object({ intent: z.literal("retry") });

export const DecisionFormSchema = z.discriminatedUnion("intent", [ApproveFormSchema, DeclineFormSchema, RetryFormSchema]);

const DECISION_FIELDS = ["message", "overrideReason", "reason", "note"] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** A posted form's text fields (files dropped), as zod reads them. */
export function formTextFields(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * A refused form as its page shows it: each of the page's fields with its first message; an issue
 * anywhere else means the page is out of date.
 */
export function formIssues<F extends string>(error: z.ZodError, fields: readonly F[]): { fieldErrors: Partial<Record<F, string>>; formError: string | null } {
  const fieldErrors: Partial<Record<F, string>> = {};
  let formError: string | null = null;
  for (const issue of error.issues) {
    const field = fields.find((name) => name === issue.path[0]);
    if (field) fieldErrors[field] ??= issue.message;
    else formError = "Unknown action: reload the page and try again.";
  }
  return { fieldErrors, formError };
}

export type DecisionOutcome =
  | { ok: true; intent: string; toast: string }
  | { ok: false; intent: string | null; status: number; fieldErrors: Partial<Record<DecisionField, string>>; formError: string | null };

const refused = (
  intent: string | null,
  status: number,
  formError: string | null,
  fieldErrors: Partial<Record<DecisionField, string>> = {},
): DecisionOutcome => ({ ok: false, intent, status, formError, fieldErrors });

const OVERRIDE_REQUIRED = "This request failed a policy rule: give a reason for approving it anyway.";

/** The detail page's forms: approve, decline, or retry sending to Shopify now. */
export async function submitDecision(
  ctx: ReturnsContext,
  deps: DecisionDeps,
  id: string,
  staff: string,
  form: FormData,
): Promise<DecisionOutcome> {
  const fields = formTextFields(form);
  const parsed = DecisionFormSchema.safeParse(fields);
  const intent = typeof fields.intent === "string" ? fields.intent : null;
  if (!parsed.success) {
    const { fieldErrors, formError } = formIssues(parsed.error, DECISION_FIELDS);
    return refused(intent, 400, formError, fieldErrors);
  }
  const input = parsed.data;
  const request = await ctx.db.returnRequest.findFirst({ where: { id, shop: ctx.shop }, select: { id: true, status: true, rules: true } });
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
      ? { kind: "approve", message: input.message, overrideReason: input.overrideReason }
      : { kind: "decline", reason: input.reason, note: input.note, message: input.message },
  );
  if (!result.ok) {
    // decide re-checks the rules itself; its refusal belongs beside the reason field.
    if (result.status === 400 && input.intent === "approve") return refused("approve", 400, null, { overrideReason: result.error });
    return refused(input.intent, result.status, result.error);
  }
  return { ok: true, intent: input.intent, toast: input.intent === "approve" ? "Return approved" : "Return declined" };
}

/**
 * "Retry now" on a request Shopify has not accepted yet. It goes through syncDueRequests rather
 * than syncOne directly: that takes the order's lock, so a click racing the background worker
 * cannot create the return in Shopify twice.
 */
async function retryNow(ctx: ReturnsContext, deps: DecisionDeps, request: { id: string; status: string }): Promise<DecisionOutcome> {
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

// ---------------------------------------------------------------------------------------------
// Photos and outbox
// ---------------------------------------------------------------------------------------------

/** One photo of the shop's, or null. */
export async function findPhoto(db: Db, shop: string, photoId: string) {
  return db.returnPhoto.findFirst({ where: { id: photoId, shop }, select: { contentType: true, data: true } });
}

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(db: Db, shop: string, page: number, timeZone: string) {
  const rows = await db.outboxMessage.findMany({
    where: { shop },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE + 1,
  });
  return {
    page,
    hasNext: rows.length > OUTBOX_PAGE_SIZE,
    messages: rows.slice(0, OUTBOX_PAGE_SIZE).map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      kind: m.kind,
      status: m.status,
      error: m.error,
      text: m.text,
      relatedId: m.relatedId,
      created: formatDateTime(m.createdAt, timeZone),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Macros offered in the decision forms
// ---------------------------------------------------------------------------------------------

/** How a decline reason reads inside a sentence to the shopper ("The reason: …"). */
export const DECLINE_REASON_WORDS: Record<(typeof DECLINE_REASONS)[number], string> = {
  FINAL_SALE: "the item was sold as final sale",
  RETURN_PERIOD_ENDED: "the return period for this order has ended",
  OTHER: "the request does not meet our return policy",
};

/** Every macro rendered for this request: once for approving, once per decline reason. */
export function decisionMacros(input: {
  detail: NonNullable<ReturnDetail>;
  macros: Pick<Macro, "id" | "family" | "title" | "body">[];
  policy: ReturnPolicy;
  profile: ShopProfile;
  now: Date;
  staffFirstName: string;
  returnLink: string;
  support: { hours: string; responseTime: string };
}): { approve: MacroChoice[]; decline: Record<string, MacroChoice[]> } {
  const { detail, policy, profile } = input;
  const context = (status: string, declineReason: string | null) =>
    returnMacroContext({
      reference: detail.reference,
      status,
      orderName: detail.orderName,
      items: detail.items,
      refundAmount: detail.quote?.expected ?? null,
      declineReason,
      customerEmail: detail.customer?.email ?? null,
      order: detail.order.ok ? detail.order : null,
      shopName: profile.name,
      shopEmail: profile.contactEmail,
      returnLink: input.returnLink,
      staffFirstName: input.staffFirstName,
      policy: {
        returnWindowDays: policy.windowDays,
        restockingFeePercent: policy.restockingFeePercent,
        storeCreditBonusPercent: policy.storeCreditBonusPercent,
        returnShippingFee: policy.returnShipping.paidBy === "merchant" ? "free" : formatMoney(policy.returnShipping.fee, profile.currency),
        responseTime: input.support.responseTime,
        supportHours: input.support.hours,
      },
    });
  const options = { timeZone: profile.timeZone, currency: profile.currency, now: input.now, preferFamilies: ["refunds", "orders"] };
  return {
    approve: macroChoices(input.macros, context("approved", null), options),
    decline: Object.fromEntries(DECLINE_REASONS.map((reason) => [reason, macroChoices(input.macros, context("declined", DECLINE_REASON_WORDS[reason]), options)])),
  };
}
