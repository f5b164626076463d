import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import { BlockStack, Box, Button, Checkbox, Divider, FormLayout, InlineError, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { PolicySection, RowLabel, SectionCard, TagInput, useNewRowKey, withKeys, type Keyed, type PolicyCardProps } from "../components/policies/policy-editor";
import db from "../db.server";
import { loadPolicySection, savePolicySection, SHIPPING_SECTION, type SaveOutcome } from "../features/policies/policies.server";
import type { ShippingFormValues } from "../features/policies/shipping-form";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, timeZone } = await requireAdmin(request);
  return loadPolicySection(db, session.shop, SHIPPING_SECTION, timeZone);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const outcome = await savePolicySection(db, session.shop, SHIPPING_SECTION, await readForm(request), staff);
  return data<SaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

type RegionRow = Keyed<ShippingFormValues["regions"][number]>;
type CutoffRow = Keyed<ShippingFormValues["peakSeason"]["cutoffs"][number]>;
type EditorValues = Omit<ShippingFormValues, "regions" | "peakSeason"> & {
  regions: RegionRow[];
  peakSeason: Omit<ShippingFormValues["peakSeason"], "cutoffs"> & { cutoffs: CutoffRow[] };
};
type CardProps = PolicyCardProps<EditorValues>;

/** Limits from the shipping policy's schema, so the Add buttons stop where saving would fail. */
const MAX_REGIONS = 50;
const MAX_CUTOFFS = 10;

const toEditor = (form: ShippingFormValues): EditorValues => ({
  ...form,
  regions: withKeys(form.regions, "region"),
  peakSeason: { ...form.peakSeason, cutoffs: withKeys(form.peakSeason.cutoffs, "cutoff") },
});

export default function ShippingPolicyPage() {
  return (
    <PolicySection
      page={useLoaderData<typeof loader>()}
      title="Shipping policy"
      saveBarId="shipping-policy-save-bar"
      versionsNote="The storefront shows the version in force."
      toEditor={toEditor}
      cards={(cardProps) => (
        <>
          <ProcessingCard {...cardProps} />
          <RegionsCard {...cardProps} />
          <PeakSeasonCard {...cardProps} />
        </>
      )}
    />
  );
}

function ProcessingCard({ values, set, error, errorUnder }: CardProps) {
  const days = values.processingDays;
  return (
    <SectionCard title="Processing and carriers">
      <FormLayout>
        <FormLayout.Group>
          <TextField
            label="Shortest processing time"
            type="number"
            min={0}
            max={365}
            suffix="business days"
            autoComplete="off"
            value={days.min}
            onChange={(v) => set("processingDays", { ...days, min: v })}
            error={error("processingDays.min")}
          />
          <TextField
            label="Longest processing time"
            type="number"
            min={0}
            max={365}
            suffix="business days"
            autoComplete="off"
            value={days.max}
            onChange={(v) => set("processingDays", { ...days, max: v })}
            error={error("processingDays.max")}
            helpText="Days to prepare an order before it ships."
          />
        </FormLayout.Group>
        <TagInput
          label="Carriers"
          tags={values.carriers}
          onChange={(tags) => set("carriers", tags)}
          error={errorUnder("carriers")}
          helpText="The carriers you ship with, as shoppers know them."
        />
        <TextField
          label="Free shipping from"
          type="number"
          min={0}
          step={0.01}
          autoComplete="off"
          value={values.freeShippingThreshold}
          onChange={(v) => set("freeShippingThreshold", v)}
          error={error("freeShippingThreshold")}
          placeholder="No free shipping"
          helpText="Order value, in the shop's currency, from which shipping is free. Leave empty if it never is."
        />
      </FormLayout>
    </SectionCard>
  );
}

