import { BlockStack, Button, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { FAQ_LOCALES, type FaqLocale } from "../../features/faq/domain/types";
import type { CategoryFieldErrors } from "../../features/faq/admin-forms";
import type { FaqCategoryView, FaqList } from "../../features/faq/admin-list.server";
import { failure, useRowFetcher } from "./row-fetcher";

/** Adds a category (no `category`) or renames one: a title per language, English required. */
export function CategoryForm({ category, localeNames, onDone }: { category?: FaqCategoryView; localeNames: FaqList["localeNames"]; onDone(): void }) {
  const fetcher = useRowFetcher();
  const [titles, setTitles] = useState<Partial<Record<FaqLocale, string>>>(category?.titles ?? {});
  const errors: CategoryFieldErrors = failure(fetcher)?.errors ?? {};

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onDone();
  }, [fetcher.state, fetcher.data, onDone]);

  const submit = () =>
    fetcher.submit(
      {
        intent: category ? "rename-category" : "create-category",
        ...(category ? { id: category.id } : {}),
        ...Object.fromEntries(FAQ_LOCALES.map((locale) => [`title.${locale}`, titles[locale] ?? ""])),
      },
      { method: "post" },
    );

  return (
    <Card>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {category ? `Rename “${category.title}”` : "New category"}
          </Text>
          <FormLayout>
            <FormLayout.Group>
              {FAQ_LOCALES.map((locale) => (
                <TextField
                  key={locale}
                  label={locale === "en" ? "Title in English" : `Title in ${localeNames[locale]} (optional)`}
                  autoComplete="off"
                  value={titles[locale] ?? ""}
                  onChange={(value) => setTitles((current) => ({ ...current, [locale]: value }))}
                  error={errors[`title.${locale}`]}
                  helpText={locale === "en" ? undefined : "Empty: shoppers see the English title."}
                />
              ))}
            </FormLayout.Group>
          </FormLayout>
          <InlineStack gap="200">
            <Button submit variant="primary" loading={fetcher.state !== "idle"}>
              {category ? "Save titles" : "Add category"}
            </Button>
            <Button onClick={onDone} disabled={fetcher.state !== "idle"}>
              Cancel
            </Button>
          </InlineStack>
        </BlockStack>
      </form>
    </Card>
  );
}
