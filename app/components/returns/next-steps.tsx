/** The forms for what comes next after approval, as the request's status allows them. */
import { BlockStack, Card, Divider, Text } from "@shopify/polaris";
import type { FormOutcome } from "../../features/returns/request-forms";
import { ArrivedForm } from "./arrived-form";
import type { Detail } from "./detail-type";
import { LabelForm } from "./label-form";
import { MoneyForm } from "./money-form";
import { ReceiveForm } from "./receive-form";

export function NextSteps({ detail, outcome }: { detail: Detail; outcome: FormOutcome | undefined }) {
  const { attachLabel, markReturned, receiveItems, issueMoney } = detail.actions;
  const keeping = detail.keepItems && detail.status === "approved" && !detail.step;
  if (!attachLabel && !markReturned && !receiveItems && !issueMoney && !keeping) return null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Next step
        </Text>
        {keeping && (
          <Text as="p" tone="subdued">
            The shopper keeps the items, so there is nothing to receive.
          </Text>
        )}
        {attachLabel && <LabelForm outcome={outcome} />}
        {attachLabel && markReturned && <Divider />}
        {markReturned && <ArrivedForm />}
        {markReturned && receiveItems && <Divider />}
        {receiveItems && <ReceiveForm detail={detail} outcome={outcome} />}
        {issueMoney && detail.settlement && <MoneyForm settlement={detail.settlement} outcome={outcome} />}
      </BlockStack>
    </Card>
  );
}
