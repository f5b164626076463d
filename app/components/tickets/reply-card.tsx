import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect } from "react";
import { MacroPicker, useMacroMessage } from "../macros/macro-picker";
import type { InboxOutcome } from "../../features/tickets/inbox-actions.server";
import { busyWith } from "../shared/busy-with";
import type { Detail } from "./detail-type";

export function ReplyCard({ detail, outcome }: { detail: Detail; outcome: InboxOutcome | undefined }) {
  const navigation = useNavigation();
  const { message, setMessage, macroId, pick } = useMacroMessage("");
  const errors = outcome && !outcome.ok && outcome.intent === "reply" ? outcome.fieldErrors : {};

  // A sent reply clears the form for the next one.
  useEffect(() => {
    if (outcome?.ok && outcome.intent === "reply") {
      setMessage("");
      pick(null);
    }
  }, [outcome, setMessage, pick]);

  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="macroId" value={macroId} />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Reply to {detail.customer.name}
          </Text>
          <MacroPicker macros={detail.macros} value={macroId} onPick={pick} />
          <TextField
            label="Message"
            name="message"
            value={message}
            onChange={setMessage}
            autoComplete="off"
            multiline={6}
            maxLength={detail.messageMax}
            helpText="Emailed to the customer with a link to the conversation. The ticket then waits for their answer (pending)."
            error={errors.message}
          />
          <InlineStack align="end">
            <Button submit variant="primary" loading={busyWith(navigation, "reply")}>
              Send reply
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}
