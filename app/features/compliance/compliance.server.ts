import { z } from "zod";
import type { Db } from "../../db-client.server";
import { keyedHash } from "../../lib/keyed-hash";
import type { Tx } from "../webhooks/deliveries.server";

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
  data_request: z.object({ id: z.number().int() }).nullish(),
});

export const CustomersRedactSchema = z.object({
  shop_domain: z.string(),
  customer: CustomerSchema,
  orders_to_redact: z.array(z.number().int()).default([]),
});

export const ShopRedactSchema = z.object({ shop_domain: z.string() });

/**
 * The payload as sent by `shop`: deliveries for every shop are signed with the same app secret, so a
 * body signed for shop A could be replayed under shop B's header. The body must name the header's shop.
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

/**
 * Tickets and return requests that are the customer's: by Shopify customer id, by email, or by one
 * of the named orders. A guest (no customer id) is found by email and orders alone.
 */
function customerRowsOf(customer: CustomerRef) {
  const anyOf = [
    ...(customer.customerId ? [{ customerId: customer.customerId }] : []),
    ...(customer.email ? [{ customerEmail: customer.email }] : []),
    ...(customer.orderIds.length ? [{ orderId: { in: orderGids(customer) } }] : []),
  ];
  return { shop: customer.shop, OR: anyOf.length ? anyOf : [{ id: "" }] };
}

/**
 * Messages sent to the customer's email, and every message about their tickets and returns
 * wherever it went: a shopper may give another address on a form, and its receipts carry links.
 */
async function messagesOf(tx: Tx, customer: CustomerRef) {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const tickets = await tx.ticket.findMany({ where: customerRowsOf(customer), select: { id: true } });
  const returns = await tx.returnRequest.findMany({ where: customerRowsOf(customer), select: { id: true } });
  const related = [...tickets, ...returns].map((row) => row.id);
  const anyOf = [...(customer.email ? [{ to: customer.email }] : []), ...(related.length ? [{ relatedId: { in: related } }] : [])];
  return { shop: customer.shop, OR: anyOf.length ? anyOf : [{ id: "" }] };
}

// Every table holding a shopper's data; new ones join here (a test compares with the models).
// Messages come first: they are found through the tickets and returns erased after them.
export const CUSTOMER_DATA: CustomerDataTable[] = [
  {
    name: "outboxMessage",
    export: async (tx, customer) => tx.outboxMessage.findMany({ where: await messagesOf(tx, customer) }),
    erase: async (tx, customer) => (await tx.outboxMessage.deleteMany({ where: await messagesOf(tx, customer) })).count,
  },
  {
    name: "returnRequest",
    export: (tx, customer) =>
      tx.returnRequest.findMany({
        where: customerRowsOf(customer),
        include: { items: true, events: true, photos: { select: { id: true, lineItemId: true, contentType: true, size: true, createdAt: true } } },
      }),
    // Items, photos and events go with their request (cascade).
    erase: async (tx, customer) => (await tx.returnRequest.deleteMany({ where: customerRowsOf(customer) })).count,
  },
  {
    name: "ticket",
    export: (tx, customer) =>
      tx.ticket.findMany({
        where: customerRowsOf(customer),
        include: { messages: { select: { id: true, kind: true, author: true, body: true, attachmentType: true, attachmentSize: true, createdAt: true } } },
      }),
    // The thread goes with its ticket (cascade).
    erase: async (tx, customer) => (await tx.ticket.deleteMany({ where: customerRowsOf(customer) })).count,
  },
];

function customerRef(shop: string, customer: z.infer<typeof CustomerSchema>, orders: number[]): CustomerRef {
  return {
    shop,
    customerId: customer.id != null ? String(customer.id) : null,
    email: customer.email?.trim().toLowerCase() || null,
    orderIds: orders.map(String),
  };
}

/** The email as a keyed hash: enough to find a guest's export again, not enough to read it. */
function customerKeyOf(customer: CustomerRef, secret: string): string | null {
  return customer.email ? keyedHash(secret, "compliance-customer", `${customer.shop}\n${customer.email}`) : null;
}

const DATA_REQUEST = "customers/data_request";

/**
 * Held exports expire: Shopify expects the merchant to answer within 30 days, after which the copy
 * is only a liability.
 */
export const EXPORT_RETENTION_DAYS = 30;
const RETENTION_MS = EXPORT_RETENTION_DAYS * 24 * 60 * 60 * 1000;

function expiresAt(handledAt: Date): Date {
  return new Date(handledAt.getTime() + RETENTION_MS);
}

