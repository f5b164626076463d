import { ChoiceList, FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import { MERCHANT_FAULT_REASONS } from "../../features/policies/domain/returns";
import type { CardProps } from "./return-policy-editor";

export function ShippingCard({ values, set, error }: CardProps) {
  const shipping = values.returnShipping;
  const shopperShips = shipping.method === "shopper_ships";
  return (
    <SectionCard title="Return shipping">
      <FormLayout>
        <ChoiceList
          title="How items come back"
          choices={[
            { label: "Shoppers post the parcel themselves", value: "shopper_ships", helpText: "The approval email gives them the address below." },
            { label: "We provide a return label", value: "label", helpText: "Staff attach a label to each approved return; the shopper gets it by email." },
          ]}
          selected={[shipping.method]}
          onChange={([v]) => set("returnShipping", { ...shipping, method: v === "label" ? "label" : "shopper_ships" })}
          error={error("returnShipping.method")}
        />
        <TextField
          label="Return address"
          autoComplete="off"
          multiline={4}
          maxLength={500}
          showCharacterCount
          value={shipping.returnAddress}
          onChange={(v) => set("returnShipping", { ...shipping, returnAddress: v })}
          error={error("returnShipping.returnAddress")}
          helpText={
            shopperShips && shipping.returnAddress.trim() === ""
              ? "Without an address, the approval email only asks shoppers to write the return's reference on the parcel."
              : "As it should appear on the parcel. Also shown with each return label."
          }
        />
        <TextField
          label="Instructions for shoppers"
          autoComplete="off"
          multiline={3}
          maxLength={1000}
          showCharacterCount
          value={shipping.instructions}
          onChange={(v) => set("returnShipping", { ...shipping, instructions: v })}
          error={error("returnShipping.instructions")}
          disabled={!shopperShips}
          helpText="Optional, e.g. which carrier to use. Sent as you write it, whatever the shopper's language."
        />
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
