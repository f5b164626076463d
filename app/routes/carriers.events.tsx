import { createHmac } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { env } from "../env.server";
import { receiveCarrierScan } from "../features/returns/fulfilment.server";
import { BODY_LIMITS, problem, readBody } from "../lib/body.server";
import { json } from "../lib/http";
import { signaturesMatch } from "../lib/signed-url";
import { unauthenticated } from "../shopify.server";

/**
 * POST /carriers/events — scans on return tracking numbers from a carrier-tracking service
 * (Shopify reports none for reverse deliveries). Signed with CARRIER_WEBHOOK_SECRET; a
 * "delivered" scan marks the return's parcel arrived where the shop's policy allows it.
 */
const ScanSchema = z.object({
  tracking_number: z.string().trim().min(1).max(64),
  status: z.string().trim().min(1).max(40),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  if (!env.CARRIER_WEBHOOK_SECRET) return problem(404, "Not found");
  if (request.method !== "POST") return problem(405, "Use POST.");
  const body = await readBody(request, BODY_LIMITS.small);
  const given = request.headers.get("x-harbor-carrier-hmac") ?? "";
  const wanted = createHmac("sha256", env.CARRIER_WEBHOOK_SECRET).update(body).digest("base64");
  if (!signaturesMatch(given, wanted)) return problem(401, "Invalid signature.");
  let parsed: z.SafeParseReturnType<unknown, z.output<typeof ScanSchema>>;
  try {
    parsed = ScanSchema.safeParse(JSON.parse(new TextDecoder().decode(body)));
  } catch {
    return problem(400, "The body is not valid JSON.");
  }
  if (!parsed.success) return problem(400, "Send tracking_number and status.");
  const moved = await receiveCarrierScan(
    db,
    async (shop) => ({ shop, db, graphql: (await unauthenticated.admin(shop)).admin.graphql }),
    { trackingNumber: parsed.data.tracking_number, status: parsed.data.status },
  );
  return json({ ok: true, moved });
};
