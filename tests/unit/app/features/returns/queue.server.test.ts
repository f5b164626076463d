import { describe, expect, it } from "vitest";
import type { Db } from "../../../../../app/db-client.server";
import { listReturnQueue, parseQueueParams, queueCounts, queueWhere, type StatusGroup } from "../../../../../app/features/returns/queue.server";
import { encodeCursor } from "../../../../../app/lib/keyset";

const SHOP = "harbor-demo.myshopify.com";

const group = (status: string, all: number, pendingStep: string | null = null, refused = 0): StatusGroup => ({
  status,
  pendingStep,
  _count: { _all: all, lastSyncError: refused },
});

describe("queue URL", () => {
  it("GIVEN no parameters THEN the Review tab, first page", () => {
    expect(parseQueueParams(new URL("https://a/app/returns"))).toEqual({ stage: "review", after: null, before: null });
  });

  it("GIVEN a stage and a cursor THEN both are kept", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?stage=to_refund&after=abc"))).toEqual({ stage: "to_refund", after: "abc", before: null });
  });

  it("GIVEN the Needs attention tab THEN it is a tab like the stages", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?stage=attention")).stage).toBe("attention");
  });

  it("GIVEN an unknown stage and a nonsense page THEN the defaults, not an error", () => {
    expect(parseQueueParams(new URL("https://a/app/returns?stage=everything&page=-2"))).toEqual({ stage: "review", after: null, before: null });
  });
});

