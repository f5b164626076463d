/**
 * Money already in Shopify, read back: which of the order's payments a refund goes to, and which
 * store-credit credit an earlier, unanswered attempt made. Framework-free; amounts in cents.
 */

export type Payment = { id: string; kind: string; status: string; cents: number; parentId: string | null };

/**
 * Spreads a refund over the order's successful SALE and CAPTURE payments, oldest first, each up to
 * what earlier refunds have left of it. The parts add up to less than asked only when the order's
 * payments cannot cover it (the caller refuses then rather than refund part of it).
 */
export function allocateRefund(payments: Payment[], cents: number): { parentId: string; cents: number }[] {
  const refunded = new Map<string, number>();
  for (const p of payments) {
    if (p.kind === "REFUND" && p.status === "SUCCESS" && p.parentId) refunded.set(p.parentId, (refunded.get(p.parentId) ?? 0) + p.cents);
  }
  const parts: { parentId: string; cents: number }[] = [];
  let left = Math.max(0, Math.trunc(cents));
  for (const p of payments) {
    if (left === 0) break;
    if ((p.kind !== "SALE" && p.kind !== "CAPTURE") || p.status !== "SUCCESS") continue;
    const available = p.cents - (refunded.get(p.id) ?? 0);
    const take = Math.min(available, left);
    if (take <= 0) continue;
    parts.push({ parentId: p.id, cents: take });
    left -= take;
  }
  return parts;
}

export type Credit = { id: string; cents: number; currency: string; createdAt: string };

/**
 * The credit an earlier attempt made although its answer was lost: same amount and currency,
 * made since the attempt began, not linked to another request; the oldest such, or null.
 * Shopify keeps no reference of ours on a credit, so these three are all there is to match on.
 */
export function findSentCredit(
  credits: Credit[],
  wanted: { cents: number; currency: string },
  since: Date,
  linkedIds: ReadonlySet<string>,
): Credit | null {
  const matches = credits
    .filter((c) => !linkedIds.has(c.id) && c.cents === wanted.cents && c.currency === wanted.currency && Date.parse(c.createdAt) >= since.getTime())
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return matches[0] ?? null;
}
