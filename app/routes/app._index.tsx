import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  ButtonGroup,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { ActivityChart, BarList } from "../components/dashboard/dashboard-charts";
import { download } from "../components/shared/download";
import db from "../db.server";
import { PERIODS, type Period } from "../features/dashboard/domain/periods";
import { env } from "../env.server";
import { missingScopeConsequences } from "../scopes";
import { PROTECTED_DATA_REASONS } from "../protected-data";
import { probeProtectedData } from "../shopify/protected-data.server";
import { CARDS, describeTrend, formatDay, formatMinutes, formatValue, type CardSpec, type Metrics } from "../features/dashboard/dashboard";
import {
  DashboardExportSchema,
  exportDashboardCsv,
  loadDashboard,
  parsePeriod,
  type Dashboard,
  type DashboardCsv,
  type OrdersAvailability,
} from "../features/dashboard/dashboard.server";
import { shopProfile } from "../features/shop/profile.server";
import { requireAdmin } from "../guards/admin.server";
import { fetchShopConnection } from "../shopify/shop.server";
import { STOREFRONT_BLOCKS, themeEditorUrl } from "../storefront-blocks";
import { readForm } from "../lib/body.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await requireAdmin(request);
  const [shop, missingProtected] = await Promise.all([fetchShopConnection(admin.graphql), probeProtectedData(admin.graphql)]);
  const missingScopes = missingScopeConsequences(shop.grantedScopes);
  const protectedData = missingProtected.map((need) => PROTECTED_DATA_REASONS[need]);
  const period = parsePeriod(new URL(request.url).searchParams.get("period"));
  const dashboard = await loadDashboard({ db, graphql: admin.graphql, shop: session.shop, timeZone: shop.timezone || "UTC" }, period);
  return {
    shop,
    missingScopes,
    protectedData,
    dashboard,
    blocks: STOREFRONT_BLOCKS.map((block) => ({
      ...block,
      editorUrl: themeEditorUrl(shop.domain, env.SHOPIFY_API_KEY, block),
    })),
  };
};

type ExportResult = { export: DashboardCsv } | { error: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await requireAdmin(request);
  const parsed = DashboardExportSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data<ExportResult>({ error: "Unknown export: reload the page and try again." }, { status: 400 });
  const { timeZone } = await shopProfile(admin.graphql, session.shop);
  const file = await exportDashboardCsv({ db, graphql: admin.graphql, shop: session.shop, timeZone }, parsed.data.period);
  return data<ExportResult>({ export: file });
};

const ARROWS = { up: "↑", down: "↓", flat: "→" } as const;

const ORDERS_NOTE: Record<Exclude<OrdersAvailability, "available">, string> = {
  beyond_window: "Shopify shares only the last 60 days of orders with this app: choose 7 or 30 days.",
  unavailable: "Shopify did not give the order count. Reload the page to try again.",
};

/** A second line under some figures, for the context a single number leaves out. */
const DETAILS: Partial<Record<keyof Metrics, (m: Metrics) => string>> = {
  deflectionPercent: (m) => `of ${formatValue(m.selfServiceSessions, "count")} self-service sessions`,
  resolutionAverageMinutes: (m) => (m.resolutionMedianMinutes === null ? "" : `median ${formatMinutes(m.resolutionMedianMinutes)}`),
  contactsPerOrder: (m) => (m.orders === null ? "" : `${formatValue(m.tickets, "count")} tickets, ${formatValue(m.orders, "count")} orders`),
};

