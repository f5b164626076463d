import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteError } from "@remix-run/react";
import {
  BlockStack,
  Box,
  Button,
  Checkbox,
  FormLayout,
  InlineError,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import type { ReactNode } from "react";
import { PolicySection, RowLabel, SectionCard, useNewRowKey, withKeys, type Keyed, type PolicyCardProps } from "../components/policies/policy-editor";
import db from "../db.server";
import { describeHours } from "../features/policies/domain/business-hours";
import { formatDuration } from "../features/tickets/domain/sla";
import { CATEGORIES, PRIORITIES, TOPIC_LABELS, TOPICS } from "../features/tickets/domain/types";
import { loadPolicySection, savePolicySection, SUPPORT_SECTION, type SaveOutcome } from "../features/policies/policies.server";
import { shopTimeZone } from "../features/shop/profile.server";
import { durationMinutes, timeZoneChoices, type DurationValue, type SupportFormValues } from "../features/policies/support-form";
import { requireAdmin } from "../guards/admin.server";
import { readForm } from "../lib/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await requireAdmin(request);
  const shopZone = await shopTimeZone(admin.graphql, session.shop);
  const page = await loadPolicySection(db, session.shop, SUPPORT_SECTION, shopZone);
  // Listed on the server so the page and its hydration agree, whatever zones the browser knows.
  return { ...page, shopTimeZone: shopZone, timeZones: timeZoneChoices(page.form.timeZone || null) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, staff } = await requireAdmin(request);
  const outcome = await savePolicySection(db, session.shop, SUPPORT_SECTION, await readForm(request), staff);
  return data<SaveOutcome>(outcome, { status: outcome.ok ? 200 : outcome.status });
};

type HolidayRow = Keyed<SupportFormValues["holidays"][number]>;
type EditorValues = Omit<SupportFormValues, "holidays"> & { holidays: HolidayRow[] };
type CardProps = PolicyCardProps<EditorValues>;

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const PRIORITY_LABELS = { P1: "P1 — urgent", P2: "P2 — high", P3: "P3 — normal", P4: "P4 — low" };
const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));
const UNIT_OPTIONS = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
];
/** From the settings' schema, so the Add button stops where saving would fail. */
const MAX_HOLIDAYS = 366;

const toEditor = (form: SupportFormValues): EditorValues => ({ ...form, holidays: withKeys(form.holidays, "holiday") });

export default function SupportSettingsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <PolicySection
      page={page}
      title="Support settings"
      saveBarId="support-settings-save-bar"
      versionsNote="Response-time promises and timers follow the version in force."
      toEditor={toEditor}
      cards={(cardProps) => (
        <>
          <HoursCard {...cardProps} shopTimeZone={page.shopTimeZone} timeZones={page.timeZones} />
          <HolidaysCard {...cardProps} />
          <TargetsCard {...cardProps} />
          <TopicsCard {...cardProps} />
          <KeywordsCard {...cardProps} />
          <PagesCard {...cardProps} />
        </>
      )}
    />
  );
}

function HoursCard({ values, set, error, shopTimeZone, timeZones }: CardProps & { shopTimeZone: string; timeZones: string[] }) {
  const update = (index: number, change: Partial<EditorValues["businessHours"][number]>) =>
    set(
      "businessHours",
      values.businessHours.map((day, i) => (i === index ? { ...day, ...change } : day)),
    );
  const summary = describeHours({ businessHours: values.businessHours.map((day) => (day.closed ? null : day)) });
  return (
    <SectionCard title="Business hours">
      <FormLayout>
        <Select
          label="Time zone"
          options={[{ value: "", label: `Use the shop's time zone (${shopTimeZone})` }, ...timeZones.map((zone) => ({ value: zone, label: zone }))]}
          value={values.timeZone}
          onChange={(zone) => set("timeZone", zone)}
          error={error("timeZone")}
          helpText="Hours, holidays and response targets count in this time zone."
        />
        <BlockStack gap="200">
          {values.businessHours.map((day, index) => (
            <InlineGrid key={WEEKDAYS[index]} columns={{ xs: 1, md: "1fr 1fr 1fr" }} gap="300" alignItems="start">
              <Box paddingBlockStart="600">
                <Checkbox label={`Open on ${WEEKDAYS[index]}`} checked={!day.closed} onChange={(open) => update(index, { closed: !open })} />
              </Box>
              <TextField
                label={<RowLabel label="Opens" row={`on ${WEEKDAYS[index]}`} />}
                autoComplete="off"
                placeholder="09:00"
                value={day.open}
                disabled={day.closed}
                onChange={(open) => update(index, { open })}
                error={error(`businessHours.${index}.open`)}
              />
              <TextField
                label={<RowLabel label="Closes" row={`on ${WEEKDAYS[index]}`} />}
                autoComplete="off"
                placeholder="17:00"
                value={day.close}
                disabled={day.closed}
                onChange={(close) => update(index, { close })}
                error={error(`businessHours.${index}.close`)}
              />
            </InlineGrid>
          ))}
          {error("businessHours") && <InlineError message={error("businessHours")!} fieldID="business-hours" />}
          <Text as="p" tone="subdued">
            24-hour times; 24:00 closes at midnight. {summary === "Closed" ? "Closed every day." : summary}
          </Text>
        </BlockStack>
      </FormLayout>
    </SectionCard>
  );
}

