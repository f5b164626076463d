/** The admin's Macros list, grouped by family and searchable, and its row actions. */
import { z } from "zod";
import type { Db } from "../../db-client.server";
import { duplicateMacro, listMacros, setArchived } from "./repo.server";
import { formatDateTime } from "../../lib/format";
import { groupByFamily } from "./families";

export const MacroListParamsSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  archived: z.enum(["1"]).optional().catch(undefined),
});

export type MacroRow = {
  id: string;
  family: string;
  title: string;
  archived: boolean;
  usageCount: number;
  lastUsed: string | null;
};

export type MacroList = {
  q: string;
  includeArchived: boolean;
  total: number;
  groups: { family: string; macros: MacroRow[] }[];
};

export async function loadMacroList(
  db: Db,
  shop: string,
  url: URL,
  timeZone: string
): Promise<MacroList> {
  const params = MacroListParamsSchema.parse({
    q: url.searchParams.get("q") ?? "",
    archived: url.searchParams.get("archived") ?? undefined,
  });
  const includeArchived = params.archived === "1";
  const rows = await listMacros(db, shop, { q: params.q, includeArchived });
  const view = rows.map((m) => ({
    id: m.id,
    family: m.family,
    title: m.title,
    archived: m.archived,
    usageCount: m.usageCount,
    lastUsed: m.lastUsedAt ? formatDateTime(m.lastUsedAt, timeZone) : null,
  }));
  return {
    q: params.q,
    includeArchived,
    total: view.length,
    groups: groupByFamily(view),
  };
}

export const MacroRowActionSchema = z.object({
  intent: z.enum(["duplicate", "archive", "unarchive"]),
  id: z.string().min(1).max(64),
});

export type RowActionOutcome =
  | { ok: true; message: string; id: string }
  | { ok: false; status: 400 | 404; message: string };

export async function runRowAction(
  db: Db,
  shop: string,
  form: FormData,
  staff: string
): Promise<RowActionOutcome> {
  const parsed = MacroRowActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      message: "This action could not be read.",
    };
  const { intent, id } = parsed.data;
  const notFound = {
    ok: false,
    status: 404,
    message: "This macro does not exist in this shop.",
  } as const;
  if (intent === "duplicate") {
    const copy = await duplicateMacro(db, shop, id, staff);
    return copy
      ? { ok: true, id: copy.id, message: `Duplicated as “${copy.title}”` }
      : notFound;
  }
  const macro = await setArchived(db, shop, id, intent === "archive");
  if (!macro) return notFound;
  return {
    ok: true,
    id: macro.id,
    message: intent === "archive" ? "Macro archived" : "Macro restored",
  };
}
