import { z } from "zod";
import type { Db } from "../db-client.server";
import { createRateLimiter } from "../domain/rate-limit";

/**
 * Anonymous self-service activity reported by the storefront blocks, for the dashboard: answers
 * opened, searches that found nothing, helpful votes, deflections. A visitor is a random id the
 * browser made up; nothing here names a person.
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
const limiter = createRateLimiter({ limit: 120, windowMs: 60_000 });

export async function recordEvent(db: Db, shop: string, event: SelfServiceEvent, now: Date): Promise<"recorded" | "ignored" | "rate_limited"> {
  if (!limiter.hit(`${shop}|${event.visitor}`, now).allowed) return "rate_limited";
  switch (event.type) {
    case "faq_vote":
      await db.faqVote.upsert({
        where: { shop_article_visitor: { shop, article: event.article, visitor: event.visitor } },
        create: { shop, article: event.article, visitor: event.visitor, helpful: event.helpful },
        update: { helpful: event.helpful },
      });
      return "recorded";
    case "faq_search":
      // Only searches that found nothing matter (the content-gap report); the query is kept, the visitor is not.
      if (event.results > 0) return "ignored";
      await db.supportEvent.create({ data: { shop, type: "faq_search_miss", subject: event.query.replace(/\s+/g, " ").toLowerCase(), at: now } });
      return "recorded";
    case "faq_view":
    case "deflected":
      await db.supportEvent.create({ data: { shop, type: event.type, visitor: event.visitor, subject: event.article, at: now } });
      return "recorded";
    case "launcher_open":
      await db.supportEvent.create({ data: { shop, type: event.type, visitor: event.visitor, at: now } });
      return "recorded";
  }
}

/** For endpoints that record their own activity (tracking lookups, returns started). */
export async function recordActivity(db: Db, shop: string, type: EventType, input: { visitor?: string | null; subject?: string | null }, now: Date) {
  const visitor = Visitor.safeParse(input.visitor).data ?? null;
  await db.supportEvent.create({ data: { shop, type, visitor, subject: input.subject ?? null, at: now } });
}
