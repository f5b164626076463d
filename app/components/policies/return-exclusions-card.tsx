import { FormLayout } from "@shopify/polaris";
import { SectionCard, TagInput } from "./policy-editor";
import type { CardProps } from "./return-policy-editor";

export function ExclusionsCard({ values, set, errorUnder }: CardProps) {
  return (
    <SectionCard title="What can't be returned">
      <FormLayout>
        <TagInput
          label="Final-sale product tags"
          tags={values.finalSaleTags}
          onChange={(tags) => set("finalSaleTags", tags)}
          error={errorUnder("finalSaleTags")}
          helpText="Products with any of these tags are final sale. Compared without regard to case."
        />
        <TagInput
          label="Excluded product types"
          tags={values.excludedProductTypes}
          onChange={(tags) => set("excludedProductTypes", tags)}
          error={errorUnder("excludedProductTypes")}
          helpText="Product types that can never be returned, such as Gift Card."
        />
      </FormLayout>
    </SectionCard>
  );
}
