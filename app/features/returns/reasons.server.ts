import type { ReturnPolicy } from "./domain/types";
import { fetchReturnReasonIds } from "../../shopify/returns.server";
import type { ReturnsContext } from "./context.server";

/** Shopify's reason library changes rarely; a day keeps reads down and picks up a deleted reason soon enough. */
const CACHE_MS = 24 * 60 * 60_000;
const FALLBACK_HANDLE = "other";

/**
 * The Shopify return reason definition id for each of the policy's reasons (by our handle), read
 * by the Shopify handles the policy maps them to and kept on the shop's row for a day. A reason
 * whose Shopify handle is unknown to the shop falls back to Shopify's "other"; without that, none.
 */
export async function reasonDefinitionIds(ctx: ReturnsContext, policy: ReturnPolicy): Promise<Record<string, string>> {
  const wanted = [...new Set([...policy.reasons.map((r) => r.shopifyHandle), FALLBACK_HANDLE])].sort();
  const row = await ctx.db.shop.findUnique({ where: { domain: ctx.shop }, select: { returnReasonIds: true, returnReasonsAt: true } });
  let byHandle: Record<string, string> | null = null;
  if (row?.returnReasonIds && row.returnReasonsAt && Date.now() - row.returnReasonsAt.getTime() < CACHE_MS) {
    const cached = JSON.parse(row.returnReasonIds) as { handles: string[]; ids: Record<string, string> };
    if (wanted.every((h) => cached.handles.includes(h))) byHandle = cached.ids;
  }
  if (!byHandle) {
    byHandle = await fetchReturnReasonIds(ctx.graphql, wanted);
    await ctx.db.shop.updateMany({
      where: { domain: ctx.shop },
      data: { returnReasonIds: JSON.stringify({ handles: wanted, ids: byHandle }), returnReasonsAt: new Date() },
    });
  }
  const ids = byHandle;
  return Object.fromEntries(
    policy.reasons.flatMap((r) => {
      const id = ids[r.shopifyHandle] ?? ids[FALLBACK_HANDLE];
      return id ? [[r.handle, id]] : [];
    }),
  );
}
