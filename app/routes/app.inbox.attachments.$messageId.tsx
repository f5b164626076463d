import { type LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { verifyAttachmentSignature } from "../features/tickets/domain/tickets";
import { env } from "../env.server";
import { findAttachment } from "../features/tickets/repo.server";
import { TicketIdSchema } from "../features/tickets/ticket-detail.server";
import { refusedLinkResponse, storedImageResponse } from "../lib/signed-image.server";

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
