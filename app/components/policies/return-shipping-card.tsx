import { ChoiceList, FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import { MERCHANT_FAULT_REASONS } from "../../features/policies/domain/returns";
import type { CardProps } from "./return-policy-editor";

export function ShippingCard({ values, set, error }: CardProps) {
  const shipping = values.returnShipping;
  return (
    <SectionCard title="Return shipping">
      <FormLayout>
        <ChoiceList
          title="Who pays"
          choices={[
            { label: "The shopper", value: "customer", helpText: "The fee below is taken from what they get back." },
            { label: "We do", value: "merchant", helpText: "Returns are free for shoppers." },
          ]}
          selected={[shipping.paidBy]}
          onChange={([v]) => set("returnShipping", { ...shipping, paidBy: v === "merchant" ? "merchant" : "customer" })}
          error={error("returnShipping.paidBy")}
        />
        <TextField
          label="Return shipping fee"
          type="number"
          min={0}
          step={0.01}
          autoComplete="off"
          value={shipping.fee}
          onChange={(v) => set("returnShipping", { ...shipping, fee: v })}
          error={error("returnShipping.fee")}
          disabled={shipping.paidBy === "merchant"}
          helpText={`In the order's currency. Shoppers never pay it when the reason is the shop's fault (${MERCHANT_FAULT_REASONS.join(", ")}).`}
        />
      </FormLayout>
    </SectionCard>
  );
}
