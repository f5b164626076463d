/** "Receive items": per item, how many units were restocked, not restocked, or never arrived. */
import { Form, useNavigation } from "@remix-run/react";
import { Button, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorsFor, INSPECTION_NOTE_MAX, UNIT_FIELDS, type FormOutcome } from "../../features/returns/request-forms";
import type { Detail } from "./detail-type";
import { busyWith } from "../shared/busy-with";

type UnitField = (typeof UNIT_FIELDS)[number];
type Counts = Record<UnitField, string>;
const UNIT_LABELS: Record<UnitField, string> = { restocked: "Restocked", notRestocked: "Not restocked", missing: "Missing" };

const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;
const total = (counts: Counts) => UNIT_FIELDS.reduce((sum, field) => sum + (Number(counts[field]) || 0), 0);

export function ReceiveForm({ detail, outcome }: { detail: Detail; outcome: FormOutcome | undefined }) {
  const navigation = useNavigation();
  const { fieldErrors } = errorsFor(outcome, "receive_items");
  // Every unit restocked is the usual case; staff move units to the other two.
  const [counts, setCounts] = useState<Record<string, Counts>>(() =>
    Object.fromEntries(detail.items.map((item) => [item.id, { restocked: String(item.quantity), notRestocked: "0", missing: "0" }])),
  );
  const [note, setNote] = useState("");
  const set = (itemId: string, field: keyof Counts, value: string) => setCounts((all) => ({ ...all, [itemId]: { ...all[itemId]!, [field]: value } }));
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="receive_items" />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Receive items
        </Text>
        {detail.items.map((item) => {
          const itemCounts = counts[item.id]!;
          const counted = total(itemCounts);
          return (
            <FormLayout.Group
              key={item.id}
              title={`${item.title} — ${units(item.quantity)} returned`}
              helpText={
                counted === item.quantity
                  ? `All ${units(item.quantity)} accounted for.`
                  : `${counted} of ${units(item.quantity)} accounted for: the three counts must add up to ${item.quantity}.`
              }
            >
              {UNIT_FIELDS.map((field) => (
                <TextField
                  key={field}
                  label={UNIT_LABELS[field]}
                  name={`${field}.${item.id}`}
                  type="number"
                  min={0}
                  max={item.quantity}
                  value={itemCounts[field]}
                  onChange={(value) => set(item.id, field, value)}
                  autoComplete="off"
                  error={fieldErrors[`${field}.${item.id}`]}
                />
              ))}
            </FormLayout.Group>
          );
        })}
        <TextField
          label="Inspection note"
          name="inspectionNote"
          value={note}
          onChange={setNote}
          autoComplete="off"
          multiline={2}
          maxLength={INSPECTION_NOTE_MAX}
          helpText="For your team: kept on the timeline, not sent to the shopper."
          error={fieldErrors.inspectionNote}
        />
        <InlineStack align="end">
          <Button submit variant="primary" loading={busyWith(navigation, "receive_items")}>
            Record what came back
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
