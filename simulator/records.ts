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
const dispositionType = z.enum(["MISSING", "NOT_RESTOCKED", "PROCESSING_REQUIRED", "RESTOCKED"]);
const count = z.number().int().nonnegative();
const positive = z.number().int().positive();

/** A reverse fulfillment order: what the customer sends back, how, and what became of it. */
const reverseFulfillmentOrderSchema = z.object({
  id: gid("ReverseFulfillmentOrder"),
  status: z.enum(["OPEN", "CLOSED", "CANCELED"]),
  lineItems: z.array(
    z.object({
      id: gid("ReverseFulfillmentOrderLineItem"),
      returnLineItemId: gid("ReturnLineItem"),
      fulfillmentLineItemId: gid("FulfillmentLineItem"),
      totalQuantity: positive,
      dispositions: z
        .array(
          z.object({
            id: gid("ReverseFulfillmentOrderDisposition"),
            type: dispositionType,
            quantity: positive,
            locationId: gid("Location").nullable().default(null),
            createdAt: dateTime,
          }),
        )
        .default([]),
    }),
  ),
  reverseDeliveries: z
    .array(
      z.object({
        id: gid("ReverseDelivery"),
        createdAt: dateTime,
        lineItems: z.array(
          z.object({
            id: gid("ReverseDeliveryLineItem"),
            reverseFulfillmentOrderLineItemId: gid("ReverseFulfillmentOrderLineItem"),
            quantity: positive,
          }),
        ),
        label: z.object({ fileUrl: z.string().url(), createdAt: dateTime, updatedAt: dateTime }).nullable().default(null),
        tracking: z
          .object({ number: z.string().nullable(), url: z.string().url().nullable(), carrierName: z.string().nullable() })
          .nullable()
          .default(null),
      }),
    )
    .default([]),
});

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
        quantity: positive,
        returnReasonDefinitionId: gid("ReturnReasonDefinition").nullable().default(null),
        customerNote: z.string().nullable().default(null),
        // Shopify answers "" when the staff gave no note.
        returnReasonNote: z.string().default(""),
        restockingFee: z.object({ id: gid("RestockingFee"), percentage: z.number().min(0).max(100) }).nullable().default(null),
        processedQuantity: count.default(0),
        refundedQuantity: count.default(0),
      }),
    )
    .min(1),
  /** In the order's currency. */
  returnShippingFees: z.array(z.object({ id: gid("ReturnShippingFee"), amount: decimal })).default([]),
  exchangeLineItems: z
    .array(
      z.object({
        id: gid("ExchangeLineItem"),
        variantId: gid("ProductVariant"),
        quantity: positive,
        processedQuantity: count.default(0),
        /** The order's line items made when the exchange was processed. */
        lineItemIds: z.array(gid("LineItem")).default([]),
      }),
    )
    .default([]),
  reverseFulfillmentOrders: z.array(reverseFulfillmentOrderSchema).default([]),
});

const transactionSchema = z.object({
  id: gid("OrderTransaction"),
  kind: z.enum(["AUTHORIZATION", "CAPTURE", "SALE", "REFUND", "VOID"]),
  status: z.enum(["SUCCESS", "FAILURE", "PENDING"]).default("SUCCESS"),
  gateway: z.string().default("shopify_payments"),
  /** In the order's currency. */
  amount: decimal,
  createdAt: dateTime,
  processedAt: dateTime.nullable().default(null),
  parentTransactionId: gid("OrderTransaction").nullable().default(null),
});

const refundSchema = z.object({
  id: gid("Refund"),
  createdAt: dateTime,
  note: z.string().nullable().default(null),
  returnId: gid("Return").nullable().default(null),
  /** The order's REFUND transactions this refund made (money back and store credit). */
  transactionIds: z.array(gid("OrderTransaction")).default([]),
  refundLineItems: z
    .array(
      z.object({
        id: gid("RefundLineItem"),
        lineItemId: gid("LineItem"),
        quantity: positive,
        restockType: z.enum(["CANCEL", "NO_RESTOCK", "RETURN"]).default("NO_RESTOCK"),
      }),
    )
    .default([]),
});