function HolidaysCard({ values, set, error }: CardProps) {
  const newKey = useNewRowKey();
  const update = (index: number, change: Partial<HolidayRow>) =>
    set(
      "holidays",
      values.holidays.map((h, i) => (i === index ? { ...h, ...change } : h)),
    );
  return (
    <SectionCard title="Holidays">
      <Text as="p" tone="subdued">
        Closed all day: response timers pause, whatever the weekly hours say.
      </Text>
      {values.holidays.map((holiday, index) => (
        <InlineGrid key={holiday.key} columns={{ xs: 1, md: "1fr 2fr auto" }} gap="300" alignItems="start">
          <TextField
            label={`Holiday ${index + 1}`}
            type="date"
            autoComplete="off"
            value={holiday.date}
            onChange={(date) => update(index, { date })}
            error={error(`holidays.${index}.date`)}
          />
          <TextField
            label={<RowLabel label="Name" row={`of holiday ${index + 1}`} />}
            autoComplete="off"
            maxLength={80}
            placeholder="Christmas Day"
            value={holiday.name}
            onChange={(name) => update(index, { name })}
            error={error(`holidays.${index}.name`)}
          />
          <Box paddingBlockStart="600">
            <Button
              tone="critical"
              variant="plain"
              onClick={() => set("holidays", values.holidays.filter((_, i) => i !== index))}
              accessibilityLabel={`Remove holiday ${holiday.name || index + 1}`}
            >
              Remove
            </Button>
          </Box>
        </InlineGrid>
      ))}
      {error("holidays") && <InlineError message={error("holidays")!} fieldID="holidays" />}
      <InlineStack>
        <Button onClick={() => set("holidays", [...values.holidays, { key: newKey(), date: "", name: "" }])} disabled={values.holidays.length >= MAX_HOLIDAYS}>
          Add holiday
        </Button>
      </InlineStack>
    </SectionCard>
  );
}

/** "= 2 hours" under a duration while what is typed is one; nothing while it is not. */
function durationHint(value: DurationValue): string | undefined {
  const minutes = durationMinutes(value);
  return typeof minutes === "number" && Number.isFinite(minutes) && minutes >= 0 ? `= ${formatDuration(minutes)}` : undefined;
}

function DurationField({ label, value, onChange, error }: { label: ReactNode; value: DurationValue; onChange(value: DurationValue): void; error?: string }) {
  return (
    <TextField
      label={label}
      type="number"
      min={0}
      autoComplete="off"
      value={value.amount}
      onChange={(amount) => onChange({ ...value, amount })}
      error={error}
      helpText={durationHint(value)}
      connectedRight={
        <Select
          label="Unit"
          labelHidden
          options={UNIT_OPTIONS}
          value={value.unit}
          onChange={(unit) => onChange({ ...value, unit: unit === "hours" ? "hours" : "minutes" })}
        />
      }
    />
  );
}

