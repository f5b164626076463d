import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBusinessMinutes } from "../../app/features/policies/domain/business-hours";
import { DEFAULT_SUPPORT_SETTINGS } from "../../app/features/policies/domain/support-defaults";
import { savePolicy, SUPPORT } from "../../app/features/policies/repo.server";
import { signPhotoUrl } from "../../app/features/returns/photos.server";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, DEMO_STAFF, installApp, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";
import { PNG, returnsLookup, submitReturn } from "../helpers/returns";

/**
 * The admin's Returns and Outbox pages, through the built app: real requests carrying an App
 * Bridge session token, Remix single-fetch URLs (`<path>.data`), and the simulated shop behind.
 */

let harness: Harness;
/** Support around the clock, so "time left" labels do not depend on when the tests run. */
const ALWAYS_OPEN = { ...DEFAULT_SUPPORT_SETTINGS, businessHours: Array.from({ length: 7 }, () => ({ open: "00:00", close: "24:00" })) };

beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200" } });
  await installApp(harness);
  const { version: _version, ...settings } = ALWAYS_OPEN;
  await savePolicy(harness.db, DEMO_SHOP, SUPPORT, settings, "test");
});
afterAll(() => harness?.close());

const OTHER_SHOP = "other-store.myshopify.com";
const QUEUE_ROUTE = "routes/app.returns._index";
const DETAIL_ROUTE = "routes/app.returns.$id";
const OUTBOX_ROUTE = "routes/app.outbox";

// ---- requests to the admin, as App Bridge's fetch makes them ----------------------------------

const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });


/** A route's loader data (GET /path.data?_route=…), with the HTTP status. */
async function loaderData<T>(path: string, routeId: string, query = ""): Promise<{ status: number; data: T; error: unknown }> {
  const params = new URLSearchParams(query);
  params.set("_route", routeId);
  const response = await browserFetch(`${harness.app.url}${path}.data?${params}`, { headers: bearer() });
  const body = (await decodeBody(response)) as Record<string, { data?: T; error?: unknown }>;
  return { status: response.status, data: body[routeId]?.data as T, error: body[routeId]?.error };
}

/** A form posted to a route's action (POST /path.data), with the HTTP status. */
async function postForm<T>(path: string, fields: [string, string][]): Promise<{ status: number; data: T; error: unknown }> {
  const [pathname, search] = path.split("?");
  const response = await browserFetch(`${harness.app.url}${pathname}.data${search ? `?${search}` : ""}`, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const body = (await decodeBody(response)) as { data?: T; error?: unknown };
  return { status: response.status, data: body.data as T, error: body.error };
}

type QueueData = { tab: string; counts: Record<string, number>; rows: { id: string; reference: string; orderName: string; status: string; itemCount: number; firstItem: string; reasons: string[]; customerEmail: string; sla: { label: string } | null; needsOverride: boolean }[] };
type DetailData = {
  detail: {
    reference: string;
    status: string;
    items: { title: string; quantity: number; reason: string; note: string | null; photos: { id: string; url: string }[] }[];
    failedRules: string[];
    events: { actor: string; type: string }[];
    order: { ok: boolean; state?: string; shipments?: { carrier: string | null; trackingNumber: string | null }[] };
    customer: { email: string; history: { orderCount: number; capped: boolean; spent: string } | null; segment: string | null; otherRequests: unknown[] } | null;
    quote: { expected: string } | null;
    sla: { label: string } | null;
  };
  approvalMessage: string;
};
type Outcome = { ok: boolean; toast?: string; formError?: string | null; fieldErrors?: Record<string, string> };

// ---- arranging return requests -----------------------------------------------------------------

/** A shopper's request through the storefront: damaged with a photo, so staff must decide. */
async function shopperRequest(order: string, email: string, lineItemId: string) {
  const lookup = await returnsLookup(harness, { order, email });
  expect(lookup.status).toBe(200);
  const response = await submitReturn(harness, {
    token: lookup.body.token,
    items: [{ lineItemId, quantity: 1, reason: "damaged", note: "Arrived torn" }],
    photos: { [lineItemId]: [PNG] },
  });
  expect(response.status).toBe(201);
  const { request } = await response.json();
  expect(request.status).toBe("requested");
  return harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, reference: request.reference } });
}

