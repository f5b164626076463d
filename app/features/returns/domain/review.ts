import { z } from "zod";
import type { ReturnPolicy } from "./types";

/** How staff review a stored request: the rules it was judged by, its labels, whether it waits. */

const RuleLinesSchema = z.array(
  z.object({
    lineItemId: z.string(),
    title: z.string(),
    rules: z.array(z.object({ rule: z.string(), passed: z.boolean(), detail: z.string() })),
  }),
);
export type RuleLine = z.infer<typeof RuleLinesSchema>[number];

/** The rules a request was judged by; an unreadable value reads as none rather than failing the page. */
export function parseRuleLines(rulesJson: string): RuleLine[] {
  try {
    const parsed = RuleLinesSchema.safeParse(JSON.parse(rulesJson));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * The failures `decide` counts, in its wording ("Title: detail"). It looks at every line stored
 * with the request, so the page asks for an override reason exactly when decide will require one.
 */
export function failedRuleMessages(lines: RuleLine[]): string[] {
  return lines.flatMap((line) => line.rules.filter((r) => !r.passed).map((r) => `${line.title}: ${r.detail}`));
}

const RESOLUTION_LABELS: Record<string, string> = { refund: "Refund", store_credit: "Store credit", exchange: "Exchange" };
export const resolutionLabel = (resolution: string) => RESOLUTION_LABELS[resolution] ?? resolution;

export function reasonLabeller(policy: Pick<ReturnPolicy, "reasons">): (handle: string) => string {
  const labels = new Map(policy.reasons.map((r) => [r.handle, r.label]));
  return (handle) => labels.get(handle) ?? handle;
}

/** Statuses that still wait for staff (or for Shopify); their deadline matters. */
export const OPEN_STATUSES = ["received", "requested", "failed"] as const;
export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
