/** Contacts and returns per order, and the most frequent return reasons and unanswered FAQ searches. Pure. */
import { percentOf, requireCount, requireLimit } from "./kpi-inputs";

/** Contact rate = tickets ÷ orders (0.05 = one ticket per 20 orders); null without orders. */
export function contactsPerOrder(tickets: number, orders: number): number | null {
  requireCount(tickets, "contactsPerOrder: tickets");
  requireCount(orders, "contactsPerOrder: orders");
  return orders === 0 ? null : tickets / orders;
}

/**
 * Return rate = orders with a return ÷ orders × 100; null without orders. Not capped at 100: the
 * caller decides which returned orders belong to the period, and a figure above 100 exposes a
 * mismatch instead of hiding it.
 */
export function returnRate(returnedOrders: number, orders: number): number | null {
  requireCount(returnedOrders, "returnRate: returnedOrders");
  requireCount(orders, "returnRate: orders");
  return percentOf(returnedOrders, orders);
}

/**
 * Keys by count descending, then alphabetically by UTF-16 code unit (not `localeCompare`, so the
 * order does not depend on the server's locale).
 */
function ranked(counts: ReadonlyMap<string, number>, limit: number): [string, number][] {
  return [...counts]
    .sort(([keyA, countA], [keyB, countB]) => countB - countA || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .slice(0, limit);
}

/**
 * The most frequent return reasons by returned units; `percent` is the reason's share of all
 * returned units (not only of those listed). Lines whose quantity is not a positive whole number
 * are ignored.
 */
export function topReasons(
  items: readonly { reason: string; quantity: number }[],
  limit = 5,
): { reason: string; count: number; percent: number }[] {
  requireLimit(limit);
  const counts = new Map<string, number>();
  let total = 0;
  for (const { reason, quantity } of items) {
    if (!Number.isInteger(quantity) || quantity <= 0) continue;
    counts.set(reason, (counts.get(reason) ?? 0) + quantity);
    total += quantity;
  }
  return ranked(counts, limit).map(([reason, count]) => ({ reason, count, percent: (count / total) * 100 }));
}

/** A search as the shopper meant it: Unicode NFC, lower case, trimmed, inner whitespace collapsed. */
export function normaliseQuery(query: string): string {
  return query.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The most frequent FAQ searches that found no answer, normalised; blank searches are ignored.
 * A miss may stand for `count` identical searches (counted by the database).
 */
export function topQueries(misses: readonly { query: string; count?: number }[], limit = 10): { query: string; count: number }[] {
  requireLimit(limit);
  const counts = new Map<string, number>();
  for (const miss of misses) {
    const query = normaliseQuery(miss.query);
    if (query) counts.set(query, (counts.get(query) ?? 0) + (miss.count ?? 1));
  }
  return ranked(counts, limit).map(([query, count]) => ({ query, count }));
}
