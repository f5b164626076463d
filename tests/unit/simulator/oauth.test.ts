import { describe, expect, it } from "vitest";
import {
  createTokenEndpoint,
  ID_TOKEN_TYPE,
  OFFLINE_TOKEN_TYPE,
  ONLINE_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT,
} from "../../../simulator/oauth";
import { sessionToken } from "../../../simulator/signing";

const SHOP = "harbor-demo.myshopify.com";
const credentials = { apiKey: "key", apiSecret: "secret" };

function endpoint(start = new Date("2026-12-01T12:00:00Z")) {
  let now = start;
  const tokens = createTokenEndpoint({
    ...credentials,
    now: () => now,
    grantedScopes: () => ["read_orders"],
    staff: () => [{ id: 7, firstName: "Ana", lastName: "Lopez", email: "ana@example.com", accountOwner: false, locale: "fr" }],
  });
  return { tokens, advance: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now };
}

function exchangeBody(token: string, overrides: Record<string, unknown> = {}) {
  return {
    client_id: credentials.apiKey,
    client_secret: credentials.apiSecret,
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: token,
    subject_token_type: ID_TOKEN_TYPE,
    requested_token_type: OFFLINE_TOKEN_TYPE,
    expiring: "1",
    ...overrides,
  };
}

const refreshBody = (refreshToken: unknown) => ({ client_id: "key", client_secret: "secret", grant_type: "refresh_token", refresh_token: refreshToken });

describe("simulated token endpoint: token exchange", () => {
  const valid = (now: Date, claims: Record<string, unknown> = {}) =>
    sessionToken({ shop: SHOP, ...credentials, userId: "7", now, claims });

  it("GIVEN a valid session token THEN an expiring offline token (3600 s) with a refresh token (90 days) is issued", () => {
    const { tokens, now } = endpoint();
    const answer = tokens.answer(SHOP, exchangeBody(valid(now())));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7_776_000, scope: "read_orders" });
  });

  it.each([
    ["a grant type other than token exchange", { grant_type: "authorization_code" }, "unsupported_grant_type"],
    ["a subject token type other than id_token", { subject_token_type: "urn:ietf:params:oauth:token-type:access_token" }, "invalid_request"],
    ["an unknown requested token type", { requested_token_type: "urn:shopify:params:oauth:token-type:other" }, "invalid_request"],
  ])("GIVEN %s THEN 400 %s", (_, overrides, error) => {
    const { tokens, now } = endpoint();
    const answer = tokens.answer(SHOP, exchangeBody(valid(now()), overrides));
    expect(answer).toMatchObject({ status: 400, body: { error } });
  });

  it.each([
    ["not valid before a minute from now (nbf)", { nbf: 60 }],
    ["issued by another shop's admin (iss)", { iss: "https://other.myshopify.com/admin" }],
    ["for another shop (dest)", { dest: "https://other.myshopify.com" }],
    ["for another app (aud)", { aud: "other-key" }],
    ["expired a minute ago (exp)", { exp: -60 }],
    ["of a user who is not the shop's staff (sub)", { sub: "99" }],
  ])("GIVEN a session token %s THEN 400 invalid_subject_token", (_, claim) => {
    const { tokens, now } = endpoint();
    const seconds = Math.floor(now().getTime() / 1000);
    const claims = Object.fromEntries(Object.entries(claim).map(([k, v]) => [k, typeof v === "number" ? seconds + v : v]));
    expect(tokens.answer(SHOP, exchangeBody(valid(now(), claims)))).toMatchObject({ status: 400, body: { error: "invalid_subject_token" } });
  });

  it("GIVEN an online token request THEN the staff member the session token names is the associated user", () => {
    const { tokens, now } = endpoint();
    const answer = tokens.answer(SHOP, exchangeBody(valid(now()), { requested_token_type: ONLINE_TOKEN_TYPE }));
    expect(answer.body).toMatchObject({ expires_in: 86_400, associated_user: { id: 7, first_name: "Ana", last_name: "Lopez", email: "ana@example.com", locale: "fr" } });
  });

  it("GIVEN wrong client credentials THEN 401 invalid_client", () => {
    const { tokens, now } = endpoint();
    expect(tokens.answer(SHOP, exchangeBody(valid(now()), { client_secret: "nope" }))).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });
});

describe("simulated token endpoint: refresh rotation", () => {
  function installed() {
    const shop = endpoint();
    const first = shop.tokens.answer(SHOP, exchangeBody(sessionToken({ shop: SHOP, ...credentials, userId: "7", now: shop.now() })));
    return { ...shop, refreshToken: first.body.refresh_token as string };
  }

  it("GIVEN a refresh THEN a new access token and a new refresh token come back", () => {
    const { tokens, refreshToken } = installed();
    const answer = tokens.answer(SHOP, refreshBody(refreshToken));
    expect(answer.status).toBe(200);
    expect(answer.body.refresh_token).not.toBe(refreshToken);
    expect(tokens.issued.refresh).toBe(1);
  });

  it("GIVEN a refresh whose answer was lost THEN the old refresh token still works until its replacement is used, and not after", () => {
    const { tokens, refreshToken } = installed();
    const lost = tokens.answer(SHOP, refreshBody(refreshToken));
    const retried = tokens.answer(SHOP, refreshBody(refreshToken));
    expect(retried.status).toBe(200);

    expect(tokens.answer(SHOP, refreshBody(retried.body.refresh_token)).status).toBe(200);
    expect(tokens.answer(SHOP, refreshBody(refreshToken))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    // A sibling replacement of the retired token was never used: it still refreshes.
    expect(tokens.answer(SHOP, refreshBody(lost.body.refresh_token)).status).toBe(200);
  });

  it("GIVEN a refresh token first used more than 30 days ago THEN it no longer refreshes", () => {
    const { tokens, refreshToken, advance } = installed();
    tokens.answer(SHOP, refreshBody(refreshToken));
    advance(31 * 86_400_000);
    expect(tokens.answer(SHOP, refreshBody(refreshToken))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("GIVEN a refresh token older than 90 days, or another shop's, or forged THEN invalid_grant", () => {
    const { tokens, refreshToken, advance } = installed();
    expect(tokens.answer("other.myshopify.com", refreshBody(refreshToken)).status).toBe(400);
    expect(tokens.answer(SHOP, refreshBody(`${refreshToken}x`)).status).toBe(400);
    advance(91 * 86_400_000);
    expect(tokens.answer(SHOP, refreshBody(refreshToken))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});
