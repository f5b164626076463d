import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STARTER_MACROS } from "../../app/features/macros/domain/starters";
import { createMacro } from "../../app/features/macros/repo.server";
import { sessionToken } from "../../simulator/signing";
import {
  browserFetch,
  DEMO_CREDENTIALS,
  DEMO_SHOP,
  installApp,
  startHarness,
  type Harness, DEMO_STAFF } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";

/**
 * The admin's Macros pages, through the built app: list and editor loaders and actions with an
 * App Bridge session token, decoded from Remix's single-fetch stream.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await installApp(harness);
});
afterAll(() => harness?.close());

const LIST_ROUTE = "routes/app.macros._index";
const EDITOR_ROUTE = "routes/app.macros.$id";
const OTHER_SHOP = "other-store.myshopify.com";

const bearer = () => ({
  Authorization: `Bearer ${sessionToken({
    shop: DEMO_SHOP,
    ...DEMO_CREDENTIALS,
  })}`,
});


async function loaderData<T>(
  path: string,
  routeId: string,
  query: Record<string, string> = {}
): Promise<{ status: number; data: T; error: unknown }> {
  const params = new URLSearchParams(query);
  params.set("_route", routeId);
  const response = await browserFetch(
    `${harness.app.url}${path}.data?${params}`,
    { headers: bearer() }
  );
  const body = (await decodeBody(response)) as Record<
    string,
    { data?: T; error?: unknown }
  >;
  return {
    status: response.status,
    data: body[routeId]?.data as T,
    error: body[routeId]?.error,
  };
}

async function postForm<T>(
  path: string,
  fields: Record<string, string>
): Promise<{ status: number; data: T; error: unknown }> {
  const response = await browserFetch(`${harness.app.url}${path}.data`, {
    method: "POST",
    headers: {
      ...bearer(),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  });
  const body = (await decodeBody(response)) as { data?: T; error?: unknown };
  return { status: response.status, data: body.data as T, error: body.error };
}

type ListData = {
  q: string;
  includeArchived: boolean;
  total: number;
  groups: {
    family: string;
    macros: {
      id: string;
      title: string;
      archived: boolean;
      usageCount: number;
      lastUsed: string | null;
    }[];
  }[];
};
type EditorData = {
  macro: { id: string | null; family: string; title: string; body: string };
  families: string[];
};
type SaveOutcome = {
  ok: boolean;
  id?: string;
  created?: boolean;
  errors?: Record<string, string>;
  bodyErrors?: string[];
};
type RowOutcome = { ok: boolean; id?: string; message: string };
type OrderOutcome = {
  ok: boolean;
  orderName?: string;
  message?: string;
  context?: {
    customer: { first_name: string };
    order: { name: string; items_summary: string };
  };
};

const list = (query: Record<string, string> = {}) =>
  loaderData<ListData>("/app/macros", LIST_ROUTE, query);
const titles = (data: ListData) =>
  data.groups.flatMap((g) => g.macros.map((m) => m.title));
const macroCount = (shop = DEMO_SHOP) =>
  harness.db.macro.count({ where: { shop } });

describe("macros list", () => {
  it("GIVEN a shop that never opened Macros THEN the starters are seeded, grouped orders, refunds, technical", async () => {
    const { status, data } = await list();

    expect(status).toBe(200);
    expect(data.total).toBe(STARTER_MACROS.length);
    expect(data.total).toBeGreaterThanOrEqual(9);
    expect(data.groups.map((g) => g.family)).toEqual([
      "orders",
      "refunds",
      "technical",
    ]);
    expect(data.groups[0]?.macros[0]).toMatchObject({
      usageCount: 0,
      lastUsed: null,
      archived: false,
    });
  });

  it("GIVEN the starters are seeded WHEN the list loads again THEN nothing is seeded twice", async () => {
    await list();
    expect(await macroCount()).toBe(STARTER_MACROS.length);
  });

  it("GIVEN a search WHEN it matches a title or a body, in any case THEN only those macros are listed", async () => {
    const byTitle = await list({ q: "PASSWORD" });
    expect(titles(byTitle.data)).toEqual(["Password and account help"]);

    const byBody = await list({ q: "ad blockers" });
    expect(titles(byBody.data)).toEqual(["Checkout or payment error"]);

    const none = await list({ q: "zebra-crossing" });
    expect(none.data.total).toBe(0);
  });

  it("GIVEN no session token THEN the list is refused", async () => {
    const response = await browserFetch(
      `${harness.app.url}/app/macros.data?_route=${encodeURIComponent(
        LIST_ROUTE
      )}`
    );
    const body = JSON.stringify(await decodeBody(response));
    expect(body).toContain("/auth/login");
    expect(body).not.toContain("Password and account help");
  });
});

describe("macro editor: saving", () => {
  it("GIVEN a valid macro in a custom family WHEN created THEN it is stored and listed after the starter families", async () => {
    const { status, data } = await postForm<SaveOutcome>("/app/macros/new", {
      intent: "save",
      title: "Wholesale enquiry",
      family: "Wholesale",
      body: "Hi {{ customer.first_name }},\n\nThanks for your interest in {{ shop.name }} wholesale.",
    });

    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, created: true });
    const row = await harness.db.macro.findUniqueOrThrow({
      where: { id: data.id! },
    });
    expect(row).toMatchObject({
      shop: DEMO_SHOP,
      family: "wholesale",
      title: "Wholesale enquiry",
      createdBy: DEMO_STAFF,
    });

    const after = await list();
    expect(after.data.groups.map((g) => g.family)).toEqual([
      "orders",
      "refunds",
      "technical",
      "wholesale",
    ]);
    const editor = await loaderData<EditorData>(
      `/app/macros/${data.id}`,
      EDITOR_ROUTE
    );
    expect(editor.data.families).toEqual([
      "orders",
      "refunds",
      "technical",
      "wholesale",
    ]);
  });

  it("GIVEN a misspelt variable on line 2 WHEN saved THEN it is refused with its line and column and nothing is written", async () => {
    const before = await macroCount();
    const { status, data } = await postForm<SaveOutcome>("/app/macros/new", {
      intent: "save",
      title: "Typo",
      family: "orders",
      body: "Thanks!\nHello {{ customer.frist_name }}",
    });

    expect(status).toBe(400);
    expect(data.ok).toBe(false);
    expect(data.errors?.body).toMatch(
      /^Line 2, column 10: Unknown variable "customer\.frist_name"; did you mean "customer\.first_name"/
    );
    expect(data.bodyErrors).toHaveLength(1);
    expect(await macroCount()).toBe(before);
  });

  it("GIVEN an unknown filter and an empty title WHEN an existing macro is saved THEN both are refused and the macro is unchanged", async () => {
    const macro = await harness.db.macro.findFirstOrThrow({
      where: { shop: DEMO_SHOP, title: "Refund issued" },
    });
    const { status, data } = await postForm<SaveOutcome>(
      `/app/macros/${macro.id}`,
      {
        intent: "save",
        title: " ",
        family: "refunds",
        body: "{{ order.name | shout }}",
      }
    );

    expect(status).toBe(400);
    expect(data.errors?.title).toMatch(/title/);
    expect(data.errors?.body).toMatch(/^Line 1, column \d+: .*shout/);
    expect(
      await harness.db.macro.findUniqueOrThrow({ where: { id: macro.id } })
    ).toMatchObject({ title: "Refund issued", body: macro.body });
  });

  it("GIVEN an existing macro WHEN saved with a new body THEN it is updated in place", async () => {
    const macro = await harness.db.macro.findFirstOrThrow({
      where: { shop: DEMO_SHOP, title: "Refund issued" },
    });
    const { data } = await postForm<SaveOutcome>(`/app/macros/${macro.id}`, {
      intent: "save",
      title: "Refund issued",
      family: "refunds",
      body: "Refunded {{ order.name }}.",
    });

    expect(data).toEqual({ ok: true, id: macro.id, created: false });
    expect(
      await harness.db.macro.findUniqueOrThrow({ where: { id: macro.id } })
    ).toMatchObject({ body: "Refunded {{ order.name }}." });
  });
});

describe("macro editor: another shop's macro", () => {
  it("GIVEN a macro of another shop THEN the editor is not found and a save to it is refused with 404, leaving it alone", async () => {
    const other = await createMacro(
      harness.db,
      OTHER_SHOP,
      { family: "orders", title: "Theirs", body: "Hi" },
      "Other staff"
    );

    const load = await loaderData<EditorData>(
      `/app/macros/${other.id}`,
      EDITOR_ROUTE
    );
    expect(load.status).toBe(404);
    expect(load.error).toMatchObject({ status: 404 });

    const saved = await postForm<SaveOutcome>(`/app/macros/${other.id}`, {
      intent: "save",
      title: "Mine now",
      family: "orders",
      body: "Hi",
    });
    expect(saved.status).toBe(404);

    const archived = await postForm<RowOutcome>("/app/macros", {
      intent: "archive",
      id: other.id,
    });
    expect(archived.status).toBe(404);
    const duplicated = await postForm<RowOutcome>("/app/macros", {
      intent: "duplicate",
      id: other.id,
    });
    expect(duplicated.status).toBe(404);

    expect(
      await harness.db.macro.findUniqueOrThrow({ where: { id: other.id } })
    ).toMatchObject({ title: "Theirs", archived: false });
    expect(await macroCount(OTHER_SHOP)).toBe(1);
  });
});

describe("macros list: duplicate and archive", () => {
  it("GIVEN a macro WHEN duplicated THEN a copy appears beside it", async () => {
    const macro = await harness.db.macro.findFirstOrThrow({
      where: { shop: DEMO_SHOP, title: "Where is my order?" },
    });
    const { status, data } = await postForm<RowOutcome>("/app/macros", {
      intent: "duplicate",
      id: macro.id,
    });

    expect(status).toBe(200);
    expect(data.ok).toBe(true);
    const copy = await harness.db.macro.findUniqueOrThrow({
      where: { id: data.id! },
    });
    expect(copy).toMatchObject({
      shop: DEMO_SHOP,
      family: "orders",
      title: "Where is my order? (copy)",
      body: macro.body,
      usageCount: 0,
    });
    expect(titles((await list({ q: "where is my order" })).data)).toEqual([
      "Where is my order?",
      "Where is my order? (copy)",
    ]);
  });

  it("GIVEN a macro WHEN archived THEN it leaves the list, shows with archived ones, and comes back when unarchived", async () => {
    const macro = await harness.db.macro.findFirstOrThrow({
      where: { shop: DEMO_SHOP, title: "Where is my order? (copy)" },
    });

    expect(
      (
        await postForm<RowOutcome>("/app/macros", {
          intent: "archive",
          id: macro.id,
        })
      ).data.ok
    ).toBe(true);
    expect(titles((await list()).data)).not.toContain(macro.title);
    const withArchived = await list({ archived: "1" });
    expect(
      withArchived.data.groups
        .flatMap((g) => g.macros)
        .find((m) => m.id === macro.id)
    ).toMatchObject({ archived: true });

    expect(
      (
        await postForm<RowOutcome>("/app/macros", {
          intent: "unarchive",
          id: macro.id,
        })
      ).data.ok
    ).toBe(true);
    expect(titles((await list()).data)).toContain(macro.title);
  });

  it("GIVEN an unknown intent THEN it is refused with 400", async () => {
    const macro = await harness.db.macro.findFirstOrThrow({
      where: { shop: DEMO_SHOP },
    });
    const { status } = await postForm<RowOutcome>("/app/macros", {
      intent: "delete",
      id: macro.id,
    });
    expect(status).toBe(400);
    expect(
      await harness.db.macro.findUnique({ where: { id: macro.id } })
    ).not.toBeNull();
  });
});

describe("macro editor: preview with an order", () => {
  it("GIVEN order #1001 exists THEN its context is returned for the preview", async () => {
    const { status, data } = await postForm<OrderOutcome>("/app/macros/new", {
      intent: "preview-order",
      orderNumber: "1001",
    });

    expect(status).toBe(200);
    expect(data).toMatchObject({
      ok: true,
      orderName: "#1001",
      context: { customer: { first_name: "there" }, order: { name: "#1001" } },
    });
    expect(data.context?.order.items_summary).toMatch(/×/);
  });

  it("GIVEN an order number that does not exist THEN the preview says so", async () => {
    const { status, data } = await postForm<OrderOutcome>("/app/macros/new", {
      intent: "preview-order",
      orderNumber: "#999999",
    });
    expect(status).toBe(404);
    expect(data.message).toMatch(/No order #999999/);
  });
});