const FAILED_WINDOW = [{ rule: "window", passed: false, detail: "Delivered Sep 1; window ended Oct 1 (30 days)" }];

/** A request row written directly (a rule that failed, another shop, not yet in Shopify). */
async function storedRequest(opts: {
  shop?: string;
  orderName: string;
  lineItemId: string;
  status: string;
  rules?: { rule: string; passed: boolean; detail: string }[];
  inShopify?: boolean;
  reason?: string;
}) {
  const shop = opts.shop ?? DEMO_SHOP;
  const order = harness.shop.store.findOrderByName(DEMO_SHOP, opts.orderName)!;
  const line = order.lineItems.find((l) => l.id === opts.lineItemId)!;
  const fli = order.fulfillments.flatMap((f) => f.fulfillmentLineItems).find((f) => f.lineItemId === opts.lineItemId)!;
  let shopifyReturnId: string | null = null;
  if (opts.inShopify) {
    const created = harness.shop.store.requestReturn(DEMO_SHOP, { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: fli.id, quantity: 1 }] });
    if (!created.return) throw new Error(`requestReturn: ${JSON.stringify(created.userErrors)}`);
    shopifyReturnId = created.return.id;
  }
  const reference = `R-T${randomUUID().slice(0, 5).toUpperCase()}`;
  return harness.db.returnRequest.create({
    data: {
      shop,
      reference,
      idempotencyKey: randomUUID(),
      orderId: order.id,
      orderName: order.name,
      customerEmail: order.email,
      status: opts.status,
      shopifyReturnId,
      resolution: "refund",
      policyVersion: 1,
      quote: JSON.stringify({ currency: "CAD", itemsValue: 189, restockingFee: 0, shippingFee: 0, storeCreditBonus: 0, expected: 189 }),
      rules: JSON.stringify([{ lineItemId: line.id, title: line.title, rules: opts.rules ?? [{ rule: "window", passed: true, detail: "Window open" }] }]),
      respondBy: new Date(Date.now() + 2 * 3600_000),
      nextSyncAt: opts.status === "received" ? new Date("2100-01-01T00:00:00Z") : null,
      items: {
        create: [
          {
            lineItemId: line.id,
            title: line.title,
            quantity: 1,
            reason: opts.reason ?? "damaged",
            sources: JSON.stringify([{ fulfillmentLineItemId: fli.id, quantity: 1 }]),
          },
        ],
      },
      events: { create: [{ shop, actor: "shopper", type: "received" }] },
    },
  });
}

const LUCAS = { order: "#1013", email: "lucas.silva@example.com", rainShell: "gid://shopify/LineItem/12131" };
const HANNAH = { order: "#1014", email: "hannah.schmidt@example.de", rainShell: "gid://shopify/LineItem/12141" };
const AVA = { order: "#1016", email: "ava.thompson@example.com", daypack: "gid://shopify/LineItem/12161" };

// ---- the queue ---------------------------------------------------------------------------------

