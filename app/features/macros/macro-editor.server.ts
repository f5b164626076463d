/** The macro editor: load one macro (or a new one), and save a form only when its fields and body (validateMacro, errors with line and column) pass. */
import { z } from "zod";
import type { Db } from "../../db-client.server";
import { MACRO_FAMILIES } from "./domain/starters";
import { validateMacro, type MacroError } from "./domain/template";
import { createMacro, getMacro, listFamilies, listMacros, updateMacro, type Macro } from "./repo.server";
import { storedText } from "../../lib/text";
import { sortFamilies } from "./families";

/** How an error reads beside the body field. */
export function formatMacroError(error: MacroError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

export const NEW_MACRO_ID = "new";

export type MacroEditorData = {
  macro: {
    id: string | null;
    family: string;
    title: string;
    body: string;
    archived: boolean;
  };
  families: string[];
};

/** null: no such macro in this shop. */
export async function loadMacroEditor(
  db: Db,
  shop: string,
  id: string
): Promise<MacroEditorData | null> {
  await listMacros(db, shop); // seeds a shop that opens the editor first
  const families = sortFamilies([
    ...MACRO_FAMILIES,
    ...(await listFamilies(db, shop)),
  ]);
  if (id === NEW_MACRO_ID)
    return {
      macro: {
        id: null,
        family: MACRO_FAMILIES[0],
        title: "",
        body: "",
        archived: false,
      },
      families,
    };
  const macro = await getMacro(db, shop, id);
  if (!macro) return null;
  return {
    macro: {
      id: macro.id,
      family: macro.family,
      title: macro.title,
      body: macro.body,
      archived: macro.archived,
    },
    families,
  };
}

export const MacroFormSchema = z.object({
  title: storedText(z.string().trim().min(1, "Give the macro a title").max(120, "Keep the title under 120 characters")),
  family: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Choose a family or name a new one")
    .max(40, "Keep the family under 40 characters")
    .regex(
      /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u,
      "Use letters, numbers, spaces, hyphens or underscores"
    ),
  body: storedText(z.string().min(1, "Write the reply")),
});

export type MacroFieldErrors = Partial<
  Record<"title" | "family" | "body", string>
>;

export type MacroSaveOutcome =
  | { ok: true; id: string; created: boolean }
  | {
      ok: false;
      status: 400 | 404;
      errors: MacroFieldErrors;
      bodyErrors: string[];
    };

/** Validates (fields with zod, the body with validateMacro) and writes only a macro that passes. */
export async function saveMacroForm(
  db: Db,
  shop: string,
  id: string,
  form: FormData,
  staff: string
): Promise<MacroSaveOutcome> {
  const parsed = MacroFormSchema.safeParse({
    title: form.get("title") ?? "",
    family: form.get("family") ?? "",
    body: form.get("body") ?? "",
  });
  const errors: MacroFieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as keyof MacroFieldErrors] ??= issue.message;
  }
  const body =
    typeof form.get("body") === "string" ? (form.get("body") as string) : "";
  const validation = body ? validateMacro(body) : null;
  const bodyErrors =
    validation && !validation.ok ? validation.errors.map(formatMacroError) : [];
  if (bodyErrors.length > 0) errors.body ??= bodyErrors[0];
  if (!parsed.success || bodyErrors.length > 0)
    return { ok: false, status: 400, errors, bodyErrors };

  if (id === NEW_MACRO_ID) {
    const macro = await createMacro(db, shop, parsed.data, staff);
    return { ok: true, id: macro.id, created: true };
  }
  const macro: Macro | null = await updateMacro(db, shop, id, parsed.data);
  if (!macro) return { ok: false, status: 404, errors: {}, bodyErrors: [] };
  return { ok: true, id: macro.id, created: false };
}
