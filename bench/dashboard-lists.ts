// `npm run bench` (dashboard and lists at scale, issue 17 goals 1–3): two shops of 100,000 tickets,
// 10,000 return requests and 100,000 support events each, seeded with batch inserts, on SQLite and
// on PostgreSQL. Prints server time (median of 4 warm runs) and heap growth of one run for:
// - the 90-day dashboard and its CSV: before = every row loaded and counted in JavaScript (the
//   reference kept in tests/helpers/dashboard-reference.ts), after = counted in SQL;
// - the Inbox's and the Returns queue's first page of every tab, and a page 20 pages deep: before
//   = the old queries (5,000 tickets sorted in memory, OFFSET), after = keyset pages over indexes;
// - shop/redact: before = every row deleted in the webhook's transaction, after = the webhook's
//   answer (the erasure recorded) and the background erasure's total time.
// BENCH_TICKETS / BENCH_RETURNS / BENCH_EVENTS scale it down for a quick run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "../app/db-client.server";
import { exportDashboardCsv, loadDashboard, dashboardCsvRows, writeCsv } from "../app/features/dashboard/dashboard.server";
import { INBOX_TABS, listInbox, type InboxParams } from "../app/features/tickets/inbox-list.server";
import { listReturnQueue, QUEUE_TABS, type QueueParams } from "../app/features/returns/queue.server";
import { nextDeadline } from "../app/features/tickets/inbox-deadlines";
import { requestShopErasure, runPendingErasures, SHOP_TABLES } from "../app/features/compliance/shop-erasure.server";
import type { AdminGraphql } from "../app/shopify.server";
import { migrateDeploy } from "../simulator/stack";
import { referenceDashboard } from "../tests/helpers/dashboard-reference";
import { adminQuery, databaseUrl } from "../tests/helpers/postgres";
import { seedShop } from "../tests/helpers/scale-seed";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const RETURNS = Number(process.env.BENCH_RETURNS ?? 10_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const SHOPS = ["bench-a.myshopify.com", "bench-b.myshopify.com"];
const REDACTED = "bench-redact.myshopify.com";
const TZ = "America/Toronto";
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
// The 90-day view's previous period is past Shopify's 60-day order window: no Admin call is made.
const noAdmin = (() => {
  throw new Error("no Admin API call expected for 90 days");
}) as unknown as AdminGraphql;

type Figure = { ms: number; heapMb: number };

async function measure(run: () => Promise<unknown>, runs = 4): Promise<Figure> {
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = await run();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
  void kept;
  times.sort((a, b) => a - b);
  return { ms: (times[1]! + times[2]!) / 2, heapMb };
}

const fmt = (f: Figure) => `${f.ms.toFixed(1).padStart(8)} ms ${f.heapMb.toFixed(1).padStart(7)} MB`;
const line = (label: string, before: Figure | null, after: Figure) =>
  console.log(`${label.padEnd(40)} before ${before ? fmt(before) : "         —              "}   after ${fmt(after)}${before ? `   ×${(before.ms / after.ms).toFixed(1)} faster` : ""}`);

/**
 * The Inbox's queries as they were: up to 5,000 open tickets sorted in memory, or OFFSET by
 * activity; then the tab counts and the page's rows, as listInbox does.
 */
async function oldInboxPage(db: Db, shop: string, status: string, page: number) {
  const skip = (page - 1) * 50;
  const where = { shop, ...(status === "all" ? {} : { status }) };
  let ids: string[];
  if (status === "open" || status === "pending") {
    const all = await db.ticket.findMany({ where, take: 5000, select: { id: true, status: true, createdAt: true, responseDueAt: true, resolutionDueAt: true, firstResponseAt: true } });
    const due = (t: (typeof all)[number]) => nextDeadline(t)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
    all.sort((a, b) => due(a) - due(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    ids = all.slice(skip, skip + 50).map((t) => t.id);
  } else {
    ids = (await db.ticket.findMany({ where, orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }], skip, take: 51, select: { id: true } })).map((t) => t.id);
  }
  await db.ticket.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  return db.ticket.findMany({ where: { shop, id: { in: ids } } });
}

/** The Returns queue's page as it was: OFFSET paging (the counts and rows as now). */
async function oldQueuePage(db: Db, shop: string, page: number) {
  await db.returnRequest.groupBy({ by: ["status", "pendingStep"], where: { shop }, _count: { _all: true, lastSyncError: true } });
  return db.returnRequest.findMany({ where: { shop }, orderBy: [{ createdAt: "desc" }], skip: (page - 1) * 50, take: 51, include: { items: true } });
}

/** shop/redact as it was: every table's rows of the shop deleted in the webhook's transaction. */
async function oldRedact(db: Db, shop: string) {
  await db.$transaction(
    async (tx) => {
      for (const table of SHOP_TABLES) await (tx[table] as unknown as { deleteMany(a: object): Promise<unknown> }).deleteMany({ where: { shop } });
    },
    { timeout: 600_000 },
  );
}

async function cursorAt(pages: number, first: (after: string | null) => Promise<{ next: string | null }>) {
  let after: string | null = null;
  for (let i = 1; i < pages; i++) after = (await first(after)).next;
  return after;
}

async function benchProvider(provider: "sqlite" | "postgresql") {
  const dir = mkdtempSync(join(tmpdir(), "harbor-bench-"));
  const name = `harbor_bench_${process.pid}`;
  const url = provider === "sqlite" ? `file:${join(dir, "bench.sqlite")}` : databaseUrl(name);
  if (provider === "postgresql") {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
    await adminQuery(`CREATE DATABASE "${name}"`);
  }
  migrateDeploy(url);
  const db = createDb(url);
  try {
    const now = new Date();
    let started = performance.now();
    for (const [i, shop] of SHOPS.entries()) await seedShop(db, shop, { tickets: TICKETS, returns: RETURNS, events: EVENTS }, now, i + 1);
    console.log(`\n── ${provider}: seeded ${SHOPS.length} shops × ${TICKETS} tickets, ${RETURNS} returns, ${EVENTS} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const shop = SHOPS[0]!;
    const ctx = { db, graphql: noAdmin, shop, timeZone: TZ };

    const dashboardAfter = await measure(() => loadDashboard(ctx, 90));
    const dashboardBefore = await measure(() => referenceDashboard({ db, shop, timeZone: TZ, orders: { availability: "beyond_window", current: null, previous: null } }, 90, new Date()));
    line("dashboard, 90 days", dashboardBefore, dashboardAfter);
    const csvAfter = await measure(() => exportDashboardCsv(ctx, 90));
    const csvBefore = await measure(async () => {
      const { dashboard, summary } = await referenceDashboard({ db, shop, timeZone: TZ, orders: { availability: "beyond_window", current: null, previous: null } }, 90, new Date());
      return writeCsv(dashboardCsvRows(dashboard, summary));
    });
    line("dashboard CSV, 90 days", csvBefore, csvAfter);

    const inboxParams = (status: InboxParams["status"], after: string | null = null): InboxParams => ({ status, priority: null, category: null, overdue: false, after, before: null });
    for (const tab of INBOX_TABS) {
      const after = await measure(() => listInbox(db, shop, inboxParams(tab), { now, timeZone: TZ }));
      const before = await measure(() => oldInboxPage(db, shop, tab, 1));
      line(`inbox ${tab}, first page`, before, after);
    }
    for (const tab of ["open", "closed"] as const) {
      const cursor = await cursorAt(20, (after) => listInbox(db, shop, inboxParams(tab, after), { now, timeZone: TZ }));
      const after = await measure(() => listInbox(db, shop, inboxParams(tab, cursor), { now, timeZone: TZ }));
      const before = await measure(() => oldInboxPage(db, shop, tab, 20));
      line(`inbox ${tab}, page 20`, before, after);
    }
    const queueOpts = { now, timeZone: TZ, policy: { reasons: [] } };
    for (const tab of QUEUE_TABS) {
      const params: QueueParams = { stage: tab, after: null, before: null };
      line(`returns queue ${tab}, first page`, null, await measure(() => listReturnQueue(db, shop, params, queueOpts)));
    }
    const deep = await cursorAt(20, (after) => listReturnQueue(db, shop, { stage: "all", after, before: null }, queueOpts));
    const deepAfter = await measure(() => listReturnQueue(db, shop, { stage: "all", after: deep, before: null }, queueOpts));
    line("returns queue all, page 20", await measure(() => oldQueuePage(db, shop, 20)), deepAfter);

    // shop/redact of a shop as large as the others, once the old way and once the new.
    const seedRedacted = () => seedShop(db, REDACTED, { tickets: TICKETS, returns: RETURNS, events: EVENTS, messages: true }, now, 9);
    await seedRedacted();
    started = performance.now();
    await oldRedact(db, REDACTED);
    const oldMs = performance.now() - started;
    await seedRedacted();
    started = performance.now();
    await db.$transaction((tx) => requestShopErasure(tx, REDACTED, { shop_domain: REDACTED }));
    const ackMs = performance.now() - started;
    started = performance.now();
    let passes = 0;
    while ((await db.shopErasure.findUniqueOrThrow({ where: { shop: REDACTED } })).finishedAt === null) {
      await runPendingErasures(db);
      passes++;
    }
    const eraseMs = performance.now() - started;
    console.log(`${"shop/redact, webhook answer".padEnd(40)} before ${oldMs.toFixed(0).padStart(8)} ms   after ${ackMs.toFixed(1).padStart(8)} ms`);
    console.log(`${"shop/redact, background erasure".padEnd(40)} ${eraseMs.toFixed(0)} ms in ${passes} passes of ≤ 2 s, ${(await db.shopErasure.findUniqueOrThrow({ where: { shop: REDACTED } })).deleted} rows`);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
    if (provider === "postgresql") await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

const providers = (process.env.BENCH_PROVIDERS ?? "sqlite,postgresql").split(",") as ("sqlite" | "postgresql")[];
for (const provider of providers) await benchProvider(provider);
process.exit(0);
