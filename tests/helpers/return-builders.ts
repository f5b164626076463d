/**
 * Builders for return-eligibility tests: a small order that was fully shipped and delivered; each
 * test changes only what it is about.
 */
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import type { ReturnPolicy, ReturnableOrder } from "../../app/features/returns/domain/types";

export type LineItem = ReturnableOrder["lineItems"][number];
export type Fulfillment = ReturnableOrder["fulfillments"][number];

export const TORONTO = "America/Toronto";

/** A mutable copy of the defaults with some fields replaced. */
export function policy(overrides: Partial<ReturnPolicy> = {}): ReturnPolicy {
  return { ...structuredClone(DEFAULT_RETURN_POLICY), ...overrides };
}

export function line(id: string, overrides: Partial<LineItem> = {}): LineItem {
  return {
    id,
    title: `Item ${id}`,
    variantTitle: null,
    quantity: 1,
    unitPrice: 25,
    productType: "Shirts",
    productTags: [],
    imageUrl: null,
    ...overrides,
  };
}

/** A SUCCESS fulfillment; `units` maps line item ids to fulfilled quantities. */
export function fulfillment(
  id: string,
  units: Record<string, number>,
  dates: { createdAt?: string; deliveredAt?: string | null; status?: string } = {},
): Fulfillment {
  return {
    id,
    status: dates.status ?? "SUCCESS",
    createdAt: dates.createdAt ?? "2026-10-30T15:00:00Z",
    deliveredAt: dates.deliveredAt === undefined ? "2026-11-01T15:00:00Z" : dates.deliveredAt,
    lineItems: Object.entries(units).map(([lineItemId, quantity]) => ({
      fulfillmentLineItemId: `${id}-${lineItemId}`,
      lineItemId,
      quantity,
    })),
  };
}

/**
 * An order; unless given, Shopify's `returnable` is everything the SUCCESS fulfillments hold
 * (nothing returned yet) and nothing is pending.
 */
export function order(parts: {
  lineItems: LineItem[];
  fulfillments: Fulfillment[];
  returnable?: ReturnableOrder["returnable"];
  pending?: ReturnableOrder["pending"];
  cancelledAt?: string | null;
}): ReturnableOrder {
  return {
    id: "gid://shopify/Order/1001",
    name: "#1001",
    currency: "CAD",
    processedAt: "2026-10-29T12:00:00Z",
    cancelledAt: parts.cancelledAt ?? null,
    lineItems: parts.lineItems,
    fulfillments: parts.fulfillments,
    returnable:
      parts.returnable ??
      parts.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItems.map((li) => ({ ...li }))),
    pending: parts.pending ?? [],
  };
}
