import { z } from "zod";
import type { Db } from "../../db-client.server";
import { createRateLimiter } from "../../lib/rate-limit";
import { sharedRedis } from "../../redis.server";
import { env } from "../../env.server";
import { keyedHash } from "../../lib/keyed-hash";

/**
 * Anonymous self-service activity reported by the storefront blocks, for the dashboard: answers
 * opened, searches that found nothing, helpful votes, deflections. A visitor is a random id the
 * browser made up, so it groups a session's events but limits nothing: limits and votes go by the
 * shopper's address (as the app proxy reports it), kept only as a keyed hash. Nothing here names a
 * person.
 */

const Visitor = z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9-]+$/);
const Handle = z.string().trim().min(1).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const SelfServiceEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("faq_view"), visitor: Visitor, article: Handle }),
  z.object({ type: z.literal("faq_search"), visitor: Visitor, query: z.string().trim().min(1).max(200), results: z.number().int().min(0).max(10_000) }),
  z.object({ type: z.literal("faq_vote"), visitor: Visitor, article: Handle, helpful: z.boolean() }),
  z.object({ type: z.literal("deflected"), visitor: Visitor, article: Handle }),
  z.object({ type: z.literal("launcher_open"), visitor: Visitor }),
]);
export type SelfServiceEvent = z.infer<typeof SelfServiceEventSchema>;

/** The event types the dashboard counts; tracking and returns are recorded by their own endpoints. */
export type EventType = "faq_view" | "faq_search_miss" | "deflected" | "launcher_open" | "tracking_lookup" | "return_started";

// Generous for a person clicking through answers, low enough that a script cannot flood the table.
const limiter = createRateLimiter({ name: "events", redis: sharedRedis, limit: 120, windowMs: 60_000 });
// Searches that found nothing feed the content-gap report: a shopper tries a few phrasings, not dozens.
const searchMissLimiter = createRateLimiter({ name: "search-miss", redis: sharedRedis, limit: 20, windowMs: 10 * 60_000 });

export type RecordOutcome = { outcome: "recorded" | "ignored" } | { outcome: "rate_limited"; retryAfterSeconds: number };

/** `address` is the shopper's address as the app proxy reported it (lib/shopper-address). */
export async function recordEvent(db: Db, shop: string, event: SelfServiceEvent, address: string, now: Date): Promise<RecordOutcome> {
  const key = `${shop}|${address}`;
  const limit = await limiter.hit(key);
  if (!limit.allowed) return { outcome: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  switch (event.type) {
    case "faq_vote": {
      // One vote per address and article, whatever visitor id the browser sends; a later one replaces it.
      const voter = keyedHash(env.SHOPIFY_API_SECRET, "faq-voter", `${shop}\n${address}`);
      await db.faqVote.upsert({
        where: { shop_article_voter: { shop, article: event.article, voter } },
        create: { shop, article: event.article, voter, visitor: event.visitor, helpful: event.helpful },
        update: { helpful: event.helpful, visitor: event.visitor },
      });
      return { outcome: "recorded" };
    }
    case "faq_search": {
      // Only searches that found nothing matter (the content-gap report); the query is kept, the visitor is not.
      if (event.results > 0) return { outcome: "ignored" };
      const misses = await searchMissLimiter.hit(key);
      if (!misses.allowed) return { outcome: "rate_limited", retryAfterSeconds: misses.retryAfterSeconds };
      await db.supportEvent.create({ data: { shop, type: "faq_search_miss", subject: event.query.replace(/\s+/g, " ").toLowerCase(), at: now } });
      return { outcome: "recorded" };
    }
    case "faq_view":
    case "deflected":
      await db.supportEvent.create({ data: { shop, type: event.type, visitor: event.visitor, subject: event.article, at: now } });
      return { outcome: "recorded" };
    case "launcher_open":
      await db.supportEvent.create({ data: { shop, type: event.type, visitor: event.visitor, at: now } });
      return { outcome: "recorded" };
  }
}

/**
 * Tracking lookups are the storefront's busiest requests: their activity rows are queued and written
 * together, at most ACTIVITY_FLUSH_MS later, off the request path. Counts for the dashboard only, so
 * a crash may lose the last second's rows; nothing else reads them.
 */
const ACTIVITY_FLUSH_MS = 1000;
const ACTIVITY_BATCH = 500;
const queued: { shop: string; type: EventType; visitor: string | null; subject: string | null; at: Date }[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

export function queueActivity(db: Db, shop: string, type: EventType, input: { visitor?: string | null; subject?: string | null }, now: Date): void {
  queued.push({ shop, type, visitor: Visitor.safeParse(input.visitor).data ?? null, subject: input.subject ?? null, at: now });
  if (queued.length >= ACTIVITY_BATCH) void flushActivity(db);
  else flushTimer ??= setTimeout(() => void flushActivity(db), ACTIVITY_FLUSH_MS);
}

/** Writes what is queued, in one statement. */
export async function flushActivity(db: Db): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const rows = queued.splice(0);
  if (rows.length === 0) return;
  await db.supportEvent.createMany({ data: rows }).catch((error: unknown) => {
    console.warn("[activity] dropped", rows.length, "rows:", error instanceof Error ? error.message : error);
  });
}

/** For endpoints that record their own activity as they answer (returns started). */
export async function recordActivity(db: Db, shop: string, type: EventType, input: { visitor?: string | null; subject?: string | null }, now: Date) {
  const visitor = Visitor.safeParse(input.visitor).data ?? null;
  await db.supportEvent.create({ data: { shop, type, visitor, subject: input.subject ?? null, at: now } });
}
