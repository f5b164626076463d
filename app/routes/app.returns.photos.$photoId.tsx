import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { env } from "../env.server";
import { findPhoto, verifyPhotoSignature } from "../features/returns/photos.server";
import { ReturnIdSchema } from "../features/returns/detail.server";
import { refusedLinkResponse, storedImageResponse } from "../lib/signed-image.server";

/**
 * GET /app/returns/photos/:photoId?shop=…&exp=…&sig=… — a shopper's photo, for the detail page.
 * An <img> request carries no session token, so instead of authenticate.admin this route checks
 * the short-lived signature the detail page's loader (authenticated) put in the URL; the
 * signature names the shop, and the photo is looked up in that shop only.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const photoId = ReturnIdSchema.safeParse(params.photoId);
  if (!photoId.success) return new Response("Not found", { status: 404 });
  const verdict = verifyPhotoSignature(env.SHOPIFY_API_SECRET, photoId.data, new URL(request.url).searchParams, new Date());
  if (!verdict.ok) return refusedLinkResponse(verdict.reason, "the return request");
  const photo = await findPhoto(db, verdict.shop, photoId.data);
  if (!photo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return storedImageResponse(photo.data, photo.contentType);
};
