import { recordedBefore } from "../webhooks/domain/ordering";
import type { Db } from "../../db-client.server";
import { DEFAULT_PROXY_PATH } from "../../lib/proxy-path";
import type { Tx } from "../webhooks/deliveries.server";

export async function recordInstall(db: Db, domain: string, scopes: string): Promise<void> {
  await db.shop.upsert({
    where: { domain },
    create: { domain, scopes },
    update: { scopes, uninstalledAt: null, installedAt: new Date() },
  });
}

/** Sessions go at once; the shop's data stays until shop/redact (sent 48 hours later). */
export async function recordUninstall(tx: Tx, domain: string, at: Date): Promise<void> {
  await tx.session.deleteMany({ where: { shop: domain } });
  await tx.shop.updateMany({ where: { domain }, data: { uninstalledAt: at } });
}

/**
 * app/scopes_update: the scopes granted as of `changedAt`. A late delivery of an earlier change
 * (Shopify does not deliver in order) leaves the later one in place.
 */
export async function recordScopes(tx: Tx, domain: string, scopes: string[], changedAt: Date | null): Promise<void> {
  const scope = scopes.join(",");
  const moved = await tx.shop.updateMany({
    where: { domain, ...recordedBefore("scopesChangedAt", changedAt) },
    data: { scopes: scope, scopesChangedAt: changedAt },
  });
  if (moved.count === 0 && (await tx.shop.count({ where: { domain } })) > 0) return;
  await tx.session.updateMany({ where: { shop: domain }, data: { scope } });
}

/** Keeps the app proxy path a signed storefront request came through; writes only when it changed. */
export async function rememberProxyPath(db: Db, domain: string, proxyPath: string): Promise<void> {
  await db.shop.updateMany({ where: { domain, OR: [{ proxyPath: null }, { proxyPath: { not: proxyPath } }] }, data: { proxyPath } });
}

/** The app proxy path the shop last served us under, for links in emails; the default before any. */
export async function shopProxyPath(db: Db, domain: string): Promise<string> {
  const row = await db.shop.findUnique({ where: { domain }, select: { proxyPath: true } });
  return row?.proxyPath ?? DEFAULT_PROXY_PATH;
}
