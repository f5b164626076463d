import { z } from "zod";
import type { Db } from "../../db-client.server";
import type { ReturnPolicy } from "../returns/domain/types";
import type { ShippingPolicy } from "./domain/shipping";
import type { SupportSettings } from "../tickets/domain/types";
import { currentPolicy, RETURNS, savePolicy, SHIPPING, SUPPORT, type PolicyKind } from "./repo.server";
import { FORM_ERROR, parseDocumentForm, UNREADABLE_FORM, type DocumentForm, type FieldErrors } from "./policy-form";
import { formatDateTime } from "../../lib/format";
import { RETURN_POLICY_FORM, type ReturnPolicyFormValues } from "./returns-form";
import { SHIPPING_FORM, type ShippingFormValues } from "./shipping-form";
import { SUPPORT_FORM, type SupportFormValues } from "./support-form";

/**
 * The admin's Policies page, one section per versioned document (returns, shipping, support):
 * the document in force as form values with its versions list, and the save that validates,
 * refuses to overwrite a version the merchant has not seen, and adds one version row.
 */

export type PolicySection<T extends { version: number }, F> = {
  kind: PolicyKind<T>;
  form: DocumentForm<T, F>;
  /** For messages: "the return policy". */
  noun: string;
};

export const RETURNS_SECTION: PolicySection<ReturnPolicy, ReturnPolicyFormValues> = { kind: RETURNS, form: RETURN_POLICY_FORM, noun: "the return policy" };
export const SHIPPING_SECTION: PolicySection<ShippingPolicy, ShippingFormValues> = { kind: SHIPPING, form: SHIPPING_FORM, noun: "the shipping policy" };
export const SUPPORT_SECTION: PolicySection<SupportSettings, SupportFormValues> = { kind: SUPPORT, form: SUPPORT_FORM, noun: "the support settings" };

export const VERSIONS_SHOWN = 10;

export type PolicyVersionRow = {
  version: number;
  /** null for the defaults, which nobody saved. */
  createdBy: string | null;
  createdAt: string | null;
  /** createdAt in the shop's time zone, formatted for the page. */
  created: string | null;
  inForce: boolean;
};

export type PolicySectionPage<F> = { version: number; form: F; versions: PolicyVersionRow[] };

/** The document in force as form values, and its latest versions (newest first), defaults included when in reach. */
export async function loadPolicySection<T extends { version: number }, F>(
  db: Db,
  shop: string,
  section: PolicySection<T, F>,
  timeZone = "UTC",
): Promise<PolicySectionPage<F>> {
  const [document, rows] = await Promise.all([
    currentPolicy(db, shop, section.kind),
    db.policyVersion.findMany({
      where: { shop, kind: section.kind.kind },
      orderBy: { version: "desc" },
      take: VERSIONS_SHOWN,
      select: { version: true, createdBy: true, createdAt: true },
    }),
  ]);
  const versions: PolicyVersionRow[] = rows.map((r) => ({
    version: r.version,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    created: formatDateTime(r.createdAt, timeZone),
    inForce: r.version === document.version,
  }));
  // Version 1 is the defaults, never stored: list it once the stored ones leave room.
  if (versions.length < VERSIONS_SHOWN && !versions.some((v) => v.version === 1)) {
    versions.push({ version: 1, createdBy: null, createdAt: null, created: null, inForce: document.version === 1 });
  }
  return { version: document.version, form: section.form.toForm(document), versions };
}

/** errors: one message per dotted field path, shown beside its field; formError: what no field owns. */
export type SaveOutcome = { ok: true; version: number } | { ok: false; status: 400 | 409; errors: FieldErrors; formError: string | null };

function rejected(status: 400 | 409, all: FieldErrors): SaveOutcome {
  const { [FORM_ERROR]: formError = null, ...errors } = all;
  return { ok: false, status, errors, formError };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

const BaseVersionSchema = z.coerce.number().int().positive();

/**
 * The action's use case, for the editor's post: `policy` is the form as JSON; `baseVersion` the
 * version the form was opened on, required so that a save never overwrites a version its author
 * has not seen.
 */
export async function savePolicySection<T extends { version: number }, F>(
  db: Db,
  shop: string,
  section: PolicySection<T, F>,
  posted: FormData,
  staff: string,
): Promise<SaveOutcome> {
  const parsed = parseDocumentForm(section.form, posted.get("policy"));
  if (!parsed.ok) return rejected(400, parsed.errors);
  const base = BaseVersionSchema.safeParse(posted.get("baseVersion"));
  if (!base.success) return rejected(400, { [FORM_ERROR]: UNREADABLE_FORM });
  const conflict = rejected(409, {
    [FORM_ERROR]: `Someone else saved ${section.noun} while you were editing. Reload to see their version, then make your change again.`,
  });
  if ((await currentPolicy(db, shop, section.kind)).version !== base.data) return conflict;
  try {
    const saved = await savePolicy(db, shop, section.kind, parsed.document, staff, base.data);
    return { ok: true, version: saved.version };
  } catch (error) {
    // Two saves of the same version at once: the unique index let the first through.
    if (isUniqueViolation(error)) return conflict;
    throw error;
  }
}
