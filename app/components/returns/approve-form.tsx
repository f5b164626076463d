import { Form, useNavigation } from "@remix-run/react";
import { Button, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { DecisionOutcome } from "../../features/returns/decisions.server";
import type { MacroChoice } from "../../features/macros/replies.server";
import { MacroPicker, useMacroMessage } from "../macros/macro-picker";
import type { Detail } from "./detail-type";
import { busyWith } from "../shared/busy-with";

export function ApproveForm({
  detail,
  approvalMessage,
  macros,
  outcome,
}: {
  detail: Detail;
  approvalMessage: string;
  macros: MacroChoice[];
  outcome: DecisionOutcome | undefined;
}) {
  const navigation = useNavigation();
  const busy = busyWith(navigation, "approve");
  const { message, setMessage, macroId, pick } = useMacroMessage(approvalMessage);
  const [overrideReason, setOverrideReason] = useState("");
  const errors = outcome && !outcome.ok && outcome.intent === "approve" ? outcome.fieldErrors : {};
  const needsReason = detail.failedRules.length > 0;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="macroId" value={macroId} />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Approve
        </Text>
        <MacroPicker macros={macros} value={macroId} onPick={pick} />
        {needsReason && (
          <TextField
            label="Why approve despite the failed rule?"
            name="overrideReason"
            value={overrideReason}
            onChange={setOverrideReason}
            autoComplete="off"
            multiline={2}
            maxLength={500}
            requiredIndicator
            helpText="Kept with the decision for your team; not sent to the shopper."
            error={errors.overrideReason}
          />
        )}
        <TextField
          label="Message to the shopper"
          name="message"
          value={message}
          onChange={setMessage}
          autoComplete="off"
          multiline={4}
          maxLength={2000}
          helpText="Emailed with the approval. Shopify also sends its own return instructions."
          error={errors.message}
        />
        <InlineStack align="end">
          <Button submit variant="primary" loading={busy}>
            Approve return
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
