import type { Customer, FulfillmentLineItem, Fulfillment, LineItem, Order, Product, ProductVariant, Return, ShopData } from "./records";

/**
 * What the store's parts share: change events, the error for impossible direct calls, and the
 * core every part works through (the shops, new ids, the clock, lookups and `emit`). store.ts
 * builds it; returns-store.ts and money-store.ts add their operations on top of it.
 */

export type ChangeTopic =
  | "orders/create"
  | "orders/updated"
  | "orders/cancelled"
  | "fulfillments/create"
  | "fulfillments/update"
  | "fulfillment_events/create"
  | "returns/request"
  | "returns/approve"
  | "returns/decline"
  | "returns/cancel"
  | "returns/close"
  | "returns/reopen"
  | "returns/process"
  | "refunds/create"
  | "reverse_deliveries/attach_deliverable";

export interface ChangeEvent {
  shop: string;
  topic: ChangeTopic;
  payload: Record<string, unknown>;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** A direct store call that Shopify would reject (unknown id, impossible state). */
export class SimulatorError extends Error {
  override name = "SimulatorError";
}

export interface StoreCore {
  now(): Date;
  /** `now()` in Shopify's DateTime format. */
  timestamp(): string;
  /** Throws SimulatorError for an unknown shop. */
  shopData(domain: string): ShopData;
  /** A GID above every id the shop has used. */
  newGid(domain: string, type: string): string;
  emit(domain: string, topic: ChangeTopic, payload: Record<string, unknown>): void;
  /** Stamps the order's updatedAt and emits orders/updated. */
  touchOrder(domain: string, order: Order): void;
  getOrder(domain: string, id: string): Order | undefined;
  getReturn(domain: string, id: string): { order: Order; return: Return } | undefined;
  getLineItem(domain: string, id: string): { order: Order; lineItem: LineItem } | undefined;
  getFulfillmentLineItem(
    domain: string,
    id: string,
  ): { order: Order; fulfillment: Fulfillment; fulfillmentLineItem: FulfillmentLineItem } | undefined;
  getVariant(domain: string, id: string): { product: Product; variant: ProductVariant } | undefined;
  getCustomer(domain: string, id: string): Customer | undefined;
}

/** Shopify's userError shape; `field` is the path into the mutation's arguments. */
export interface UserError<Code extends string> {
  field: string[] | null;
  message: string;
  code: Code;
}

/** Shopify's `ReturnUserError`, with the codes the simulator uses. */
export type ReturnUserError = UserError<"BLANK" | "INVALID" | "INVALID_STATE" | "NOT_FOUND" | "TOO_LONG">;
