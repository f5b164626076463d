import { readFileSync } from "node:fs";
import type { z } from "zod";
import { currentQuantity, isCapturedPayment, unfulfilledQuantity } from "./derived";
import { createMoneyOperations } from "./money-store";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "./payloads";
import {
  fixtureSchema,
  formatDateTime,
  fromCents,
  lineItemFromVariant,
  orderNumberOf,
  orderSchema,
  toCents,
  type addressSchema,
  type Customer,
  type Fulfillment,
  type FulfillmentEvent,
  type FulfillmentEventStatus,
  type FulfillmentLineItem,
  type FulfillmentOrder,
  type LineItem,
  type Location,
  type Order,
  type OrderCancelReason,
  type OrderFinancialStatus,
  type Product,
  type ProductVariant,
  type Return,
  type ReturnLineItem,
  type ReturnReasonDefinition,
  type Shop,
  type ShopData,
  type ShopFixture,
  type TrackingInfo,
} from "./records";
import { createReturnOperations } from "./returns-store";
import { SimulatorError, type ChangeListener, type ChangeTopic, type StoreCore } from "./store-core";

/**
 * In-memory state of the simulated Shopify shops. The Admin GraphQL simulator (admin-api.ts),
 * tests and the demo all change shops through the methods here, so every change emits one
 * `onChange` event with Shopify's webhook topic and a REST-style webhook payload.
 *
 * The records are defined in records.ts and the values Shopify derives from them in derived.ts;
 * returns (returns-store.ts) and money (money-store.ts) have their own parts over the shared core
 * (store-core.ts). All are re-exported here, the simulator's one entry point.
 */

export * from "./derived";
export * from "./records";
export * from "./store-core";
export type { IssueRefundInput, MoneyInput, StoreCreditInput, StoreCreditResult, StoreCreditUserError } from "./money-store";
export {
  RETURN_CUSTOMER_NOTE_MAX,
  RETURN_DECLINE_NOTE_MAX,
  RETURN_REASON_NOTE_MAX,
  type CreateReturnInput,
  type CreateReverseDeliveryInput,
  type DeclineReturnInput,
  type ProcessReturnInput,
  type RequestReturnInput,
  type ReturnMutationResult,
  type ReverseDeliveryResult,
  type UpdateReverseDeliveryInput,
} from "./returns-store";

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
// Inputs of the direct calls tests and the demo make
// ---------------------------------------------------------------------------------------------

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
    return shopData(domain).orders.find((order) => order.name.replace(/^#/, "").toLowerCase() === wanted);
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

  function getLocation(domain: string, id: string): Location | undefined {
    return shopData(domain).locations.find((location) => location.id === id);
  }

  function getFulfillmentOrder(domain: string, id: string): { order: Order; fulfillmentOrder: FulfillmentOrder } | undefined {
    for (const order of shopData(domain).orders) {
      const fulfillmentOrder = order.fulfillmentOrders.find((candidate) => candidate.id === id);
      if (fulfillmentOrder) return { order, fulfillmentOrder };
    }
    return undefined;
  }

  function getReturnReasonDefinition(domain: string, id: string): ReturnReasonDefinition | undefined {
    return shopData(domain).returnReasonDefinitions.find((definition) => definition.id === id);
  }

  function customerOrders(domain: string, customerId: string): Order[] {
    return shopData(domain).orders.filter((order) => order.customerId === customerId);
  }

  const core: StoreCore = {
    now,
    timestamp,
    shopData,
    newGid,
    emit,
    touchOrder,
    getOrder,
    getReturn,
    getLineItem,
    getFulfillmentLineItem,
    getVariant,
    getCustomer,
  };
  const money = createMoneyOperations(core);
  const returns = createReturnOperations(core, money);

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

    emit(domain, "fulfillment_events/create", fulfillmentEventPayload(shopData(domain).shop.id, order, fulfillment, event));
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
   * Cancels an order: what its payments took is refunded (a refund, with refunds/create), or an
   * authorization is voided. Like `orderCancel`, refuses an order that is already cancelled or
   * has a return in progress.
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
    const lines = order.lineItems
      .filter((lineItem) => currentQuantity(lineItem) > 0)
      .map((lineItem) => ({ lineItemId: lineItem.id, quantity: currentQuantity(lineItem), restockType: "CANCEL" as const }));
    if (order.transactions.some(isCapturedPayment)) {
      money.internal.recordRefund(domain, order, { plan: money.internal.fullRefundPlan(order), note: null, returnId: null, refundLineItems: lines });
    } else {
      for (const lineItem of order.lineItems) lineItem.refundedQuantity = lineItem.quantity - lineItem.removedQuantity;
      money.internal.voidAuthorizations(domain, order);
      order.financialStatus = "VOIDED";
    }
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
      return lineItemFromVariant(newGid(domain, "LineItem"), found.product, found.variant, line.quantity);
    });
    const subtotal = lineItems.reduce((sum, lineItem) => sum + toCents(lineItem.price) * lineItem.quantity, 0);
    const shipping = toCents(input.shippingPrice ?? "0.00");
    const lastNumber = Math.max(1000, ...data.orders.map((order) => orderNumberOf(order.name)));
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
    money.internal.deriveTransactions(domain, order);
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
      staff: parsed.staff,
      products: parsed.products,
      customers: parsed.customers,
      orders: parsed.orders,
      returnReasonDefinitions: parsed.returnReasonDefinitions,
      locations: parsed.locations,
      storeCreditAccounts: parsed.storeCreditAccounts,
    };
    const domain = data.shop.domain;
    shops.set(domain, data);
    idSequences.set(domain, largestNumericId(fixture));
    if (data.locations.length === 0) data.locations.push({ id: newGid(domain, "Location"), name: "Shop location" });
    for (const order of data.orders) {
      money.internal.deriveTransactions(domain, order);
      returns.internal.deriveReverseFulfillmentOrders(domain, order);
    }
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
    getLocation,
    getFulfillmentOrder,
    locations: (domain: string): readonly Location[] => shopData(domain).locations,
    ...publicPart(money),
    ...publicPart(returns),
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

/** A part's operations without its `internal` steps, which only the store itself calls. */
function publicPart<T extends { internal: unknown }>(part: T): Omit<T, "internal"> {
  const { internal: _internal, ...rest } = part;
  return rest;
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
