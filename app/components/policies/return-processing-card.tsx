import { Checkbox, FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import type { CardProps } from "./return-policy-editor";

export function ProcessingCard({ values, set, error }: CardProps) {
  return (
    <SectionCard title="Receiving and refunds">
      <FormLayout>
        <TextField
          label="Let shoppers keep the items when worth up to"
          type="number"
          min={0}
          step={0.01}
          autoComplete="off"
          value={values.keepItemsBelow}
          onChange={(v) => set("keepItemsBelow", v)}
          error={error("keepItemsBelow")}
          helpText="The returned items' value, in the order's currency. Refunds and store credit only, never exchanges. Empty or 0: items always come back."
        />
        <Checkbox
          label="Count items as received when the carrier delivers the parcel"
          helpText="Otherwise staff mark each return as received once they have the parcel."
          checked={values.receiveOnCarrierDelivery}
          onChange={(checked) => set("receiveOnCarrierDelivery", checked)}
          error={error("receiveOnCarrierDelivery")}
        />
        <Checkbox
          label="Issue refunds and store credit automatically"
          helpText="As soon as the items are received, or when a return whose items the shopper keeps is approved. Otherwise staff check the amounts and issue them."
          checked={values.processing.automatic}
          onChange={(checked) => set("processing", { automatic: checked })}
          error={error("processing.automatic")}
        />
      </FormLayout>
    </SectionCard>
  );
}
