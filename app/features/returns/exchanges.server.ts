import { fetchExchangeOptions, type ShopifyReturnOrder } from "../../shopify/returns.server";
import type { ReturnsContext } from "./context.server";
import { exchangeOptions, type ExchangeChoice } from "./domain/exchange";
import type { Eligibility } from "./domain/types";

/** What each line of the order may be exchanged for: same product, same price, in stock (domain/exchange.ts). */
export async function exchangeOptionsByLine(ctx: ReturnsContext, order: ShopifyReturnOrder, lines: Eligibility["lines"]): Promise<Record<string, ExchangeChoice[]>> {
  const variants = await fetchExchangeOptions(ctx.graphql, [...new Set(Object.values(order.productIds))]);
  return Object.fromEntries(lines.map((line) => [line.lineItemId, exchangeOptions(line, variants[order.productIds[line.lineItemId] ?? ""] ?? [])]));
}
