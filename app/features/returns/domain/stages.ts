/**
 * The stages staff work a return in (docs/decisions/0018), each a group of statuses. Kept here
 * until domain/lifecycle.ts (written on another branch, exporting the same RETURN_STAGES and
 * stageOf) lands; then this file re-exports those or goes.
 */

export const RETURN_STAGES = ["review", "awaiting_items", "received", "to_refund", "done"] as const;
export type ReturnStage = (typeof RETURN_STAGES)[number];

const STAGE_OF: Record<string, ReturnStage> = {
  received: "review",
  requested: "review",
  failed: "review",
  approved: "awaiting_items",
  returned: "received",
  inspected: "to_refund",
  closed: "done",
  declined: "done",
  cancelled: "done",
};

/** A status no stage knows is put under review, where staff see it, rather than hidden. */
export function stageOf(status: string): ReturnStage {
  return STAGE_OF[status] ?? "review";
}
