import { BlockStack, Box, Checkbox, FormLayout, InlineError, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { RowLabel, SectionCard } from "./policy-editor";
import { describeHours } from "../../features/policies/domain/business-hours";
import type { CardProps, EditorValues } from "./support-editor";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function HoursCard({ values, set, error, shopTimeZone, timeZones }: CardProps & { shopTimeZone: string; timeZones: string[] }) {
  const update = (index: number, change: Partial<EditorValues["businessHours"][number]>) =>
    set(
      "businessHours",
      values.businessHours.map((day, i) => (i === index ? { ...day, ...change } : day)),
    );
  const summary = describeHours({ businessHours: values.businessHours.map((day) => (day.closed ? null : day)) });
  return (
    <SectionCard title="Business hours">
      <FormLayout>
        <Select
          label="Time zone"
          options={[{ value: "", label: `Use the shop's time zone (${shopTimeZone})` }, ...timeZones.map((zone) => ({ value: zone, label: zone }))]}
          value={values.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          error={error("timeZone")}
          helpText="Hours, holidays and response targets count in this time zone."
        />
        <BlockStack gap="200">
          {values.businessHours.map((day, index) => (
            <InlineGrid key={WEEKDAYS[index]} columns={{ xs: 1, md: "1fr 1fr 1fr" }} gap="300" alignItems="start">
              <Box paddingBlockStart="600">
                <Checkbox label={`Open on ${WEEKDAYS[index]}`} checked={!day.closed} onChange={(open) => update(index, { closed: !open })} />
              </Box>
              <TextField
                label={<RowLabel label="Opens" row={`on ${WEEKDAYS[index]}`} />}
                autoComplete="off"
                placeholder="09:00"
                value={day.open}
                disabled={day.closed}
                onChange={(open) => update(index, { open })}
                error={error(`businessHours.${index}.open`)}
              />
              <TextField
                label={<RowLabel label="Closes" row={`on ${WEEKDAYS[index]}`} />}
                autoComplete="off"
                placeholder="17:00"
                value={day.close}
                disabled={day.closed}
                onChange={(close) => update(index, { close })}
                error={error(`businessHours.${index}.close`)}
              />
            </InlineGrid>
          ))}
          {error("businessHours") && <InlineError message={error("businessHours")!} fieldID="business-hours" />}
          <Text as="p" tone="subdued">
            24-hour times; 24:00 closes at midnight. {summary === "Closed" ? "Closed every day." : summary}
          </Text>
        </BlockStack>
      </FormLayout>
    </SectionCard>
  );
}
