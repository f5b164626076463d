/** Approve and decline side by side, while the request waits for a decision. */
import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { FormOutcome } from "../../features/returns/request-forms";
import type { MacroChoice } from "../../features/macros/replies.server";
import { ApproveForm } from "./approve-form";
import { DeclineForm } from "./decline-form";
import type { Detail } from "./detail-type";

type Replies = { approve: MacroChoice[]; decline: Record<string, MacroChoice[]> };

export function DecisionForms({
  detail,
  approvalMessage,
  declineNoteMax,
  replies,
  outcome,
}: {
  detail: Detail;
  approvalMessage: string;
  declineNoteMax: number;
  replies: Replies;
  outcome: FormOutcome | undefined;
}) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Decision
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="600">
          <ApproveForm detail={detail} approvalMessage={approvalMessage} macros={replies.approve} outcome={outcome} />
          <DeclineForm noteMax={declineNoteMax} macros={replies.decline} outcome={outcome} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
