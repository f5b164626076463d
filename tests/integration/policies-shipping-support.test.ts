import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SHIPPING_POLICY } from "../../app/features/policies/domain/shipping";
import { DEFAULT_SUPPORT_SETTINGS } from "../../app/features/policies/domain/support-defaults";
import { currentPolicy, savePolicy, SHIPPING, SUPPORT } from "../../app/features/policies/repo.server";
import { shippingToForm, type ShippingFormValues } from "../../app/features/policies/shipping-form";
import { supportToForm, type SupportFormValues } from "../../app/features/policies/support-form";
import { DEMO_FIXTURE } from "../../simulator/server";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, startHarness, type Harness, DEMO_STAFF } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";

/**
 * The Policies page's Shipping and Support sections, through the built app: loaders and actions
 * with App Bridge session tokens of two installed shops, the versions they keep, and the pages the
 * server renders under the Policies tabs.
 */

const OTHER_SHOP = "other-store.myshopify.com";

let harness: Harness;
beforeAll(async () => {
  const demo = JSON.parse(readFileSync(DEMO_FIXTURE, "utf8"));
  const other = {
    anchor: demo.anchor,
    shop: { id: "gid://shopify/Shop/72810043", domain: OTHER_SHOP, name: "Other Store", email: "help@other.example", ianaTimezone: "Europe/Paris", currencyCode: "EUR" },
  };
  harness = await startHarness({ fixtures: [demo, other] });
  await installApp(harness);
  await installApp(harness, OTHER_SHOP);
});
afterAll(() => harness?.close());

const bearer = (shop = DEMO_SHOP) => ({ Authorization: `Bearer ${sessionToken({ shop, ...DEMO_CREDENTIALS })}` });

type Section = "shipping" | "support";
const ROUTES: Record<Section, string> = { shipping: "routes/app.policies.shipping", support: "routes/app.policies.support" };
type VersionRow = { version: number; createdBy: string | null; createdAt: string | null; created: string | null; inForce: boolean };
type PageData<F> = { version: number; form: F; versions: VersionRow[]; shopTimeZone?: string; timeZones?: string[] };
type Outcome = { ok: boolean; version?: number; status?: number; errors?: Record<string, string>; formError?: string | null };

async function loadSection<F>(section: Section, headers: Record<string, string> = bearer()): Promise<{ status: number; data: PageData<F>; raw: unknown }> {
  const route = ROUTES[section];
  const response = await browserFetch(`${harness.app.url}/app/policies/${section}.data?_route=${encodeURIComponent(route)}`, { headers });
  const raw = await decodeBody(response);
  return { status: response.status, data: (raw as Record<string, { data?: PageData<F> }>)[route]?.data as PageData<F>, raw };
}

