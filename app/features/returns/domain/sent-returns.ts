/**
 * Finding a return Shopify created although its answer never reached us (a gateway 502, a cut
 * connection). `returnRequest` takes no idempotency key, so before sending a request again the
 * order's returns are read and one that matches what was sent is linked instead of made twice.
 */

export type SentLine = { fulfillmentLineItemId: string; quantity: number };
export type HeldReturn = { id: string; name: string; status: string; createdAt: string; lines: SentLine[] };

/** Shopify's clock and ours may disagree a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

function linesKey(lines: SentLine[]): string {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.fulfillmentLineItemId, (totals.get(line.fulfillmentLineItemId) ?? 0) + line.quantity);
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([id, quantity]) => `${id}×${quantity}`).join(",");
}

/**
 * The oldest of the order's returns that covers exactly the lines and quantities sent, was created
 * after the request was stored, and is not linked to another of our requests; or null.
 */
export function findSentReturn(held: HeldReturn[], sent: SentLine[], storedAt: Date, linkedIds: ReadonlySet<string>): HeldReturn | null {
  const key = linesKey(sent);
  const since = storedAt.getTime() - CLOCK_SKEW_MS;
  const matches = held
    .filter((r) => !linkedIds.has(r.id) && Date.parse(r.createdAt) >= since && linesKey(r.lines) === key)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return matches[0] ?? null;
}
