/**
 * Webhooks arrive late and out of order (Shopify guarantees neither order nor timeliness): a change
 * is applied only when it happened after the one a record already holds. Framework-free.
 */

/** When the change a delivery reports happened: the payload's own time, else the delivery's X-Shopify-Triggered-At. */
export function changedAt(payloadTime: string | null | undefined, triggeredAt: string | null | undefined): Date | null {
  for (const candidate of [payloadTime, triggeredAt]) {
    if (!candidate) continue;
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

/**
 * Which records a change at `incoming` may replace, as a database filter on the column holding
 * each record's change time (a filter, so that two deliveries racing cannot both win): those with
 * no time yet or an earlier one. An equal time is a repeat; a change of unknown time is taken only
 * by a record that has none, there being nothing to compare with.
 */
export function recordedBefore<K extends string>(column: K, incoming: Date | null) {
  const unset = { [column]: null } as Record<K, null>;
  if (!incoming) return unset;
  return { OR: [unset, { [column]: { lt: incoming } } as Record<K, { lt: Date }>] };
}
