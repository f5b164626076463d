import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import type { Db } from "../db-client.server";

/**
 * Expiring offline tokens (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens):
 * an access token lasts an hour and each refresh hands out a new refresh token, the one used
 * being retired once the new one is used. The library refreshes inside `loadSession`'s callers
 * when a token is within 5 minutes of expiry (shopify-app-remix helpers/ensure-offline-token-is-not-expired),
 * once per request: a burst of storefront requests, in any number of processes, would each
 * refresh. This storage refreshes first, 10 minutes ahead, and only under a claim held in the
 * database, so one request refreshes and the others keep using the still-valid token or wait
 * for the new one.
 */
export const REFRESH_AHEAD_MS = 10 * 60_000;
/** The library's own threshold: a session closer than this to expiry is refreshed by the library. */
const LIBRARY_REFRESH_WITHIN_MS = 5 * 60_000;
/** A claimant that died lets go after this; a refresh is one HTTP call. */
export const CLAIM_MS = 15_000;
const WAIT_STEP_MS = 100;

export type Refresher = (session: Session) => Promise<Session>;

function needsRefresh(session: Session | undefined): session is Session {
  return Boolean(session && !session.isOnline && session.refreshToken && session.isExpired(REFRESH_AHEAD_MS));
}

/** Takes the shop's refresh claim until `until`; false while another holder's claim runs. */
export async function claimRefresh(db: Db, shop: string, until: Date, now = new Date()): Promise<boolean> {
  try {
    await db.tokenRefreshClaim.create({ data: { shop, claimedUntil: until } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown })?.code !== "P2002") throw error;
    const taken = await db.tokenRefreshClaim.updateMany({
      where: { shop, claimedUntil: { lt: now } },
      data: { claimedUntil: until },
    });
    return taken.count === 1;
  }
}

export async function releaseRefresh(db: Db, shop: string, until: Date): Promise<void> {
  await db.tokenRefreshClaim.deleteMany({ where: { shop, claimedUntil: until } });
}

export class RefreshingSessionStorage implements SessionStorage {
  private refresher: Refresher | undefined;

  constructor(
    private readonly inner: SessionStorage,
    private readonly db: Db,
  ) {}

  /** Set once the Shopify library exists (it needs this storage first). */
  refreshWith(refresher: Refresher): void {
    this.refresher = refresher;
  }

  storeSession(session: Session) {
    return this.inner.storeSession(session);
  }
  deleteSession(id: string) {
    return this.inner.deleteSession(id);
  }
  deleteSessions(ids: string[]) {
    return this.inner.deleteSessions(ids);
  }
  findSessionsByShop(shop: string) {
    return this.inner.findSessionsByShop(shop);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    if (!this.refresher || !needsRefresh(session)) return session;
    return this.refreshOnce(session, this.refresher);
  }

  private async refreshOnce(stale: Session, refresher: Refresher): Promise<Session | undefined> {
    let seen = stale;
    for (;;) {
      const until = new Date(Date.now() + CLAIM_MS);
      if (await claimRefresh(this.db, seen.shop, until)) {
        try {
          // Another holder may have refreshed between our read and our claim.
          const current = await this.inner.loadSession(seen.id);
          if (!needsRefresh(current)) return current;
          const fresh = await refresher(current);
          await this.inner.storeSession(fresh);
          return fresh;
        } finally {
          await releaseRefresh(this.db, seen.shop, until);
        }
      }
      // Someone else is refreshing: the old token still works, unless it is so close to expiry that
      // the library would refresh it again; then wait for the new one.
      if (!seen.isExpired(LIBRARY_REFRESH_WITHIN_MS)) return seen;
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      const current = await this.inner.loadSession(seen.id);
      if (!needsRefresh(current)) return current;
      seen = current;
    }
  }
}
