import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useRevalidator, useRouteError } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { PageSaveBar, useHasSaveBar } from "../components/page-save-bar";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  Divider,
  FormLayout,
  InlineError,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Tag,
  Text,
  TextField,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useEffect, useId, useState } from "react";
import db from "../db.server";
import { MERCHANT_FAULT_REASONS } from "../domain/returns/policy";
import type { Resolution } from "../domain/returns/types";
import {
  loadPolicyPage,
  savePolicyForm,
  type FieldErrors,
  type PolicyFormValues,
  type PolicyPage,
  type SaveOutcome,
} from "../services/policies.server";
import { shopTimeZone, staffName } from "../services/returns-admin.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  return loadPolicyPage(db, session.shop, await shopTimeZone(admin.graphql, session.shop));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const staff = staffName({ shop: session.shop, user: session.onlineAccessInfo?.associated_user, userId: sessionToken?.sub });
  const form = await request.formData();
  const outcome = await savePolicyForm(db, session.shop, { policy: form.get("policy"), baseVersion: form.get("baseVersion") }, staff);
  return data<SaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

const SAVE_BAR_ID = "return-policy-save-bar";

const RESOLUTION_CHOICES: { value: Resolution; label: string; helpText: string }[] = [
  { value: "refund", label: "Refund", helpText: "Money back to the original payment method." },
  { value: "store_credit", label: "Store credit", helpText: "Credit for a later order, with the bonus below." },
  { value: "exchange", label: "Exchange", helpText: "Another variant of the same product." },
];

/** Rows on the page: the form's reasons, with a React key and whether the handle is still the merchant's to choose. */
type ReasonRow = PolicyFormValues["reasons"][number] & { key: string; isNew: boolean };
type EditorValues = Omit<PolicyFormValues, "reasons"> & { reasons: ReasonRow[] };

function toEditor(form: PolicyFormValues): EditorValues {
  return { ...form, reasons: form.reasons.map((r) => ({ ...r, key: r.handle, isNew: false })) };
}

export default function PoliciesPage() {
  const page = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const shopify = useAppBridge();

  useEffect(() => {
    if (fetcher.data?.ok) shopify.toast.show(`Policy saved — version ${fetcher.data.version}`);
  }, [fetcher.data, shopify]);

  // A saved (or reloaded) version starts a fresh editor: its values are the new baseline.
  return <PolicyEditor key={page.version} page={page} fetcher={fetcher} />;
}

