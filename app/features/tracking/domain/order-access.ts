import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Order-access tokens: after a successful lookup the shopper gets a short-lived token bound to
 * one shop and one order; returns and contact use it instead of asking for the details again.
 * HMAC-SHA256 over the claims with a key derived from the app's secret, so nothing is stored.
 */

export const ORDER_ACCESS_TTL_MS = 30 * 60 * 1000;

type Claims = { shop: string; orderId: string; exp: number };

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("harbor:order-access:v1").digest();
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", key(secret)).update(body).digest();
}

export function issueOrderAccessToken(
  secret: string,
  grant: { shop: string; orderId: string },
  now: Date,
  ttlMs = ORDER_ACCESS_TTL_MS,
): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const claims: Claims = { shop: grant.shop, orderId: grant.orderId, exp: expiresAt.getTime() };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return { token: `${body}.${mac(secret, body).toString("base64url")}`, expiresAt };
}

/** The order id the token grants in this shop, or null: forged, expired, or for another shop. */
export function verifyOrderAccessToken(secret: string, token: string, shop: string, now: Date): string | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (claims.shop !== shop || typeof claims.orderId !== "string" || !(claims.exp > now.getTime())) return null;
  return claims.orderId;
}
