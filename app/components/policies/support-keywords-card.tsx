import { FormLayout, Text, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import { CATEGORIES, TOPIC_LABELS } from "../../features/tickets/domain/types";
import type { CardProps } from "./support-editor";

export function KeywordsCard({ values, set, error, errorUnder }: CardProps) {
  const segments = values.segments;
  return (
    <SectionCard title="Inbox rules">
      <Text as="p" tone="subdued">
        Messages go to the category whose keywords they mention most; commas or new lines separate keywords, and a phrase matches as
        whole words.
      </Text>
      <FormLayout>
        {CATEGORIES.map((category) => (
          <TextField
            key={category}
            label={`${TOPIC_LABELS[category]} keywords`}
            autoComplete="off"
            multiline={2}
            value={values.rules[category].keywords}
            onChange={(keywords) => set("rules", { ...values.rules, [category]: { keywords } })}
            error={errorUnder(`rules.${category}`)}
          />
        ))}
        <TextField
          label="Escalation keywords"
          autoComplete="off"
          multiline={2}
          value={values.escalation.keywords}
          onChange={(keywords) => set("escalation", { keywords })}
          error={errorUnder("escalation")}
          helpText="Wording such as “talk to a person” that raises a message's priority one step."
        />
        <FormLayout.Group>
          <TextField
            label="Repeat customer from"
            type="number"
            min={2}
            suffix="orders"
            autoComplete="off"
            value={segments.repeatOrders}
            onChange={(repeatOrders) => set("segments", { ...segments, repeatOrders })}
            error={error("segments.repeatOrders")}
          />
          <TextField
            label="VIP from"
            type="number"
            min={2}
            suffix="orders"
            autoComplete="off"
            value={segments.vipOrders}
            onChange={(vipOrders) => set("segments", { ...segments, vipOrders })}
            error={error("segments.vipOrders")}
          />
          <TextField
            label="or VIP from spending"
            type="number"
            min={0}
            step={0.01}
            autoComplete="off"
            value={segments.vipSpend}
            onChange={(vipSpend) => set("segments", { ...segments, vipSpend })}
            error={error("segments.vipSpend")}
            helpText="In the shop's currency."
          />
        </FormLayout.Group>
      </FormLayout>
    </SectionCard>
  );
}