describe("returns queue", () => {
  it("GIVEN a shopper's damaged-item request THEN the Review tab lists it with its order, item, reason, customer and time left", async () => {
    const request = await shopperRequest(LUCAS.order, LUCAS.email, LUCAS.rainShell);

    const { status, data } = await loaderData<QueueData>("/app/returns", QUEUE_ROUTE);

    expect(status).toBe(200);
    expect(data.tab).toBe("review");
    expect(data.rows.find((r) => r.id === request.id)).toMatchObject({
      reference: request.reference,
      orderName: "#1013",
      status: "requested",
      itemCount: 1,
      firstItem: "Harbor Rain Shell",
      reasons: ["Damaged or defective"],
      customerEmail: LUCAS.email,
      sla: { label: expect.stringMatching(/^due in 1 h 5\d min$/) },
    });
  });

  it("GIVEN the Awaiting items tab THEN requests still waiting for review are not in it", async () => {
    const { data } = await loaderData<QueueData>("/app/returns", QUEUE_ROUTE, "stage=awaiting_items");
    expect(data.tab).toBe("awaiting_items");
    expect(data.rows.every((r) => r.status === "approved")).toBe(true);
  });

  it("GIVEN more than 50 requests in a tab THEN the queue pages by 50", async () => {
    const base = { shop: DEMO_SHOP, orderId: "gid://shopify/Order/1", orderName: "#1", status: "closed", resolution: "refund", policyVersion: 1, quote: "{}", rules: "[]", respondBy: new Date() };
    await harness.db.returnRequest.createMany({
      data: Array.from({ length: 51 }, (_, n) => ({ ...base, reference: `R-PAGE${n}`, idempotencyKey: randomUUID() })),
    });

    type Paged = QueueData & { next: string | null; previous: string | null };
    const first = await loaderData<Paged>("/app/returns", QUEUE_ROUTE, "stage=done");
    const second = await loaderData<Paged>("/app/returns", QUEUE_ROUTE, `stage=done&after=${first.data.next}`);
    const back = await loaderData<Paged>("/app/returns", QUEUE_ROUTE, `stage=done&before=${second.data.previous}`);

    // Done also holds the file's other finished requests: every row once, 50 to a page.
    const done = first.data.counts.done!;
    expect(done).toBeGreaterThanOrEqual(51);
    expect([first.data.rows.length, first.data.next !== null, first.data.previous]).toEqual([50, true, null]);
    expect([second.data.rows.length, second.data.next !== null]).toEqual([Math.min(50, done - 50), done > 100]);
    expect(back.data.rows.map((r) => r.id)).toEqual(first.data.rows.map((r) => r.id));
    const listed = [...first.data.rows, ...second.data.rows];
    expect(new Set(listed.map((r) => r.id)).size).toBe(listed.length);
    expect(listed.filter((r) => r.reference.startsWith("R-PAGE"))).toHaveLength(51);
  });

  it("GIVEN another shop's request THEN it is never listed", async () => {
    const other = await storedRequest({ shop: OTHER_SHOP, orderName: "#1015", lineItemId: "gid://shopify/LineItem/12151", status: "requested" });
    const { data } = await loaderData<QueueData>("/app/returns", QUEUE_ROUTE, "stage=all");
    expect(data.rows.map((r) => r.id)).not.toContain(other.id);
  });

  it("GIVEN no session token THEN the queue's data is refused", async () => {
    const response = await browserFetch(`${harness.app.url}/app/returns.data?_route=${encodeURIComponent(QUEUE_ROUTE)}`);
    // Single fetch answers a thrown redirect with 202 and the redirect in the body.
    const body = JSON.stringify(await decodeBody(response));
    expect(body).toContain("/auth/login");
    expect(body).not.toContain("R-");
  });
});

// ---- one request ---------------------------------------------------------------------------------