describe("queueCounts", () => {
  it("GIVEN the shop's requests grouped by status THEN each stage counts its statuses and All counts them all", () => {
    const counts = queueCounts([
      group("received", 1),
      group("requested", 3),
      group("failed", 1),
      group("approved", 2),
      group("returned", 1),
      group("inspected", 4),
      group("closed", 5),
      group("declined", 2),
      group("cancelled", 1),
    ]);
    expect(counts).toEqual({ review: 5, awaiting_items: 2, received: 1, to_refund: 4, done: 8, attention: 0, all: 20 });
  });

  it("GIVEN steps Shopify refused THEN they count in Needs attention and still in their own stage", () => {
    const counts = queueCounts([group("approved", 3, null), group("approved", 2, "label", 1), group("inspected", 1, "process", 1)]);
    expect(counts).toMatchObject({ awaiting_items: 5, to_refund: 1, attention: 2, all: 6 });
  });

  it("GIVEN a step on its way (no refusal) THEN it does not need attention", () => {
    expect(queueCounts([group("inspected", 2, "process", 0)]).attention).toBe(0);
  });

  it("GIVEN a request whose first send failed (received, no step pending) THEN it is under review, not a refused step", () => {
    expect(queueCounts([group("received", 1, null, 1)])).toMatchObject({ review: 1, attention: 0 });
  });

  it("GIVEN no requests THEN every tab is 0", () => {
    expect(Object.values(queueCounts([]))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("queueWhere", () => {
  const groups = [group("requested", 1), group("received", 1), group("approved", 1, "label", 1), group("closed", 1), group("declined", 1)];

  it("GIVEN a stage THEN the statuses of that stage found in this shop, scoped to the shop", () => {
    expect(queueWhere(SHOP, "review", groups)).toEqual({ shop: SHOP, status: { in: ["requested", "received"] } });
    expect(queueWhere(SHOP, "done", groups)).toEqual({ shop: SHOP, status: { in: ["closed", "declined"] } });
  });

  it("GIVEN a stage with no request THEN a filter that matches nothing", () => {
    expect(queueWhere(SHOP, "to_refund", groups)).toEqual({ shop: SHOP, status: { in: [] } });
  });

  it("GIVEN Needs attention THEN requests with a pending step and Shopify's refusal", () => {
    expect(queueWhere(SHOP, "attention", groups)).toEqual({ shop: SHOP, pendingStep: { not: null }, lastSyncError: { not: null } });
  });

  it("GIVEN All THEN only the shop", () => {
    expect(queueWhere(SHOP, "all", groups)).toEqual({ shop: SHOP });
  });
});

describe("listReturnQueue", () => {
  /** A database stand-in that answers the counting query with `groups` and the list with `rows`, recording both queries. */
  function fakeDb(groups: StatusGroup[], rows: Record<string, unknown>[]) {
    const queries: { kind: string; args: Record<string, unknown> }[] = [];
    const db = {
      returnRequest: {
        groupBy: async (args: Record<string, unknown>) => (queries.push({ kind: "groupBy", args }), groups),
        findMany: async (args: Record<string, unknown>) => (queries.push({ kind: "findMany", args }), rows),
      },
    } as unknown as Db;
    return { db, queries };
  }

  const row = (overrides: Record<string, unknown> = {}) => ({
    id: "req_1",
    reference: "R-1001",
    orderName: "#1013",
    customerEmail: "lucas.silva@example.com",
    status: "approved",
    resolution: "refund",
    respondBy: new Date("2026-10-14T12:00:00Z"),
    autoApproved: false,
    rules: "[]",
    createdAt: new Date("2026-10-13T12:00:00Z"),
    pendingStep: "label",
    lastSyncError: "Tracking number is invalid",
    items: [{ title: "Harbor Rain Shell", quantity: 2, reason: "damaged" }],
    ...overrides,
  });

  const opts = { now: new Date("2026-10-14T10:00:00Z"), timeZone: "America/Toronto", policy: { reasons: [] } };

  it("GIVEN a tab THEN the counts come from one grouped query of this shop, never from the rows", async () => {
    const { db, queries } = fakeDb([group("approved", 7, "label", 1)], [row()]);
    const queue = await listReturnQueue(db, SHOP, { stage: "awaiting_items", after: null, before: null }, opts);

    expect(queries.map((q) => q.kind)).toEqual(["groupBy", "findMany"]);
    expect(queries[0]!.args).toEqual({ by: ["status", "pendingStep"], where: { shop: SHOP }, _count: { _all: true, lastSyncError: true } });
    expect(queries[1]!.args).toMatchObject({ where: { AND: [{ shop: SHOP, status: { in: ["approved"] } }, {}] }, take: 51 });
    expect(queue.counts).toMatchObject({ awaiting_items: 7, attention: 1, all: 7 });
  });

  it("GIVEN a request whose step Shopify refused THEN its row says it needs attention and has no deadline", async () => {
    const { db } = fakeDb([group("approved", 1, "label", 1)], [row()]);
    const queue = await listReturnQueue(db, SHOP, { stage: "attention", after: null, before: null }, opts);
    expect(queue.rows[0]).toMatchObject({ id: "req_1", status: "approved", needsAttention: true, itemCount: 2, sla: null });
  });

  it("GIVEN a step on its way THEN the row does not need attention", async () => {
    const { db } = fakeDb([group("approved", 1, "label", 0)], [row({ lastSyncError: null })]);
    const queue = await listReturnQueue(db, SHOP, { stage: "awaiting_items", after: null, before: null }, opts);
    expect(queue.rows[0]!.needsAttention).toBe(false);
  });

  it("GIVEN the next page's cursor THEN the list reads the rows after that row in the tab's order, and one more to know whether another page follows", async () => {
    const { db, queries } = fakeDb([group("closed", 51)], [row({ status: "closed", pendingStep: null, lastSyncError: null })]);
    const updatedAt = new Date("2026-10-13T09:00:00Z");
    const after = encodeCursor([{ field: "updatedAt", dir: "desc", type: "date" }, { field: "id", dir: "desc", type: "string" }], { updatedAt, id: "req_50" });
    const queue = await listReturnQueue(db, SHOP, { stage: "done", after, before: null }, opts);
    expect(queries[1]!.args).toMatchObject({
      take: 51,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      where: { AND: [{ shop: SHOP }, { OR: [{ updatedAt: { lt: updatedAt } }, { AND: [{ updatedAt }, { id: { lt: "req_50" } }] }] }] },
    });
    expect([queue.next, queue.previous !== null]).toEqual([null, true]);
  });
});
