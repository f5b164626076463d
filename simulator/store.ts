import { readFileSync } from "node:fs";
import type { z } from "zod";
import { returnableQuantities, unfulfilledQuantity } from "./derived";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload, returnPayload } from "./payloads";
import {
  fixtureSchema,
  formatDateTime,
  fromCents,
  lineItemSchema,
  orderSchema,
  toCents,
  type addressSchema,
  type Customer,
  type Fulfillment,
  type FulfillmentEvent,
  type FulfillmentEventStatus,
  type FulfillmentLineItem,
  type LineItem,
  type Order,
  type OrderCancelReason,
  type OrderFinancialStatus,
  type Product,
  type ProductVariant,
  type Return,
  type ReturnDeclineReason,
  type ReturnLineItem,
  type ReturnReasonDefinition,
  type ReturnStatus,
  type Shop,
  type ShopData,
  type ShopFixture,
  type TrackingInfo,
} from "./records";

/**
 * In-memory state of the simulated Shopify shops. The Admin GraphQL simulator (admin-api.ts),
 * tests and the demo all change shops through the methods here, so every change emits one
 * `onChange` event with Shopify's webhook topic and a REST-style webhook payload.
 *
 * The records are defined in records.ts and the values Shopify derives from them in derived.ts;
 * both are re-exported here, the simulator's one entry point.
 */

export * from "./derived";
export * from "./records";

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Moves every ISO timestamp in a fixture by `offsetMs`, so relative ages survive any run date. */
function shiftTimestamps(value: unknown, offsetMs: number): unknown {
  if (typeof value === "string" && ISO_TIMESTAMP.test(value)) {
    return formatDateTime(new Date(Date.parse(value) + offsetMs));
  }
  if (Array.isArray(value)) return value.map((item) => shiftTimestamps(item, offsetMs));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftTimestamps(item, offsetMs)]));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Change events
// ---------------------------------------------------------------------------------------------

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
  | "returns/process";

export interface ChangeEvent {
  shop: string;
  topic: ChangeTopic;
  payload: Record<string, unknown>;
}

export type ChangeListener = (event: ChangeEvent) => void;

// ---------------------------------------------------------------------------------------------
// Mutation inputs and results
// ---------------------------------------------------------------------------------------------

/** Mirrors Shopify's `ReturnUserError`; `field` is the path into the mutation's arguments. */
export interface ReturnUserError {
  field: string[] | null;
  message: string;
  code: "BLANK" | "INVALID" | "INVALID_STATE" | "NOT_FOUND" | "TOO_LONG";
}

export interface ReturnMutationResult {
  return: Return | null;
  userErrors: ReturnUserError[];
}

export interface RequestReturnInput {
  orderId: string;
  returnLineItems: Array<{
    fulfillmentLineItemId: string;
    quantity: number;
    returnReasonDefinitionId?: string | null;
    customerNote?: string | null;
  }>;
}

export interface DeclineReturnInput {
  id: string;
  declineReason: ReturnDeclineReason;
  declineNote?: string | null;
}

export interface ProcessReturnInput {
  returnId: string;
  returnLineItems: Array<{ id: string; quantity: number }>;
}

export interface FulfillmentEventInput {
  status: FulfillmentEventStatus;
  happenedAt?: Date;
  message?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  estimatedDeliveryAt?: Date | null;
}

export interface CreateFulfillmentInput {
  /** Defaults to every unfulfilled unit of the order. */
  lineItems?: Array<{ lineItemId: string; quantity: number }>;
  trackingInfo?: TrackingInfo[];
}

export interface CreateOrderInput {
  email: string;
  customerId?: string | null;
  phone?: string | null;
  lineItems: Array<{ variantId: string; quantity: number }>;
  shippingAddress: z.input<typeof addressSchema> | null;
  shippingPrice?: string;
  financialStatus?: OrderFinancialStatus;
  note?: string | null;
  tags?: string[];
}

/** A direct store call that Shopify would reject (unknown id, impossible state). */
export class SimulatorError extends Error {
  override name = "SimulatorError";
}

export const RETURN_CUSTOMER_NOTE_MAX = 300;
export const RETURN_DECLINE_NOTE_MAX = 500;

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

export interface StoreOptions {
  now?: () => Date;
}

export type Store = ReturnType<typeof createStore>;

