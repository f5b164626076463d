import { FormLayout, TextField } from "@shopify/polaris";
import { SectionCard } from "./policy-editor";
import type { CardProps } from "./support-editor";

const PAGE_FIELDS = [
  { key: "returns", label: "Returns page", placeholder: "/pages/returns", helpText: "Where you placed the returns block; emails and macros link to it (return_link)." },
  { key: "contact", label: "Contact page", placeholder: "/pages/contact", helpText: "Where you placed the contact block." },
  { key: "faq", label: "FAQ page", placeholder: "/pages/faq", helpText: "Where you placed the FAQ block." },
] as const;

export function PagesCard({ values, set, error }: CardProps) {
  return (
    <SectionCard title="Storefront pages">
      <FormLayout>
        {PAGE_FIELDS.map((field) => (
          <TextField
            key={field.key}
            label={field.label}
            autoComplete="off"
            maxLength={300}
            placeholder={field.placeholder}
            value={values.pages[field.key]}
            onChange={(path) => set("pages", { ...values.pages, [field.key]: path })}
            error={error(`pages.${field.key}`)}
            helpText={`${field.helpText} A path on your shop such as ${field.placeholder}, or a full https:// address.`}
          />
        ))}
      </FormLayout>
    </SectionCard>
  );
}
