import { z } from "zod";

/**
 * The simulated shop's records: one zod schema per record, which is both the fixture format and
 * the stored shape (GIDs, ISO timestamps, decimal strings, close to the Admin API). Optional
 * fixture fields get their defaults here, and a malformed fixture fails loudly at load time.
 */

// ---------------------------------------------------------------------------------------------
// Record schemas
// ---------------------------------------------------------------------------------------------

const gid = (type: string) =>
  z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `expected a ${type} GID`);
const dateTime = z.string().datetime({ offset: true });
const decimal = z.string().regex(/^\d+(\.\d{1,2})?$/, "expected a decimal amount like 12.50");

const shopSchema = z.object({
  id: gid("Shop"),
  domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  name: z.string(),
  email: z.string(),
  ianaTimezone: z.string(),
  currencyCode: z.string().length(3),
});

const variantSchema = z.object({
  id: gid("ProductVariant"),
  title: z.string(),
  sku: z.string().nullable().default(null),
  price: decimal,
  inventoryQuantity: z.number().int().default(0),
});

const productSchema = z.object({
  id: gid("Product"),
  title: z.string(),
  handle: z.string(),
  productType: z.string().default(""),
  tags: z.array(z.string()).default([]),
  vendor: z.string(),
  imageUrl: z.string().url().nullable().default(null),
  isGiftCard: z.boolean().default(false),
  variants: z.array(variantSchema).min(1),
});

const customerSchema = z.object({
  id: gid("Customer"),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable().default(null),
  createdAt: dateTime,
});

export const addressSchema = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable().default(null),
  city: z.string().nullable(),
  province: z.string().nullable().default(null),
  provinceCode: z.string().nullable().default(null),
  country: z.string(),
  countryCode: z.string().length(2),
  zip: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
});

export const lineItemSchema = z.object({
  id: gid("LineItem"),
  productId: gid("Product").nullable(),
  variantId: gid("ProductVariant").nullable(),
  title: z.string(),
  variantTitle: z.string().nullable().default(null),
  sku: z.string().nullable().default(null),
  quantity: z.number().int().positive(),
  refundedQuantity: z.number().int().nonnegative().default(0),
  removedQuantity: z.number().int().nonnegative().default(0),
  price: decimal,
  imageUrl: z.string().url().nullable().default(null),
  requiresShipping: z.boolean().default(true),
  isGiftCard: z.boolean().default(false),
});

const fulfillmentEventStatus = z.enum([
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "OUT_FOR_DELIVERY",
  "READY_FOR_PICKUP",
]);

const fulfillmentEventSchema = z.object({
  id: gid("FulfillmentEvent"),
  status: fulfillmentEventStatus,
  happenedAt: dateTime,
  message: z.string().nullable().default(null),
  city: z.string().nullable().default(null),
  province: z.string().nullable().default(null),
  country: z.string().nullable().default(null),
  estimatedDeliveryAt: dateTime.nullable().default(null),
});

const fulfillmentSchema = z.object({
  id: gid("Fulfillment"),
  status: z.enum(["SUCCESS", "CANCELLED", "ERROR", "FAILURE", "OPEN", "PENDING"]),
  displayStatus: z
    .enum([...fulfillmentEventStatus.options, "CANCELED", "FULFILLED", "MARKED_AS_FULFILLED", "NOT_DELIVERED"])
    .nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
  inTransitAt: dateTime.nullable().default(null),
  deliveredAt: dateTime.nullable().default(null),
  estimatedDeliveryAt: dateTime.nullable().default(null),
  trackingInfo: z
    .array(z.object({ company: z.string().nullable(), number: z.string().nullable(), url: z.string().url().nullable() }))
    .default([]),
  events: z.array(fulfillmentEventSchema).default([]),
  fulfillmentLineItems: z
    .array(z.object({ id: gid("FulfillmentLineItem"), lineItemId: gid("LineItem"), quantity: z.number().int().positive() }))
    .min(1),
});

const returnStatus = z.enum(["REQUESTED", "OPEN", "DECLINED", "CANCELED", "CLOSED"]);
const declineReason = z.enum(["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"]);

const returnSchema = z.object({
  id: gid("Return"),
  name: z.string(),
  status: returnStatus,
  createdAt: dateTime,
  requestApprovedAt: dateTime.nullable().default(null),
  closedAt: dateTime.nullable().default(null),
  decline: z.object({ reason: declineReason, note: z.string().nullable() }).nullable().default(null),
  returnLineItems: z
    .array(
      z.object({
        id: gid("ReturnLineItem"),
        fulfillmentLineItemId: gid("FulfillmentLineItem"),
        quantity: z.number().int().positive(),
        returnReasonDefinitionId: gid("ReturnReasonDefinition").nullable().default(null),
        customerNote: z.string().nullable().default(null),
        processedQuantity: z.number().int().nonnegative().default(0),
      }),
    )
    .min(1),
});

