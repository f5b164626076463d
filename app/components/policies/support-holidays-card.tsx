import { Box, Button, InlineError, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { RowLabel, SectionCard, useNewRowKey } from "./policy-editor";
import type { CardProps, HolidayRow } from "./support-editor";

/** From the settings' schema, so the Add button stops where saving would fail. */
const MAX_HOLIDAYS = 366;

export function HolidaysCard({ values, set, error }: CardProps) {
  const newKey = useNewRowKey();
  const update = (index: number, change: Partial<HolidayRow>) =>
    set(
      "holidays",
      values.holidays.map((h, i) => (i === index ? { ...h, ...change } : h)),
    );
  return (
    <SectionCard title="Holidays">
      <Text as="p" tone="subdued">
        Closed all day: response timers pause, whatever the weekly hours say.
      </Text>
      {values.holidays.map((holiday, index) => (
        <InlineGrid key={holiday.key} columns={{ xs: 1, md: "1fr 2fr auto" }} gap="300" alignItems="start">
          <TextField
            label={`Holiday ${index + 1}`}
            type="date"
            autoComplete="off"
            value={holiday.date}
            onChange={(date) => update(index, { date })}
            error={error(`holidays.${index}.date`)}
          />
          <TextField
            label={<RowLabel label="Name" row={`of holiday ${index + 1}`} />}
            autoComplete="off"
            maxLength={80}
            placeholder="Christmas Day"
            value={holiday.name}
            onChange={(name) => update(index, { name })}
            error={error(`holidays.${index}.name`)}
          />
          <Box paddingBlockStart="600">
            <Button
              tone="critical"
              variant="plain"
              onClick={() => set("holidays", values.holidays.filter((_, i) => i !== index))}
              accessibilityLabel={`Remove holiday ${holiday.name || index + 1}`}
            >
              Remove
            </Button>
          </Box>
        </InlineGrid>
      ))}
      {error("holidays") && <InlineError message={error("holidays")!} fieldID="holidays" />}
      <InlineStack>
        <Button onClick={() => set("holidays", [...values.holidays, { key: newKey(), date: "", name: "" }])} disabled={values.holidays.length >= MAX_HOLIDAYS}>
          Add holiday
        </Button>
      </InlineStack>
    </SectionCard>
  );
}
