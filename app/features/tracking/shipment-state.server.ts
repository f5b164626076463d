import { z } from "zod";
import type { Db } from "../../db-client.server";
import { env } from "../../env.server";
import { keyedHash } from "../../lib/keyed-hash";
import type { Tx } from "../webhooks/deliveries.server";
import type { OrderSnapshot } from "./domain/types";
import { normalizeEmail, normalizePhone, type Contact } from "./domain/verify";
import {
  RestFulfillmentEventSchema,
  RestFulfillmentSchema,
  RestOrderSchema,
  applyFulfillment,
  applyFulfillmentEvent,
  orderFromWebhook,
} from "./domain/webhook-state";

/**
 * Orders as the tracking block shows them, kept in the database from Shopify's webhooks and reads
 * (model OrderState): a lookup answered from here costs no Admin API call. The shopper's email and
 * phone are kept only as keyed hashes, to check a lookup; the snapshot holds neither. A state
 * Shopify has not confirmed for STALE_AFTER_MS is not trusted: the lookup reads Shopify again.
 */

/** How long a state answers lookups without Shopify confirming it (webhooks or a read). */
export const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

type Client = Db | Tx;

/** The email or phone as stored: a keyed hash of its normalised form, per shop. */
export function contactHash(shop: string, contact: Contact): string | null {
  if ("email" in contact) {
    const email = normalizeEmail(contact.email);
    return email ? keyedHash(env.SHOPIFY_API_SECRET, "order-email", `${shop}\n${email}`) : null;
  }
  const phone = normalizePhone(contact.phone);
  return phone.length >= 7 ? keyedHash(env.SHOPIFY_API_SECRET, "order-phone", `${shop}\n${phone}`) : null;
}

export type HeldOrder = {
  order: OrderSnapshot;
  emailHash: string | null;
  phoneHash: string | null;
  fresh: boolean;
};

// refreshedAt as the driver returns it from a raw query: a Date, or SQLite's stored number or text.
type Row = { snapshot: string; emailHash: string | null; phoneHash: string | null; refreshedAt: Date | number | string };

function held(row: Row, now: Date): HeldOrder {
  return {
    order: JSON.parse(row.snapshot) as OrderSnapshot,
    emailHash: row.emailHash,
    phoneHash: row.phoneHash,
    fresh: now.getTime() - new Date(row.refreshedAt).getTime() < STALE_AFTER_MS,
  };
}

/**
 * The order held under this name ("#1001", any case), or null. The busiest read of the storefront:
 * one plain statement, which spares Prisma compiling the query on every lookup.
 */
export async function heldOrderByName(db: Db, shop: string, name: string, now: Date): Promise<HeldOrder | null> {
  const rows = await db.$queryRaw<Row[]>`SELECT "snapshot", "emailHash", "phoneHash", "refreshedAt" FROM "OrderState" WHERE "shop" = ${shop} AND "name" = ${name.toLowerCase()} LIMIT 1`;
  return rows[0] ? held(rows[0], now) : null;
}

export async function heldOrderById(db: Db, shop: string, orderId: string, now: Date): Promise<HeldOrder | null> {
  const row = await db.orderState.findUnique({ where: { shop_orderId: { shop, orderId } } });
  return row ? held(row, now) : null;
}

/** The snapshot as stored: without the email and phone. */
function stored(order: OrderSnapshot): string {
  return JSON.stringify({ ...order, email: null, phone: null } satisfies OrderSnapshot);
}

function columns(shop: string, order: OrderSnapshot, customerId: string | null | undefined, refreshedAt: Date) {
  return {
    name: order.name.toLowerCase(),
    ...(customerId !== undefined ? { customerId } : {}),
    emailHash: order.email ? contactHash(shop, { email: order.email }) : null,
    phoneHash: order.phone ? contactHash(shop, { phone: order.phone }) : null,
    snapshot: stored(order),
    sourceUpdatedAt: new Date(order.updatedAt ?? order.processedAt),
    refreshedAt,
  };
}

/**
 * Writes `next(current)` for the order unless another writer changed it in between (then reads and
 * tries again), so two webhooks for one order never lose each other's change. `next` returns null
 * to leave the row as it is.
 */
