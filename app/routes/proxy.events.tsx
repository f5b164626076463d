import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { readJson } from "../lib/body.server";
import { env } from "../env.server";
import { shopperAddress } from "../lib/shopper-address";
import { requireAppProxy } from "../guards/app-proxy.server";
import { recordEvent, SelfServiceEventSchema } from "../features/dashboard/events.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAppProxy(request);
  const event = SelfServiceEventSchema.safeParse(await readJson(request));
  if (!event.success) return Response.json({ error: "invalid" }, { status: 400 });
  const recorded = await recordEvent(db, shop, event.data, shopperAddress(request, env.TRUSTED_PROXY_HOPS), new Date());
  if (recorded.outcome === "rate_limited") {
    return Response.json({ error: "rate_limited" }, { status: 429, headers: { "Retry-After": String(recorded.retryAfterSeconds) } });
  }
  return new Response(null, { status: 204 });
};

export const loader = () => Response.json({ error: "method" }, { status: 405 });