/** Only the fulfillment orders exchanges create are kept; an order's original ones are not modelled. */
const fulfillmentOrderSchema = z.object({
  id: gid("FulfillmentOrder"),
  status: z.enum(["OPEN", "IN_PROGRESS", "CLOSED", "CANCELLED"]),
  createdAt: dateTime,
  lineItems: z.array(z.object({ id: gid("FulfillmentOrderLineItem"), lineItemId: gid("LineItem"), totalQuantity: positive })),
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

/** The number a shop's order-number prefix and suffix wrap into the name: "#1001", "HB-1001-EU" → 1001. */
export const orderNumberOf = (name: string) => Number(/\d+/.exec(name)?.[0] ?? 0);

export const orderSchema = z.object({
  id: gid("Order"),
  // The shop's order-number prefix and suffix around a number: "#1001", "HB-1001-EU", "#1-A".
  name: z.string().regex(/^[^\s\d]*\d+[^\s\d]*$/),
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
  /** Derived at load when empty: a SALE (or AUTHORIZATION) for the total, a REFUND for what was refunded. */
  transactions: z.array(transactionSchema).default([]),
  refunds: z.array(refundSchema).default([]),
  fulfillmentOrders: z.array(fulfillmentOrderSchema).default([]),
  note: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
});

const returnReasonDefinitionSchema = z.object({
  id: gid("ReturnReasonDefinition"),
  handle: z.string(),
  name: z.string(),
  deleted: z.boolean().default(false),
});

const locationSchema = z.object({ id: gid("Location"), name: z.string() });

/** One account per owner and currency; only credits are modelled (no debits or expirations). */
const storeCreditAccountSchema = z.object({
  id: gid("StoreCreditAccount"),
  ownerId: gid("Customer"),
  currencyCode: z.string().length(3),
  transactions: z
    .array(
      z.object({
        id: gid("StoreCreditAccountCreditTransaction"),
        amount: decimal,
        createdAt: dateTime,
        expiresAt: dateTime.nullable().default(null),
        event: z.enum(["ADJUSTMENT", "ORDER_REFUND"]).default("ADJUSTMENT"),
        /** The order's store-credit REFUND transaction, for credits a refund issued. */
        originTransactionId: gid("OrderTransaction").nullable().default(null),
      }),
    )
    .default([]),
});

/** The shop's staff accounts: who an online access token's `associated_user` is (by session token `sub`). */
const staffSchema = z.object({
  id: z.number().int().positive(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  accountOwner: z.boolean().default(false),
  locale: z.string().default("en"),
});

const DEFAULT_STAFF = [{ id: 1, firstName: "Sam", lastName: "Rivera", email: "sam@harbor-demo.example", accountOwner: true, locale: "en" }];

export const fixtureSchema = z.object({
  anchor: dateTime,
  shop: shopSchema,
  staff: z.array(staffSchema).default(DEFAULT_STAFF),
  products: z.array(productSchema).default([]),
  customers: z.array(customerSchema).default([]),
  orders: z.array(orderSchema).default([]),
  returnReasonDefinitions: z.array(returnReasonDefinitionSchema).default([]),
  /** A shop always has one: a default is made at load when the fixture lists none. */
  locations: z.array(locationSchema).default([]),
  storeCreditAccounts: z.array(storeCreditAccountSchema).default([]),
});

export type ShopFixture = z.input<typeof fixtureSchema> & { _demoOrders?: unknown };
export type Shop = z.output<typeof shopSchema>;
export type StaffAccount = z.output<typeof staffSchema>;
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
export type RestockingFee = NonNullable<ReturnLineItem["restockingFee"]>;
export type ReturnShippingFee = Return["returnShippingFees"][number];
export type ExchangeLineItem = Return["exchangeLineItems"][number];
export type ReverseFulfillmentOrder = z.output<typeof reverseFulfillmentOrderSchema>;
export type ReverseFulfillmentOrderLineItem = ReverseFulfillmentOrder["lineItems"][number];
export type ReverseFulfillmentOrderDisposition = ReverseFulfillmentOrderLineItem["dispositions"][number];
export type DispositionType = z.output<typeof dispositionType>;
export type ReverseDelivery = ReverseFulfillmentOrder["reverseDeliveries"][number];
export type OrderTransaction = z.output<typeof transactionSchema>;
export type Refund = z.output<typeof refundSchema>;
export type RefundLineItem = Refund["refundLineItems"][number];
export type FulfillmentOrder = z.output<typeof fulfillmentOrderSchema>;
export type Location = z.output<typeof locationSchema>;
export type StoreCreditAccount = z.output<typeof storeCreditAccountSchema>;
export type StoreCreditTransaction = StoreCreditAccount["transactions"][number];

/** Everything the store knows about one shop. Treat as read-only outside the store. */
export interface ShopData {
  shop: Shop;
  staff: StaffAccount[];
  products: Product[];
  customers: Customer[];
  orders: Order[];
  returnReasonDefinitions: ReturnReasonDefinition[];
  locations: Location[];
  storeCreditAccounts: StoreCreditAccount[];
}

/** A new order line for `quantity` units of a variant at its current price. */
export function lineItemFromVariant(id: string, product: Product, variant: ProductVariant, quantity: number): LineItem {
  return lineItemSchema.parse({
    id,
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    variantTitle: variant.title === "Default Title" ? null : variant.title,
    sku: variant.sku,
    quantity,
    price: variant.price,
    imageUrl: product.imageUrl,
    requiresShipping: !product.isGiftCard,
    isGiftCard: product.isGiftCard,
  });
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
