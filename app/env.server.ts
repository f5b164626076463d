import { z } from "zod";
import { databaseUrl } from "./database-url";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required (the app's client id)"),
  SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.string().url("SHOPIFY_APP_URL must be the app's public URL"),
  SCOPES: z.string().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  DATABASE_URL: z.string(),
  /** Order lookups allowed per shop and shopper in each window (default: 10 a minute), then 429. */
  TRACKING_LOOKUP_LIMIT: z.coerce.number().int().positive().default(10),
  /** The rate limit window in seconds. */
  TRACKING_LOOKUP_WINDOW_SECONDS: z.coerce.number().positive().default(60),
  /**
   * How many proxies of our own hosting (load balancer, CDN) stand between Shopify's app proxy and
   * the app, each appending to X-Forwarded-For: the shopper's address is read that many hops before
   * the last (app/lib/shopper-address.ts, docs/decisions/0021). 0 when Shopify connects directly.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** SQLite: how long a write waits for another process's lock before that request fails. */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(5000),
  /** Outgoing mail to shoppers, e.g. smtp://user:pass@smtp.example.com:587; unset: messages are only logged. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default("Harbor Support <support@harbor-support.app>"),
  /**
   * The shared secret a carrier-tracking service signs its scans with (POST /carriers/events,
   * header X-Harbor-Carrier-Hmac: base64 HMAC-SHA256 of the body); unset, the endpoint is off.
   */
  CARRIER_WEBHOOK_SECRET: z.string().min(16, "CARRIER_WEBHOOK_SECRET must be at least 16 characters").optional(),
  /** The first wait before a return's Shopify call is tried again (doubling, at most 5 min); read by features/returns/retry.ts. */
  RETURNS_RETRY_BASE_MS: z.coerce.number().int().positive().default(2000),
  /** How often stored return requests Shopify has not accepted yet are retried. */
  RETURNS_SYNC_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  /** How often the maintenance loop carries on shop erasures (shop/redact); retention runs hourly within it. */
  MAINTENANCE_INTERVAL_MS: z.coerce.number().int().positive().default(2000),
  /**
   * Scaled out: the Redis that holds the job queue (BullMQ), rate limits and caches shared by every
   * app and worker process, e.g. redis://redis:6379. Unset (the embedded default): jobs run in the
   * app process and limits and caches live in its memory (docs/decisions/0023).
   */
  REDIS_URL: z.string().url().optional(),
  /** Starts every key the app writes in Redis (the queue's too), so several apps can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[\w-]+$/).default("harbor"),
  /** Jobs one worker process runs at once. */
  JOB_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** How long a worker's hold on a job lasts without renewal: a killed worker's job is taken over after it. */
  JOB_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a process may hold an order's claim (renewed while it works) before another takes it over. */
  ORDER_CLAIM_LEASE_MS: z.coerce.number().int().positive().default(30_000),
  /** Tries of one outgoing email (doubling waits from 30 s) before the Outbox shows it failed. */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().default(6),
  /** How long one try holds an email (longer than an SMTP send takes); a killed sender's email is sent again after it. */
  EMAIL_CLAIM_MS: z.coerce.number().int().positive().default(120_000),
  /** The first wait before an email is tried again. */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * Demo and tests only: the simulated shop's origin. When set, every call the Shopify library
   * makes to https://<shop>.myshopify.com goes there instead (see app/simulated-shop.server.ts).
   */
  SHOPIFY_SIMULATOR_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse({ ...source, DATABASE_URL: databaseUrl(source) });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);