const financialStatus = z.enum([
  "AUTHORIZED",
  "EXPIRED",
  "PAID",
  "PARTIALLY_PAID",
  "PARTIALLY_REFUNDED",
  "PENDING",
  "REFUNDED",
  "VOIDED",
]);
const cancelReason = z.enum(["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"]);

export const orderSchema = z.object({
  id: gid("Order"),
  name: z.string().regex(/^#\d+$/),
  email: z.string().nullable(),
  phone: z.string().nullable().default(null),
  createdAt: dateTime,
  processedAt: dateTime,
  updatedAt: dateTime,
  cancelledAt: dateTime.nullable().default(null),
  cancelReason: cancelReason.nullable().default(null),
  closedAt: dateTime.nullable().default(null),
  financialStatus,
  currencyCode: z.string().length(3),
  subtotalPrice: decimal,
  totalShippingPrice: decimal,
  totalTax: decimal,
  totalPrice: decimal,
  totalRefunded: decimal.default("0.00"),
  customerId: gid("Customer").nullable().default(null),
  shippingAddress: addressSchema.nullable(),
  lineItems: z.array(lineItemSchema).min(1),
  fulfillments: z.array(fulfillmentSchema).default([]),
  returns: z.array(returnSchema).default([]),
  note: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
});

const returnReasonDefinitionSchema = z.object({
  id: gid("ReturnReasonDefinition"),
  handle: z.string(),
  name: z.string(),
  deleted: z.boolean().default(false),
});

export const fixtureSchema = z.object({
  anchor: dateTime,
  shop: shopSchema,
  products: z.array(productSchema).default([]),
  customers: z.array(customerSchema).default([]),
  orders: z.array(orderSchema).default([]),
  returnReasonDefinitions: z.array(returnReasonDefinitionSchema).default([]),
});

export type ShopFixture = z.input<typeof fixtureSchema> & { _demoOrders?: unknown };
export type Shop = z.output<typeof shopSchema>;
export type Product = z.output<typeof productSchema>;
export type ProductVariant = z.output<typeof variantSchema>;
export type Customer = z.output<typeof customerSchema>;
export type MailingAddress = z.output<typeof addressSchema>;
export type Order = z.output<typeof orderSchema>;
export type LineItem = z.output<typeof lineItemSchema>;
export type Fulfillment = z.output<typeof fulfillmentSchema>;
export type FulfillmentEvent = z.output<typeof fulfillmentEventSchema>;
export type FulfillmentEventStatus = z.output<typeof fulfillmentEventStatus>;
export type FulfillmentLineItem = Fulfillment["fulfillmentLineItems"][number];
export type TrackingInfo = Fulfillment["trackingInfo"][number];
export type Return = z.output<typeof returnSchema>;
export type ReturnLineItem = Return["returnLineItems"][number];
export type ReturnStatus = z.output<typeof returnStatus>;
export type ReturnDeclineReason = z.output<typeof declineReason>;
export type OrderFinancialStatus = z.output<typeof financialStatus>;
export type OrderCancelReason = z.output<typeof cancelReason>;
export type ReturnReasonDefinition = z.output<typeof returnReasonDefinitionSchema>;

/** Everything the store knows about one shop. Treat as read-only outside the store. */
export interface ShopData {
  shop: Shop;
  products: Product[];
  customers: Customer[];
  orders: Order[];
  returnReasonDefinitions: ReturnReasonDefinition[];
}

// ---------------------------------------------------------------------------------------------
// Small value helpers shared with the GraphQL layer
// ---------------------------------------------------------------------------------------------

/** Shopify's DateTime format: ISO 8601 in UTC without milliseconds. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function legacyId(gidValue: string): number {
  const id = Number(gidValue.slice(gidValue.lastIndexOf("/") + 1));
  if (!Number.isSafeInteger(id)) throw new Error(`Not a numeric Shopify GID: ${gidValue}`);
  return id;
}

/** The resource type of a GID: `gid://shopify/Order/1` → `Order`; undefined if not a GID. */
export function gidType(value: string): string | undefined {
  return /^gid:\/\/shopify\/([A-Za-z]+)\/\d+(\?.*)?$/.exec(value)?.[1];
}

export const toCents = (amount: string) => Math.round(Number(amount) * 100);
export const fromCents = (cents: number) => (cents / 100).toFixed(2);
