import { Form, useNavigation } from "@remix-run/react";
import { Button, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { FormOutcome } from "../../features/returns/request-forms";
import type { MacroChoice } from "../../features/macros/replies.server";
import { MacroPicker, useMacroMessage } from "../macros/macro-picker";
import { busyWith } from "../shared/busy-with";

const DECLINE_REASON_OPTIONS = [
  { label: "Choose a reason", value: "", disabled: true },
  { label: "Final sale", value: "FINAL_SALE" },
  { label: "Return period ended", value: "RETURN_PERIOD_ENDED" },
  { label: "Other", value: "OTHER" },
];

export function DeclineForm({ noteMax, macros, outcome }: { noteMax: number; macros: Record<string, MacroChoice[]>; outcome: FormOutcome | undefined }) {
  const navigation = useNavigation();
  const busy = busyWith(navigation, "decline");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const { message, setMessage, macroId, pick } = useMacroMessage("");
  const errors = outcome && !outcome.ok && outcome.intent === "decline" ? outcome.fieldErrors : {};
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="decline" />
      <input type="hidden" name="macroId" value={macroId} />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Decline
        </Text>
        <Select label="Reason" name="reason" options={DECLINE_REASON_OPTIONS} value={reason} onChange={setReason} error={errors.reason} requiredIndicator />
        {/* Macros quote the reason, so they are offered once it is chosen. */}
        {reason && <MacroPicker macros={macros[reason] ?? []} value={macroId} onPick={pick} />}
        <TextField
          label="Note shown to the shopper"
          name="note"
          value={note}
          onChange={setNote}
          autoComplete="off"
          multiline={3}
          maxLength={noteMax}
          showCharacterCount
          helpText="Shopify shows it with the declined return."
          error={errors.note}
        />
        <TextField
          label="Message to the shopper"
          name="message"
          value={message}
          onChange={setMessage}
          autoComplete="off"
          multiline={3}
          maxLength={2000}
          placeholder="Leave empty to send our standard message with your note."
          error={errors.message}
        />
        <InlineStack align="end">
          <Button submit tone="critical" loading={busy}>
            Decline return
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