function RegionsCard({ values, set, error }: CardProps) {
  const newKey = useNewRowKey();
  const update = (index: number, change: Partial<RegionRow>) =>
    set(
      "regions",
      values.regions.map((r, i) => (i === index ? { ...r, ...change } : r)),
    );
  return (
    <SectionCard title="Regions">
      <Text as="p" tone="subdued">
        Transit time after the order ships, and the price of shipping there.
      </Text>
      {values.regions.map((region, index) => {
        const row = `for region ${index + 1}`;
        return (
          <BlockStack gap="200" key={region.key}>
            {index > 0 && <Divider />}
            <InlineGrid columns={{ xs: 1, md: "2fr 1fr 1fr 1fr auto" }} gap="300" alignItems="start">
              <TextField
                label={`Region ${index + 1}`}
                autoComplete="off"
                maxLength={80}
                value={region.name}
                onChange={(v) => update(index, { name: v })}
                error={error(`regions.${index}.name`)}
              />
              <TextField
                label={<RowLabel label="Fastest" row={row} />}
                type="number"
                min={0}
                suffix="days"
                autoComplete="off"
                value={region.minDays}
                onChange={(v) => update(index, { minDays: v })}
                error={error(`regions.${index}.minDays`)}
              />
              <TextField
                label={<RowLabel label="Slowest" row={row} />}
                type="number"
                min={0}
                suffix="days"
                autoComplete="off"
                value={region.maxDays}
                onChange={(v) => update(index, { maxDays: v })}
                error={error(`regions.${index}.maxDays`)}
              />
              <TextField
                label={<RowLabel label="Price" row={row} />}
                type="number"
                min={0}
                step={0.01}
                autoComplete="off"
                value={region.price}
                onChange={(v) => update(index, { price: v })}
                error={error(`regions.${index}.price`)}
                helpText={region.price.trim() !== "" && Number(region.price) === 0 ? "Free" : undefined}
              />
              <Box paddingBlockStart="600">
                <Button
                  tone="critical"
                  variant="plain"
                  onClick={() => set("regions", values.regions.filter((_, i) => i !== index))}
                  accessibilityLabel={`Remove region ${region.name || index + 1}`}
                >
                  Remove
                </Button>
              </Box>
            </InlineGrid>
          </BlockStack>
        );
      })}
      {error("regions") && <InlineError message={error("regions")!} fieldID="shipping-regions" />}
      <InlineStack>
        <Button
          onClick={() => set("regions", [...values.regions, { key: newKey(), name: "", minDays: "", maxDays: "", price: "" }])}
          disabled={values.regions.length >= MAX_REGIONS}
        >
          Add region
        </Button>
      </InlineStack>
    </SectionCard>
  );
}

function PeakSeasonCard({ values, set, error }: CardProps) {
  const newKey = useNewRowKey();
  const season = values.peakSeason;
  const change = (update: Partial<EditorValues["peakSeason"]>) => set("peakSeason", { ...season, ...update });
  const updateCutoff = (index: number, update: Partial<CutoffRow>) =>
    change({ cutoffs: season.cutoffs.map((c, i) => (i === index ? { ...c, ...update } : c)) });
  return (
    <SectionCard title="Peak season">
      <FormLayout>
        <Checkbox
          label="Peak season is on"
          helpText="Between these dates the storefront shows the banner and cut-off dates, and support promises allow extra time."
          checked={season.enabled}
          onChange={(enabled) => change({ enabled })}
          error={error("peakSeason.enabled")}
        />
        <FormLayout.Group>
          <TextField
            label="Starts on"
            type="date"
            autoComplete="off"
            value={season.startsOn}
            onChange={(startsOn) => change({ startsOn })}
            error={error("peakSeason.startsOn")}
          />
          <TextField
            label="Ends on"
            type="date"
            autoComplete="off"
            value={season.endsOn}
            onChange={(endsOn) => change({ endsOn })}
            error={error("peakSeason.endsOn")}
            helpText="Both days included, in the shop's time zone."
          />
        </FormLayout.Group>
        <TextField
          label="Banner message"
          autoComplete="off"
          multiline={2}
          maxLength={300}
          showCharacterCount
          value={season.message}
          onChange={(message) => change({ message })}
          error={error("peakSeason.message")}
        />
        <BlockStack gap="200">
          <Text as="p">Order-by dates</Text>
          {season.cutoffs.map((cutoff, index) => (
            <InlineGrid key={cutoff.key} columns={{ xs: 1, md: "2fr 1fr auto" }} gap="300" alignItems="start">
              <TextField
                label={`Cut-off ${index + 1}`}
                autoComplete="off"
                maxLength={80}
                placeholder="Standard shipping"
                value={cutoff.label}
                onChange={(label) => updateCutoff(index, { label })}
                error={error(`peakSeason.cutoffs.${index}.label`)}
              />
              <TextField
                label={<RowLabel label="Order by" row={`for cut-off ${index + 1}`} />}
                type="date"
                autoComplete="off"
                value={cutoff.date}
                onChange={(date) => updateCutoff(index, { date })}
                error={error(`peakSeason.cutoffs.${index}.date`)}
              />
              <Box paddingBlockStart="600">
                <Button
                  tone="critical"
                  variant="plain"
                  onClick={() => change({ cutoffs: season.cutoffs.filter((_, i) => i !== index) })}
                  accessibilityLabel={`Remove cut-off ${cutoff.label || index + 1}`}
                >
                  Remove
                </Button>
              </Box>
            </InlineGrid>
          ))}
          {error("peakSeason.cutoffs") && <InlineError message={error("peakSeason.cutoffs")!} fieldID="peak-season-cutoffs" />}
          <InlineStack>
            <Button
              onClick={() => change({ cutoffs: [...season.cutoffs, { key: newKey(), label: "", date: "" }] })}
              disabled={season.cutoffs.length >= MAX_CUTOFFS}
            >
              Add cut-off date
            </Button>
          </InlineStack>
        </BlockStack>
      </FormLayout>
    </SectionCard>
  );
}

// Shopify's own responses (re-authentication) must reach the browser unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
