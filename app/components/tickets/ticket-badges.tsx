import { Badge } from "@shopify/polaris";
import { type Tone } from "../returns/return-status";

/** How ticket statuses and priorities read for staff, in the Inbox and on a ticket. */
const STATUS_BADGES: Record<string, { label: string; tone?: Tone }> = {
  open: { label: "Open", tone: "attention" },
  pending: { label: "Pending", tone: "info" },
  closed: { label: "Closed" },
};

export function TicketStatusBadge({ status }: { status: string }) {
  const badge = STATUS_BADGES[status] ?? { label: status };
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}

const PRIORITY_TONES: Record<string, Tone | undefined> = { P1: "critical", P2: "warning", P3: "info", P4: undefined };

export function PriorityBadge({ priority }: { priority: string }) {
  return <Badge tone={PRIORITY_TONES[priority]}>{priority}</Badge>;
}
