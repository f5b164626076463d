import { randomUUID } from "node:crypto";
import type { StaffAccount } from "./records";
import { signedToken, verifySessionToken, verifySignedToken } from "./signing";

/**
 * Shopify's token endpoint (POST /admin/oauth/access_token) for the two grants the library sends:
 * token exchange of a session token (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange)
 * and the refresh of an expiring offline token
 * (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens).
 * Rules enforced:
 * - token exchange: `grant_type` urn:ietf:params:oauth:grant-type:token-exchange,
 *   `subject_token_type` urn:ietf:params:oauth:token-type:id_token, `requested_token_type` the online
 *   or offline URN; the session token signed with the app's secret, `aud` the client id, inside
 *   `nbf`..`exp`, `iss` https://{shop}/admin and `dest` https://{shop}; else 400 `invalid_subject_token`
 *   (the answer the library turns into a new session token).
 * - an expiring offline token lasts 3600 s; its refresh token 90 days. Each refresh returns a new
 *   refresh token; the one used stays usable until the app uses its replacement (then it is
 *   retired), and at most 30 days from its first use
 *   (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens).
 */

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";

const ACCESS_TOKEN_SECONDS = 3600;
const ONLINE_TOKEN_SECONDS = 86_400;
const REFRESH_TOKEN_SECONDS = 90 * 86_400;
const RETRY_WINDOW_MS = 30 * 86_400_000;

type Answer = { status: number; body: Record<string, unknown> };

const refuse = (status: number, error: string, description: string): Answer => ({ status, body: { error, error_description: description } });

export function createTokenEndpoint(options: {
  apiKey: string;
  apiSecret: string;
  now: () => Date;
  /** The scopes the shop granted the app, read at each issue. */
  grantedScopes: () => string[];
  staff: (shop: string) => readonly StaffAccount[];
}) {
  /** Refresh tokens' first use, and those retired because their replacement was used. */
  const firstUsed = new Map<string, number>();
  const retired = new Set<string>();
  /** Grants answered with tokens, by kind, for tests that count refreshes. */
  const issued = { exchange: 0, refresh: 0 };

  function offlineTokens(shop: string, expiring: boolean, parent?: string) {
    const scope = options.grantedScopes().join(",");
    if (!expiring) return { access_token: signedToken("shpat", { shop }, options.apiSecret), scope };
    const issuedAt = options.now().getTime();
    return {
      access_token: signedToken("shpat", { shop, exp: issuedAt + ACCESS_TOKEN_SECONDS * 1000 }, options.apiSecret),
      scope,
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: signedToken(
        "shprt",
        { shop, exp: issuedAt + REFRESH_TOKEN_SECONDS * 1000, jti: randomUUID(), ...(parent ? { parent } : {}) },
        options.apiSecret,
      ),
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
    };
  }

  function refresh(shop: string, token: string): Answer {
    const now = options.now().getTime();
    const grant = verifySignedToken("shprt", token, options.apiSecret) as
      | { shop: string; exp?: number; jti?: string; parent?: string }
      | undefined;
    if (!grant || grant.shop !== shop || !grant.jti || (grant.exp ?? 0) < now) {
      return refuse(400, "invalid_grant", "The refresh token is invalid or has expired.");
    }
    if (retired.has(grant.jti)) return refuse(400, "invalid_grant", "The refresh token was replaced and its replacement has been used.");
    const first = firstUsed.get(grant.jti) ?? now;
    if (now - first > RETRY_WINDOW_MS) return refuse(400, "invalid_grant", "The refresh token was used more than 30 days ago.");
    firstUsed.set(grant.jti, first);
    // Using a replacement retires the token it replaced.
    if (grant.parent) retired.add(grant.parent);
    issued.refresh++;
    return { status: 200, body: offlineTokens(shop, true, grant.jti) };
  }

  function exchange(shop: string, body: Record<string, unknown>): Answer {
    if (body.subject_token_type !== ID_TOKEN_TYPE) {
      return refuse(400, "invalid_request", `subject_token_type must be ${ID_TOKEN_TYPE}.`);
    }
    const requested = body.requested_token_type;
    if (requested !== ONLINE_TOKEN_TYPE && requested !== OFFLINE_TOKEN_TYPE) {
      return refuse(400, "invalid_request", "requested_token_type must be the online or offline access token type.");
    }
    const claims = verifySessionToken(String(body.subject_token ?? ""), options.apiKey, options.apiSecret, options.now());
    const user = claims && options.staff(shop).find((member) => String(member.id) === claims.sub);
    if (!claims || claims.dest !== `https://${shop}` || claims.iss !== `https://${shop}/admin` || !user) {
      return refuse(400, "invalid_subject_token", "Session token is invalid");
    }
    issued.exchange++;
    if (requested === OFFLINE_TOKEN_TYPE) return { status: 200, body: offlineTokens(shop, body.expiring === "1") };
    const scope = options.grantedScopes().join(",");
    const expires = options.now().getTime() + ONLINE_TOKEN_SECONDS * 1000;
    return {
      status: 200,
      body: {
        access_token: signedToken("shpat", { shop, exp: expires }, options.apiSecret),
        scope,
        expires_in: ONLINE_TOKEN_SECONDS,
        associated_user_scope: scope,
        associated_user: {
          id: user.id,
          first_name: user.firstName,
          last_name: user.lastName,
          email: user.email,
          account_owner: user.accountOwner,
          locale: user.locale,
          collaborator: false,
          email_verified: true,
        },
      },
    };
  }

  return {
    issued,
    /** Answers one POST to /admin/oauth/access_token for `shop`. */
    answer(shop: string, body: Record<string, unknown>): Answer {
      if (body.client_id !== options.apiKey || body.client_secret !== options.apiSecret) {
        return refuse(401, "invalid_client", "Client credentials are invalid");
      }
      if (body.grant_type === "refresh_token") return refresh(shop, String(body.refresh_token ?? ""));
      if (body.grant_type === TOKEN_EXCHANGE_GRANT) return exchange(shop, body);
      return refuse(400, "unsupported_grant_type", "The grant type is not supported.");
    },
  };
}
