import { BlockStack, Box, Button, Checkbox, Divider, InlineError, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { RowLabel, SectionCard, useNewRowKey } from "./policy-editor";
import type { CardProps, ReasonRow } from "./return-policy-editor";

export function ReasonsCard({ values, set, error }: CardProps) {
  const newKey = useNewRowKey();
  const update = (index: number, change: Partial<ReasonRow>) =>
    set(
      "reasons",
      values.reasons.map((r, i) => (i === index ? { ...r, ...change } : r)),
    );
  const addRow = () => {
    set("reasons", [...values.reasons, { key: newKey(), label: "", handle: "", photoRequired: false, alwaysReview: false, shopifyHandle: "other", isNew: true }]);
  };
  return (
    <SectionCard title="Return reasons">
      <Text as="p" tone="subdued">
        Shoppers pick one reason per item, and must attach a photo when the reason requires one. Handles identify a reason in past
        requests, so they can't change once saved. Each reason reaches Shopify as one of Shopify's return reasons, named by its
        handle: too-small, too-large, defective, wrong-item, not-as-described, unwanted, other, and many more.
      </Text>
      {values.reasons.map((reason, index) => (
        <BlockStack gap="200" key={reason.key}>
          {index > 0 && <Divider />}
          <InlineGrid columns={{ xs: 1, md: "2fr 2fr 2fr auto" }} gap="300" alignItems="start">
            <TextField
              label={`Reason ${index + 1}`}
              autoComplete="off"
              maxLength={80}
              value={reason.label}
              onChange={(v) => update(index, { label: v })}
              error={error(`reasons.${index}.label`)}
            />
            <TextField
              label={<RowLabel label="Handle" row={`of reason ${index + 1}`} />}
              autoComplete="off"
              value={reason.handle}
              readOnly={!reason.isNew}
              onChange={(v) => update(index, { handle: v })}
              placeholder={reason.isNew ? "Made from the label" : undefined}
              helpText={reason.isNew ? "Leave empty to make it from the label, e.g. size-too-small." : undefined}
              error={error(`reasons.${index}.handle`)}
            />
            <TextField
              label={<RowLabel label="Shopify reason" row={`of reason ${index + 1}`} />}
              autoComplete="off"
              value={reason.shopifyHandle}
              onChange={(v) => update(index, { shopifyHandle: v })}
              placeholder="other"
              error={error(`reasons.${index}.shopifyHandle`)}
            />
            <Box paddingBlockStart="600">
              <Button
                tone="critical"
                variant="plain"
                onClick={() => set("reasons", values.reasons.filter((_, i) => i !== index))}
                accessibilityLabel={`Remove reason ${reason.label || index + 1}`}
              >
                Remove
              </Button>
            </Box>
          </InlineGrid>
          <Checkbox
            label={<RowLabel label="Photos required" row={`for reason ${index + 1}`} />}
            checked={reason.photoRequired}
            onChange={(checked) => update(index, { photoRequired: checked })}
            error={error(`reasons.${index}.photoRequired`)}
          />
        </BlockStack>
      ))}
      {error("reasons") && <InlineError message={error("reasons")!} fieldID="return-reasons" />}
      <InlineStack>
        <Button onClick={addRow} disabled={values.reasons.length >= 50}>
          Add reason
        </Button>
      </InlineStack>
    </SectionCard>
  );
}