describe("return request detail", () => {
  it("GIVEN a request THEN the detail shows items with signed photo links, the quote, rules, order context, customer and timeline", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: LUCAS.order } });

    const { status, data } = await loaderData<DetailData>(`/app/returns/${request.id}`, DETAIL_ROUTE);

    expect(status).toBe(200);
    const { detail } = data;
    expect(detail.items).toEqual([
      expect.objectContaining({ title: "Harbor Rain Shell", quantity: 1, reason: "Damaged or defective", note: "Arrived torn" }),
    ]);
    expect(detail.items[0]!.photos).toHaveLength(1);
    expect(detail.items[0]!.photos[0]!.url).toMatch(/^\/app\/returns\/photos\/\w+\?shop=harbor-demo\.myshopify\.com&exp=\d+&sig=/);
    expect(detail.failedRules).toEqual([]);
    expect(detail.quote?.expected).toMatch(/^CA\$/);
    expect(detail.order).toMatchObject({ ok: true, state: "delivered" });
    expect(detail.customer).toMatchObject({ email: LUCAS.email, history: { orderCount: 1, capped: false }, segment: "new" });
    expect(detail.events.map((e) => e.type)).toEqual(["received", "requested"]);
    expect(data.approvalMessage).toContain(request.reference);
  });

  it("GIVEN a shopper with five orders THEN the detail labels them VIP", async () => {
    const request = await storedRequest({ orderName: "#1003", lineItemId: "gid://shopify/LineItem/12031", status: "requested" });
    const { data } = await loaderData<DetailData>(`/app/returns/${request.id}`, DETAIL_ROUTE);
    expect(data.detail.customer).toMatchObject({ email: "maya.chen@example.com", history: { orderCount: 5, capped: false }, segment: "vip" });
    expect(data.detail.customer!.history!.spent).toMatch(/^CA\$\d{1,3}(,\d{3})*\.\d{2}$/);
  });

  it("GIVEN the shop's own segment thresholds THEN spend alone can make a VIP, and a higher bar makes the same shopper a repeat customer", async () => {
    const request = await storedRequest({ orderName: "#1003", lineItemId: "gid://shopify/LineItem/12031", status: "requested" });
    const segmentWith = async (segments: { repeatOrders: number; vipOrders: number; vipSpend: number }) => {
      const { version: _version, ...settings } = { ...ALWAYS_OPEN, segments };
      await savePolicy(harness.db, DEMO_SHOP, SUPPORT, settings, "test");
      return (await loaderData<DetailData>(`/app/returns/${request.id}`, DETAIL_ROUTE)).data.detail.customer!.segment;
    };
    expect(await segmentWith({ repeatOrders: 2, vipOrders: 50, vipSpend: 1 })).toBe("vip");
    expect(await segmentWith({ repeatOrders: 2, vipOrders: 50, vipSpend: 1_000_000 })).toBe("repeat");
    expect(await segmentWith({ repeatOrders: 6, vipOrders: 50, vipSpend: 1_000_000 })).toBe("new");
    await segmentWith(DEFAULT_SUPPORT_SETTINGS.segments);
  });

  it("GIVEN a request id of another shop THEN the detail is not found", async () => {
    const other = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const { status, error } = await loaderData<DetailData>(`/app/returns/${other.id}`, DETAIL_ROUTE);
    expect(status).toBe(404);
    expect(error).toMatchObject({ status: 404 });
  });
});

// ---- decisions -----------------------------------------------------------------------------------

describe("decisions", () => {
  it("GIVEN a requested return WHEN staff approve it THEN Shopify's return is OPEN and our record says who approved it", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: LUCAS.order } });

    const { status, data } = await postForm<Outcome>(`/app/returns/${request.id}`, [
      ["intent", "approve"],
      ["message", "Approved: sorry about the seam."],
    ]);

    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, toast: "Return approved" });
    expect(harness.shop.store.getReturn(DEMO_SHOP, request.shopifyReturnId!)?.return.status).toBe("OPEN");
    const row = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: "approved", decisionNote: "Approved: sorry about the seam." });
    expect(row.decidedBy).toBe(DEMO_STAFF);
  });

  it("GIVEN an approved return WHEN staff approve it again THEN it is refused as already decided", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: LUCAS.order } });
    const { status, data } = await postForm<Outcome>(`/app/returns/${request.id}`, [["intent", "approve"]]);
    expect(status).toBe(409);
    expect(data.formError).toMatch(/approved/);
  });

  it("GIVEN a decline without a reason THEN it is refused beside the reason field and nothing changes", async () => {
    const request = await shopperRequest(HANNAH.order, HANNAH.email, HANNAH.rainShell);

    const { status, data } = await postForm<Outcome>(`/app/returns/${request.id}`, [
      ["intent", "decline"],
      ["note", "x".repeat(501)],
    ]);

    expect(status).toBe(400);
    expect(Object.keys(data.fieldErrors ?? {}).sort()).toEqual(["note", "reason"]);
    expect((await harness.db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("requested");
  });

  it("GIVEN a requested return WHEN staff decline it with a reason and note THEN Shopify's return is DECLINED and the reason is stored", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: HANNAH.order } });

    const { status, data } = await postForm<Outcome>(`/app/returns/${request.id}`, [
      ["intent", "decline"],
      ["reason", "FINAL_SALE"],
      ["note", "This jacket was sold as final sale."],
      ["message", ""],
    ]);

    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, toast: "Return declined" });
    const shopifyReturn = harness.shop.store.getReturn(DEMO_SHOP, request.shopifyReturnId!)!.return;
    expect(shopifyReturn.status).toBe("DECLINED");
    expect(await harness.db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "declined",
      declineReason: "FINAL_SALE",
      decisionNote: "This jacket was sold as final sale.",
    });
  });

  it("GIVEN a request id of another shop WHEN staff approve it THEN it is refused with 404 and left alone", async () => {
    const other = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const { status } = await postForm<Outcome>(`/app/returns/${other.id}`, [["intent", "approve"]]);
    expect(status).toBe(404);
    expect((await harness.db.returnRequest.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("requested");
  });

  it("GIVEN an unknown intent THEN it is refused", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: HANNAH.order } });
    const { status, data } = await postForm<Outcome>(`/app/returns/${request.id}`, [["intent", "delete"]]);
    expect(status).toBe(400);
    expect(data.formError).toMatch(/Unknown action/);
  });
});

