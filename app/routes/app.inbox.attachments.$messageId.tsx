import { type LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { verifyAttachmentSignature } from "../domain/support/tickets";
import { env } from "../env.server";
import { findAttachment } from "../models/tickets.server";
import { TicketIdSchema } from "../services/inbox.server";
import { refusedLinkResponse, storedImageResponse } from "../services/signed-image.server";

/**
 * GET /app/inbox/attachments/:messageId?shop=…&exp=…&sig=… — a shopper's photo on a ticket. Like
 * return photos: a link or <img> carries no session token, so the ticket page's loader
 * (authenticated) signs a short-lived URL naming the shop, and the photo is looked up in that shop.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const messageId = TicketIdSchema.safeParse(params.messageId);
  if (!messageId.success) return new Response("Not found", { status: 404 });
  const verdict = verifyAttachmentSignature(env.SHOPIFY_API_SECRET, messageId.data, new URL(request.url).searchParams, new Date());
  if (!verdict.ok) return refusedLinkResponse(verdict.reason, "the ticket");
  const found = await findAttachment(db, verdict.shop, messageId.data);
  if (!found?.attachment || !found.attachmentType) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return storedImageResponse(found.attachment, found.attachmentType);
};
