import { providerOf, type Db } from "../../db-client.server";
import { formatDayNumber, localDayNumber, startOfLocalDay } from "../../lib/zoned-time";
import { MS_PER_MINUTE, type DateRange } from "./domain/kpi-inputs";
import type { PeriodCounts } from "./domain/kpis";

/**
 * The dashboard's figures counted by the database (docs/decisions/0024): a few grouped queries
 * over indexes, whatever the number of rows, instead of every row of both periods in memory.
 * Written in SQL because Prisma's query API has no window functions or EXISTS; the same text runs
 * on SQLite and PostgreSQL but for the few spots `Dialect` covers. Each query reads both periods at
 * once and says which one a row belongs to (`cur` = 1 for the current period).
 *
 * The rules are those of the pure formulas (domain/*), and tests/integration/dashboard-scale.test.ts
 * checks the figures against them computed from the rows.
 */

/** deflectionRate's window: a ticket within a day of a session is its follow-up. */
const DEFLECTION_WINDOW_HOURS = 24;

type Dialect = {
  /** A timestamp parameter. */
  ts: string;
  /** An integer parameter. */
  int: string;
  /** Milliseconds from timestamp column `a` to `b`, negative gaps as 0 (minutesBetween's rule). */
  gapMs(a: string, b: string): string;
  /** The timestamp 24 hours after column `a` (deflection's follow-up window). */
  plusWindow(a: string): string;
  /** Placeholders as the driver wants them. */
  placeholders(sql: string): string;
};

