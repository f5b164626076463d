/**
 * A shop's history at scale, written with batch inserts (createMany, a thousand rows a statement):
 * tickets, their first messages, return requests with items, and support events, spread over the
 * last `days` days, from a seeded random source so a run can be repeated. For the scale tests and
 * bench/dashboard-lists.ts.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../../app/db-client.server";
import { CATEGORIES, PRIORITIES } from "../../app/features/tickets/domain/types";

export type SeedCounts = { tickets: number; returns: number; events: number; messages?: boolean; days?: number };

const MINUTE = 60_000;
const CHUNK = 1_000;

/** mulberry32: small, fast and seedable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const RETURN_STATUSES = ["requested", "requested", "approved", "returned", "inspected", "closed", "closed", "declined"];
const REASONS = ["damaged", "too_small", "too_large", "not_as_described", "changed_mind", "wrong_item"];
const SEARCHES = ["Gift wrap", "gift  wrap", "GIFT WRAP", "warranty", "Warranty ", "international shipping", "size chart", "custom engraving"];
const EVENT_TYPES = ["tracking_lookup", "tracking_lookup", "tracking_lookup", "return_started", "faq_view", "faq_view", "deflected", "faq_search_miss", "launcher_open"];

/** Seeds one shop; `now` is the end of the spread. Returns the ids of what it wrote, by table. */
export async function seedShop(db: Db, shop: string, counts: SeedCounts, now: Date, seed = 1) {
  const rand = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;
  const spanMs = (counts.days ?? 200) * 24 * 60 * MINUTE;
  const when = () => new Date(now.getTime() - Math.floor(rand() * spanMs));
  const after = (date: Date, maxMinutes: number) => new Date(date.getTime() + Math.floor(rand() * maxMinutes * MINUTE));
  // Shared by events and tickets, so sessions are followed up (or not) by the same visitors.
  const visitors = Array.from({ length: Math.max(50, Math.floor(counts.events / 4)) }, (_, i) => `visitor-${seed}-${i.toString(36).padStart(6, "0")}`);
  const tag = `${seed}-${randomUUID().slice(0, 8)}`;

  const tickets = Array.from({ length: counts.tickets }, (_, i) => {
    const createdAt = when();
    const status = rand() < 0.2 ? "open" : rand() < 0.25 ? "pending" : "closed";
    const responseDueAt = after(new Date(createdAt.getTime() + 60 * MINUTE), 420);
    const resolutionDueAt = after(new Date(createdAt.getTime() + 24 * 60 * MINUTE), 2880);
    const firstResponseAt = status === "pending" || status === "closed" || rand() < 0.3 ? after(createdAt, 3000) : null;
    const closedAt = status === "closed" ? after(firstResponseAt ?? createdAt, 6000) : null;
    const rating = closedAt && rand() < 0.4 ? 1 + Math.floor(rand() * 5) : null;
    const times = [createdAt, firstResponseAt, closedAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
    return {
      id: `t-${tag}-${i}`,
      shop,
      reference: `S-${tag}-${i}`,
      status,
      topic: pick(CATEGORIES),
      category: pick(CATEGORIES),
      priority: pick(PRIORITIES),
      subject: "Where is my parcel?",
      customerName: "Scale Shopper",
      customerEmail: `shopper${i % 5000}@example.com`,
      visitor: rand() < 0.4 ? pick(visitors) : null,
      responseDueAt,
      resolutionDueAt,
      dueAt: firstResponseAt ? resolutionDueAt : responseDueAt,
      firstResponseAt,
      closedAt,
      surveySentAt: rating !== null || (closedAt && rand() < 0.2) ? closedAt : null,
      csatRating: rating,
      createdAt,
      lastMessageAt: new Date(Math.max(...times)),
    };
  });
  await inChunks(tickets, (data) => db.ticket.createMany({ data }));
  if (counts.messages) {
    const messages = tickets.map((t) => ({ shop, ticketId: t.id, kind: "customer", author: t.customerName, body: "It has not arrived.", createdAt: t.createdAt }));
    await inChunks(messages, (data) => db.ticketMessage.createMany({ data }));
  }

  const returns = Array.from({ length: counts.returns }, (_, i) => {
    const createdAt = when();
    const status = pick(RETURN_STATUSES);
    const decided = status !== "requested" ? after(createdAt, 2000) : null;
    return {
      id: `r-${tag}-${i}`,
      shop,
      reference: `R-${tag}-${i}`,
      idempotencyKey: `k-${tag}-${i}`,
      orderId: `gid://shopify/Order/${seed * 1_000_000 + Math.floor(rand() * counts.returns * 0.8)}`,
      orderName: `#${1000 + i}`,
      status,
      resolution: "refund",
      policyVersion: 1,
      quote: "{}",
      rules: "[]",
      respondBy: after(createdAt, 4000),
      decidedAt: decided,
      receivedAt: status === "returned" || status === "inspected" || status === "closed" ? after(decided ?? createdAt, 5000) : null,
      createdAt,
      updatedAt: after(createdAt, 8000),
    };
  });
  await inChunks(returns, (data) => db.returnRequest.createMany({ data }));
  const items = returns.flatMap((r, i) =>
    Array.from({ length: 1 + (i % 2) }, (_, n) => ({
      requestId: r.id,
      lineItemId: `gid://shopify/LineItem/${i}-${n}`,
      title: "Harbor Rain Shell",
      quantity: 1 + Math.floor(rand() * 3),
      reason: pick(REASONS),
      sources: "[]",
    })),
  );
  await inChunks(items, (data) => db.returnRequestItem.createMany({ data }));

  const events = Array.from({ length: counts.events }, () => {
    const type = pick(EVENT_TYPES);
    return {
      shop,
      type,
      visitor: type === "faq_search_miss" || rand() < 0.05 ? null : pick(visitors),
      subject: type === "faq_search_miss" ? pick(SEARCHES) : null,
      at: when(),
    };
  });
  await inChunks(events, (data) => db.supportEvent.createMany({ data }));
  return { tickets: tickets.map((t) => t.id), returns: returns.map((r) => r.id) };
}
