import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";
import { random, seedShop } from "../helpers/scale-seed";

/**
 * The Inbox and the Returns queue page by cursor: walking every page of a tab while new rows keep
 * arriving lists each row that was there from the start exactly once, and no row twice.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await seedShop(harness.db, DEMO_SHOP, { tickets: 700, returns: 500, events: 0 }, new Date(), 3);
  // Installed after the seed: a page rendered meanwhile would wait on the seed's writes.
  await installApp(harness);
}, 60_000);
afterAll(() => harness?.close());

const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });
type Paged = { rows: { id: string }[]; next: string | null };

async function page(path: string, route: string, query: URLSearchParams): Promise<Paged> {
  const params = new URLSearchParams(query);
  params.set("_route", route);
  const response = await browserFetch(`${harness.app.url}${path}.data?${params}`, { headers: bearer() });
  expect(response.status).toBe(200);
  const body = (await decodeBody(response)) as Record<string, { data: Paged & { inbox?: Paged; queue?: Paged } }>;
  const data = body[route]!.data;
  return data.inbox ?? data.queue ?? data;
}

/** Every page of a list, calling `between` after each page; the ids in the order they were listed. */
async function walk(path: string, route: string, filter: Record<string, string>, between: (n: number) => Promise<void>): Promise<string[]> {
  const listed: string[] = [];
  let after: string | null = null;
  for (let n = 0; n < 100; n++) {
    const query = new URLSearchParams(filter);
    if (after) query.set("after", after);
    const { rows, next } = await page(path, route, query);
    listed.push(...rows.map((r) => r.id));
    if (!next) return listed;
    after = next;
    await between(n);
  }
  throw new Error("more than 100 pages");
}

const rand = random(99);
const spread = () => new Date(Date.now() - Math.floor(rand() * 200 * 86_400_000) + 86_400_000);

async function addTickets(n: number, status: string) {
  const data = Array.from({ length: n }, () => {
    const createdAt = spread();
    const dueAt = spread();
    return {
      shop: DEMO_SHOP, reference: `NEW-${crypto.randomUUID()}`, status, topic: "other", category: "other", priority: "P3", subject: "New",
      customerName: "New Shopper", customerEmail: "new@example.com", responseDueAt: dueAt, resolutionDueAt: dueAt, dueAt, createdAt, lastMessageAt: createdAt,
    };
  });
  await harness.db.ticket.createMany({ data });
}

async function addReturns(n: number, status: string) {
  const data = Array.from({ length: n }, () => {
    const key = crypto.randomUUID();
    return {
      shop: DEMO_SHOP, reference: `NEW-${key}`, idempotencyKey: key, orderId: "gid://shopify/Order/1", orderName: "#1", status, resolution: "refund",
      policyVersion: 1, quote: "{}", rules: "[]", respondBy: spread(), decidedAt: rand() < 0.2 ? null : spread(), createdAt: spread(), updatedAt: spread(),
    };
  });
  await harness.db.returnRequest.createMany({ data });
}

function expectEachOnce(listed: string[], present: string[]) {
  expect(new Set(listed).size).toBe(listed.length);
  const seen = new Set(listed);
  expect(present.filter((id) => !seen.has(id))).toEqual([]);
}

describe("Inbox paging while tickets arrive", () => {
  it.each([
    ["open", "open"],
    ["pending", "pending"],
    ["closed", "closed"],
    ["all", "open"],
  ])("GIVEN the %s tab walked page by page with new %s tickets arriving between pages THEN no ticket is skipped or repeated", async (tab, arriving) => {
    const present = (await harness.db.ticket.findMany({ where: { shop: DEMO_SHOP, ...(tab === "all" ? {} : { status: tab }) }, select: { id: true } })).map((t) => t.id);
    expect(present.length).toBeGreaterThan(50);
    const listed = await walk("/app/inbox", "routes/app.inbox._index", { status: tab }, () => addTickets(15, arriving));
    expectEachOnce(listed, present);
  });
});

describe("Returns queue paging while requests arrive", () => {
  it.each([
    ["review", "requested"],
    ["awaiting_items", "approved"],
    ["done", "closed"],
    ["all", "requested"],
  ])("GIVEN the %s tab walked page by page with new %s requests arriving between pages THEN no request is skipped or repeated", async (tab, arriving) => {
    const statuses = { review: ["requested"], awaiting_items: ["approved"], done: ["closed", "declined"] }[tab as "review"];
    const present = (await harness.db.returnRequest.findMany({ where: { shop: DEMO_SHOP, ...(statuses ? { status: { in: statuses } } : {}) }, select: { id: true } })).map(
      (r) => r.id,
    );
    expect(present.length).toBeGreaterThan(50);
    const listed = await walk("/app/returns", "routes/app.returns._index", { stage: tab }, () => addReturns(15, arriving));
    expectEachOnce(listed, present);
  });
});
