import type { Db } from "../../db-client.server";
import { DEFAULT_RETURN_POLICY, parsePolicy } from "./domain/returns";
import type { ReturnPolicy } from "../returns/domain/types";
import { DEFAULT_SHIPPING_POLICY, parseShippingPolicy, type ShippingPolicy } from "./domain/shipping";
import { DEFAULT_SUPPORT_SETTINGS } from "./domain/support-defaults";
import { parseSupportSettings, type SupportSettings } from "./domain/support";

/**
 * Versioned policy documents, one row per saved version; the highest version is in force and a
 * shop that never saved one has the defaults as version 1.
 */
export type PolicyKind<T extends { version: number }> = { kind: string; defaults: T; parse(value: unknown): T };

export const RETURNS: PolicyKind<ReturnPolicy> = { kind: "returns", defaults: DEFAULT_RETURN_POLICY, parse: parsePolicy };
export const SHIPPING: PolicyKind<ShippingPolicy> = { kind: "shipping", defaults: DEFAULT_SHIPPING_POLICY, parse: parseShippingPolicy };
export const SUPPORT: PolicyKind<SupportSettings> = { kind: "support", defaults: DEFAULT_SUPPORT_SETTINGS, parse: parseSupportSettings };

export async function currentPolicy<T extends { version: number }>(db: Db, shop: string, spec: PolicyKind<T>): Promise<T> {
  const latest = await db.policyVersion.findFirst({ where: { shop, kind: spec.kind }, orderBy: { version: "desc" } });
  return latest ? spec.parse({ ...JSON.parse(latest.data), version: latest.version }) : spec.defaults;
}

/**
 * Saves a new version; the previous ones stay, with who saved them and when. With `baseVersion`
 * the new one is exactly baseVersion + 1, so of two saves made from the same version the unique
 * index lets only the first through (the caller reports the other as a conflict).
 */
export async function savePolicy<T extends { version: number }>(
  db: Db,
  shop: string,
  spec: PolicyKind<T>,
  value: Omit<T, "version">,
  by: string,
  baseVersion?: number,
): Promise<T> {
  const base = baseVersion ?? (await currentPolicy(db, shop, spec)).version;
  const next = spec.parse({ ...value, version: base + 1 });
  await db.policyVersion.create({ data: { shop, kind: spec.kind, version: next.version, data: JSON.stringify(next), createdBy: by } });
  return next;
}

/** The highest saved version of every kind: changes whenever any policy is saved. */
export async function policyRevision(db: Db, shop: string): Promise<string> {
  const rows = await db.policyVersion.groupBy({ by: ["kind"], where: { shop }, _max: { version: true } });
  return rows
    .map((r) => `${r.kind}:${r._max.version}`)
    .sort()
    .join(",");
}

export const currentReturnPolicy = (db: Db, shop: string) => currentPolicy(db, shop, RETURNS);
export const saveReturnPolicy = (db: Db, shop: string, policy: Omit<ReturnPolicy, "version">, by: string) => savePolicy(db, shop, RETURNS, policy, by);