function KpiCard({ spec, dashboard }: { spec: CardSpec; dashboard: Dashboard }) {
  const { period, metrics, orders } = dashboard;
  const current = metrics.current[spec.key];
  const previous = metrics.previous[spec.key];
  const unavailable = spec.orderBased && orders !== "available" ? ORDERS_NOTE[orders] : null;
  const change = describeTrend(current, previous, spec.unit, spec.better, period);
  const detail = DETAILS[spec.key]?.(metrics.current);
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          {spec.label}
        </Text>
        <Text as="p" variant="headingXl">
          {unavailable ? "—" : formatValue(current, spec.unit)}
        </Text>
        {unavailable ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {unavailable}
          </Text>
        ) : (
          <>
            {detail && (
              <Text as="p" variant="bodySm" tone="subdued">
                {detail}
              </Text>
            )}
            <Text as="p" variant="bodySm" tone={change.tone}>
              {change.direction && <span aria-hidden="true">{ARROWS[change.direction]} </span>}
              {change.text}
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              Previous {period} days: {formatValue(previous, spec.unit)}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}

function DashboardSection({ dashboard }: { dashboard: Dashboard }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const exporter = useFetcher<ExportResult>();
  const shopify = useAppBridge();
  const { period, days } = dashboard;

  useEffect(() => {
    if (exporter.state !== "idle" || !exporter.data) return;
    if ("export" in exporter.data) download(exporter.data.export);
    else shopify.toast.show(exporter.data.error, { isError: true });
  }, [exporter.state, exporter.data, shopify]);

  const choose = (next: Period) => {
    const params = new URLSearchParams(searchParams);
    params.set("period", String(next));
    setSearchParams(params, { preventScrollReset: true });
  };
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/app";

  return (
    <BlockStack gap="400">
      <InlineStack align="space-between" blockAlign="center" gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingLg">
            Support at a glance
          </Text>
          <Text as="p" tone="subdued">
            {formatDay(days.current.first)} – {formatDay(days.current.last)}, compared with {formatDay(days.previous.first)} –{" "}
            {formatDay(days.previous.last)} ({dashboard.timeZone})
          </Text>
        </BlockStack>
        <InlineStack gap="200" blockAlign="center">
          <ButtonGroup variant="segmented">
            {PERIODS.map((p) => (
              <Button key={p} pressed={p === period} onClick={() => choose(p)} accessibilityLabel={`Last ${p} days`}>
                {`${p} days`}
              </Button>
            ))}
          </ButtonGroup>
          <Button onClick={() => exporter.submit({ intent: "export", period: String(period) }, { method: "post" })} loading={exporter.state !== "idle"}>
            Export CSV
          </Button>
        </InlineStack>
      </InlineStack>
      <div aria-busy={loading} style={{ opacity: loading ? 0.6 : 1 }}>
        {dashboard.hasActivity ? <Figures dashboard={dashboard} /> : <NoActivity period={period} />}
      </div>
    </BlockStack>
  );
}

function NoActivity({ period }: { period: Period }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingMd">
          Nothing to report yet
        </Text>
        <Text as="p">
          Nothing was recorded in the last {period * 2} days. Your figures appear here once shoppers track orders, start returns,
          read your FAQ or contact you: add the storefront blocks below to get started.
        </Text>
      </BlockStack>
    </Card>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { period, topReasons, topSearches } = dashboard;
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, sm: 2, md: 3, lg: 4 }} gap="400">
        {CARDS.map((spec) => (
          <KpiCard key={spec.key} spec={spec} dashboard={dashboard} />
        ))}
      </InlineGrid>
      <Card>
        <BlockStack gap="300">
          <Text as="h3" variant="headingMd">
            Self-service sessions and tickets per day
          </Text>
          <ActivityChart series={dashboard.daily} period={period} />
        </BlockStack>
      </Card>
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        <Card>
          <BlockStack gap="300">
            <Text as="h3" variant="headingMd">
              Top return reasons
            </Text>
            <BarList
              empty={`No returns in the last ${period} days.`}
              bars={topReasons.map((r) => ({
                key: r.reason,
                label: r.label,
                value: r.count,
                detail: `${formatValue(r.count, "count")} ${r.count === 1 ? "unit" : "units"} · ${formatValue(Math.round(r.percent), "percent")}`,
              }))}
            />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h3" variant="headingMd">
              Top FAQ searches with no answer
            </Text>
            <BarList
              empty={`Every FAQ search found an answer in the last ${period} days.`}
              bars={topSearches.map((s) => ({
                key: s.query,
                label: s.query,
                value: s.count,
                detail: `${formatValue(s.count, "count")} ${s.count === 1 ? "search" : "searches"}`,
              }))}
            />
          </BlockStack>
        </Card>
      </InlineGrid>
    </BlockStack>
  );
}

export default function Home() {
  const { shop, missingScopes, protectedData, blocks, dashboard } = useLoaderData<typeof loader>();
  const needsSomething = missingScopes.length > 0 || protectedData.length > 0;
  return (
    <Page title="Harbor Support">
      <Layout>
        <Layout.Section>
          <DashboardSection dashboard={dashboard} />
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <Card>
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {shop.name}
                </Text>
                <Badge tone={needsSomething ? "warning" : "success"}>{needsSomething ? "Needs permissions" : "Connected"}</Badge>
              </InlineStack>
              <Text as="p" tone="subdued">
                {shop.domain} · {shop.timezone} · {shop.currency}
              </Text>
              {missingScopes.length > 0 && (
                <Banner tone="warning" title="Some permissions are missing">
                  <BlockStack gap="200">
                    <p>Harbor Support cannot read or update everything it needs. Open the app from your Apps list to grant:</p>
                    <List>
                      {missingScopes.map(({ scope, without }) => (
                        <List.Item key={scope}>
                          {scope}: without it, {without}.
                        </List.Item>
                      ))}
                    </List>
                  </BlockStack>
                </Banner>
              )}
              {protectedData.length > 0 && (
                <Banner tone="warning" title="Shopify has not approved access to customer data yet">
                  <BlockStack gap="200">
                    <p>
                      Orders are protected customer data. Until Shopify approves it, shoppers see &quot;unavailable&quot; instead of their
                      order. The app developer requests it in the Partner Dashboard (App → API access → Protected customer data access):
                    </p>
                    <List>
                      {protectedData.map(({ request, why, without }) => (
                        <List.Item key={request}>
                          {request}: {why}. Without it, {without}.
                        </List.Item>
                      ))}
                    </List>
                  </BlockStack>
                </Banner>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Add support to your storefront
              </Text>
              <List type="number">
                <List.Item>In your Shopify admin, open Online Store → Themes → Customize.</List.Item>
                <List.Item>Choose the page (a new "Help" page works well), then Add block → Apps.</List.Item>
                <List.Item>Pick a Harbor Support block below, adjust its settings and save.</List.Item>
              </List>
              {blocks.length === 0 ? (
                <Text as="p" tone="subdued">
                  Storefront blocks arrive with the next releases: order tracking, returns, FAQ and contact.
                </Text>
              ) : (
                <BlockStack gap="200">
                  {blocks.map((block) => (
                    <Box key={block.handle}>
                      <a href={block.editorUrl} target="_top">
                        Add “{block.name}” in the theme editor
                      </a>
                    </Box>
                  ))}
                </BlockStack>
              )}
              <Text as="p" tone="subdued">
                Shoppers reach the blocks through your store&apos;s own address (/apps/support unless you changed the
                app proxy path in Shopify: then enter the new path in each block&apos;s &quot;App proxy path&quot; setting);
                they never leave your store.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
