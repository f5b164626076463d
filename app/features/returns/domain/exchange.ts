/**
 * Exchanges (docs/decisions/0018): another variant of the same product at the same price, in
 * stock. No money changes hands, so an exchange never needs a refund or a charge for a difference.
 */

/** A variant of the ordered product, as Shopify lists it. */
export type VariantOption = { variantId: string; title: string; price: number; availableForSale: boolean };

/** A variant a line may be exchanged for, as the shopper picks it. */
export type ExchangeChoice = { variantId: string; title: string };

/** Prices compared in cents: 54 and 54.00 are the same, 53.999 is not a price. */
const cents = (amount: number) => Math.round(amount * 100);

/** The variants a line may be exchanged for: in stock, not the one ordered, at the line's unit price. */
export function exchangeOptions(line: { variantTitle: string | null; unitPrice: number }, variants: VariantOption[]): ExchangeChoice[] {
  return variants
    .filter((v) => v.availableForSale && v.title !== line.variantTitle && cents(v.price) === cents(line.unitPrice))
    .map(({ variantId, title }) => ({ variantId, title }));
}

export type ExchangeError = { lineItemId: string; field: "exchange"; message: string };

/**
 * Each exchanged item must name one of the variants its line offers; the variants chosen, by line.
 * A variant of another product, at another price or sold out since the page loaded is refused.
 */
export function checkExchangeChoices(
  items: { lineItemId: string; exchangeVariantId?: string }[],
  offered: Record<string, ExchangeChoice[]>,
): { ok: true; chosen: Record<string, ExchangeChoice> } | { ok: false; errors: ExchangeError[] } {
  const errors: ExchangeError[] = [];
  const chosen: Record<string, ExchangeChoice> = {};
  for (const item of items) {
    const choice = offered[item.lineItemId]?.find((o) => o.variantId === item.exchangeVariantId);
    if (choice) chosen[item.lineItemId] = choice;
    else if (!item.exchangeVariantId) errors.push({ lineItemId: item.lineItemId, field: "exchange", message: "Choose the variant you want instead." });
    else errors.push({ lineItemId: item.lineItemId, field: "exchange", message: "Exchanges are for another size or colour of the same item at the same price, in stock. Choose one from the list." });
  }
  return errors.length ? { ok: false, errors } : { ok: true, chosen };
}
