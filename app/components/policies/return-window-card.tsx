import { ChoiceList, FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import type { CardProps } from "./return-policy-editor";

export function WindowCard({ values, set, error }: CardProps) {
  const days = Number(values.windowDays);
  return (
    <SectionCard title="Return window">
      <FormLayout>
        <TextField
          label="Days to request a return"
          type="number"
          min={1}
          max={365}
          suffix="days"
          autoComplete="off"
          value={values.windowDays}
          onChange={(v) => set("windowDays", v)}
          error={error("windowDays")}
          helpText={
            days > 60
              ? "Orders older than 60 days can't be read without Shopify's read_all_orders access, which this app doesn't have: shoppers with older orders won't find them."
              : "Shoppers see this window on the returns page; orders older than 60 days can't be read without Shopify's read_all_orders."
          }
        />
        <ChoiceList
          title="Counted from"
          choices={[
            { label: "Delivery", value: "delivery", helpText: "Falls back to the fulfillment date when the carrier reports no delivery." },
            { label: "Fulfillment", value: "fulfillment", helpText: "The day the items were shipped." },
          ]}
          selected={[values.windowStartsAt]}
          onChange={([v]) => set("windowStartsAt", v === "fulfillment" ? "fulfillment" : "delivery")}
          error={error("windowStartsAt")}
        />
      </FormLayout>
    </SectionCard>
  );
}
