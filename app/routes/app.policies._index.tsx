import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import {
  BlockStack,
  Box,
  Button,
  Checkbox,
  ChoiceList,
  Divider,
  FormLayout,
  InlineError,
  InlineGrid,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { PolicySection, RowLabel, SectionCard, TagInput, useNewRowKey, withKeys, type Keyed, type PolicyCardProps } from "../components/policies/policy-editor";
import db from "../db.server";
import { MERCHANT_FAULT_REASONS } from "../features/policies/domain/returns";
import type { Resolution } from "../features/returns/domain/types";
import { loadPolicySection, RETURNS_SECTION, savePolicySection, type SaveOutcome } from "../features/policies/policies.server";
import type { ReturnPolicyFormValues } from "../features/policies/returns-form";
import { shopTimeZone } from "../features/shop/profile.server";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await requireAdmin(request);
  return loadPolicySection(db, session.shop, RETURNS_SECTION, await shopTimeZone(admin.graphql, session.shop));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const outcome = await savePolicySection(db, session.shop, RETURNS_SECTION, await readForm(request), staff);
  return data<SaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

const RESOLUTION_CHOICES: { value: Resolution; label: string; helpText: string }[] = [
  { value: "refund", label: "Refund", helpText: "Money back to the original payment method." },
  { value: "store_credit", label: "Store credit", helpText: "Credit for a later order, with the bonus below." },
  { value: "exchange", label: "Exchange", helpText: "Another variant of the same product." },
];

/** Rows on the page: the form's reasons, with a React key and whether the handle is still the merchant's to choose. */
type ReasonRow = Keyed<ReturnPolicyFormValues["reasons"][number]> & { isNew: boolean };
type EditorValues = Omit<ReturnPolicyFormValues, "reasons"> & { reasons: ReasonRow[] };

const toEditor = (form: ReturnPolicyFormValues): EditorValues => ({ ...form, reasons: withKeys(form.reasons, "reason").map((r) => ({ ...r, isNew: false })) });

export default function ReturnPolicyPage() {
  return (
    <PolicySection
      page={useLoaderData<typeof loader>()}
      title="Return policy"
      saveBarId="return-policy-save-bar"
      versionsNote="Each return request keeps the version it was judged by."
      toEditor={toEditor}
      cards={(cardProps) => (
        <>
          <WindowCard {...cardProps} />
          <ExclusionsCard {...cardProps} />
          <ResolutionsCard {...cardProps} />
          <ShippingCard {...cardProps} />
          <ReasonsCard {...cardProps} />
          <AutoApproveCard {...cardProps} />
          <ResponseCard {...cardProps} />
        </>
      )}
    />
  );
}

type CardProps = PolicyCardProps<EditorValues>;

function WindowCard({ values, set, error }: CardProps) {
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

function ExclusionsCard({ values, set, errorUnder }: CardProps) {
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

function ResolutionsCard({ values, set, error, errorUnder }: CardProps) {
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

function ShippingCard({ values, set, error }: CardProps) {
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

function ReasonsCard({ values, set, error }: CardProps) {
  const newKey = useNewRowKey();
  const update = (index: number, change: Partial<ReasonRow>) =>
    set(
      "reasons",
      values.reasons.map((r, i) => (i === index ? { ...r, ...change } : r)),
    );
  const addRow = () => {
    set("reasons", [...values.reasons, { key: newKey(), label: "", handle: "", photoRequired: false, alwaysReview: false, isNew: true }]);
  };
  return (
    <SectionCard title="Return reasons">
      <Text as="p" tone="subdued">
        Shoppers pick one reason per item, and must attach a photo when the reason requires one. Handles identify a reason in past
        requests and in Shopify, so they can't change once saved.
      </Text>
      {values.reasons.map((reason, index) => (
        <BlockStack gap="200" key={reason.key}>
          {index > 0 && <Divider />}
          <InlineGrid columns={{ xs: 1, md: "2fr 2fr auto" }} gap="300" alignItems="start">
            <TextField
              label={`Reason ${index + 1}`}
              autoComplete="off"
              maxLength={80}
              value={reason.label}
              onChange={(v) => update(index, { label: v })}
              error={error(`reasons.${index}.label`)}
            />
            <TextField
              label={<RowLabel label="Handle" row={`of reason ${index + 1}`} />}
              autoComplete="off"
              value={reason.handle}
              readOnly={!reason.isNew}
              onChange={(v) => update(index, { handle: v })}
              placeholder={reason.isNew ? "Made from the label" : undefined}
              helpText={reason.isNew ? "Leave empty to make it from the label, e.g. size-too-small." : undefined}
              error={error(`reasons.${index}.handle`)}
            />
            <Box paddingBlockStart="600">
              <Button
                tone="critical"
                variant="plain"
                onClick={() => set("reasons", values.reasons.filter((_, i) => i !== index))}
                accessibilityLabel={`Remove reason ${reason.label || index + 1}`}
              >
                Remove
              </Button>
            </Box>
          </InlineGrid>
          <Checkbox
            label={<RowLabel label="Photos required" row={`for reason ${index + 1}`} />}
            checked={reason.photoRequired}
            onChange={(checked) => update(index, { photoRequired: checked })}
            error={error(`reasons.${index}.photoRequired`)}
          />
        </BlockStack>
      ))}
      {error("reasons") && <InlineError message={error("reasons")!} fieldID="return-reasons" />}
      <InlineStack>
        <Button onClick={addRow} disabled={values.reasons.length >= 50}>
          Add reason
        </Button>
      </InlineStack>
    </SectionCard>
  );
}

function AutoApproveCard({ values, set, error, errorUnder }: CardProps) {
  const auto = values.autoApprove;
  const excludedError = errorUnder("autoApprove.excludedReasons");
  return (
    <SectionCard title="Auto-approve">
      <FormLayout>
        <Checkbox
          label="Approve eligible requests automatically"
          helpText="Requests that pass every rule and are worth no more than the limit are approved on arrival; the rest wait for staff."
          checked={auto.enabled}
          onChange={(checked) => set("autoApprove", { ...auto, enabled: checked })}
        />
        <TextField
          label="Up to"
          type="number"
          min={0}
          step={0.01}
          autoComplete="off"
          value={auto.maxValue}
          onChange={(v) => set("autoApprove", { ...auto, maxValue: v })}
          error={error("autoApprove.maxValue")}
          disabled={!auto.enabled}
          helpText="The returned items' value, in the order's currency."
        />
        <BlockStack gap="100">
          <Text as="p">Reasons that always need a person</Text>
          {values.reasons.map((reason, index) => (
            <Checkbox
              key={reason.key}
              label={reason.label.trim() || `Reason ${index + 1} (no label yet)`}
              checked={reason.alwaysReview}
              disabled={!auto.enabled}
              onChange={(checked) =>
                set(
                  "reasons",
                  values.reasons.map((r, i) => (i === index ? { ...r, alwaysReview: checked } : r)),
                )
              }
            />
          ))}
          {excludedError && <InlineError message={excludedError} fieldID="auto-approve-excluded" />}
        </BlockStack>
      </FormLayout>
    </SectionCard>
  );
}

function ResponseCard({ values, set, error }: CardProps) {
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

// Shopify's own responses (re-authentication) must reach the browser unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
