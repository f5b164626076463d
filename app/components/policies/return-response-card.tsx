import { Checkbox, FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import type { CardProps } from "./return-policy-editor";

export function ResponseCard({ values, set, error }: CardProps) {
  const notifications = values.notifications;
  return (
    <SectionCard title="Response and notifications">
      <FormLayout>
        <TextField
          label="Answer return requests within"
          type="number"
          min={0}
          max={720}
          suffix="hours"
          autoComplete="off"
          value={values.responseTargetHours}
          onChange={(v) => set("responseTargetHours", v)}
          error={error("responseTargetHours")}
          helpText="The queue counts down to this target and flags requests about to miss it."
        />
        <Checkbox
          label="Shopify's own return emails"
          helpText="Shopify emails shoppers when a return is requested, approved or declined."
          checked={notifications.shopifyEmails}
          onChange={(checked) => set("notifications", { ...notifications, shopifyEmails: checked })}
          error={error("notifications.shopifyEmails")}
        />
        <Checkbox
          label="Our emails"
          helpText="Harbor Support emails shoppers with your staff's message when a request is decided."
          checked={notifications.appEmails}
          onChange={(checked) => set("notifications", { ...notifications, appEmails: checked })}
          error={error("notifications.appEmails")}
        />
      </FormLayout>
    </SectionCard>
  );
}
