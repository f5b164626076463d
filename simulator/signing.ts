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
    }),
  );
  const signature = createHmac("sha256", opts.apiSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Verifies a session token's signature and audience; returns its claims or undefined. */
export function verifySessionToken(
  token: string,
  apiKey: string,
  apiSecret: string,
  now = new Date(),
): { dest: string; sub: string } | undefined {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac("sha256", apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  if (claims.aud !== apiKey || claims.exp * 1000 < now.getTime() - 10_000) return undefined;
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
export function signedToken(prefix: string, claims: { shop: string; exp?: number }, apiSecret: string): string {
  const body = base64url(JSON.stringify(claims));
  const mac = createHmac("sha256", apiSecret).update(`${prefix}.${body}`).digest("base64url");
  return `${prefix}_${body}.${mac}`;
}

export function verifySignedToken(
  prefix: string,
  token: string,
  apiSecret: string,
): { shop: string; exp?: number } | undefined {
  if (!token.startsWith(`${prefix}_`)) return undefined;
  const [body, mac] = token.slice(prefix.length + 1).split(".");
  if (!body || !mac) return undefined;
  const expected = createHmac("sha256", apiSecret).update(`${prefix}.${body}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
}