function PolicyEditor({ page, fetcher }: { page: PolicyPage; fetcher: ReturnType<typeof useFetcher<typeof action>> }) {
  const [baseline] = useState(() => toEditor(page.form));
  const [values, setValues] = useState(baseline);
  const [dismissed, setDismissed] = useState<unknown>(null);
  const hasSaveBar = useHasSaveBar();
  const revalidator = useRevalidator();

  // The save bar is App Bridge's element; without it (outside Shopify's admin) the page's own buttons stand in.

  const saving = fetcher.state !== "idle";
  const outcome = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok && dismissed !== fetcher.data ? fetcher.data : null;
  const errors: FieldErrors = outcome?.errors ?? {};
  const formError = outcome?.formError ?? null;
  const dirty = JSON.stringify(values) !== JSON.stringify(baseline);

  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = () =>
    fetcher.submit({ policy: JSON.stringify(values), baseVersion: String(page.version) }, { method: "post" });
  const discard = () => {
    setValues(baseline);
    setDismissed(fetcher.data ?? null);
  };

  const error = (path: string) => errors[path];
  /** The first error at a path or below it (a list's items), for a field that edits the whole list. */
  const errorUnder = (path: string) => errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
  const problems = Object.entries(errors);

  return (
    <Page
      title="Return policy"
      subtitle={`Version ${page.version} is in force. Every save keeps the previous versions.`}
      primaryAction={hasSaveBar ? undefined : { content: "Save", onAction: save, disabled: !dirty, loading: saving }}
      secondaryActions={hasSaveBar ? undefined : [{ content: "Discard", onAction: discard, disabled: !dirty || saving }]}
    >
      {hasSaveBar && <PageSaveBar id={SAVE_BAR_ID} open={dirty} saving={saving} onSave={save} onDiscard={discard} />}
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {formError && (
              <Banner
                tone="critical"
                title="The policy was not saved"
                action={outcome?.status === 409 ? { content: "Reload", onAction: () => revalidator.revalidate() } : undefined}
              >
                <p role="alert">{formError}</p>
              </Banner>
            )}
            {problems.length > 0 && (
              <Banner tone="critical" title={`Fix ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to save the policy`}>
                <List>
                  {problems.map(([path, message]) => (
                    <List.Item key={path}>{message}</List.Item>
                  ))}
                </List>
              </Banner>
            )}
            <WindowCard values={values} set={set} error={error} />
            <ExclusionsCard values={values} set={set} errorUnder={errorUnder} />
            <ResolutionsCard values={values} set={set} error={error} errorUnder={errorUnder} />
            <ShippingCard values={values} set={set} error={error} />
            <ReasonsCard values={values} set={set} error={error} />
            <AutoApproveCard values={values} set={set} error={error} errorUnder={errorUnder} />
            <ResponseCard values={values} set={set} error={error} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <VersionsCard versions={page.versions} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

type Setter = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => void;
type CardProps = { values: EditorValues; set: Setter; error?: (path: string) => string | undefined; errorUnder?: (path: string) => string | undefined };

function SectionCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

function WindowCard({ values, set, error = () => undefined }: CardProps) {
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

function ExclusionsCard({ values, set, errorUnder = () => undefined }: CardProps) {
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

/** Tags added with Enter, the Add button, a comma or leaving the field; each removable. */
function TagInput({ label, tags, onChange, error, helpText }: { label: string; tags: string[]; onChange(tags: string[]): void; error?: string; helpText: string }) {
  const [draft, setDraft] = useState("");
  const add = (text: string) => {
    const known = new Set(tags.map((t) => t.toLowerCase()));
    const added: string[] = [];
    for (const tag of text.split(",").map((t) => t.trim())) {
      if (!tag || known.has(tag.toLowerCase())) continue;
      known.add(tag.toLowerCase());
      added.push(tag);
    }
    if (added.length) onChange([...tags, ...added]);
    setDraft("");
  };
  const change = (text: string) => {
    // A comma ends a tag: keep only what follows the last one in the field.
    if (!text.includes(",")) return setDraft(text);
    const cut = text.lastIndexOf(",");
    add(text.slice(0, cut));
    setDraft(text.slice(cut + 1).trimStart());
  };
  return (
    <BlockStack gap="200">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add(draft);
        }}
      >
        <TextField
          label={label}
          autoComplete="off"
          value={draft}
          onChange={change}
          onBlur={() => draft.trim() && add(draft)}
          placeholder="Type and press Enter; commas separate tags"
          helpText={helpText}
          error={error}
          connectedRight={
            <Button submit disabled={!draft.trim()}>
              Add
            </Button>
          }
        />
      </form>
      {tags.length > 0 ? (
        <InlineStack gap="200">
          {tags.map((tag) => (
            <Tag key={tag} onRemove={() => onChange(tags.filter((t) => t !== tag))} accessibilityLabel={`Remove ${tag}`}>
              {tag}
            </Tag>
          ))}
        </InlineStack>
      ) : (
        <Text as="p" tone="subdued">
          None
        </Text>
      )}
    </BlockStack>
  );
}

function ResolutionsCard({ values, set, error = () => undefined, errorUnder = () => undefined }: CardProps) {
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

function ShippingCard({ values, set, error = () => undefined }: CardProps) {
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

function ReasonsCard({ values, set, error = () => undefined }: CardProps) {
  const keyPrefix = useId();
  const [added, setAdded] = useState(0);
  const update = (index: number, change: Partial<ReasonRow>) =>
    set(
      "reasons",
      values.reasons.map((r, i) => (i === index ? { ...r, ...change } : r)),
    );
  const addRow = () => {
    set("reasons", [...values.reasons, { key: `${keyPrefix}-${added}`, label: "", handle: "", photoRequired: false, alwaysReview: false, isNew: true }]);
    setAdded((n) => n + 1);
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
              label={
                <>
                  Handle
                  <Text as="span" visuallyHidden>
                    {` of reason ${index + 1}`}
                  </Text>
                </>
              }
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
            label={
              <>
                Photos required
                <Text as="span" visuallyHidden>
                  {` for reason ${index + 1}`}
                </Text>
              </>
            }
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

function AutoApproveCard({ values, set, error = () => undefined, errorUnder = () => undefined }: CardProps) {
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

function ResponseCard({ values, set, error = () => undefined }: CardProps) {
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

function VersionsCard({ versions }: { versions: PolicyPage["versions"] }) {
  return (
    <SectionCard title="Versions">
      <Text as="p" tone="subdued">
        Each return request keeps the version it was judged by.
      </Text>
      <BlockStack gap="200" as="ol">
        {versions.map((v) => (
          <Box as="li" key={v.version}>
            <InlineStack gap="200" blockAlign="center">
              <Text as="span" fontWeight="semibold">
                Version {v.version}
              </Text>
              {v.inForce && <Badge tone="success">In force</Badge>}
            </InlineStack>
            <Text as="p" tone="subdued" variant="bodySm">
              {v.createdBy ? `${v.createdBy}${v.created ? ` · ${v.created}` : ""}` : "The defaults every shop starts with"}
            </Text>
          </Box>
        ))}
      </BlockStack>
    </SectionCard>
  );
}

// Shopify's own responses (re-authentication) must reach the browser unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
