import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { env } from "../env.server";
import { ReturnIdSchema } from "../features/returns/detail.server";
import { findLabel, labelResponse, verifyLabelSignature } from "../features/returns/labels.server";
import { refusedLinkResponse } from "../lib/signed-image.server";

/**
 * GET /labels/:labelId?shop=…&exp=…&sig=… — a return label staff uploaded, for Shopify's reverse
 * delivery and the shopper. No session: the signature names the shop and this label only.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const labelId = ReturnIdSchema.safeParse(params.labelId);
  if (!labelId.success) return new Response("Not found", { status: 404 });
  const verdict = verifyLabelSignature(env.SHOPIFY_API_SECRET, labelId.data, new URL(request.url).searchParams, new Date());
  if (!verdict.ok) return refusedLinkResponse(verdict.reason, "the return's status page");
  const label = await findLabel(db, verdict.shop, labelId.data);
  if (!label) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return labelResponse(label.data, label.contentType);
};
