import type { Db } from "../db-client.server";
import { DEFAULT_RETURN_POLICY, parsePolicy } from "../domain/returns/policy";
import type { ReturnPolicy } from "../domain/returns/types";

/**
 * The return policy in force for a shop: its latest saved version, or the defaults (version 1)
 * for a shop that never changed anything.
 */
export async function currentReturnPolicy(db: Db, shop: string): Promise<ReturnPolicy> {
  const latest = await db.policyVersion.findFirst({ where: { shop, kind: "returns" }, orderBy: { version: "desc" } });
  return latest ? parsePolicy({ ...JSON.parse(latest.data), version: latest.version }) : DEFAULT_RETURN_POLICY;
}

/** Saves a new version; the previous ones stay, with who saved them and when. */
export async function saveReturnPolicy(db: Db, shop: string, policy: Omit<ReturnPolicy, "version">, by: string): Promise<ReturnPolicy> {
  const current = await currentReturnPolicy(db, shop);
  const next = parsePolicy({ ...policy, version: current.version + 1 });
  await db.policyVersion.create({
    data: { shop, kind: "returns", version: next.version, data: JSON.stringify(next), createdBy: by },
  });
  return next;
}
