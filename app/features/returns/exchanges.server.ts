import { fetchExchangeShipments } from "../../shopify/exchange-shipments.server";
import { fetchExchangeOptions, type ShopifyReturnOrder } from "../../shopify/returns.server";
import type { ReturnsContext } from "./context.server";
import { exchangeOptions, type ExchangeChoice } from "./domain/exchange";
import { tracking, type Tracking } from "./domain/shopper-status";
import type { Eligibility } from "./domain/types";

/** What each line of the order may be exchanged for: same product, same price, in stock (domain/exchange.ts). */
export async function exchangeOptionsByLine(ctx: ReturnsContext, order: ShopifyReturnOrder, lines: Eligibility["lines"]): Promise<Record<string, ExchangeChoice[]>> {
  const variants = await fetchExchangeOptions(ctx.graphql, [...new Set(Object.values(order.productIds))]);
  return Object.fromEntries(lines.map((line) => [line.lineItemId, exchangeOptions(line, variants[order.productIds[line.lineItemId] ?? ""] ?? [])]));
}

type ExchangeRequest = { reference: string; exchangeFulfillmentOrderId: string | null; events: { type: string }[] };

/**
 * The tracking of the shipped exchanges among `requests`, by reference. A failure leaves the
 * tracking out: the rest of the status page is ours and still shows.
 */
export async function exchangeTracking(ctx: ReturnsContext, requests: ExchangeRequest[]): Promise<Map<string, Tracking | null>> {
  const shipped = requests.filter((r) => r.exchangeFulfillmentOrderId && r.events.some((e) => e.type === "exchange_shipped"));
  const byOrder = await fetchExchangeShipments(ctx.graphql, shipped.map((r) => r.exchangeFulfillmentOrderId!)).catch((error: unknown) => {
    console.warn("[returns] exchange tracking unavailable", error instanceof Error ? error.message : error);
    return {} as Awaited<ReturnType<typeof fetchExchangeShipments>>;
  });
  const found = new Map<string, Tracking | null>();
  for (const r of shipped) {
    const t = byOrder[r.exchangeFulfillmentOrderId!];
    found.set(r.reference, t ? tracking(t.number, t.url, t.company) : null);
  }
  return found;
}
