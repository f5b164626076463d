import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { FormOutcome } from "../../features/returns/request-forms";
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
  outcome: FormOutcome | undefined;
}) {
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = busyWith(navigation, "approve");
  const { message, setMessage, macroId, pick } = useMacroMessage(approvalMessage);
  const [overrideReason, setOverrideReason] = useState("");
  const refusal = outcome && !outcome.ok && outcome.intent === "approve" ? outcome : null;
  const errors = refusal?.fieldErrors ?? {};
  const needsReason = detail.failedRules.length > 0;
  // The same approval, with what staff already typed, for a refund or store credit instead.
  const approveAs = (fallback: "refund" | "store_credit") =>
    submit({ intent: "approve", fallback, message, overrideReason, macroId }, { method: "post" });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="macroId" value={macroId} />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Approve
        </Text>
        {refusal?.offerFallback && (
          <Banner tone="warning" title="The exchange item is sold out">
            <BlockStack gap="200">
              <p role="alert">{refusal.formError}</p>
              <InlineStack gap="200">
                <Button onClick={() => approveAs("refund")} loading={busyWith(navigation, "approve", ["fallback", "refund"])}>
                  Approve as refund
                </Button>
                <Button onClick={() => approveAs("store_credit")} loading={busyWith(navigation, "approve", ["fallback", "store_credit"])}>
                  Approve as store credit
                </Button>
              </InlineStack>
            </BlockStack>
          </Banner>
        )}
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
          <Button submit variant="primary" loading={busy && !navigation.formData?.get("fallback")}>
            Approve return
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
