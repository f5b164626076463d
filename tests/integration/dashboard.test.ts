import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../app/features/import-export/domain/csv";
import { isWithin, periodRange, type Period } from "../../app/features/dashboard/domain/periods";
import { formatDayNumber, localDayNumber, startOfLocalDay } from "../../app/lib/zoned-time";
import { type Metrics } from "../../app/features/dashboard/dashboard";
import { loadDashboard, type Dashboard, type DashboardCsv } from "../../app/features/dashboard/dashboard.server";
import { type AdminGraphql } from "../../app/shopify.server";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";

/**
 * The dashboard on the admin home, through the built app: support events, tickets and return
 * requests written straight to the database for the demo shop and for another shop, then the
 * home page's data read with an App Bridge session token. The expected figures are worked out by
 * hand from the rows below, so a formula or a query that drifts shows up as a wrong number.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const ROUTE = "routes/app._index";
const OTHER_SHOP = "other-store.myshopify.com";
const TZ = "America/Toronto"; // the demo shop's zone
const MINUTE = 60_000;

const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });

async function loadHome(query = ""): Promise<{ status: number; dashboard: Dashboard }> {
  const params = new URLSearchParams(query);
  params.set("_route", ROUTE);
  const response = await browserFetch(`${harness.app.url}/app.data?${params}`, { headers: bearer() });
  const body = (await decodeBody(response)) as Record<string, { data?: { dashboard: Dashboard } }>;
  return { status: response.status, dashboard: body[ROUTE]?.data?.dashboard as Dashboard };
}

async function exportCsv(fields: Record<string, string>): Promise<{ status: number; data: { export?: DashboardCsv; error?: string } }> {
  const response = await browserFetch(`${harness.app.url}/app.data?index`, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const body = (await decodeBody(response)) as { data?: { export?: DashboardCsv; error?: string } };
  return { status: response.status, data: body.data ?? {} };
}

// ---- the rows -----------------------------------------------------------------------------------

const today = localDayNumber(Date.now(), TZ);
/** A local time on a day `daysAgo` days before today, in the shop's zone. Nothing is placed today. */
const localTime = (daysAgo: number, hour: number, minute = 0) => new Date(startOfLocalDay(today - daysAgo, TZ) + (hour * 60 + minute) * MINUTE);
const after = (date: Date, minutes: number) => new Date(date.getTime() + minutes * MINUTE);

function event(shop: string, type: string, visitor: string | null, at: Date, subject: string | null = null) {
  return harness.db.supportEvent.create({ data: { shop, type, visitor, subject, at } });
}

/** A ticket due an hour after it was opened; offsets in minutes; `rating` implies a survey was sent. */
function ticket(
  shop: string,
  createdAt: Date,
  opts: { visitor?: string; respond?: number; close?: number; surveyed?: boolean; rating?: number } = {},
) {
  return harness.db.ticket.create({
    data: {
      shop,
      reference: `H-${randomUUID().slice(0, 8)}`,
      status: opts.close === undefined ? "open" : "closed",
      topic: "order_status",
      category: "order_status",
      priority: "normal",
      subject: "Where is my parcel?",
      customerName: "Test Shopper",
      customerEmail: "shopper@example.com",
      visitor: opts.visitor ?? null,
      responseDueAt: after(createdAt, 60),
      resolutionDueAt: after(createdAt, 24 * 60),
      dueAt: opts.respond === undefined ? after(createdAt, 60) : after(createdAt, 24 * 60),
      firstResponseAt: opts.respond === undefined ? null : after(createdAt, opts.respond),
      closedAt: opts.close === undefined ? null : after(createdAt, opts.close),
      surveySentAt: opts.surveyed || opts.rating !== undefined ? after(createdAt, opts.close ?? 0) : null,
      csatRating: opts.rating ?? null,
      createdAt,
      lastMessageAt: createdAt,
    },
  });
}

function returnRequest(shop: string, orderId: string, createdAt: Date, items: [reason: string, quantity: number][]) {
  return harness.db.returnRequest.create({
    data: {
      shop,
      reference: `R-${randomUUID().slice(0, 8)}`,
      idempotencyKey: randomUUID(),
      orderId,
      orderName: "#1001",
      status: "requested",
      resolution: "refund",
      policyVersion: 1,
      quote: "{}",
      rules: "[]",
      respondBy: after(createdAt, 48 * 60),
      createdAt,
      items: {
        create: items.map(([reason, quantity], n) => ({ lineItemId: `gid://shopify/LineItem/${n}`, title: "Boot", quantity, reason, sources: "[]" })),
      },
    },
  });
}

