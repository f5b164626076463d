/**
 * When to try Shopify again after transient failures (throttled, 5xx, a lost answer): a base
 * doubling with each attempt, at most five minutes. RETURNS_RETRY_BASE_MS (see env.server.ts)
 * shortens the base where Shopify answers at once (the benchmark); read here, not through env.server,
 * so the use cases stay loadable by unit tests that have no app environment.
 */
const BASE_MS = Number(process.env.RETURNS_RETRY_BASE_MS) > 0 ? Number(process.env.RETURNS_RETRY_BASE_MS) : 2_000;
const MAX_MS = 5 * 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts));
}
