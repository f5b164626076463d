import { z } from "zod";
import type { Tx } from "../models/webhook-delivery.server";

/**
 * Shopify's mandatory compliance webhooks (GDPR/CCPA). Customer data the app keeps lives in the
 * tables listed in CUSTOMER_DATA; every table that carries a `shop` column is cleared on
 * shop/redact (tests/integration/compliance.test.ts checks both lists against the Prisma models).
 */

const CustomerSchema = z.object({
  id: z.number().int().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const CustomersDataRequestSchema = z.object({
  shop_domain: z.string(),
  customer: CustomerSchema,
  orders_requested: z.array(z.number().int()).default([]),
  data_request: z.object({ id: z.number().int() }).optional(),
});

export const CustomersRedactSchema = z.object({
  shop_domain: z.string(),
  customer: CustomerSchema,
  orders_to_redact: z.array(z.number().int()).default([]),
});

export const ShopRedactSchema = z.object({ shop_domain: z.string() });

/**
 * The payload as sent by `shop`: every app's deliveries share one signing secret, so a body signed
 * for shop A could be replayed under shop B's header. The body must name the shop the header names.
 */
function parseFor<T extends { shop_domain: string }>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, shop: string, payload: unknown): T {
  return schema
    .refine((p) => p.shop_domain === shop, { message: `shop_domain is not the shop that sent it (${shop})`, path: ["shop_domain"] })
    .parse(payload);
}

export type CustomerRef = {
  shop: string;
  customerId: string | null;
  email: string | null;
  orderIds: string[];
};

/** One table holding customer data: how to find, export and erase a customer's rows. */
export type CustomerDataTable = {
  name: string;
  export(tx: Tx, customer: CustomerRef): Promise<unknown[]>;
  erase(tx: Tx, customer: CustomerRef): Promise<number>;
};

function orderGids(customer: CustomerRef): string[] {
  return customer.orderIds.map((id) => `gid://shopify/Order/${id}`);
}

/** Rows that are the customer's: by Shopify customer id, by email, or by one of the named orders. */
function returnRequestsOf(customer: CustomerRef) {
  const anyOf = [
    ...(customer.customerId ? [{ customerId: customer.customerId }] : []),
    ...(customer.email ? [{ customerEmail: customer.email }] : []),
    ...(customer.orderIds.length ? [{ orderId: { in: orderGids(customer) } }] : []),
  ];
  return { shop: customer.shop, OR: anyOf.length ? anyOf : [{ id: "" }] };
}

function ticketsOf(customer: CustomerRef) {
  const anyOf = [
    ...(customer.customerId ? [{ customerId: customer.customerId }] : []),
    ...(customer.email ? [{ customerEmail: customer.email }] : []),
    ...(customer.orderIds.length ? [{ orderId: { in: orderGids(customer) } }] : []),
  ];
  return { shop: customer.shop, OR: anyOf.length ? anyOf : [{ id: "" }] };
}

function messagesTo(customer: CustomerRef) {
  return { shop: customer.shop, to: customer.email ?? "" };
}

// Every table holding a shopper's data; new ones join here (a test compares with the models).
export const CUSTOMER_DATA: CustomerDataTable[] = [
  {
    name: "returnRequest",
    export: (tx, customer) =>
      tx.returnRequest.findMany({
        where: returnRequestsOf(customer),
        include: { items: true, events: true, photos: { select: { id: true, lineItemId: true, contentType: true, size: true, createdAt: true } } },
      }),
    // Items, photos and events go with their request (cascade).
    erase: async (tx, customer) => (await tx.returnRequest.deleteMany({ where: returnRequestsOf(customer) })).count,
  },
  {
    name: "ticket",
    export: (tx, customer) =>
      tx.ticket.findMany({
        where: ticketsOf(customer),
        include: { messages: { select: { id: true, kind: true, author: true, body: true, attachmentType: true, attachmentSize: true, createdAt: true } } },
      }),
    // The thread goes with its ticket (cascade).
    erase: async (tx, customer) => (await tx.ticket.deleteMany({ where: ticketsOf(customer) })).count,
  },
  {
    name: "outboxMessage",
    export: (tx, customer) => tx.outboxMessage.findMany({ where: messagesTo(customer) }),
    erase: async (tx, customer) => (await tx.outboxMessage.deleteMany({ where: messagesTo(customer) })).count,
  },
];

function customerRef(shop: string, customer: z.infer<typeof CustomerSchema>, orders: number[]): CustomerRef {
  return {
    shop,
    customerId: customer.id != null ? String(customer.id) : null,
    email: customer.email?.toLowerCase() ?? null,
    orderIds: orders.map(String),
  };
}

export async function exportCustomerData(tx: Tx, shop: string, payload: unknown): Promise<Record<string, unknown[]>> {
  const request = parseFor(CustomersDataRequestSchema, shop, payload);
  const customer = customerRef(shop, request.customer, request.orders_requested);
  const data: Record<string, unknown[]> = {};
  for (const table of CUSTOMER_DATA) data[table.name] = await table.export(tx, customer);
  await tx.complianceRequest.create({
    data: {
      shop,
      topic: "customers/data_request",
      customerId: customer.customerId,
      orderIds: JSON.stringify(customer.orderIds),
      export: JSON.stringify(data),
    },
  });
  return data;
}

export async function redactCustomer(tx: Tx, shop: string, payload: unknown): Promise<number> {
  const request = parseFor(CustomersRedactSchema, shop, payload);
  const customer = customerRef(shop, request.customer, request.orders_to_redact);
  let deleted = 0;
  for (const table of CUSTOMER_DATA) deleted += await table.erase(tx, customer);
  // An export made earlier for this customer is customer data too.
  if (customer.customerId) {
    deleted += (
      await tx.complianceRequest.deleteMany({
        where: { shop, customerId: customer.customerId, topic: "customers/data_request" },
      })
    ).count;
  }
  await tx.complianceRequest.create({
    data: {
      shop,
      topic: "customers/redact",
      customerId: customer.customerId,
      orderIds: JSON.stringify(customer.orderIds),
      recordsDeleted: deleted,
    },
  });
  return deleted;
}

/** Every row the app keeps for the shop, in every table with a `shop` column. */
export const SHOP_TABLES = [
  "session",
  "webhookDelivery",
  "complianceRequest",
  "policyVersion",
  "returnRequest",
  "returnPhoto",
  "returnEvent",
  "outboxMessage",
  "macro",
  "faqTranslation",
  "faqArticle",
  "faqCategory",
  "faqVote",
  "supportEvent",
  "ticketMessage",
  "ticket",
  "staffMember",
] as const;

export async function redactShop(tx: Tx, shop: string, payload: unknown): Promise<number> {
  parseFor(ShopRedactSchema, shop, payload);
  let deleted = 0;
  for (const table of SHOP_TABLES) {
    deleted += (await (tx[table] as unknown as ShopScoped).deleteMany({ where: { shop } })).count;
  }
  deleted += (await tx.shop.deleteMany({ where: { domain: shop } })).count;
  return deleted;
}

type ShopScoped = { deleteMany(args: { where: { shop: string } }): Promise<{ count: number }> };