async function update(
  db: Client,
  shop: string,
  orderId: string,
  next: (current: { order: OrderSnapshot; emailHash: string | null; phoneHash: string | null; sourceUpdatedAt: Date } | null) => ReturnType<typeof columns> | null,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await db.orderState.findUnique({ where: { shop_orderId: { shop, orderId } } });
    const data = next(row && { order: JSON.parse(row.snapshot) as OrderSnapshot, emailHash: row.emailHash, phoneHash: row.phoneHash, sourceUpdatedAt: row.sourceUpdatedAt });
    if (!data) return;
    if (!row) {
      // Another writer may create it first: then theirs stays and this change is applied to it.
      // (Prisma may run the upsert as a read then an insert: the other writer's insert then fails it.)
      const created = await db.orderState
        .upsert({ where: { shop_orderId: { shop, orderId } }, create: { shop, orderId, ...data }, update: {} })
        .catch((error: unknown) => {
          if ((error as { code?: unknown })?.code === "P2002") return null;
          throw error;
        });
      if (created && created.snapshot === data.snapshot && created.version === 0) return;
      continue;
    }
    const { count } = await db.orderState.updateMany({ where: { shop, orderId, version: row.version }, data: { ...data, version: row.version + 1 } });
    if (count === 1) return;
  }
}

/** What Shopify answered to a lookup's read: it replaces what is held unless that is newer. */
export async function keepReadOrder(db: Db, shop: string, order: OrderSnapshot, now: Date): Promise<void> {
  await update(db, shop, order.id, (current) => {
    if (current && order.updatedAt && current.sourceUpdatedAt.getTime() > Date.parse(order.updatedAt)) return null;
    return columns(shop, order, undefined, now);
  });
}

/** The webhook topics (the library's names) that change what a shopper sees of an order. */
const ORDER_TOPICS = new Set(["ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "ORDERS_FULFILLED", "ORDERS_PARTIALLY_FULFILLED"]);

/**
 * Applies an order, fulfillment or fulfillment-event webhook to the held state, inside the
 * webhook's transaction. Late or repeated deliveries never move an order backwards. A fulfillment
 * or scan for an order not held is ignored (its first lookup reads Shopify); a scan for a
 * fulfillment not held marks the order stale, so the next lookup reads it whole.
 */
export async function applyShipmentWebhook(tx: Tx, shop: string, topic: string, payload: unknown, now: Date): Promise<void> {
  try {
    await apply(tx, shop, topic, payload, now);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    // Not the shape Shopify documents: whatever it meant, the order held is no longer trusted.
    const ref = OrderRefSchema.safeParse(payload).data;
    const orderId = ref?.order_id ? `gid://shopify/Order/${ref.order_id}` : ref?.admin_graphql_api_id;
    console.warn("[tracking] unexpected", topic, "payload:", error.issues[0]?.message);
    await tx.orderState.updateMany({ where: orderId ? { shop, orderId } : { shop }, data: { refreshedAt: new Date(0) } });
  }
}

// orders/* name the order by admin_graphql_api_id; fulfillments/* and fulfillment_events/* by order_id.
const OrderRefSchema = z.object({ order_id: z.number().optional(), admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/").optional() });

async function apply(tx: Tx, shop: string, topic: string, payload: unknown, now: Date): Promise<void> {
  if (ORDER_TOPICS.has(topic)) {
    const rest = RestOrderSchema.parse(payload);
    const orderId = rest.admin_graphql_api_id ?? `gid://shopify/Order/${rest.id}`;
    await update(tx, shop, orderId, (current) => {
      if (current && current.sourceUpdatedAt.getTime() > Date.parse(rest.updated_at)) return null;
      const customerId = rest.customer ? String(rest.customer.id) : null;
      return columns(shop, { ...orderFromWebhook(rest, current?.order ?? null), updatedAt: rest.updated_at }, customerId, now);
    });
    return;
  }
  if (topic === "FULFILLMENTS_CREATE" || topic === "FULFILLMENTS_UPDATE") {
    const rest = RestFulfillmentSchema.parse(payload);
    await update(tx, shop, `gid://shopify/Order/${rest.order_id}`, (current) =>
      current ? { ...keptContact(current), ...snapshotColumns(applyFulfillment(current.order, rest), current, now) } : null,
    );
    return;
  }
  if (topic === "FULFILLMENT_EVENTS_CREATE") {
    const rest = RestFulfillmentEventSchema.parse(payload);
    await update(tx, shop, `gid://shopify/Order/${rest.order_id}`, (current) => {
      if (!current) return null;
      const next = applyFulfillmentEvent(current.order, rest);
      // A scan for a fulfillment we do not hold: the state is incomplete, so stale from now.
      return { ...keptContact(current), ...snapshotColumns(next ?? current.order, current, next ? now : new Date(0)) };
    });
  }
}

/** Fulfillment payloads carry no email or phone: the stored hashes stay. */
const keptContact = (current: { emailHash: string | null; phoneHash: string | null }) => ({ emailHash: current.emailHash, phoneHash: current.phoneHash });

function snapshotColumns(order: OrderSnapshot, current: { sourceUpdatedAt: Date }, refreshedAt: Date) {
  return { name: order.name.toLowerCase(), snapshot: stored(order), sourceUpdatedAt: current.sourceUpdatedAt, refreshedAt };
}