/** Drops the content of exports past their retention, in every shop; the proof of handling stays. */
async function purgeExpiredExports(db: Db | Tx, now: Date): Promise<number> {
  const { count } = await db.complianceRequest.updateMany({
    where: { topic: DATA_REQUEST, export: { not: null }, handledAt: { lte: new Date(now.getTime() - RETENTION_MS) } },
    data: { export: null },
  });
  return count;
}

export async function exportCustomerData(tx: Tx, shop: string, payload: unknown, secret: string, now: Date): Promise<Record<string, unknown[]>> {
  const request = parseFor(CustomersDataRequestSchema, shop, payload);
  const customer = customerRef(shop, request.customer, request.orders_requested);
  const data: Record<string, unknown[]> = {};
  for (const table of CUSTOMER_DATA) data[table.name] = await table.export(tx, customer);
  await purgeExpiredExports(tx, now);
  await tx.complianceRequest.create({
    data: {
      shop,
      topic: DATA_REQUEST,
      customerId: customer.customerId,
      customerKey: customerKeyOf(customer, secret),
      dataRequestId: request.data_request ? String(request.data_request.id) : null,
      orderIds: JSON.stringify(customer.orderIds),
      export: JSON.stringify(data),
      handledAt: now,
    },
  });
  return data;
}

export async function redactCustomer(tx: Tx, shop: string, payload: unknown, secret: string): Promise<number> {
  const request = parseFor(CustomersRedactSchema, shop, payload);
  const customer = customerRef(shop, request.customer, request.orders_to_redact);
  let deleted = 0;
  for (const table of CUSTOMER_DATA) deleted += await table.erase(tx, customer);
  // An export made earlier for this customer is customer data too; a guest's is found by email.
  const key = customerKeyOf(customer, secret);
  const exportsOf = [...(customer.customerId ? [{ customerId: customer.customerId }] : []), ...(key ? [{ customerKey: key }] : [])];
  if (exportsOf.length) {
    deleted += (await tx.complianceRequest.deleteMany({ where: { shop, topic: DATA_REQUEST, OR: exportsOf } })).count;
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

/** A data request whose export the shop still holds, for staff to send the customer. */
export type PendingDataRequest = {
  id: string;
  customerId: string | null;
  dataRequestId: string | null;
  orderIds: string[];
  receivedAt: string;
  expiresAt: string;
};

function live(shop: string, now: Date) {
  return { shop, topic: DATA_REQUEST, export: { not: null }, handledAt: { gt: new Date(now.getTime() - RETENTION_MS) } };
}

export async function listDataRequests(db: Db, shop: string, now: Date): Promise<PendingDataRequest[]> {
  const rows = await db.complianceRequest.findMany({
    where: live(shop, now),
    orderBy: { handledAt: "asc" },
    select: { id: true, customerId: true, dataRequestId: true, orderIds: true, handledAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customerId,
    dataRequestId: row.dataRequestId,
    orderIds: z.array(z.string()).catch([]).parse(JSON.parse(row.orderIds)),
    receivedAt: row.handledAt.toISOString(),
    expiresAt: expiresAt(row.handledAt).toISOString(),
  }));
}

/** One held export as a JSON file, only in its own shop and before it expires. */
export async function dataRequestFile(db: Db, shop: string, id: string, now: Date) {
  const row = await db.complianceRequest.findFirst({ where: { id, ...live(shop, now) } });
  if (!row?.export) return null;
  const content = JSON.stringify(
    {
      shop,
      dataRequestId: row.dataRequestId,
      customerId: row.customerId,
      ordersRequested: JSON.parse(row.orderIds),
      receivedAt: row.handledAt.toISOString(),
      data: JSON.parse(row.export),
    },
    null,
    2,
  );
  const name = row.customerId ? `customer-${row.customerId}` : `guest-${row.id}`;
  return { filename: `data-request-${name}-${row.handledAt.toISOString().slice(0, 10)}.json`, mimeType: "application/json", content };
}

/** Staff sent the export (or no longer need it): its content goes, the record of the request stays. */
export async function deleteDataRequestExport(db: Db, shop: string, id: string): Promise<boolean> {
  const { count } = await db.complianceRequest.updateMany({ where: { id, shop, topic: DATA_REQUEST, export: { not: null } }, data: { export: null } });
  return count > 0;
}

/** Every row the app keeps for the shop, in every table with a `shop` column. */
export const SHOP_TABLES = [
  "session",
  "webhookDelivery",
  "complianceRequest",
  "policyVersion",
  "returnRequest",
  "returnPhoto",
  "returnLabel",
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
  "orderClaim",
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
