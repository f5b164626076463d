import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardCsvRows, writeCsv, type Dashboard, type DashboardCsv } from "../../app/features/dashboard/dashboard.server";
import { PERIODS } from "../../app/features/dashboard/domain/periods";
import { sessionToken } from "../../simulator/signing";
import { referenceDashboard } from "../helpers/dashboard-reference";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";
import { seedShop } from "../helpers/scale-seed";

/**
 * The dashboard counted by the database equals the dashboard computed from the rows (the way it
 * was computed before, kept in tests/helpers/dashboard-reference.ts), over thousands of seeded
 * tickets, return requests and support events spread across all three periods and the ones
 * before them, with another shop's rows sharing the visitor ids. Read through the built app.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  const seededUntil = new Date(Date.now() - 60_000);
  await seedShop(harness.db, DEMO_SHOP, { tickets: 3_000, returns: 600, events: 6_000 }, seededUntil, 1);
  await seedShop(harness.db, OTHER_SHOP, { tickets: 1_000, returns: 200, events: 2_000 }, seededUntil, 1);
  // Installed after the seed: a page rendered meanwhile would wait on the seed's writes.
  await installApp(harness);
}, 120_000);
afterAll(() => harness?.close());

const ROUTE = "routes/app._index";
const OTHER_SHOP = "other-store.myshopify.com";
const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });

async function loadHome(period: number): Promise<Dashboard> {
  const response = await browserFetch(`${harness.app.url}/app.data?period=${period}&_route=${ROUTE}`, { headers: bearer() });
  const body = (await decodeBody(response)) as Record<string, { data: { dashboard: Dashboard } }>;
  return body[ROUTE]!.data.dashboard;
}

async function exportCsv(period: number): Promise<DashboardCsv> {
  const response = await browserFetch(`${harness.app.url}/app.data?index`, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "export", period: String(period) }).toString(),
  });
  return ((await decodeBody(response)) as { data: { export: DashboardCsv } }).data.export;
}

/** The page's own order counts (they come from Shopify, not from the rows under test). */
const reference = (dashboard: Dashboard) =>
  referenceDashboard(
    {
      db: harness.db,
      shop: DEMO_SHOP,
      timeZone: dashboard.timeZone,
      orders: { availability: dashboard.orders, current: dashboard.metrics.current.orders, previous: dashboard.metrics.previous.orders },
    },
    dashboard.period,
    new Date(),
  );

/** Sums in a different order differ in the last bits of a double: compare to 9 significant digits. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

describe("dashboard at scale: the database's figures equal the rows' figures", () => {
  it.each(PERIODS)("GIVEN %i days THEN every figure, the daily bars and the rankings equal the reference", async (period) => {
    const dashboard = await loadHome(period);
    const expected = await reference(dashboard);

    // The seed spreads over 200 days: each period and the one before it hold activity of every kind.
    expect(dashboard.metrics.current.tickets).toBeGreaterThan(50);
    expect(dashboard.metrics.previous.selfServiceSessions).toBeGreaterThan(50);
    expect(dashboard.metrics.current.firstResponseP90Minutes).not.toBeNull();
    expect(dashboard.topReasons.length).toBeGreaterThan(0);
    expect(dashboard.topSearches.length).toBeGreaterThan(0);
    expect(rounded(dashboard)).toEqual(rounded(expected.dashboard));
  });

  it.each(PERIODS)("GIVEN the %i-day CSV THEN it is the reference's file", async (period) => {
    const file = await exportCsv(period);
    const expected = await reference(await loadHome(period));
    expect(file.content).toBe(writeCsv(dashboardCsvRows(expected.dashboard, expected.summary)));
  });
});