/** The section's save: the whole form as JSON in `policy`, and the version it was opened on. */
async function save(
  section: Section,
  form: unknown,
  baseVersion: number | undefined,
  headers: Record<string, string> = bearer(),
): Promise<{ status: number; data: Outcome; raw: unknown }> {
  const fields: [string, string][] = [["policy", typeof form === "string" ? form : JSON.stringify(form)]];
  if (baseVersion !== undefined) fields.push(["baseVersion", String(baseVersion)]);
  const response = await browserFetch(`${harness.app.url}/app/policies/${section}.data`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const raw = await decodeBody(response);
  return { status: response.status, data: (raw as { data?: Outcome }).data as Outcome, raw };
}

const versionCount = (kind: Section, shop = DEMO_SHOP) => harness.db.policyVersion.count({ where: { shop, kind } });
const shippingDefaults = () => shippingToForm(DEFAULT_SHIPPING_POLICY);
const supportDefaults = () => supportToForm(DEFAULT_SUPPORT_SETTINGS);

describe("policies tabs: the pages the server renders", () => {
  it.each([
    ["/app/policies", "Return policy"],
    ["/app/policies/shipping", "Shipping policy"],
    ["/app/policies/support", "Response targets"],
  ])("GIVEN %s opened in the admin THEN it renders under the three tabs with its own section", async (path, heading) => {
    const response = await browserFetch(harness.shop.embeddedAppUrl(DEMO_SHOP, path));
    const html = await response.text();

    expect(response.status).toBe(200);
    for (const tab of ["Returns", "Shipping", "Support"]) expect(html).toContain(`>${tab}</span>`);
    expect(html).toContain(heading);
  });

  it("GIVEN the support section THEN the time zone select offers the shop's own zone by name", async () => {
    const html = await (await browserFetch(harness.shop.embeddedAppUrl(DEMO_SHOP, "/app/policies/support"))).text();
    expect(html).toContain("Use the shop&#x27;s time zone (America/Toronto)");
  });
});

describe("shipping section", () => {
  it("GIVEN a shop that never saved a shipping policy THEN the defaults load as version 1, in force", async () => {
    const { status, data } = await loadSection<ShippingFormValues>("shipping");

    expect(status).toBe(200);
    expect(data.version).toBe(1);
    expect(data.form).toEqual(shippingDefaults());
    expect(data.versions).toEqual([{ version: 1, createdBy: null, createdAt: null, created: null, inForce: true }]);
  });

  it("GIVEN no session token THEN the section's data is refused", async () => {
    const { raw } = await loadSection("shipping", {});
    expect(JSON.stringify(raw)).toContain("/auth/login");
    expect(JSON.stringify(raw)).not.toContain("processingDays");
  });

  it.each([
    ["the longest processing time below the shortest", (f: ShippingFormValues) => (f.processingDays = { min: "5", max: "2" }), "processingDays.max", /at least the shortest/],
    ["a region's price in fractions of a cent", (f: ShippingFormValues) => (f.regions[1]!.price = "14.955"), "regions.1.price", /whole cents/],
    ["a cut-off after peak season ends", (f: ShippingFormValues) => (f.peakSeason.cutoffs[0]!.date = "2027-01-10"), "peakSeason.cutoffs.0.date", /on or before the end/],
    ["no regions", (f: ShippingFormValues) => (f.regions = []), "regions", /at least one shipping region/],
  ])("GIVEN %s THEN 400 with the error on its field, and nothing is saved", async (_, change, path, message) => {
    const form = shippingDefaults();
    change(form);

    const { status, data } = await save("shipping", form, 1);

    expect(status).toBe(400);
    expect(data).toMatchObject({ ok: false, formError: null });
    expect(data.errors?.[path]).toMatch(message);
    expect(await versionCount("shipping")).toBe(0);
  });

  it("GIVEN a form without the version it was opened on THEN it is refused as unreadable, and nothing is saved", async () => {
    const { status, data } = await save("shipping", { ...shippingDefaults(), freeShippingThreshold: "" }, undefined);
    expect(status).toBe(400);
    expect(data.formError).toMatch(/could not be read/);
    expect(await versionCount("shipping")).toBe(0);
  });

  it("GIVEN no session token THEN a save is refused and nothing is saved", async () => {
    const { raw } = await save("shipping", { ...shippingDefaults(), freeShippingThreshold: "" }, 1, {});
    expect(JSON.stringify(raw)).toContain("/auth/login");
    expect(await versionCount("shipping")).toBe(0);
  });

  it("GIVEN valid changes THEN version 2 is saved with who saved it, and the section loads it in force above the defaults", async () => {
    const form = shippingDefaults();
    form.freeShippingThreshold = "";
    form.carriers = ["Canada Post", "Purolator"];
    form.regions.push({ name: "Yukon", minDays: "5", maxDays: "10", price: "19.95" });
    form.peakSeason.enabled = true;

    const { status, data } = await save("shipping", form, 1);

    expect(status).toBe(200);
    expect(data).toEqual({ ok: true, version: 2 });
    const rows = await harness.db.policyVersion.findMany({ where: { shop: DEMO_SHOP, kind: "shipping" } });
    expect(rows).toEqual([expect.objectContaining({ version: 2, createdBy: DEMO_STAFF })]);
    expect(await currentPolicy(harness.db, DEMO_SHOP, SHIPPING)).toMatchObject({
      version: 2,
      freeShippingThreshold: null,
      carriers: ["Canada Post", "Purolator"],
      regions: expect.arrayContaining([{ name: "Yukon", minDays: 5, maxDays: 10, price: 19.95 }]),
      peakSeason: expect.objectContaining({ enabled: true }),
    });

    const page = await loadSection<ShippingFormValues>("shipping");
    expect(page.data.version).toBe(2);
    expect(page.data.form.freeShippingThreshold).toBe("");
    expect(page.data.versions).toEqual([
      { version: 2, createdBy: DEMO_STAFF, createdAt: expect.any(String), created: expect.any(String), inForce: true },
      { version: 1, createdBy: null, createdAt: null, created: null, inForce: false },
    ]);
  });

  it("GIVEN a form opened on version 1 WHEN saved after version 2 THEN 409, and version 2 stays in force", async () => {
    const { status, data } = await save("shipping", { ...shippingDefaults(), processingDays: { min: "3", max: "4" } }, 1);

    expect(status).toBe(409);
    expect(data.formError).toMatch(/Someone else saved the shipping policy/);
    expect(await versionCount("shipping")).toBe(1);
    expect((await currentPolicy(harness.db, DEMO_SHOP, SHIPPING)).processingDays).toEqual({ min: 1, max: 2 });
  });

  it("GIVEN two saves of the same version at once THEN exactly one is saved and the other is a conflict", async () => {
    const { data: page } = await loadSection<ShippingFormValues>("shipping");
    const outcomes = await Promise.all([
      save("shipping", { ...page.form, processingDays: { min: "2", max: "3" } }, page.version),
      save("shipping", { ...page.form, processingDays: { min: "4", max: "6" } }, page.version),
    ]);

    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(await versionCount("shipping")).toBe(2);
  });
});

describe("support section", () => {
  it("GIVEN a shop that never saved support settings THEN the defaults load as version 1, with the shop's time zone and the zones to choose from", async () => {
    const { status, data } = await loadSection<SupportFormValues>("support");

    expect(status).toBe(200);
    expect(data.version).toBe(1);
    expect(data.form).toEqual(supportDefaults());
    expect(data.form.pages).toEqual({ returns: "/pages/returns", contact: "/pages/contact", faq: "/pages/faq" });
    expect(data.shopTimeZone).toBe("America/Toronto");
    expect(data.timeZones).toEqual(expect.arrayContaining(["America/Toronto", "Europe/Paris", "UTC"]));
    expect(data.versions).toEqual([{ version: 1, createdBy: null, createdAt: null, created: null, inForce: true }]);
  });

  it.each([
    ["an unknown time zone", (f: SupportFormValues) => (f.timeZone = "Mars/Olympus_Mons"), "timeZone", /not a known time zone/],
    ["Monday closing before it opens", (f: SupportFormValues) => (f.businessHours[0] = { closed: false, open: "18:00", close: "08:00" }), "businessHours.0.close", /after opening time/],
    ["a unit the form does not offer", (f: SupportFormValues) => (f.targets.P2.firstResponse = { amount: "3", unit: "days" as never }), "_form", /could not be read/],
    ["a P2 first response longer than its resolution", (f: SupportFormValues) => (f.targets.P2.firstResponse = { amount: "49", unit: "hours" }), "targets.P2.firstResponse", /cannot be longer than its resolution/],
    ["a protocol-relative returns page", (f: SupportFormValues) => (f.pages.returns = "//evil.example/returns"), "pages.returns", /path on your shop/],
    ["a keyword without letters", (f: SupportFormValues) => (f.rules.payment.keywords = "invoice, ???"), "rules.payment.keywords", /"\?\?\?": Keyword needs at least one letter/],
  ])("GIVEN %s THEN 400 with the error on its field, and nothing is saved", async (_, change, path, message) => {
    const form = supportDefaults();
    change(form);

    const { status, data } = await save("support", form, 1);

    expect(status).toBe(400);
    const reported = path === "_form" ? data.formError : data.errors?.[path];
    expect(reported).toMatch(message);
    expect(await versionCount("support")).toBe(0);
  });

  it("GIVEN several problems at once THEN each is reported on its own field", async () => {
    const form = supportDefaults();
    form.timeZone = "Nowhere/City";
    form.segments.vipSpend = "0";
    form.holidays = [{ date: "2026-02-30", name: "" }];

    const { data } = await save("support", form, 1);

    expect(Object.keys(data.errors ?? {}).sort()).toEqual(["holidays.0.date", "holidays.0.name", "segments.vipSpend", "timeZone"]);
    expect(await versionCount("support")).toBe(0);
  });

  it("GIVEN valid settings THEN version 2 is saved with who saved it, in minutes, and the section loads them back as typed", async () => {
    const form = supportDefaults();
    form.timeZone = "America/Vancouver";
    form.businessHours[5] = { closed: false, open: "10:00", close: "14:00" };
    form.holidays = [{ date: "2026-12-25", name: "Christmas Day" }];
    form.targets.P1 = { firstResponse: { amount: "15", unit: "minutes" }, resolution: { amount: "2", unit: "hours" } };
    form.topics.shipping.priority = "P3";
    form.peakSeasonExtra = { amount: "1", unit: "hours" };
    form.rules.product.keywords = "size, fabric\nrestock";
    form.pages.returns = "/pages/retours";

    const { status, data } = await save("support", form, 1);

    expect(status).toBe(200);
    expect(data).toEqual({ ok: true, version: 2 });
    const rows = await harness.db.policyVersion.findMany({ where: { shop: DEMO_SHOP, kind: "support" } });
    expect(rows).toEqual([expect.objectContaining({ version: 2, createdBy: DEMO_STAFF })]);
    const settings = await currentPolicy(harness.db, DEMO_SHOP, SUPPORT);
    expect(settings).toMatchObject({
      version: 2,
      timeZone: "America/Vancouver",
      holidays: [{ date: "2026-12-25", name: "Christmas Day" }],
      targets: expect.objectContaining({ P1: { firstResponseMinutes: 15, resolutionMinutes: 120 } }),
      topics: expect.objectContaining({ shipping: { priority: "P3" } }),
      peakSeasonExtraMinutes: 60,
      pages: { returns: "/pages/retours", contact: "/pages/contact", faq: "/pages/faq" },
    });
    expect(settings.businessHours[5]).toEqual({ open: "10:00", close: "14:00" });
    expect(settings.rules.find((r) => r.category === "product")?.keywords).toEqual(["size", "fabric", "restock"]);

    const page = await loadSection<SupportFormValues>("support");
    expect(page.data.version).toBe(2);
    expect(page.data.form.targets.P1).toEqual(form.targets.P1);
    expect(page.data.form.rules.product.keywords).toBe("size, fabric, restock");
    expect(page.data.versions.map((v) => [v.version, v.createdBy, v.inForce])).toEqual([
      [2, DEMO_STAFF, true],
      [1, null, false],
    ]);
  });

  it("GIVEN a form opened on version 1 WHEN saved after version 2 THEN 409, and version 2 stays in force", async () => {
    const { status, data } = await save("support", { ...supportDefaults(), timeZone: "UTC" }, 1);

    expect(status).toBe(409);
    expect(data.formError).toMatch(/Someone else saved the support settings/);
    expect(await versionCount("support")).toBe(1);
    expect((await currentPolicy(harness.db, DEMO_SHOP, SUPPORT)).timeZone).toBe("America/Vancouver");
  });

  it("GIVEN a body that is not the form THEN it is a form-level error and nothing is saved", async () => {
    const { status, data } = await save("support", '{"timeZone":"UTC"}', 2);
    expect(status).toBe(400);
    expect(data.formError).toMatch(/could not be read/);
    expect(await versionCount("support")).toBe(1);
  });
});

describe("each shop sees and changes only its own documents", () => {
  it("GIVEN another installed shop THEN its sections show its own defaults and time zone, none of this shop's versions", async () => {
    const shipping = await loadSection<ShippingFormValues>("shipping", bearer(OTHER_SHOP));
    const support = await loadSection<SupportFormValues>("support", bearer(OTHER_SHOP));

    expect(shipping.data).toMatchObject({ version: 1, form: shippingDefaults() });
    expect(support.data).toMatchObject({ version: 1, form: supportDefaults(), shopTimeZone: "Europe/Paris" });
    expect(JSON.stringify([shipping.data.versions, support.data.versions])).not.toContain(DEMO_SHOP);
  });

  it("GIVEN the other shop saves on its version 1 THEN it gets its own version 2, and this shop's documents are untouched", async () => {
    const before = await currentPolicy(harness.db, DEMO_SHOP, SUPPORT);

    const { status, data } = await save("support", { ...supportDefaults(), timeZone: "Europe/Paris" }, 1, bearer(OTHER_SHOP));

    expect(status).toBe(200);
    expect(data).toEqual({ ok: true, version: 2 });
    expect(await currentPolicy(harness.db, OTHER_SHOP, SUPPORT)).toMatchObject({ version: 2, timeZone: "Europe/Paris" });
    expect(await currentPolicy(harness.db, DEMO_SHOP, SUPPORT)).toEqual(before);
    expect(await harness.db.policyVersion.findFirst({ where: { shop: OTHER_SHOP, kind: "support" } })).toMatchObject({
      createdBy: DEMO_STAFF,
    });
  });

  it("GIVEN this shop's newer versions WHEN this shop saves on its own latest version THEN the other shop's versions do not count as a conflict", async () => {
    await savePolicy(harness.db, OTHER_SHOP, SHIPPING, { ...DEFAULT_SHIPPING_POLICY, carriers: ["La Poste"] }, "Other staff");
    await savePolicy(harness.db, OTHER_SHOP, SHIPPING, { ...DEFAULT_SHIPPING_POLICY, carriers: ["Colissimo"] }, "Other staff");
    const { data: page } = await loadSection<ShippingFormValues>("shipping");

    const { status } = await save("shipping", { ...page.form, carriers: ["UPS"] }, page.version);

    expect(status).toBe(200);
    expect((await currentPolicy(harness.db, DEMO_SHOP, SHIPPING)).carriers).toEqual(["UPS"]);
    expect((await currentPolicy(harness.db, OTHER_SHOP, SHIPPING)).carriers).toEqual(["Colissimo"]);
    expect(page.versions.map((v) => v.createdBy)).not.toContain("Other staff");
  });
});
