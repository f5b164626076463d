import { BlockStack, Checkbox, FormLayout, InlineError, Text, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import type { CardProps } from "./return-policy-editor";

export function AutoApproveCard({ values, set, error, errorUnder }: CardProps) {
  const auto = values.autoApprove;
  const excludedError = errorUnder("autoApprove.excludedReasons");
  return (
    <SectionCard title="Auto-approve">
      <FormLayout>
        <Checkbox
          label="Approve eligible requests automatically"
          helpText="Requests that pass every rule and are worth no more than the limit are approved on arrival; the rest wait for staff."
          checked={auto.enabled}
          onChange={(checked) => set("autoApprove", { ...auto, enabled: checked })}
        />
        <TextField
          label="Up to"
          type="number"
          min={0}
          step={0.01}
          autoComplete="off"
          value={auto.maxValue}
          onChange={(v) => set("autoApprove", { ...auto, maxValue: v })}
          error={error("autoApprove.maxValue")}
          disabled={!auto.enabled}
          helpText="The returned items' value, in the order's currency."
        />
        <BlockStack gap="100">
          <Text as="p">Reasons that always need a person</Text>
          {values.reasons.map((reason, index) => (
            <Checkbox
              key={reason.key}
              label={reason.label.trim() || `Reason ${index + 1} (no label yet)`}
              checked={reason.alwaysReview}
              disabled={!auto.enabled}
              onChange={(checked) =>
                set(
                  "reasons",
                  values.reasons.map((r, i) => (i === index ? { ...r, alwaysReview: checked } : r)),
                )
              }
            />
          ))}
          {excludedError && <InlineError message={excludedError} fieldID="auto-approve-excluded" />}
        </BlockStack>
      </FormLayout>
    </SectionCard>
  );
}