describe("decisions on a request that failed a rule", () => {
  it("GIVEN a failed rule THEN the detail lists it", async () => {
    const request = await storedRequest({ orderName: "#1018", lineItemId: "gid://shopify/LineItem/12181", status: "requested", rules: FAILED_WINDOW, inShopify: true });
    const { data } = await loaderData<DetailData>(`/app/returns/${request.id}`, DETAIL_ROUTE);
    expect(data.detail.failedRules).toEqual(["Coastline Hiking Boot: Delivered Sep 1; window ended Oct 1 (30 days)"]);
  });

  it("GIVEN a failed rule WHEN staff approve without a reason THEN it is refused beside the override field", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: "#1018" } });
    const { status, data } = await postForm<Outcome>(`/app/returns/${request.id}`, [
      ["intent", "approve"],
      ["overrideReason", "   "],
    ]);
    expect(status).toBe(400);
    expect(data.fieldErrors?.overrideReason).toMatch(/give a reason/);
    expect(harness.shop.store.getReturn(DEMO_SHOP, request.shopifyReturnId!)?.return.status).toBe("REQUESTED");
  });

  it("GIVEN a failed rule WHEN staff approve with a reason THEN it is approved and the reason kept", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: "#1018" } });
    const { status } = await postForm<Outcome>(`/app/returns/${request.id}`, [
      ["intent", "approve"],
      ["overrideReason", "Loyal customer; courier delay"],
    ]);
    expect(status).toBe(200);
    expect(harness.shop.store.getReturn(DEMO_SHOP, request.shopifyReturnId!)?.return.status).toBe("OPEN");
    expect(await harness.db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "approved",
      overrideReason: "Loyal customer; courier delay",
    });
  });
});