const SQLITE: Dialect = {
  ts: "?",
  int: "?",
  // Timestamps are stored as ISO text; julianday reads them, to well under a millisecond.
  gapMs: (a, b) => `MAX(0, CAST(ROUND((julianday(${b}) - julianday(${a})) * 86400000) AS INTEGER))`,
  // The same ISO form the adapter stores, so text comparison is time order.
  plusWindow: (a) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${a}, '+${DEFLECTION_WINDOW_HOURS} hours')`,
  placeholders: (sql) => sql,
};

const POSTGRES: Dialect = {
  ts: "CAST(? AS timestamp(3))",
  int: "CAST(? AS integer)",
  gapMs: (a, b) => `GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (${b} - ${a})) * 1000) AS double precision))`,
  plusWindow: (a) => `(${a} + interval '${DEFLECTION_WINDOW_HOURS} hours')`,
  placeholders: (sql) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  },
};


export type AggregateInput = {
  shop: string;
  timeZone: string;
  ranges: { current: DateRange; previous: DateRange };
  /** Event types that start a self-service session. */
  sessionTypes: readonly string[];
  /** Event types counted per period. */
  countedTypes: readonly string[];
};

export type DashboardAggregates = {
  hasActivity: boolean;
  current: Omit<PeriodCounts, "orders">;
  previous: Omit<PeriodCounts, "orders">;
  /** Events of each counted type per period. */
  eventCounts: { current: Map<string, number>; previous: Map<string, number> };
  /** Searches without an answer, as stored (normalised by the caller), with their counts. */
  misses: { current: { query: string; count: number }[]; previous: { query: string; count: number }[] };
  /** Returned units by reason. */
  reasons: { current: { reason: string; quantity: number }[]; previous: { reason: string; quantity: number }[] };
  /** The current period's days: sessions and tickets per local day. */
  daily: { day: string; sessions: number; tickets: number }[];
};

type Row = Record<string, unknown>;
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const cur = (row: Row) => num(row.cur) === 1;

/**
 * The local days both periods touch, as [from, to) instants clipped to the periods: day i of the
 * previous period first. A day its zone skips has an empty range (dailySeries counts its instants
 * on the next day too).
 */
function localDays(ranges: { current: DateRange; previous: DateRange }, timeZone: string) {
  const from = ranges.previous.from.getTime();
  const end = ranges.current.to.getTime() + 1;
  const firstDay = localDayNumber(from, timeZone);
  const lastDay = localDayNumber(ranges.current.to.getTime(), timeZone);
  const currentFirst = localDayNumber(ranges.current.from.getTime(), timeZone) - firstDay;
  const days = [];
  for (let i = 0; i <= lastDay - firstDay; i++) {
    const lo = Math.max(from, startOfLocalDay(firstDay + i, timeZone));
    const hi = Math.min(end, startOfLocalDay(firstDay + i + 1, timeZone));
    days.push({ index: i, label: formatDayNumber(firstDay + i), from: new Date(lo), to: new Date(Math.max(lo, hi)) });
  }
  return { days, currentFirst };
}

export async function dashboardAggregates(db: Db, input: AggregateInput): Promise<DashboardAggregates> {
  const sql = providerOf(db) === "postgresql" ? POSTGRES : SQLITE;
  const query = (text: string, params: unknown[]) => db.$queryRawUnsafe<Row[]>(sql.placeholders(text), ...params);
  const { shop, ranges } = input;
  const [P0, C0, NOW] = [ranges.previous.from, ranges.current.from, ranges.current.to];
  const inBoth = (column: string) => `${column} >= ${sql.ts} AND ${column} <= ${sql.ts}`;
  const period = (column: string) => `CASE WHEN ${column} >= ${sql.ts} THEN 1 ELSE 0 END`;
  const list = (values: readonly unknown[]) => values.map(() => "?").join(", ");
  const { days, currentFirst } = localDays(ranges, input.timeZone);

  // One after the other: SQLite has one connection, and PostgreSQL's pool is small per process.
  const events = await query(
    `SELECT type, ${period("at")} AS cur, COUNT(*) AS n FROM "SupportEvent"
     WHERE shop = ? AND type IN (${list(input.countedTypes)}) AND ${inBoth("at")} GROUP BY type, cur`,
    [C0, shop, ...input.countedTypes, P0, NOW],
  );
  const misses = await query(
    `SELECT subject, ${period("at")} AS cur, COUNT(*) AS n FROM "SupportEvent"
     WHERE shop = ? AND type = 'faq_search_miss' AND ${inBoth("at")} GROUP BY subject, cur`,
    [C0, shop, P0, NOW],
  );

  const dayValues = days.map(() => `(${sql.int}, ${sql.ts}, ${sql.ts})`).join(", ");
  const dayParams = days.flatMap((d) => [d.index, d.from, d.to]);
  // A session: a visitor's first self-service event of a local day. Deflected: no ticket from that
  // visitor from the session's instant to 24 hours later (and not after now).
  const sessions = await query(
    `WITH days(d, lo, hi) AS (VALUES ${dayValues}),
     sessions AS (
       SELECT e.visitor AS visitor, days.d AS d, MIN(e.at) AS at
       FROM days CROSS JOIN "SupportEvent" e
       WHERE e.shop = ? AND e.type IN (${list(input.sessionTypes)}) AND e.at >= days.lo AND e.at < days.hi
         AND e.visitor IS NOT NULL AND e.visitor <> ''
       GROUP BY e.visitor, days.d
     )
     SELECT s.d AS d, COUNT(*) AS n,
       SUM(CASE WHEN EXISTS (
         SELECT 1 FROM "Ticket" t
         WHERE t.shop = ? AND t.visitor = s.visitor AND t."createdAt" >= s.at AND t."createdAt" <= ${sql.plusWindow("s.at")} AND t."createdAt" <= ${sql.ts}
       ) THEN 0 ELSE 1 END) AS deflected
     FROM sessions s GROUP BY s.d`,
    [...dayParams, shop, ...input.sessionTypes, shop, NOW],
  );
  const ticketDays = await query(
    `WITH days(d, lo, hi) AS (VALUES ${dayValues})
     SELECT days.d AS d, COUNT(*) AS n FROM days CROSS JOIN "Ticket" t WHERE t.shop = ? AND t."createdAt" >= days.lo AND t."createdAt" < days.hi
     GROUP BY days.d`,
    [...dayParams, shop],
  );
  const tickets = await query(
    `SELECT ${period('"createdAt"')} AS cur, COUNT(*) AS n,
       SUM(CASE WHEN "csatRating" BETWEEN 1 AND 5 THEN 1 ELSE 0 END) AS answered,
       SUM(CASE WHEN "csatRating" BETWEEN 4 AND 5 THEN 1 ELSE 0 END) AS satisfied,
       SUM(CASE WHEN "firstResponseAt" IS NOT NULL AND "firstResponseAt" <= "responseDueAt" THEN 1 ELSE 0 END) AS met,
       SUM(CASE WHEN "firstResponseAt" > "responseDueAt" OR ("firstResponseAt" IS NULL AND "responseDueAt" < ${sql.ts}) THEN 1 ELSE 0 END) AS breached,
       COUNT("closedAt") AS resolved,
       SUM(CASE WHEN "closedAt" IS NULL THEN 0 ELSE ${sql.gapMs('"createdAt"', '"closedAt"')} END) AS "resolutionMs"
     FROM "Ticket" WHERE shop = ? AND ${inBoth('"createdAt"')} GROUP BY cur`,
    [C0, NOW, shop, P0, NOW],
  );
  const ranked = (end: string) =>
    query(
      `SELECT cur, rn, n, ms FROM (
         SELECT cur, ms, ROW_NUMBER() OVER (PARTITION BY cur ORDER BY ms) AS rn, COUNT(*) OVER (PARTITION BY cur) AS n
         FROM (SELECT ${period('"createdAt"')} AS cur, ${sql.gapMs('"createdAt"', end)} AS ms
               FROM "Ticket" WHERE shop = ? AND ${inBoth('"createdAt"')} AND ${end} IS NOT NULL) AS gaps
       ) AS ranked
       WHERE rn = (n + 1) / 2 OR rn = n / 2 + 1 OR rn = (90 * n + 99) / 100`,
      [C0, shop, P0, NOW],
    );
  const responses = await ranked('"firstResponseAt"');
  const resolutions = await ranked('"closedAt"');
  const returns = await query(
    `SELECT ${period('"createdAt"')} AS cur, COUNT(*) AS n, COUNT(DISTINCT "orderId") AS orders
     FROM "ReturnRequest" WHERE shop = ? AND ${inBoth('"createdAt"')} GROUP BY cur`,
    [C0, shop, P0, NOW],
  );
  const reasons = await query(
    `SELECT ${period('r."createdAt"')} AS cur, i.reason AS reason, SUM(i.quantity) AS units
     FROM "ReturnRequest" r JOIN "ReturnRequestItem" i ON i."requestId" = r.id
     WHERE r.shop = ? AND ${inBoth('r."createdAt"')} AND i.quantity > 0 GROUP BY cur, i.reason`,
    [C0, shop, P0, NOW],
  );

  const sessionsByDay = new Map(sessions.map((row) => [num(row.d), row]));
  const ticketsByDay = new Map(ticketDays.map((row) => [num(row.d), num(row.n)]));
  const counts = (isCurrent: boolean): Omit<PeriodCounts, "orders"> => {
    const mine = (row: Row) => cur(row) === isCurrent;
    const ticketRow = tickets.find(mine) ?? {};
    const sessionRows = sessions.filter((row) => (num(row.d) >= currentFirst) === isCurrent);
    return {
      sessions: sessionRows.reduce((sum, row) => sum + num(row.n), 0),
      deflected: sessionRows.reduce((sum, row) => sum + num(row.deflected), 0),
      tickets: num(ticketRow.n),
      firstResponse: rankedFigures(responses.filter(mine)),
      resolution: {
        count: num(ticketRow.resolved),
        totalMinutes: num(ticketRow.resolutionMs) / MS_PER_MINUTE,
        medianMinutes: rankedFigures(resolutions.filter(mine)).medianMinutes,
      },
      csat: { answered: num(ticketRow.answered), satisfied: num(ticketRow.satisfied) },
      sla: { met: num(ticketRow.met), breached: num(ticketRow.breached) },
      returnedOrders: num(returns.find(mine)?.orders),
      faqSearchesWithoutAnswer: misses.filter(mine).reduce((sum, row) => sum + num(row.n), 0),
    };
  };
  const byPeriod = <T>(rows: Row[], map: (row: Row) => T) => ({ current: rows.filter(cur).map(map), previous: rows.filter((r) => !cur(r)).map(map) });
  const eventMaps = byPeriod(events, (row) => [String(row.type), num(row.n)] as const);

  return {
    hasActivity: events.length > 0 || tickets.length > 0 || returns.length > 0,
    current: counts(true),
    previous: counts(false),
    eventCounts: { current: new Map(eventMaps.current), previous: new Map(eventMaps.previous) },
    misses: byPeriod(misses, (row) => ({ query: row.subject === null ? "" : String(row.subject), count: num(row.n) })),
    reasons: byPeriod(reasons, (row) => ({ reason: String(row.reason), quantity: num(row.units) })),
    daily: days.slice(currentFirst).map((d) => ({ day: d.label, sessions: num(sessionsByDay.get(d.index)?.n), tickets: ticketsByDay.get(d.index) ?? 0 })),
  };
}

/** The median and 90th percentile from the rows at their ranks (median() and percentile()'s rules). */
function rankedFigures(rows: Row[]): { medianMinutes: number | null; p90Minutes: number | null } {
  const n = num(rows[0]?.n);
  if (n === 0) return { medianMinutes: null, p90Minutes: null };
  const at = (rank: number) => num(rows.find((row) => num(row.rn) === rank)?.ms) / MS_PER_MINUTE;
  const lower = at(Math.floor((n + 1) / 2));
  const upper = at(Math.floor(n / 2) + 1);
  return { medianMinutes: n % 2 === 1 ? upper : (lower + upper) / 2, p90Minutes: at(Math.max(1, Math.ceil((90 * n) / 100))) };
}
