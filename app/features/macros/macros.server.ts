import { z } from "zod";
import type { Db } from "../../db-client.server";
import { MACRO_FAMILIES } from "./domain/starters";
import { validateMacro, type MacroError } from "./domain/template";
import { exampleContext, type MacroContext } from "./domain/variables";
import { deriveTracking } from "../tracking/domain/derive";
import type { OrderSnapshot, OrderState } from "../tracking/domain/types";
import { normalizeOrderName } from "../tracking/domain/verify";
import {
  createMacro,
  duplicateMacro,
  getMacro,
  listFamilies,
  listMacros,
  setArchived,
  updateMacro,
  type Macro,
} from "./repo.server";
import { searchOrders, searchValue } from "../../shopify/orders.server";
import type { AdminGraphql } from "../../shopify.server";
import { formatDateTime } from "../../lib/format";
import { storedText } from "../../lib/text";

/**
 * The admin's Macros pages: the list grouped by family, the editor's save (validated by the
 * domain's validateMacro, errors with line and column) and a preview context built from a real order.
 */

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

/** The starter families first, in the order support teams use them; the shop's own after, A→Z. */
export function compareFamilies(a: string, b: string): number {
  const rank = (family: string) => {
    const index = (MACRO_FAMILIES as readonly string[]).indexOf(family);
    return index === -1 ? MACRO_FAMILIES.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function sortFamilies(families: Iterable<string>): string[] {
  return [...new Set(families)].sort(compareFamilies);
}

/** Rows grouped by family (families ordered by compareFamilies), titles A→Z inside each. */
export function groupByFamily<T extends { family: string; title: string }>(
  rows: readonly T[]
): { family: string; macros: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.family) ?? [];
    list.push(row);
    groups.set(row.family, list);
  }
  return sortFamilies(groups.keys()).map((family) => ({
    family,
    macros: [...groups.get(family)!].sort((a, b) =>
      a.title.localeCompare(b.title)
    ),
  }));
}

/** How an error reads beside the body field. */
export function formatMacroError(error: MacroError): string {
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

const STATE_LABELS: Record<OrderState, string> = {
  placed: "Placed",
  fulfilled: "Fulfilled",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

function formatDay(
  iso: string | null,
  timeZone: string,
  options: Intl.DateTimeFormatOptions
): string {
  if (!iso) return "";
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(
      new Date(iso)
    );
  } catch {
    return new Intl.DateTimeFormat("en-US", {
      ...options,
      timeZone: "UTC",
    }).format(new Date(iso));
  }
}

/**
 * A preview context from a real order. The tracking query has no customer name (that needs
 * read_customers) nor totals, so the customer is greeted as "there" and the groups the order
 * cannot fill (total, return, ticket, shop, policy, staff) keep their example values.
 */
export function contextFromOrder(
  order: OrderSnapshot,
  timeZone = "UTC"
): MacroContext {
  const example = exampleContext();
  const tracking = deriveTracking(order);
  const shipment =
    tracking.shipments.find((s) => s.trackingNumber || s.trackingUrl) ??
    tracking.shipments[0];
  return {
    ...example,
    customer: { first_name: "there", last_name: "", email: order.email ?? "" },
    order: {
      name: order.name,
      status: STATE_LABELS[tracking.state],
      placed_at: formatDay(tracking.placedAt, timeZone, { dateStyle: "long" }),
      shipped_at: formatDay(shipment?.shippedAt ?? null, timeZone, {
        dateStyle: "long",
      }),
      tracking_number: shipment?.trackingNumber ?? "",
      tracking_url: shipment?.trackingUrl ?? "",
      carrier: shipment?.carrier ?? "",
      estimated_delivery: formatDay(tracking.estimatedDeliveryAt, timeZone, {
        weekday: "long",
        month: "long",
        day: "numeric",
      }),
      items_summary: tracking.items
        .map(
          (i) =>
            `${i.quantity} × ${i.title}${
              i.variantTitle ? ` (${i.variantTitle})` : ""
            }`
        )
        .join(", "),
      total: example.order.total,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------------

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

export type OrderPreviewOutcome =
  | { ok: true; orderName: string; context: MacroContext }
  | { ok: false; status: 400 | 404 | 502; message: string };

/** The order the admin typed, as a preview context. */
export async function loadOrderPreview(
  graphql: AdminGraphql,
  orderNumber: unknown,
  timeZone: string
): Promise<OrderPreviewOutcome> {
  const name =
    typeof orderNumber === "string" ? normalizeOrderName(orderNumber) : null;
  if (!name)
    return {
      ok: false,
      status: 400,
      message: "Enter an order number, like #1001.",
    };
  let orders: OrderSnapshot[];
  try {
    orders = await searchOrders(graphql, `name:${searchValue(name)}`, 1);
  } catch (error) {
    console.warn(
      "[macros] order preview failed",
      error instanceof Error ? error.message : error
    );
    return {
      ok: false,
      status: 502,
      message: "Shopify did not answer. Try again in a moment.",
    };
  }
  // Search matches loosely; only the exact order counts.
  const order = orders.find((o) => o.name === name);
  if (!order)
    return {
      ok: false,
      status: 404,
      message: `No order ${name} in this shop.`,
    };
  return {
    ok: true,
    orderName: order.name,
    context: contextFromOrder(order, timeZone),
  };
}