/**
 * The demo shop's activity. "7" is the last 7 days (days 0–6 ago), "prev 7" days 7–13, "30" days
 * 0–29 and "prev 30" days 30–59.
 */
async function seedDemoShop() {
  const shop = DEMO_SHOP;
  // 7: visitor-1 looks up an order and reads an answer, then writes an hour later: not deflected.
  await event(shop, "tracking_lookup", "visitor-1", localTime(2, 10));
  await event(shop, "faq_view", "visitor-1", localTime(2, 11));
  await ticket(shop, localTime(2, 12), { visitor: "visitor-1", respond: 30, close: 120, rating: 5 }); // SLA met
  // 7: visitor-2 reads an answer and says it helped; no ticket: deflected.
  await event(shop, "faq_view", "visitor-2", localTime(3, 9));
  await event(shop, "deflected", "visitor-2", localTime(3, 9, 5));
  // 7: visitor-3 starts a return and writes 26 hours later, outside the 24-hour window: deflected.
  await event(shop, "return_started", "visitor-3", localTime(4, 14));
  await ticket(shop, localTime(5, 16), { visitor: "visitor-3", respond: 90, close: 300, rating: 2 }); // SLA breached
  // 7: visitor-1 again on another day, no ticket after: a second session, deflected.
  await event(shop, "tracking_lookup", "visitor-1", localTime(5, 10));
  // 7: a lookup without a visitor id: counted as a lookup, not a session.
  await event(shop, "tracking_lookup", null, localTime(1, 10));
  // 7: a launcher opened: not self-service use by itself.
  await event(shop, "launcher_open", "visitor-9", localTime(2, 10));
  await ticket(shop, localTime(3, 10), { respond: 10, surveyed: true }); // SLA met, survey unanswered
  await ticket(shop, localTime(1, 9)); // never answered: SLA breached
  await event(shop, "faq_search_miss", null, localTime(1, 8), "where is my order");
  await event(shop, "faq_search_miss", null, localTime(1, 9), " Where is  my ORDER ");
  await event(shop, "faq_search_miss", null, localTime(2, 8), "gift wrap");
  await event(shop, "faq_search_miss", null, localTime(2, 9), "=1+1");
  await returnRequest(shop, "gid://shopify/Order/A", localTime(2, 13), [
    ["size-too-small", 2],
    ["damaged", 1],
  ]);
  await returnRequest(shop, "gid://shopify/Order/B", localTime(4, 13), [["size-too-small", 1]]);
  await returnRequest(shop, "gid://shopify/Order/A", localTime(5, 13), [["changed-mind", 1]]); // same order again

  // prev 7: visitor-5 reads an answer and writes an hour later; visitor-6 only looks up an order.
  await event(shop, "faq_view", "visitor-5", localTime(8, 10));
  await ticket(shop, localTime(8, 11), { visitor: "visitor-5", respond: 20, close: 60, rating: 4 });
  await event(shop, "tracking_lookup", "visitor-6", localTime(9, 10));
  await ticket(shop, localTime(10, 10), { respond: 40, close: 240, rating: 5 });
  await event(shop, "faq_search_miss", null, localTime(10, 8), "where is my order");
  await returnRequest(shop, "gid://shopify/Order/C", localTime(9, 13), [["damaged", 1]]);

  // 30 only (days 13–29).
  await event(shop, "faq_view", "visitor-7", localTime(20, 10));
  await ticket(shop, localTime(20, 10), { respond: 120, close: 600, rating: 3 }); // SLA breached
  await event(shop, "faq_search_miss", null, localTime(20, 8), "returns label");
  await returnRequest(shop, "gid://shopify/Order/D", localTime(15, 13), [["size-too-small", 1]]);

  // prev 30: visitor-8 looks up an order, then writes; answered exactly when due (met).
  await event(shop, "tracking_lookup", "visitor-8", localTime(40, 9));
  await ticket(shop, localTime(40, 10), { visitor: "visitor-8", respond: 60, close: 60 });

  // Older than both 30-day periods.
  await event(shop, "tracking_lookup", "visitor-9", localTime(70, 9));
}

/** Another shop's rows at the same times and with the same visitor ids: none may count for the demo shop. */
async function seedOtherShop() {
  const shop = OTHER_SHOP;
  for (const days of [1, 2, 3, 8, 20, 40]) await event(shop, "tracking_lookup", "visitor-1", localTime(days, 10));
  await event(shop, "faq_view", "visitor-2", localTime(3, 9));
  await ticket(shop, localTime(3, 10), { visitor: "visitor-2", respond: 500, rating: 1 });
  await ticket(shop, localTime(5, 10), { visitor: "visitor-1" });
  await event(shop, "faq_search_miss", null, localTime(2, 8), "other shop secret");
  await returnRequest(shop, "gid://shopify/Order/X", localTime(2, 13), [["wrong-item", 5]]);
}