export function createStore(options: StoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const shops = new Map<string, ShopData>();
  /** One id sequence per shop, above every id in its fixture, so new GIDs never collide. */
  const idSequences = new Map<string, number>();
  const listeners = new Set<ChangeListener>();

  const timestamp = () => formatDateTime(now());

  function shopData(domain: string): ShopData {
    const data = shops.get(domain);
    if (!data) throw new SimulatorError(`Unknown shop ${domain}`);
    return data;
  }

  function newGid(domain: string, type: string): string {
    const next = (idSequences.get(domain) ?? 1) + 1;
    idSequences.set(domain, next);
    return `gid://shopify/${type}/${next}`;
  }

  function emit(shop: string, topic: ChangeTopic, payload: Record<string, unknown>) {
    for (const listener of listeners) {
      // A failing listener (e.g. a webhook sender) must not undo or fail the change itself.
      try {
        listener({ shop, topic, payload });
      } catch (error) {
        console.error(`simulator: ${topic} listener failed`, error);
      }
    }
  }

  function touchOrder(domain: string, order: Order) {
    order.updatedAt = timestamp();
    emit(domain, "orders/updated", orderPayload(shopData(domain), order));
  }

  // --- lookups ---------------------------------------------------------------------------------

  function getOrder(domain: string, id: string): Order | undefined {
    return shopData(domain).orders.find((order) => order.id === id);
  }

  function requireOrder(domain: string, id: string): Order {
    const order = getOrder(domain, id);
    if (!order) throw new SimulatorError(`Order ${id} not found in ${domain}`);
    return order;
  }

  function findOrderByName(domain: string, name: string): Order | undefined {
    const wanted = name.replace(/^#/, "").toLowerCase();
    return shopData(domain).orders.find((order) => order.name.slice(1).toLowerCase() === wanted);
  }

  function getFulfillment(domain: string, id: string): { order: Order; fulfillment: Fulfillment } | undefined {
    for (const order of shopData(domain).orders) {
      const fulfillment = order.fulfillments.find((candidate) => candidate.id === id);
      if (fulfillment) return { order, fulfillment };
    }
    return undefined;
  }

  function getFulfillmentLineItem(
    domain: string,
    id: string,
  ): { order: Order; fulfillment: Fulfillment; fulfillmentLineItem: FulfillmentLineItem } | undefined {
    for (const order of shopData(domain).orders) {
      for (const fulfillment of order.fulfillments) {
        const fulfillmentLineItem = fulfillment.fulfillmentLineItems.find((candidate) => candidate.id === id);
        if (fulfillmentLineItem) return { order, fulfillment, fulfillmentLineItem };
      }
    }
    return undefined;
  }

  function getLineItem(domain: string, id: string): { order: Order; lineItem: LineItem } | undefined {
    for (const order of shopData(domain).orders) {
      const lineItem = order.lineItems.find((candidate) => candidate.id === id);
      if (lineItem) return { order, lineItem };
    }
    return undefined;
  }

  function getReturn(domain: string, id: string): { order: Order; return: Return } | undefined {
    for (const order of shopData(domain).orders) {
      const ret = order.returns.find((candidate) => candidate.id === id);
      if (ret) return { order, return: ret };
    }
    return undefined;
  }

  function getReturnLineItem(domain: string, id: string): { order: Order; return: Return; returnLineItem: ReturnLineItem } | undefined {
    for (const order of shopData(domain).orders) {
      for (const ret of order.returns) {
        const returnLineItem = ret.returnLineItems.find((candidate) => candidate.id === id);
        if (returnLineItem) return { order, return: ret, returnLineItem };
      }
    }
    return undefined;
  }

  function getCustomer(domain: string, id: string): Customer | undefined {
    return shopData(domain).customers.find((customer) => customer.id === id);
  }

  function getProduct(domain: string, id: string): Product | undefined {
    return shopData(domain).products.find((product) => product.id === id);
  }

  function getVariant(domain: string, id: string): { product: Product; variant: ProductVariant } | undefined {
    for (const product of shopData(domain).products) {
      const variant = product.variants.find((candidate) => candidate.id === id);
      if (variant) return { product, variant };
    }
    return undefined;
  }

  function getReturnReasonDefinition(domain: string, id: string): ReturnReasonDefinition | undefined {
    return shopData(domain).returnReasonDefinitions.find((definition) => definition.id === id);
  }

  function customerOrders(domain: string, customerId: string): Order[] {
    return shopData(domain).orders.filter((order) => order.customerId === customerId);
  }

  // --- returns ---------------------------------------------------------------------------------

  function returnChanged(domain: string, topic: ChangeTopic, order: Order, ret: Return): ReturnMutationResult {
    emit(domain, topic, returnPayload(shopData(domain), order, ret));
    touchOrder(domain, order); // Order.returnStatus changed with it.
    return { return: ret, userErrors: [] };
  }

  const failure = (field: string[] | null, code: ReturnUserError["code"], message: string): ReturnMutationResult => ({
    return: null,
    userErrors: [{ field, code, message }],
  });

  /** Looks a return up and checks it is in one of `allowed`; the error result otherwise. */
  function returnInState(
    domain: string,
    id: string,
    idField: string[],
    allowed: ReturnStatus[],
    action: string,
  ): { order: Order; return: Return } | ReturnMutationResult {
    const found = getReturn(domain, id);
    if (!found) return failure(idField, "NOT_FOUND", "Return does not exist.");
    if (!allowed.includes(found.return.status)) {
      return failure(idField, "INVALID_STATE", `Return is ${found.return.status.toLowerCase()} and cannot be ${action}.`);
    }
    return found;
  }

  function requestReturn(domain: string, input: RequestReturnInput): ReturnMutationResult {
    const data = shopData(domain);
    const order = getOrder(domain, input.orderId);
    if (!order) return failure(["input", "orderId"], "NOT_FOUND", "Order does not exist.");
    if (input.returnLineItems.length === 0) {
      return failure(["input", "returnLineItems"], "BLANK", "Return line items can't be blank.");
    }

    const returnable = returnableQuantities(order);
    const requested = new Map<string, number>();
    const userErrors: ReturnUserError[] = [];
    input.returnLineItems.forEach((item, index) => {
      const path = (name: string) => ["input", "returnLineItems", String(index), name];
      const available = returnable.get(item.fulfillmentLineItemId);
      if (available === undefined) {
        userErrors.push({ field: path("fulfillmentLineItemId"), code: "NOT_FOUND", message: "Fulfillment line item does not exist." });
        return;
      }
      const total = (requested.get(item.fulfillmentLineItemId) ?? 0) + item.quantity;
      requested.set(item.fulfillmentLineItemId, total);
      if (item.quantity < 1) {
        userErrors.push({ field: path("quantity"), code: "INVALID", message: "Quantity must be greater than 0." });
      } else if (total > available) {
        userErrors.push({
          field: path("quantity"),
          code: "INVALID",
          message: `Quantity is not available for return. Returnable quantity: ${available}.`,
        });
      }
      if ((item.customerNote ?? "").length > RETURN_CUSTOMER_NOTE_MAX) {
        userErrors.push({
          field: path("customerNote"),
          code: "TOO_LONG",
          message: `Customer note is too long (maximum is ${RETURN_CUSTOMER_NOTE_MAX} characters).`,
        });
      }
      const reasonId = item.returnReasonDefinitionId;
      if (reasonId && !data.returnReasonDefinitions.some((definition) => definition.id === reasonId && !definition.deleted)) {
        userErrors.push({ field: path("returnReasonDefinitionId"), code: "NOT_FOUND", message: "Return reason definition does not exist." });
      }
    });
    if (userErrors.length > 0) return { return: null, userErrors };

    const ret: Return = {
      id: newGid(domain, "Return"),
      name: `${order.name}-R${order.returns.length + 1}`,
      status: "REQUESTED",
      createdAt: timestamp(),
      requestApprovedAt: null,
      closedAt: null,
      decline: null,
      returnLineItems: input.returnLineItems.map((item) => ({
        id: newGid(domain, "ReturnLineItem"),
        fulfillmentLineItemId: item.fulfillmentLineItemId,
        quantity: item.quantity,
        returnReasonDefinitionId: item.returnReasonDefinitionId ?? null,
        customerNote: item.customerNote ?? null,
        processedQuantity: 0,
      })),
    };
    order.returns.push(ret);
    return returnChanged(domain, "returns/request", order, ret);
  }

  function approveReturn(domain: string, input: { id: string }): ReturnMutationResult {
    const found = returnInState(domain, input.id, ["input", "id"], ["REQUESTED"], "approved");
    if (!("order" in found)) return found;
    found.return.status = "OPEN";
    found.return.requestApprovedAt = timestamp();
    return returnChanged(domain, "returns/approve", found.order, found.return);
  }

  function declineReturn(domain: string, input: DeclineReturnInput): ReturnMutationResult {
    const found = returnInState(domain, input.id, ["input", "id"], ["REQUESTED"], "declined");
    if (!("order" in found)) return found;
    if ((input.declineNote ?? "").length > RETURN_DECLINE_NOTE_MAX) {
      return failure(
        ["input", "declineNote"],
        "TOO_LONG",
        `Decline note is too long (maximum is ${RETURN_DECLINE_NOTE_MAX} characters).`,
      );
    }
    found.return.status = "DECLINED";
    found.return.decline = { reason: input.declineReason, note: input.declineNote ?? null };
    return returnChanged(domain, "returns/decline", found.order, found.return);
  }

  function cancelReturn(domain: string, id: string): ReturnMutationResult {
    const found = returnInState(domain, id, ["id"], ["REQUESTED", "OPEN"], "canceled");
    if (!("order" in found)) return found;
    // Shopify only cancels a return before any of it is inspected or refunded.
    if (found.return.returnLineItems.some((item) => item.processedQuantity > 0)) {
      return failure(["id"], "INVALID_STATE", "Return has processed items and cannot be canceled.");
    }
    found.return.status = "CANCELED";
    return returnChanged(domain, "returns/cancel", found.order, found.return);
  }

  function closeReturn(domain: string, id: string): ReturnMutationResult {
    const found = returnInState(domain, id, ["id"], ["OPEN"], "closed");
    if (!("order" in found)) return found;
    found.return.status = "CLOSED";
    found.return.closedAt = timestamp();
    return returnChanged(domain, "returns/close", found.order, found.return);
  }

  function reopenReturn(domain: string, id: string): ReturnMutationResult {
    const found = returnInState(domain, id, ["id"], ["CLOSED"], "reopened");
    if (!("order" in found)) return found;
    found.return.status = "OPEN";
    found.return.closedAt = null;
    return returnChanged(domain, "returns/reopen", found.order, found.return);
  }

  function processReturn(domain: string, input: ProcessReturnInput): ReturnMutationResult {
    const found = returnInState(domain, input.returnId, ["input", "returnId"], ["OPEN"], "processed");
    if (!("order" in found)) return found;
    if (input.returnLineItems.length === 0) {
      return failure(["input", "returnLineItems"], "BLANK", "Return line items can't be blank.");
    }
    const userErrors: ReturnUserError[] = [];
    const updates: Array<{ item: ReturnLineItem; quantity: number }> = [];
    input.returnLineItems.forEach((line, index) => {
      const path = (name: string) => ["input", "returnLineItems", String(index), name];
      const item = found.return.returnLineItems.find((candidate) => candidate.id === line.id);
      if (!item) {
        userErrors.push({ field: path("id"), code: "NOT_FOUND", message: "Return line item does not exist." });
      } else if (line.quantity < 1 || line.quantity > item.quantity - item.processedQuantity) {
        userErrors.push({
          field: path("quantity"),
          code: "INVALID",
          message: `Quantity must be between 1 and ${item.quantity - item.processedQuantity}.`,
        });
      } else {
        updates.push({ item, quantity: line.quantity });
      }
    });
    if (userErrors.length > 0) return { return: null, userErrors };
    for (const { item, quantity } of updates) item.processedQuantity += quantity;
    return returnChanged(domain, "returns/process", found.order, found.return);
  }

  // --- fulfillments ------------------------------------------------------------------------------

  /** Records a carrier scan; the fulfillment's display status and milestones follow the event. */
  function addFulfillmentEvent(domain: string, fulfillmentId: string, input: FulfillmentEventInput): FulfillmentEvent {
    const found = getFulfillment(domain, fulfillmentId);
    if (!found) throw new SimulatorError(`Fulfillment ${fulfillmentId} not found in ${domain}`);
    const { order, fulfillment } = found;
    const happenedAt = formatDateTime(input.happenedAt ?? now());
    const event: FulfillmentEvent = {
      id: newGid(domain, "FulfillmentEvent"),
      status: input.status,
      happenedAt,
      message: input.message ?? null,
      city: input.city ?? null,
      province: input.province ?? null,
      country: input.country ?? null,
      estimatedDeliveryAt: input.estimatedDeliveryAt ? formatDateTime(input.estimatedDeliveryAt) : null,
    };
    fulfillment.events.push(event);
    fulfillment.displayStatus = event.status;
    fulfillment.updatedAt = timestamp();
    if (event.estimatedDeliveryAt) fulfillment.estimatedDeliveryAt = event.estimatedDeliveryAt;
    if (event.status === "IN_TRANSIT" && !fulfillment.inTransitAt) fulfillment.inTransitAt = happenedAt;
    if (event.status === "DELIVERED") fulfillment.deliveredAt = happenedAt;

    emit(domain, "fulfillment_events/create", fulfillmentEventPayload(order, fulfillment, event));
    emit(domain, "fulfillments/update", fulfillmentPayload(order, fulfillment, order.fulfillments.indexOf(fulfillment)));
    return event;
  }

  function markDelivered(
    domain: string,
    fulfillmentId: string,
    details: Omit<FulfillmentEventInput, "status"> = {},
  ): FulfillmentEvent {
    return addFulfillmentEvent(domain, fulfillmentId, { message: "Delivered", ...details, status: "DELIVERED" });
  }

  function createFulfillment(domain: string, orderId: string, input: CreateFulfillmentInput = {}): Fulfillment {
    const order = requireOrder(domain, orderId);
    if (order.cancelledAt) throw new SimulatorError(`Order ${order.name} is cancelled`);
    const lines =
      input.lineItems ??
      order.lineItems
        .map((lineItem) => ({ lineItemId: lineItem.id, quantity: unfulfilledQuantity(order, lineItem) }))
        .filter((line) => line.quantity > 0);
    if (lines.length === 0) throw new SimulatorError(`Order ${order.name} has nothing left to fulfill`);
    for (const line of lines) {
      const lineItem = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
      if (!lineItem) throw new SimulatorError(`Line item ${line.lineItemId} is not on order ${order.name}`);
      if (line.quantity < 1 || line.quantity > unfulfilledQuantity(order, lineItem)) {
        throw new SimulatorError(`Cannot fulfill ${line.quantity} of ${lineItem.title} on ${order.name}`);
      }
    }

    const createdAt = timestamp();
    const fulfillment: Fulfillment = {
      id: newGid(domain, "Fulfillment"),
      status: "SUCCESS",
      displayStatus: "FULFILLED",
      createdAt,
      updatedAt: createdAt,
      inTransitAt: null,
      deliveredAt: null,
      estimatedDeliveryAt: null,
      trackingInfo: input.trackingInfo ?? [],
      events: [],
      fulfillmentLineItems: lines.map((line) => ({
        id: newGid(domain, "FulfillmentLineItem"),
        lineItemId: line.lineItemId,
        quantity: line.quantity,
      })),
    };
    order.fulfillments.push(fulfillment);
    emit(domain, "fulfillments/create", fulfillmentPayload(order, fulfillment, order.fulfillments.length - 1));
    touchOrder(domain, order);
    return fulfillment;
  }

  // --- orders --------------------------------------------------------------------------------

  /**
   * Cancels an order and refunds (or, if only authorized, voids) it in full. Like `orderCancel`,
   * refuses an order that is already cancelled or has a return in progress.
   */
  function cancelOrder(domain: string, orderId: string, reason: OrderCancelReason = "OTHER"): Order {
    const order = requireOrder(domain, orderId);
    if (order.cancelledAt) throw new SimulatorError(`Order ${order.name} is already cancelled`);
    if (order.returns.some((ret) => ret.status === "REQUESTED" || ret.status === "OPEN")) {
      throw new SimulatorError(`Order ${order.name} has a return in progress`);
    }
    const at = timestamp();
    order.cancelledAt = at;
    order.closedAt = at;
    order.cancelReason = reason;
    for (const lineItem of order.lineItems) lineItem.refundedQuantity = lineItem.quantity - lineItem.removedQuantity;
    const captured = ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"].includes(order.financialStatus);
    order.financialStatus = captured ? "REFUNDED" : "VOIDED";
    if (captured) order.totalRefunded = order.totalPrice;
    order.updatedAt = at;
    const payload = orderPayload(shopData(domain), order);
    emit(domain, "orders/cancelled", payload);
    emit(domain, "orders/updated", payload);
    return order;
  }

  function createOrder(domain: string, input: CreateOrderInput): Order {
    const data = shopData(domain);
    if (input.customerId && !getCustomer(domain, input.customerId)) {
      throw new SimulatorError(`Customer ${input.customerId} not found in ${domain}`);
    }
    const lineItems: LineItem[] = input.lineItems.map((line) => {
      const found = getVariant(domain, line.variantId);
      if (!found) throw new SimulatorError(`Variant ${line.variantId} not found in ${domain}`);
      const { product, variant } = found;
      return lineItemSchema.parse({
        id: newGid(domain, "LineItem"),
        productId: product.id,
        variantId: variant.id,
        title: product.title,
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        sku: variant.sku,
        quantity: line.quantity,
        price: variant.price,
        imageUrl: product.imageUrl,
        requiresShipping: !product.isGiftCard,
        isGiftCard: product.isGiftCard,
      });
    });
    const subtotal = lineItems.reduce((sum, lineItem) => sum + toCents(lineItem.price) * lineItem.quantity, 0);
    const shipping = toCents(input.shippingPrice ?? "0.00");
    const lastNumber = Math.max(1000, ...data.orders.map((order) => Number(order.name.slice(1))));
    const at = timestamp();
    const order = orderSchema.parse({
      id: newGid(domain, "Order"),
      name: `#${lastNumber + 1}`,
      email: input.email,
      phone: input.phone ?? null,
      createdAt: at,
      processedAt: at,
      updatedAt: at,
      financialStatus: input.financialStatus ?? "PAID",
      currencyCode: data.shop.currencyCode,
      subtotalPrice: fromCents(subtotal),
      totalShippingPrice: fromCents(shipping),
      totalTax: "0.00",
      totalPrice: fromCents(subtotal + shipping),
      customerId: input.customerId ?? null,
      shippingAddress: input.shippingAddress,
      lineItems,
      note: input.note ?? null,
      tags: input.tags ?? [],
    });
    data.orders.push(order);
    emit(domain, "orders/create", orderPayload(data, order));
    return order;
  }

  // --- shops ---------------------------------------------------------------------------------

  /**
   * Loads (or replaces) a shop. Timestamps move by `now − anchor`, so a fixture written as
   * "delivered 3 days before the anchor" reads "delivered 3 days ago" whenever it is loaded.
   */
  function loadShop(fixture: ShopFixture): ShopData {
    const anchor = Date.parse(fixtureSchema.shape.anchor.parse(fixture.anchor));
    const parsed = fixtureSchema.parse(shiftTimestamps(fixture, now().getTime() - anchor));
    const data: ShopData = {
      shop: parsed.shop,
      products: parsed.products,
      customers: parsed.customers,
      orders: parsed.orders,
      returnReasonDefinitions: parsed.returnReasonDefinitions,
    };
    shops.set(data.shop.domain, data);
    idSequences.set(data.shop.domain, largestNumericId(fixture));
    return data;
  }

  return {
    now,
    loadShop,
    /** Every loaded shop, in load order. */
    shops: (): Shop[] => [...shops.values()].map((data) => data.shop),
    /** The shop, or undefined when no shop with that domain is loaded. */
    getShop: (domain: string): Shop | undefined => shops.get(domain)?.shop,
    /** All of a shop's records; throws SimulatorError for an unknown shop (as do the getters below). */
    getShopData: shopData,
    orders: (domain: string): readonly Order[] => shopData(domain).orders,
    products: (domain: string): readonly Product[] => shopData(domain).products,
    customers: (domain: string): readonly Customer[] => shopData(domain).customers,
    returnReasonDefinitions: (domain: string): readonly ReturnReasonDefinition[] => shopData(domain).returnReasonDefinitions,
    getOrder,
    findOrderByName,
    getLineItem,
    getFulfillment,
    getFulfillmentLineItem,
    getReturn,
    getReturnLineItem,
    getCustomer,
    customerOrders,
    getProduct,
    getVariant,
    getReturnReasonDefinition,
    requestReturn,
    approveReturn,
    declineReturn,
    cancelReturn,
    closeReturn,
    reopenReturn,
    processReturn,
    addFulfillmentEvent,
    markDelivered,
    createFulfillment,
    cancelOrder,
    createOrder,
    /** Subscribes to every change; returns the unsubscribe function. */
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function largestNumericId(value: unknown): number {
  if (typeof value === "string") {
    const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)$/.exec(value);
    return match ? Number(match[1]) : 0;
  }
  if (Array.isArray(value)) return Math.max(0, ...value.map(largestNumericId));
  if (value !== null && typeof value === "object") return Math.max(0, ...Object.values(value).map(largestNumericId));
  return 0;
}

export const DEMO_SHOP_DOMAIN = "harbor-demo.myshopify.com";
export const DEMO_SHOP_FIXTURE_PATH = new URL("./fixtures/demo-shop.json", import.meta.url);

/** Reads a fixture file; `loadShop` validates it. */
export function readFixture(path: string | URL = DEMO_SHOP_FIXTURE_PATH): ShopFixture {
  return JSON.parse(readFileSync(path, "utf8")) as ShopFixture;
}
