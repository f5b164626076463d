/**
 * "Issue money": the proposed amounts, editable. Lowering is free; raising needs a reason, which
 * the use case checks (its message is shown beside the reason field).
 */
import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Divider, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorsFor, SETTLEMENT_REASON_MAX, type FormOutcome } from "../../features/returns/request-forms";
import { parseCents } from "../../lib/cents";
import { Row } from "../shared/order-summary";
import type { Detail } from "./detail-type";
import { busyWith } from "../shared/busy-with";

type Settlement = NonNullable<Detail["settlement"]>;

export function MoneyForm({ settlement, outcome }: { settlement: Settlement; outcome: FormOutcome | undefined }) {
  const navigation = useNavigation();
  const { fieldErrors } = errorsFor(outcome, "issue_money");
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(settlement.amounts.map((a) => [a.field, a.input])));
  const [reason, setReason] = useState(settlement.reason ?? "");
  const raised = settlement.amounts.some((a) => {
    const typed = parseCents(values[a.field] ?? "");
    return typed.ok && typed.cents > a.cents;
  });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="issue_money" />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Issue money
        </Text>
        <BlockStack gap="100">
          {settlement.breakdown.map((line) => (
            <Row key={line.label} label={line.label}>
              {line.amount}
            </Row>
          ))}
        </BlockStack>
        <Divider />
        {settlement.amounts.length === 0 && (
          <Text as="p" tone="subdued">
            Nothing is paid back for this return: confirming processes it in Shopify.
          </Text>
        )}
        {settlement.amounts.map((amount) => (
          <TextField
            key={amount.field}
            label={amount.label}
            name={amount.field}
            inputMode="decimal"
            suffix={settlement.currency}
            value={values[amount.field] ?? ""}
            onChange={(value) => setValues((all) => ({ ...all, [amount.field]: value }))}
            autoComplete="off"
            helpText={`Proposed: ${amount.text}. You can lower it; raising it needs a reason.`}
            error={fieldErrors[amount.field]}
          />
        ))}
        {settlement.amounts.length > 0 && (
          <TextField
            label="Reason for raising an amount"
            name="reason"
            value={reason}
            onChange={setReason}
            autoComplete="off"
            multiline={2}
            maxLength={SETTLEMENT_REASON_MAX}
            requiredIndicator={raised}
            helpText="Needed only when an amount is above the proposal. Kept on the timeline."
            error={fieldErrors.reason}
          />
        )}
        <InlineStack align="end">
          <Button submit variant="primary" loading={busyWith(navigation, "issue_money")}>
            Issue money
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
