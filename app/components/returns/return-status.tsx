import { Badge, Text } from "@shopify/polaris";
import type { SlaView } from "../../features/tickets/domain/sla";

export type Tone = "info" | "attention" | "success" | "critical" | "warning";

/** How each return request status reads for staff, in the queue and on a request. */
const STATUS_BADGES: Record<string, { label: string; tone?: Tone }> = {
  received: { label: "Sending to Shopify", tone: "info" },
  requested: { label: "Requested", tone: "attention" },
  failed: { label: "Failed", tone: "critical" },
  approved: { label: "Approved", tone: "success" },
  returned: { label: "Items arrived", tone: "attention" },
  inspected: { label: "Money to issue", tone: "attention" },
  declined: { label: "Declined" },
  closed: { label: "Closed" },
  cancelled: { label: "Cancelled" },
};

export function ReturnStatusBadge({ status }: { status: string }) {
  const badge = STATUS_BADGES[status] ?? { label: status };
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Due in 1 h 20 min" / "Overdue by 3 h", a badge when it needs attention. */
export function TimeLeft({ sla }: { sla: SlaView | null }) {
  if (!sla) {
    return (
      <Text as="span" tone="subdued">
        <span aria-label="Answered">—</span>
      </Text>
    );
  }
  if (sla.tone) return <Badge tone={sla.tone}>{capitalize(sla.label)}</Badge>;
  return <Text as="span">{capitalize(sla.label)}</Text>;
}
