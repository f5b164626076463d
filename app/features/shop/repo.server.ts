import { recordedBefore } from "../webhooks/domain/ordering";
import type { Db } from "../../db-client.server";
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
