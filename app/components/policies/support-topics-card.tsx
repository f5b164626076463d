import { InlineGrid, Select, Text } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import { TOPIC_LABELS, TOPICS } from "../../features/tickets/domain/types";
import { type CardProps, PRIORITY_OPTIONS } from "./support-editor";

export function TopicsCard({ values, set, error }: CardProps) {
  return (
    <SectionCard title="Priority by topic">
      <Text as="p" tone="subdued">
        The priority a message starts at, by the topic the shopper picks on the contact form. Urgent wording can raise it.
      </Text>
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
        {TOPICS.map((topic) => (
          <Select
            key={topic}
            label={TOPIC_LABELS[topic]}
            options={PRIORITY_OPTIONS}
            value={values.topics[topic].priority}
            onChange={(priority) => set("topics", { ...values.topics, [topic]: { priority } })}
            error={error(`topics.${topic}.priority`)}
          />
        ))}
      </InlineGrid>
    </SectionCard>
  );
}
