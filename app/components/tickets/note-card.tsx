import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { InboxOutcome } from "../../features/tickets/inbox-actions.server";
import { busyWith } from "../shared/busy-with";
import type { Detail } from "./detail-type";

export function NoteCard({ detail, outcome }: { detail: Detail; outcome: InboxOutcome | undefined }) {
  const navigation = useNavigation();
  const [note, setNote] = useState("");
  const errors = outcome && !outcome.ok && outcome.intent === "note" ? outcome.fieldErrors : {};
  useEffect(() => {
    if (outcome?.ok && outcome.intent === "note") setNote("");
  }, [outcome]);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="note" />
        <FormLayout>
          <Text as="h2" variant="headingMd">
            Internal note
          </Text>
          <TextField
            label="Note for your team"
            name="note"
            value={note}
            onChange={setNote}
            autoComplete="off"
            multiline={3}
            maxLength={detail.messageMax}
            helpText="Only staff see notes; they are never emailed."
            error={errors.note}
          />
          <InlineStack align="end">
            <Button submit loading={busyWith(navigation, "note")}>
              Add internal note
            </Button>
          </InlineStack>
        </FormLayout>
      </Form>
    </Card>
  );
}