function TargetsCard({ values, set, error }: CardProps) {
  return (
    <SectionCard title="Response targets">
      <Text as="p" tone="subdued">
        Counted in business hours from when the shopper writes. The contact block promises the first-response target.
      </Text>
      {PRIORITIES.map((priority) => {
        const target = values.targets[priority];
        const change = (update: Partial<typeof target>) => set("targets", { ...values.targets, [priority]: { ...target, ...update } });
        return (
          <InlineGrid key={priority} columns={{ xs: 1, md: "1fr 2fr 2fr" }} gap="300" alignItems="start">
            <Box paddingBlockStart="600">
              <Text as="p" fontWeight="semibold">
                {PRIORITY_LABELS[priority]}
              </Text>
            </Box>
            <DurationField
              label={<RowLabel label="First response" row={`for ${priority}`} />}
              value={target.firstResponse}
              onChange={(firstResponse) => change({ firstResponse })}
              error={error(`targets.${priority}.firstResponse`)}
            />
            <DurationField
              label={<RowLabel label="Resolution" row={`for ${priority}`} />}
              value={target.resolution}
              onChange={(resolution) => change({ resolution })}
              error={error(`targets.${priority}.resolution`)}
            />
          </InlineGrid>
        );
      })}
      <DurationField
        label="Extra time in peak season"
        value={values.peakSeasonExtra}
        onChange={(peakSeasonExtra) => set("peakSeasonExtra", peakSeasonExtra)}
        error={error("peakSeasonExtra")}
      />
      <Text as="p" tone="subdued">
        Added to every target while the shipping policy&apos;s peak season is on.
      </Text>
    </SectionCard>
  );
}

function TopicsCard({ values, set, error }: CardProps) {
  return (
    <SectionCard title="Priority by topic">
      <Text as="p" tone="subdued">
        The priority a message starts at, by the topic the shopper picks on the contact form. Urgent wording can raise it.
      </Text>
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
        {TOPICS.map((topic) => (
          <Select
            key={topic}
            label={TOPIC_LABELS[topic]}
            options={PRIORITY_OPTIONS}
            value={values.topics[topic].priority}
            onChange={(priority) => set("topics", { ...values.topics, [topic]: { priority } })}
            error={error(`topics.${topic}.priority`)}
          />
        ))}
      </InlineGrid>
    </SectionCard>
  );
}

function KeywordsCard({ values, set, error, errorUnder }: CardProps) {
  const segments = values.segments;
  return (
    <SectionCard title="Inbox rules">
      <Text as="p" tone="subdued">
        Messages go to the category whose keywords they mention most; commas or new lines separate keywords, and a phrase matches as
        whole words.
      </Text>
      <FormLayout>
        {CATEGORIES.map((category) => (
          <TextField
            key={category}
            label={`${TOPIC_LABELS[category]} keywords`}
            autoComplete="off"
            multiline={2}
            value={values.rules[category].keywords}
            onChange={(keywords) => set("rules", { ...values.rules, [category]: { keywords } })}
            error={errorUnder(`rules.${category}`)}
          />
        ))}
        <TextField
          label="Escalation keywords"
          autoComplete="off"
          multiline={2}
          value={values.escalation.keywords}
          onChange={(keywords) => set("escalation", { keywords })}
          error={errorUnder("escalation")}
          helpText="Wording such as “talk to a person” that raises a message's priority one step."
        />
        <FormLayout.Group>
          <TextField
            label="Repeat customer from"
            type="number"
            min={2}
            suffix="orders"
            autoComplete="off"
            value={segments.repeatOrders}
            onChange={(repeatOrders) => set("segments", { ...segments, repeatOrders })}
            error={error("segments.repeatOrders")}
          />
          <TextField
            label="VIP from"
            type="number"
            min={2}
            suffix="orders"
            autoComplete="off"
            value={segments.vipOrders}
            onChange={(vipOrders) => set("segments", { ...segments, vipOrders })}
            error={error("segments.vipOrders")}
          />
          <TextField
            label="or VIP from spending"
            type="number"
            min={0}
            step={0.01}
            autoComplete="off"
            value={segments.vipSpend}
            onChange={(vipSpend) => set("segments", { ...segments, vipSpend })}
            error={error("segments.vipSpend")}
            helpText="In the shop's currency."
          />
        </FormLayout.Group>
      </FormLayout>
    </SectionCard>
  );
}

const PAGE_FIELDS = [
  { key: "returns", label: "Returns page", placeholder: "/pages/returns", helpText: "Where you placed the returns block; emails and macros link to it (return_link)." },
  { key: "contact", label: "Contact page", placeholder: "/pages/contact", helpText: "Where you placed the contact block." },
  { key: "faq", label: "FAQ page", placeholder: "/pages/faq", helpText: "Where you placed the FAQ block." },
] as const;

function PagesCard({ values, set, error }: CardProps) {
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

// Shopify's own responses (re-authentication) must reach the browser unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
