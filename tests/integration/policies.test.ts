import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY } from "../../app/features/policies/domain/returns";
import { currentReturnPolicy, saveReturnPolicy } from "../../app/features/policies/repo.server";
import { returnPolicyToForm, type ReturnPolicyFormValues } from "../../app/features/policies/returns-form";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness, DEMO_STAFF } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";
import { BEANIE, returnsLookup } from "../helpers/returns";

/**
 * The admin's Policies page, through the built app: the loader and action with an App Bridge
 * session token, and the storefront's returns endpoints judging orders by what was saved.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

const ROUTE = "routes/app.policies._index";
const OTHER_SHOP = "other-store.myshopify.com";
const DAY = 86_400_000;

const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });


type PageData = {
  version: number;
  form: ReturnPolicyFormValues;
  versions: { version: number; createdBy: string | null; createdAt: string | null; created: string | null; inForce: boolean }[];
};
type Outcome = { ok: boolean; version?: number; status?: number; errors?: Record<string, string>; formError?: string | null };

async function loadPage(): Promise<{ status: number; data: PageData }> {
  const response = await browserFetch(`${harness.app.url}/app/policies.data?_route=${encodeURIComponent(ROUTE)}`, { headers: bearer() });
  const body = (await decodeBody(response)) as Record<string, { data?: PageData }>;
  return { status: response.status, data: body[ROUTE]?.data as PageData };
}

/** The page's save: the whole form as JSON in `policy`, and the version it was opened on. */
async function save(form: ReturnPolicyFormValues, baseVersion?: number, headers: Record<string, string> = bearer()): Promise<{ status: number; data: Outcome; raw: unknown }> {
  const fields: [string, string][] = [["policy", JSON.stringify(form)]];
  if (baseVersion !== undefined) fields.push(["baseVersion", String(baseVersion)]);
  const response = await browserFetch(`${harness.app.url}/app/policies.data?index`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const raw = await decodeBody(response);
  return { status: response.status, data: (raw as { data?: Outcome }).data as Outcome, raw };
}

const versionCount = (shop = DEMO_SHOP) => harness.db.policyVersion.count({ where: { shop, kind: "returns" } });

/** A new order in the simulated shop, delivered `daysAgo` days ago (the carrier's event backdated). */
function orderDelivered(daysAgo: number) {
  const store = harness.shop.store;
  const email = `shopper-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const order = store.createOrder(DEMO_SHOP, {
    email,
    lineItems: [{ variantId: BEANIE, quantity: 1 }],
    shippingAddress: { firstName: "Test", lastName: "Shopper", address1: "1 Water St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" },
  });
  const fulfillment = store.createFulfillment(DEMO_SHOP, order.id);
  store.markDelivered(DEMO_SHOP, fulfillment.id, { happenedAt: new Date(Date.now() - daysAgo * DAY) });
  return { order: order.name, email };
}

type ReturnsView = { policy: { windowDays: number }; lines: { returnable: number; reasons: string[] }[]; token: string };

async function returnsByToken(token: string): Promise<{ status: number; body: ReturnsView }> {
  const response = await fetch(`${harness.shop.url}/apps/support/returns/order?token=${encodeURIComponent(token)}`);
  return { status: response.status, body: (await response.json()) as ReturnsView };
}

describe("policies page: loading", () => {
  it("GIVEN a shop that never saved a policy THEN the page shows the defaults as version 1, in force", async () => {
    const { status, data } = await loadPage();

    expect(status).toBe(200);
    expect(data.version).toBe(1);
    expect(data.form).toEqual(returnPolicyToForm(DEFAULT_RETURN_POLICY));
    expect(data.versions).toEqual([{ version: 1, createdBy: null, createdAt: null, created: null, inForce: true }]);
  });

  it("GIVEN no session token THEN the page's data is refused", async () => {
    const response = await browserFetch(`${harness.app.url}/app/policies.data?_route=${encodeURIComponent(ROUTE)}`);
    const body = JSON.stringify(await decodeBody(response));
    expect(body).toContain("/auth/login");
    expect(body).not.toContain("windowDays");
  });
});

describe("policies page: invalid input", () => {
  const cases: [string, (form: ReturnPolicyFormValues) => void, string, RegExp][] = [
    ["a window of 0 days", (f) => (f.windowDays = "0"), "windowDays", /between 1 and 365/],
    ["a 150 % restocking fee", (f) => (f.restockingFeePercent = "150"), "restockingFeePercent", /between 0 and 100/],
    [
      "two reasons with one handle",
      (f) => f.reasons.push({ label: "Too small", handle: "size-too-small", photoRequired: false, alwaysReview: false, shopifyHandle: "too-small" }),
      "reasons.7.handle",
      /used more than once/,
    ],
    ["no resolution", (f) => (f.resolutions = []), "resolutions", /at least one resolution/],
  ];

  it.each(cases)("GIVEN %s THEN the error is returned for its field and no version is created", async (_, change, path, message) => {
    const form = returnPolicyToForm(DEFAULT_RETURN_POLICY);
    change(form);

    const { status, data } = await save(form, 1);

    expect(status).toBe(400);
    expect(data).toMatchObject({ ok: false, formError: null });
    expect(data.errors?.[path]).toMatch(message);
    expect(await versionCount()).toBe(0);
  });

  it("GIVEN several problems at once THEN each is reported on its own path", async () => {
    const form = { ...returnPolicyToForm(DEFAULT_RETURN_POLICY), windowDays: "0", restockingFeePercent: "150", resolutions: [] };
    const { data } = await save(form, 1);
    expect(Object.keys(data.errors ?? {}).sort()).toEqual(["resolutions", "restockingFeePercent", "windowDays"]);
    expect(await versionCount()).toBe(0);
  });

  it("GIVEN a body that is not a policy THEN it is a form-level error and nothing is saved", async () => {
    const response = await browserFetch(`${harness.app.url}/app/policies.data?index`, {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ policy: '{"windowDays": 45}' }).toString(),
    });
    const body = (await decodeBody(response)) as { data: Outcome };
    expect(response.status).toBe(400);
    expect(body.data.formError).toMatch(/could not be read/);
    expect(await versionCount()).toBe(0);
  });

  it("GIVEN no session token THEN a save is refused and nothing is saved", async () => {
    const { raw } = await save({ ...returnPolicyToForm(DEFAULT_RETURN_POLICY), windowDays: "45" }, 1, {});
    expect(JSON.stringify(raw)).toContain("/auth/login");
    expect(await versionCount()).toBe(0);
  });
});

describe("policies page: saving", () => {
  it("GIVEN another shop with its own policy WHEN this shop saves THEN the other shop's policy is untouched", async () => {
    const other = await saveReturnPolicy(harness.db, OTHER_SHOP, { ...DEFAULT_RETURN_POLICY, windowDays: 60 }, "Other staff");
    expect(other.version).toBe(2);

    const { data } = await loadPage();

    expect(data.version).toBe(1);
    expect(data.versions.map((v) => v.createdBy)).not.toContain("Other staff");
  });

  it("GIVEN an order delivered 40 days ago WHEN staff change the window to 45 days THEN version 2 is saved with who saved it and the storefront judges the order by it", async () => {
    const order = orderDelivered(40);
    const before = await returnsLookup(harness, order);
    expect(before.status).toBe(200);
    expect(before.body.policy.windowDays).toBe(30);
    expect(before.body.lines[0]).toMatchObject({ returnable: 0, reasons: ["window_passed"] });

    const { status, data } = await save({ ...returnPolicyToForm(DEFAULT_RETURN_POLICY), windowDays: "45" }, 1);

    expect(status).toBe(200);
    expect(data).toEqual({ ok: true, version: 2 });
    const rows = await harness.db.policyVersion.findMany({ where: { shop: DEMO_SHOP, kind: "returns" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 2, createdBy: DEMO_STAFF });
    expect(await currentReturnPolicy(harness.db, DEMO_SHOP)).toMatchObject({ version: 2, windowDays: 45 });

    const after = await returnsByToken(before.body.token);
    expect(after.status).toBe(200);
    expect(after.body.policy.windowDays).toBe(45);
    expect(after.body.lines[0]).toMatchObject({ returnable: 1, reasons: [] });
  });

  it("GIVEN a saved version THEN the page loads it, listing it in force above the defaults", async () => {
    const { data } = await loadPage();

    expect(data.version).toBe(2);
    expect(data.form.windowDays).toBe("45");
    expect(data.versions).toEqual([
      { version: 2, createdBy: DEMO_STAFF, createdAt: expect.any(String), created: expect.any(String), inForce: true },
      { version: 1, createdBy: null, createdAt: null, created: null, inForce: false },
    ]);
  });

  it("GIVEN a form opened on version 1 WHEN it is saved after version 2 THEN it is refused as a conflict and nothing is saved", async () => {
    const { status, data } = await save({ ...returnPolicyToForm(DEFAULT_RETURN_POLICY), windowDays: "20" }, 1);

    expect(status).toBe(409);
    expect(data.formError).toMatch(/Someone else saved/);
    expect(await versionCount()).toBe(1);
    expect((await currentReturnPolicy(harness.db, DEMO_SHOP)).windowDays).toBe(45);
  });

  it("GIVEN a new reason without a handle WHEN saved THEN its handle is made from the label and auto-approve can skip it", async () => {
    const { data: page } = await loadPage();
    const form = { ...page.form, reasons: [...page.form.reasons, { label: "Arrived too late", handle: "", photoRequired: false, alwaysReview: true, shopifyHandle: "arrived-late" }] };

    const { data } = await save(form, page.version);

    expect(data).toEqual({ ok: true, version: 3 });
    const policy = await currentReturnPolicy(harness.db, DEMO_SHOP);
    expect(policy.reasons.at(-1)).toEqual({ label: "Arrived too late", handle: "arrived-too-late", photoRequired: false, shopifyHandle: "arrived-late" });
    expect(policy.autoApprove.excludedReasons).toEqual(["damaged", "wrong-item", "arrived-too-late"]);
  });

  it("GIVEN all the saves THEN the other shop still has its own policy and its versions alone", async () => {
    expect(await currentReturnPolicy(harness.db, OTHER_SHOP)).toMatchObject({ version: 2, windowDays: 60 });
    expect(await versionCount(OTHER_SHOP)).toBe(1);
  });
});