describe("bulk approve", () => {
  it("GIVEN a plain request and one that failed a rule WHEN both are approved from the queue THEN the first is approved and the second skipped as needing a reason", async () => {
    const plain = await shopperRequest(AVA.order, AVA.email, AVA.daypack);
    const ruled = await storedRequest({ orderName: "#1012", lineItemId: "gid://shopify/LineItem/12122", status: "requested", rules: FAILED_WINDOW, inShopify: true });

    const queue = await loaderData<QueueData>("/app/returns", QUEUE_ROUTE);
    expect(queue.data.rows.find((r) => r.id === ruled.id)?.needsOverride).toBe(true);

    const { status, data } = await postForm<{ ok: boolean; result: { approved: string[]; skipped: { reference: string; why: string }[]; failed: unknown[] } }>(
      "/app/returns?index",
      [
        ["intent", "approve"],
        ["ids", plain.id],
        ["ids", ruled.id],
      ],
    );

    expect(status).toBe(200);
    expect(data.result.approved).toEqual([plain.reference]);
    expect(data.result.skipped).toEqual([{ reference: ruled.reference, why: expect.stringMatching(/reason/) }]);
    expect(data.result.failed).toEqual([]);
    expect(harness.shop.store.getReturn(DEMO_SHOP, plain.shopifyReturnId!)?.return.status).toBe("OPEN");
    expect((await harness.db.returnRequest.findUniqueOrThrow({ where: { id: ruled.id } })).status).toBe("requested");
  });

  it("GIVEN nothing selected THEN the bulk action is refused", async () => {
    const { status, data } = await postForm<{ ok: boolean; error: string }>("/app/returns?index", [["intent", "approve"]]);
    expect(status).toBe(400);
    expect(data).toMatchObject({ ok: false, error: "Select at least one request." });
  });
});

describe("requests Shopify has not accepted yet", () => {
  it("GIVEN a stored request WHEN staff press Retry now THEN it is created in Shopify", async () => {
    const stored = await storedRequest({ orderName: "#1017", lineItemId: "gid://shopify/LineItem/12171", status: "received" });

    const { status, data } = await postForm<Outcome>(`/app/returns/${stored.id}`, [["intent", "retry"]]);

    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, toast: "Sent to Shopify" });
    const row = await harness.db.returnRequest.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row.status).toBe("requested");
    expect(harness.shop.store.getReturn(DEMO_SHOP, row.shopifyReturnId!)?.return.status).toBe("REQUESTED");
  });

  it("GIVEN a request already in Shopify WHEN Retry now is pressed THEN nothing is sent twice", async () => {
    const row = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: "#1017" } });
    const { status } = await postForm<Outcome>(`/app/returns/${row.id}`, [["intent", "retry"]]);
    expect(status).toBe(409);
    expect(harness.shop.store.findOrderByName(DEMO_SHOP, "#1017")!.returns).toHaveLength(1);
  });
});

// ---- photos --------------------------------------------------------------------------------------

describe("photos", () => {
  async function photoUrl() {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: LUCAS.order } });
    const { data } = await loaderData<DetailData>(`/app/returns/${request.id}`, DETAIL_ROUTE);
    return new URL(data.detail.items[0]!.photos[0]!.url, harness.app.url);
  }

  it("GIVEN the signed URL from the detail page THEN the photo is served as stored, with no session token", async () => {
    const response = await fetch(await photoUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("GIVEN the URL without its signature THEN it is refused", async () => {
    const url = await photoUrl();
    url.searchParams.delete("sig");
    expect((await fetch(url)).status).toBe(403);
  });

  it("GIVEN the URL with its shop swapped THEN it is refused", async () => {
    const url = await photoUrl();
    url.searchParams.set("shop", OTHER_SHOP);
    expect((await fetch(url)).status).toBe(403);
  });

  it("GIVEN an expired URL THEN it is refused", async () => {
    const url = await photoUrl();
    const photoId = url.pathname.split("/").pop()!;
    const expired = signPhotoUrl(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, photoId }, new Date(Date.now() - 11 * 60_000));
    expect((await fetch(new URL(expired, harness.app.url))).status).toBe(403);
  });

  it("GIVEN a valid signature for this shop on another shop's photo THEN it is not found", async () => {
    const other = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const photo = await harness.db.returnPhoto.create({
      data: { shop: OTHER_SHOP, requestId: other.id, lineItemId: "gid://shopify/LineItem/12151", contentType: "image/png", size: PNG.length, data: Buffer.from(PNG) },
    });
    const url = signPhotoUrl(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, photoId: photo.id }, new Date());
    expect((await fetch(new URL(url, harness.app.url))).status).toBe(404);
  });
});

// ---- outbox --------------------------------------------------------------------------------------

