import type { Macro } from "@prisma/client";
import type { Db } from "../../db-client.server";
import { STARTER_MACROS } from "./domain/starters";

/**
 * Saved reply macros, one shop at a time: every query carries the shop, so an id from another
 * shop reads as missing (null) rather than as someone else's macro.
 */

export type { Macro };

export type MacroInput = { family: string; title: string; body: string };

/**
 * A shop's first visit gets the starter macros. Only a shop with no macros at all (archived ones
 * count) is seeded, so deleting or archiving starters never brings them back.
 */
export async function seedStarterMacros(db: Db, shop: string): Promise<void> {
  if ((await db.macro.count({ where: { shop } })) > 0) return;
  await db.$transaction(async (tx) => {
    // Two first visits at once: the second transaction finds the first one's rows.
    if ((await tx.macro.count({ where: { shop } })) > 0) return;
    for (const starter of STARTER_MACROS) {
      await tx.macro.create({
        data: {
          shop,
          family: starter.family,
          title: starter.title,
          body: starter.body,
          createdBy: "Harbor Support",
        },
      });
    }
  });
}

/** Matching on title or body, case-insensitive, is done here so it behaves alike on SQLite and PostgreSQL. */
export async function listMacros(
  db: Db,
  shop: string,
  options: { q?: string; includeArchived?: boolean } = {}
): Promise<Macro[]> {
  await seedStarterMacros(db, shop);
  const rows = await db.macro.findMany({
    where: { shop, ...(options.includeArchived ? {} : { archived: false }) },
    orderBy: [{ family: "asc" }, { title: "asc" }],
  });
  const q = options.q?.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter(
    (row) =>
      row.title.toLowerCase().includes(q) || row.body.toLowerCase().includes(q)
  );
}

export async function listFamilies(db: Db, shop: string): Promise<string[]> {
  const rows = await db.macro.findMany({
    where: { shop },
    select: { family: true },
    distinct: ["family"],
  });
  return rows.map((row) => row.family);
}

export function getMacro(
  db: Db,
  shop: string,
  id: string
): Promise<Macro | null> {
  return db.macro.findFirst({ where: { id, shop } });
}

export function createMacro(
  db: Db,
  shop: string,
  input: MacroInput,
  by: string
): Promise<Macro> {
  return db.macro.create({ data: { shop, ...input, createdBy: by } });
}

export async function updateMacro(
  db: Db,
  shop: string,
  id: string,
  input: MacroInput
): Promise<Macro | null> {
  const { count } = await db.macro.updateMany({
    where: { id, shop },
    data: input,
  });
  return count === 0 ? null : getMacro(db, shop, id);
}

/** A copy starts unused and active, titled "… (copy)". */
export async function duplicateMacro(
  db: Db,
  shop: string,
  id: string,
  by: string
): Promise<Macro | null> {
  const source = await getMacro(db, shop, id);
  if (!source) return null;
  return createMacro(
    db,
    shop,
    {
      family: source.family,
      title: `${source.title} (copy)`,
      body: source.body,
    },
    by
  );
}

export async function setArchived(
  db: Db,
  shop: string,
  id: string,
  archived: boolean
): Promise<Macro | null> {
  const { count } = await db.macro.updateMany({
    where: { id, shop },
    data: { archived },
  });
  return count === 0 ? null : getMacro(db, shop, id);
}
