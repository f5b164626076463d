import { BODY_LIMITS, readFields, readJson, readMultipart } from "../../lib/body.server";
import { json, orderFailure } from "../../lib/http";
import { env } from "../../env.server";
import { shopperAddress } from "../../lib/shopper-address";
import { admitLookup, orderIdForToken, verifyShopperLookup } from "../tracking/tracking.server";
import { MAX_PHOTO_BYTES } from "./domain/photos";
import { quote, QuoteSchema, returnsByToken, returnsForOrder, SubmissionSchema, submitReturnRequest, type ReturnsContext, type ReturnsViewResult } from "./returns.server";

/** The returns block's requests (through the app proxy) to use cases, and their results to JSON. */

function viewAnswer(result: ReturnsViewResult): Response {
  return result.ok ? json(result.view) : orderFailure(result);
}

/** POST /apps/support/returns/lookup — the same check as tracking, then the returns view. */
export async function postReturnsLookup(request: Request, ctx: ReturnsContext): Promise<Response> {
  const admitted = await admitLookup(ctx, shopperAddress(request, env.TRUSTED_PROXY_HOPS));
  if (!admitted.ok) return orderFailure(admitted);
  const verified = await verifyShopperLookup(ctx, admitted, await readFields(request, BODY_LIMITS.small));
  return verified.ok ? viewAnswer(await returnsForOrder(ctx, verified.order.id)) : orderFailure(verified);
}

/** GET /apps/support/returns/order?token=… — arriving from tracking, or reloading the status. */
export async function getReturnsByToken(request: Request, ctx: ReturnsContext): Promise<Response> {
  return viewAnswer(await returnsByToken(ctx, new URL(request.url).searchParams.get("token")));
}

/** POST /apps/support/returns/quote — fees and what the shopper gets back, before they submit. */
export async function postQuote(request: Request, ctx: ReturnsContext): Promise<Response> {
  const parsed = QuoteSchema.safeParse(await readJson(request));
  if (!parsed.success) return json({ code: "invalid", errors: [{ field: "items", message: "Choose items to return." }] }, 400);
  const result = await quote(ctx, parsed.data);
  if (result.ok) return json({ quote: result.quote });
  // An order that vanished after the token was issued: no lookup to word it for.
  return result.code === "not_found" ? json({ code: "not_found" }, 404) : orderFailure(result);
}

/**
 * Photos in one request: three items with the most photos a line takes (MAX_PHOTOS_PER_LINE). It
 * bounds the whole body too, so one request holds at most this many 5 MB photos in memory.
 */
const MAX_PHOTOS_PER_REQUEST = 9;
/** The rest of the body besides the photos: the items' JSON (50 lines with notes) and a few fields. */
const RETURN_FORM_OVERHEAD_BYTES = 64 * 1024;

/** The line ids the form lists in `items`, to accept photos only for them as they arrive. */
function listedLines(items: string | undefined): Set<string> {
  try {
    const parsed: unknown = JSON.parse(items ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.map((i: { lineItemId?: unknown }) => String(i?.lineItemId)) : []);
  } catch {
    return new Set();
  }
}

/**
 * POST /apps/support/returns/request?token=… (multipart) — store the request, then create it in
 * Shopify. The order-access token is in the query (signed with it by Shopify's proxy) and checked
 * before the body is read; photos are read while they stream, only for lines the form returns
 * (its `items` come first), and never more than the limits above.
 */
export async function postReturnRequest(request: Request, ctx: ReturnsContext): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const orderId = orderIdForToken(ctx.shop, query.get("token"));
  if (!orderId) return orderFailure({ code: "expired" });
  const form = await readMultipart(request, {
    total: MAX_PHOTOS_PER_REQUEST * MAX_PHOTO_BYTES + RETURN_FORM_OVERHEAD_BYTES,
    fileSize: MAX_PHOTO_BYTES,
    files: MAX_PHOTOS_PER_REQUEST,
    // In the words the block shows for photos; a count is not a size (413 reads "too large").
    tooManyFiles: json({ code: "invalid", errors: [{ field: "photos", message: `Attach at most ${MAX_PHOTOS_PER_REQUEST} photos to one request.` }] }, 400),
    acceptFile: (field, fields) => field.startsWith("photo:") && listedLines(fields.items).has(field.slice(6)),
  });
  let items: unknown;
  try {
    items = JSON.parse(form.fields.items ?? "[]");
  } catch {
    items = null;
  }
  const parsed = SubmissionSchema.safeParse({ idempotencyKey: form.fields.idempotencyKey, resolution: form.fields.resolution, items, locale: form.fields.locale });
  if (!parsed.success) {
    return json({ code: "invalid", errors: parsed.error.issues.map((i) => ({ field: i.path[0] === "resolution" ? "resolution" : "items", message: i.message })) }, 400);
  }

  const result = await submitReturnRequest(ctx, {
    orderId,
    customerId: query.get("logged_in_customer_id") || null,
    form: parsed.data,
    photos: form.files.map(({ field, bytes }) => ({ lineItemId: field.slice("photo:".length), bytes })),
  });
  if (result.ok) {
    const { reference, status, createdAt } = result.request;
    return json({ request: { reference, status, createdAt: createdAt.toISOString() } }, result.created ? 201 : 200);
  }
  switch (result.code) {
    case "photo_too_large":
      return json({ code: result.code, error: "Each photo must be 5 MB or smaller." }, 413);
    case "photo_type":
      return json({ code: result.code, error: "Photos must be JPEG, PNG or WebP images." }, 415);
    case "too_many_photos":
      return json({ code: "invalid", errors: [{ field: "photos", message: "Attach at most 3 photos per item." }] }, 400);
    case "invalid":
      return json({ code: "invalid", errors: result.errors }, 400);
    case "not_returnable":
      return json({ code: "not_returnable", error: "Some items can no longer be returned.", errors: result.errors }, 409);
    case "not_found":
      return json({ code: "not_found" }, 404);
    case "unavailable":
      return orderFailure({ code: "unavailable" });
  }
}