describe("outbox", () => {
  it("GIVEN requests received, approved and declined THEN the outbox lists each message sent, newest first, only this shop's", async () => {
    const { status, data } = await loaderData<{ messages: { to: string; kind: string; status: string; subject: string; text: string }[] }>(
      "/app/outbox",
      OUTBOX_ROUTE,
    );
    expect(status).toBe(200);
    const lucas = data.messages.filter((m) => m.to === LUCAS.email).map((m) => m.kind);
    // Approved, and the shopper sends the parcel back themselves (the default policy).
    expect(lucas).toEqual(["return_approved_ship", "return_received"]);
    const approved = data.messages.find((m) => m.to === LUCAS.email && m.kind === "return_approved_ship")!;
    expect(approved.status).toBe("logged");
    // Staff's words lead the email; the reference to put on the parcel stays.
    expect(approved.text.startsWith("Approved: sorry about the seam.")).toBe(true);
    expect(approved.text).toMatch(/R-[A-Z0-9]{6}/);
    expect(data.messages.find((m) => m.to === HANNAH.email && m.kind === "return_declined")?.text).toContain("This jacket was sold as final sale.");
    const shops = await harness.db.outboxMessage.count({ where: { shop: { not: DEMO_SHOP } } });
    expect(shops).toBe(0);
  });
});

// ---- the pages themselves, rendered on the server --------------------------------------------------

describe("pages", () => {
  /** The admin's iframe URL for a page of the app (what App Bridge loads on navigation). */
  const page = (path: string) => {
    const url = new URL(harness.shop.embeddedAppUrl(DEMO_SHOP));
    url.pathname = path;
    return browserFetch(url.toString());
  };

  it("GIVEN the Returns page THEN it renders the queue with tabs and the request references", async () => {
    const request = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderName: HANNAH.order } });
    const response = await page("/app/returns");
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("<h1");
    expect(html).toMatch(/Review \(\d+\)/);
    expect(html).toMatch(/Done \(\d+\)/);
    expect(html).not.toContain(request.reference); // declined: not in the Review tab
  });

  it("GIVEN a request's page THEN it renders the decision forms and the photo thumbnail", async () => {
    const request = await shopperRequest("#1017", "liam.oconnor@example.com", "gid://shopify/LineItem/12172");
    const response = await page(`/app/returns/${request.id}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(request.reference);
    expect(html).toContain("Approve return");
    expect(html).toContain("Decline return");
    expect(html).toMatch(/<img[^>]+src="\/app\/returns\/photos\//);
  });

  it("GIVEN another shop's request page THEN it renders not found", async () => {
    const other = await harness.db.returnRequest.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const response = await page(`/app/returns/${other.id}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Return request not found");
  });

  it("GIVEN the Outbox page THEN it renders the messages", async () => {
    const response = await page("/app/outbox");
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(LUCAS.email);
    expect(html).toContain("Show message");
  });
});

describe("answer-by time", () => {
  it("GIVEN the default office hours THEN a request's answer-by time is the 2-hour target counted in business hours", async () => {
    const { version: _version, ...settings } = DEFAULT_SUPPORT_SETTINGS;
    await savePolicy(harness.db, DEMO_SHOP, SUPPORT, settings, "test");
    const store = harness.shop.store;
    const email = `shopper-${randomUUID().slice(0, 8)}@example.com`;
    const order = store.createOrder(DEMO_SHOP, { email, lineItems: [{ variantId: "gid://shopify/ProductVariant/45011", quantity: 1 }], shippingAddress: null });
    const fulfillment = store.createFulfillment(DEMO_SHOP, order.id);
    store.markDelivered(DEMO_SHOP, fulfillment.id, { happenedAt: new Date(Date.now() - 86_400_000) });
    const request = await shopperRequest(order.name, email, order.lineItems[0]!.id);

    const expected = addBusinessMinutes(request.createdAt, 120, { ...DEFAULT_SUPPORT_SETTINGS, timeZone: "America/Toronto" });
    expect(Math.abs(request.respondBy.getTime() - expected.getTime())).toBeLessThan(5_000);
  });
});
