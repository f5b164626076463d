import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** Shopify's signatures, computed the way Shopify computes them (see ../shared/SHOPIFY.md §5). */

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

/** An App Bridge session token: an HS256 JWT signed with the app's secret. */
export function sessionToken(opts: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId?: string;
  now?: Date;
  ttlSeconds?: number;
  /** Claims to override, e.g. a forged `iss` or a future `nbf` in tests. */
  claims?: Record<string, unknown>;
}): string {
  const issuedAt = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${opts.shop}/admin`,
      dest: `https://${opts.shop}`,
      aud: opts.apiKey,
      sub: opts.userId ?? "1",
      exp: issuedAt + (opts.ttlSeconds ?? 60),
      nbf: issuedAt - 1,
      iat: issuedAt,
      jti: randomUUID(),
      sid: randomUUID(),
      ...opts.claims,
    }),
  );
  const signature = createHmac("sha256", opts.apiSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Leeway on `exp` and `nbf`, as the library's own check (shopify-api lib/session/decode-session-token: 10 s). */
const CLOCK_TOLERANCE_MS = 10_000;

/**
 * Verifies a session token as Shopify's token endpoint does: signature, audience, and the
 * `nbf`..`exp` window; returns its claims or undefined. The caller checks `iss` and `dest`.
 */
export function verifySessionToken(
  token: string,
  apiKey: string,
  apiSecret: string,
  now = new Date(),
): { iss: string; dest: string; sub: string } | undefined {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac("sha256", apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  if (claims.aud !== apiKey) return undefined;
  if (claims.exp * 1000 < now.getTime() - CLOCK_TOLERANCE_MS) return undefined;
  if (typeof claims.nbf !== "number" || claims.nbf * 1000 > now.getTime() + CLOCK_TOLERANCE_MS) return undefined;
  return claims;
}

/**
 * App-proxy signature: drop `signature`, join repeated keys' values with ",", sort by key,
 * concatenate key=value with no separator, HMAC-SHA256 hex.
 */
export function appProxySignature(params: URLSearchParams, apiSecret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.entries()]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
  return createHmac("sha256", apiSecret).update(message).digest("hex");
}

/** Webhook signature: base64 HMAC-SHA256 of the raw body, sent as X-Shopify-Hmac-Sha256. */
export function webhookHmac(body: string, apiSecret: string): string {
  return createHmac("sha256", apiSecret).update(body, "utf8").digest("base64");
}

/**
 * Access and refresh tokens the simulated shop can verify without remembering them, so a
 * restarted demo still accepts the tokens the app stored before.
 */
export function signedToken(prefix: string, claims: { shop: string; exp?: number; [claim: string]: unknown }, apiSecret: string): string {
  const body = base64url(JSON.stringify(claims));
  const mac = createHmac("sha256", apiSecret).update(`${prefix}.${body}`).digest("base64url");
  return `${prefix}_${body}.${mac}`;
}

export function verifySignedToken(
  prefix: string,
  token: string,
  apiSecret: string,
): { shop: string; exp?: number; [claim: string]: unknown } | undefined {
  if (!token.startsWith(`${prefix}_`)) return undefined;
  const [body, mac] = token.slice(prefix.length + 1).split(".");
  if (!body || !mac) return undefined;
  const expected = createHmac("sha256", apiSecret).update(`${prefix}.${body}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
}
