import { ChoiceList, FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import type { Resolution } from "../../features/returns/domain/types";
import type { CardProps } from "./return-policy-editor";

const RESOLUTION_CHOICES: { value: Resolution; label: string; helpText: string }[] = [
  { value: "refund", label: "Refund", helpText: "Money back to the original payment method." },
  { value: "store_credit", label: "Store credit", helpText: "Credit for a later order, with the bonus below." },
  { value: "exchange", label: "Exchange", helpText: "Another variant of the same product." },
];

export function ResolutionsCard({ values, set, error, errorUnder }: CardProps) {
  return (
    <SectionCard title="Resolutions offered">
      <FormLayout>
        <ChoiceList
          title="Shoppers can choose"
          allowMultiple
          choices={RESOLUTION_CHOICES}
          selected={values.resolutions}
          onChange={(selected) => set("resolutions", selected)}
          error={errorUnder("resolutions")}
        />
        <FormLayout.Group>
          <TextField
            label="Store-credit bonus"
            type="number"
            min={0}
            max={100}
            suffix="%"
            autoComplete="off"
            value={values.storeCreditBonusPercent}
            onChange={(v) => set("storeCreditBonusPercent", v)}
            error={error("storeCreditBonusPercent")}
            disabled={!values.resolutions.includes("store_credit")}
            helpText="Added to the credit when a shopper picks store credit over a refund."
          />
          <TextField
            label="Restocking fee"
            type="number"
            min={0}
            max={100}
            suffix="%"
            autoComplete="off"
            value={values.restockingFeePercent}
            onChange={(v) => set("restockingFeePercent", v)}
            error={error("restockingFeePercent")}
            helpText="Kept from refunds and store credit; exchanges are never charged."
          />
        </FormLayout.Group>
      </FormLayout>
    </SectionCard>
  );
}
