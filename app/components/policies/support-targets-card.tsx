import { Box, InlineGrid, Text } from "@shopify/polaris";
import { RowLabel, SectionCard } from "./policy-editor";
import { PRIORITIES } from "../../features/tickets/domain/types";
import { DurationField } from "./duration-field";
import { type CardProps, PRIORITY_LABELS } from "./support-editor";

export function TargetsCard({ values, set, error }: CardProps) {
  return (
    <SectionCard title="Response targets">
      <Text as="p" tone="subdued">
        Counted in business hours from when the shopper writes. The contact block promises the first-response target.
      </Text>
      {PRIORITIES.map((priority) => {
        const target = values.targets[priority];
        const change = (update: Partial<typeof target>) => set("targets", { ...values.targets, [priority]: { ...target, ...update } });
        return (
          <InlineGrid key={priority} columns={{ xs: 1, md: "1fr 2fr 2fr" }} gap="300" alignItems="start">
            <Box paddingBlockStart="600">
              <Text as="p" fontWeight="semibold">
                {PRIORITY_LABELS[priority]}
              </Text>
            </Box>
            <DurationField
              label={<RowLabel label="First response" row={`for ${priority}`} />}
              value={target.firstResponse}
              onChange={(firstResponse) => change({ firstResponse })}
              error={error(`targets.${priority}.firstResponse`)}
            />
            <DurationField
              label={<RowLabel label="Resolution" row={`for ${priority}`} />}
              value={target.resolution}
              onChange={(resolution) => change({ resolution })}
              error={error(`targets.${priority}.resolution`)}
            />
          </InlineGrid>
        );
      })}
      <DurationField
        label="Extra time in peak season"
        value={values.peakSeasonExtra}
        onChange={(peakSeasonExtra) => set("peakSeasonExtra", peakSeasonExtra)}
        error={error("peakSeasonExtra")}
      />
      <Text as="p" tone="subdued">
        Added to every target while the shipping policy&apos;s peak season is on.
      </Text>
    </SectionCard>
  );
}