/** The simulated shop's orders created in each period, counted here from the store itself. */
function ordersIn(period: Period) {
  const { current, previous } = periodRange(period, new Date(), TZ);
  const orders = harness.shop.store.orders(DEMO_SHOP).map((order) => new Date(order.createdAt));
  return { current: orders.filter((at) => isWithin(current, at)).length, previous: orders.filter((at) => isWithin(previous, at)).length };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);
const perOrder = (tickets: number, orders: number) => (orders === 0 ? null : tickets / orders);
const day = (daysAgo: number) => formatDayNumber(today - daysAgo);
/** A CSV number cell as toCsvRows writes it. */
const cell = (value: number | null) => (value === null ? "" : String(Math.round(value * 100) / 100));

// ---- tests --------------------------------------------------------------------------------------

describe("dashboard: a brand-new shop", () => {
  it("GIVEN nothing recorded yet THEN the home page loads with no activity and empty figures", async () => {
    const { status, dashboard } = await loadHome();

    expect(status).toBe(200);
    expect(dashboard.period).toBe(30);
    expect(dashboard.hasActivity).toBe(false);
    expect(dashboard.metrics.current).toMatchObject({ tickets: 0, selfServiceSessions: 0, deflectionPercent: null, csatPercent: null });
    expect(dashboard.topReasons).toEqual([]);
    expect(dashboard.daily).toHaveLength(30);
  });
});

describe("dashboard: figures from the events", () => {
  beforeAll(async () => {
    await seedDemoShop();
    await seedOtherShop();
  });

  it("GIVEN ?period=7 THEN the last 7 days' figures match the rows, each metric computed by hand", async () => {
    const orders = ordersIn(7);
    const { status, dashboard } = await loadHome("period=7");

    expect(status).toBe(200);
    expect(dashboard.hasActivity).toBe(true);
    expect(dashboard.orders).toBe("available");
    expect(dashboard.days).toEqual({ current: { first: day(6), last: day(0) }, previous: { first: day(13), last: day(7) } });
    expect(dashboard.metrics.current).toEqual<Metrics>({
      trackingLookups: 3,
      returnsStarted: 1,
      faqViews: 2,
      selfServiceSessions: 4,
      deflectionPercent: 75, // visitor-2, visitor-3 and visitor-1's second day; not visitor-1's first
      tickets: 4,
      firstResponseMedianMinutes: 30, // of 10, 30, 90
      firstResponseP90Minutes: 90,
      resolutionAverageMinutes: 210, // of 120 and 300
      resolutionMedianMinutes: 210,
      csatPercent: 50, // ratings 5 and 2
      slaCompliancePercent: 50, // 2 met, 2 breached
      orders: orders.current,
      contactsPerOrder: perOrder(4, orders.current),
      returnRatePercent: rate(2, orders.current), // orders A and B
      faqSearchesWithoutAnswer: 4,
    });
  });

  it("GIVEN ?period=7 THEN the previous 7 days' figures match their rows", async () => {
    const orders = ordersIn(7);
    const { dashboard } = await loadHome("period=7");

    expect(dashboard.metrics.previous).toEqual<Metrics>({
      trackingLookups: 1,
      returnsStarted: 0,
      faqViews: 1,
      selfServiceSessions: 2,
      deflectionPercent: 50,
      tickets: 2,
      firstResponseMedianMinutes: 30, // of 20 and 40
      firstResponseP90Minutes: 40,
      resolutionAverageMinutes: 150, // of 60 and 240
      resolutionMedianMinutes: 150,
      csatPercent: 100,
      slaCompliancePercent: 100,
      orders: orders.previous,
      contactsPerOrder: perOrder(2, orders.previous),
      returnRatePercent: rate(1, orders.previous),
      faqSearchesWithoutAnswer: 1,
    });
  });

  it("GIVEN ?period=7 THEN the top reasons count returned units, labelled as the policy names them", async () => {
    const { dashboard } = await loadHome("period=7");

    expect(dashboard.topReasons).toEqual([
      { reason: "size-too-small", label: "Size was too small", count: 3, percent: 60, previous: 0 },
      { reason: "changed-mind", label: "Changed my mind", count: 1, percent: 20, previous: 0 },
      { reason: "damaged", label: "Damaged or defective", count: 1, percent: 20, previous: 1 },
    ]);
  });

  it("GIVEN ?period=7 THEN the top unanswered searches are normalised and counted", async () => {
    const { dashboard } = await loadHome("period=7");

    expect(dashboard.topSearches).toEqual([
      { query: "where is my order", count: 2, previous: 1 },
      { query: "=1+1", count: 1, previous: 0 },
      { query: "gift wrap", count: 1, previous: 0 },
    ]);
  });

  it("GIVEN ?period=7 THEN the chart has one point per local day, sessions and tickets on the days they happened", async () => {
    const { dashboard } = await loadHome("period=7");

    expect(dashboard.daily).toEqual([
      { day: day(6), sessions: 0, tickets: 0 },
      { day: day(5), sessions: 1, tickets: 1 },
      { day: day(4), sessions: 1, tickets: 0 },
      { day: day(3), sessions: 1, tickets: 1 },
      { day: day(2), sessions: 1, tickets: 1 },
      { day: day(1), sessions: 0, tickets: 1 },
      { day: day(0), sessions: 0, tickets: 0 },
    ]);
  });

  it("GIVEN ?period=30 THEN the last 30 days' figures match the rows", async () => {
    const orders = ordersIn(30);
    const { dashboard } = await loadHome("period=30");

    expect(dashboard.metrics.current).toEqual<Metrics>({
      trackingLookups: 4,
      returnsStarted: 1,
      faqViews: 4,
      selfServiceSessions: 7,
      deflectionPercent: rate(5, 7), // all but visitor-1's first day and visitor-5
      tickets: 7,
      firstResponseMedianMinutes: 35, // of 10, 20, 30, 40, 90, 120
      firstResponseP90Minutes: 120,
      resolutionAverageMinutes: 264, // of 60, 120, 240, 300, 600
      resolutionMedianMinutes: 240,
      csatPercent: 60, // 5, 2, 4, 5, 3
      slaCompliancePercent: rate(4, 7),
      orders: orders.current,
      contactsPerOrder: perOrder(7, orders.current),
      returnRatePercent: rate(4, orders.current), // orders A, B, C and D
      faqSearchesWithoutAnswer: 6,
    });
  });

  it("GIVEN ?period=30 THEN the previous 30 days hold only their own rows, and older rows count nowhere", async () => {
    const orders = ordersIn(30);
    const { dashboard } = await loadHome("period=30");

    expect(dashboard.metrics.previous).toEqual<Metrics>({
      trackingLookups: 1, // visitor-8 on day 40; not visitor-9 on day 70
      returnsStarted: 0,
      faqViews: 0,
      selfServiceSessions: 1,
      deflectionPercent: 0,
      tickets: 1,
      firstResponseMedianMinutes: 60,
      firstResponseP90Minutes: 60,
      resolutionAverageMinutes: 60,
      resolutionMedianMinutes: 60,
      csatPercent: null,
      slaCompliancePercent: 100, // answered exactly when due
      orders: orders.previous,
      contactsPerOrder: perOrder(1, orders.previous),
      returnRatePercent: rate(0, orders.previous),
      faqSearchesWithoutAnswer: 0,
    });
  });

  it("GIVEN ?period=30 THEN the rankings cover the whole period", async () => {
    const { dashboard } = await loadHome("period=30");

    expect(dashboard.topReasons.map((r) => [r.reason, r.count])).toEqual([
      ["size-too-small", 4],
      ["damaged", 2],
      ["changed-mind", 1],
    ]);
    expect(dashboard.topSearches.map((s) => [s.query, s.count])).toEqual([
      ["where is my order", 3],
      ["=1+1", 1],
      ["gift wrap", 1],
      ["returns label", 1],
    ]);
  });

  it("GIVEN another shop's rows at the same times and visitor ids THEN none of them reach the demo shop's dashboard", async () => {
    const { dashboard } = await loadHome("period=30");

    expect(dashboard.topReasons.map((r) => r.reason)).not.toContain("wrong-item");
    expect(dashboard.topSearches.map((s) => s.query)).not.toContain("other shop secret");
    expect(dashboard.metrics.current.tickets).toBe(7);
    expect(dashboard.metrics.current.trackingLookups).toBe(4);
  });

  it("GIVEN no period or an unknown one THEN the last 30 days are shown", async () => {
    expect((await loadHome()).dashboard.period).toBe(30);
    expect((await loadHome("period=14")).dashboard.period).toBe(30);
  });

  it("GIVEN ?period=90 THEN figures from the database are shown and order-based ones are left out (Shopify shares 60 days)", async () => {
    const { status, dashboard } = await loadHome("period=90");

    expect(status).toBe(200);
    expect(dashboard.orders).toBe("beyond_window");
    // Day 40's and day 70's rows join the 30 days' ones.
    expect(dashboard.metrics.current).toMatchObject({ tickets: 8, trackingLookups: 6, orders: null, contactsPerOrder: null, returnRatePercent: null });
  });

  it("GIVEN the Admin API fails THEN order-based figures are unavailable and the rest still load", async () => {
    const failing = (async () => {
      throw new Error("Shopify is down");
    }) as unknown as AdminGraphql;

    const dashboard = await loadDashboard({ db: harness.db, graphql: failing, shop: DEMO_SHOP, timeZone: TZ }, 7);

    expect(dashboard.orders).toBe("unavailable");
    expect(dashboard.metrics.current).toMatchObject({ tickets: 4, orders: null, contactsPerOrder: null, returnRatePercent: null });
  });

  it("GIVEN Shopify can only say 'at least' THEN the count is not used as if exact", async () => {
    const capped = (async () =>
      Response.json({ data: { current: { count: 10_000, precision: "AT_LEAST" }, previous: { count: 5, precision: "EXACT" } } })) as unknown as AdminGraphql;

    const dashboard = await loadDashboard({ db: harness.db, graphql: capped, shop: DEMO_SHOP, timeZone: TZ }, 7);

    expect(dashboard.orders).toBe("unavailable");
    expect(dashboard.metrics.current.contactsPerOrder).toBeNull();
  });
});

describe("dashboard: CSV export", () => {
  it("GIVEN Export CSV for 7 days THEN the file holds every metric for both periods, the change and the rankings", async () => {
    const orders = ordersIn(7);
    const { status, data } = await exportCsv({ intent: "export", period: "7" });

    expect(status).toBe(200);
    expect(data.export?.filename).toBe(`harbor-dashboard-7-days-${day(0)}.csv`);
    expect(data.export?.mimeType).toBe("text/csv");
    const parsed = parseCsv(data.export?.content ?? "");
    expect(parsed.ok && parsed.rows).toEqual([
      ["metric", `current (${day(6)} to ${day(0)})`, `previous (${day(13)} to ${day(7)})`, "change"],
      ["Self-service sessions", "4", "2", "2"],
      ["Self-service deflection (%)", "75", "50", "25"],
      ["Tickets", "4", "2", "2"],
      ["First response time, median (minutes)", "30", "30", "0"],
      ["First response time, 90th percentile (minutes)", "90", "40", "50"],
      ["Resolution time, average (minutes)", "210", "150", "60"],
      ["Resolution time, median (minutes)", "210", "150", "60"],
      ["CSAT (%)", "50", "100", "-50"],
      ["First response SLA met (%)", "50", "100", "-50"],
      ["Orders", String(orders.current), String(orders.previous), String(orders.current - orders.previous)],
      [
        "Contacts per order",
        cell(perOrder(4, orders.current)),
        cell(perOrder(2, orders.previous)),
        orders.current && orders.previous ? cell(4 / orders.current - 2 / orders.previous) : "",
      ],
      [
        "Return rate (%)",
        cell(rate(2, orders.current)),
        cell(rate(1, orders.previous)),
        orders.current && orders.previous ? cell((2 / orders.current) * 100 - (1 / orders.previous) * 100) : "",
      ],
      ["FAQ searches without an answer", "4", "1", "3"],
      ["Tracking lookups", "3", "1", "2"],
      ["Returns started", "1", "0", "1"],
      ["FAQ views", "2", "1", "1"],
      ["Return reason: Size was too small (units)", "3", "0", "3"],
      ["Return reason: Changed my mind (units)", "1", "0", "1"],
      ["Return reason: Damaged or defective (units)", "1", "1", "0"],
      ["FAQ search with no answer: where is my order", "2", "1", "1"],
      ["FAQ search with no answer: =1+1", "1", "0", "1"],
      ["FAQ search with no answer: gift wrap", "1", "0", "1"],
    ]);
  });

  it("GIVEN a negative change THEN the file has it as a plain number a spreadsheet can add up", async () => {
    const { data } = await exportCsv({ intent: "export", period: "7" });
    expect(data.export?.content).toContain("\r\nCSAT (%),50,100,-50\r\n");
  });

  it("GIVEN an unknown period THEN the export is refused", async () => {
    const { status, data } = await exportCsv({ intent: "export", period: "365" });
    expect(status).toBe(400);
    expect(data.error).toMatch(/Unknown export/);
  });

  it("GIVEN no session token THEN the export is refused", async () => {
    const response = await browserFetch(`${harness.app.url}/app.data?index`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=export&period=7",
    });
    expect(JSON.stringify(await decodeBody(response))).not.toContain("Self-service");
  });
});
