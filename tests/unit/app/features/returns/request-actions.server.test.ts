import { describe, expect, it } from "vitest";
import type { Db } from "../../../../../app/db-client.server";
import type { ReturnsContext } from "../../../../../app/features/returns/context.server";
import { submitRequestAction, type RequestActionDeps } from "../../../../../app/features/returns/request-actions.server";
import type { AdminGraphql } from "../../../../../app/shopify.server";

const SHOP = "harbor-demo.myshopify.com";
const STAFF = "Maya Chen <maya@example.com>";
const ID = "req_1";

type Call = { useCase: string; args: unknown[] };
type Answer = { ok: true; toast: string } | { ok: false; status: number; error: string };

/**
 * Stand-ins for the use cases: each records what it was given and answers `answers[name]` (by
 * default "done"). The database answers only the decisions' lookup of the request.
 */
function setUp(options: { answers?: Record<string, Answer>; decision?: { ok: true } | { ok: false; status: number; error: string }; request?: Record<string, unknown> | null } = {}) {
  const calls: Call[] = [];
  const answer = (useCase: string) => async (...args: unknown[]) => {
    calls.push({ useCase, args: args.slice(1) });
    return options.answers?.[useCase] ?? { ok: true as const, toast: `${useCase} done` };
  };
  const request = options.request === undefined ? { id: ID, status: "requested", rules: "[]", resolution: "refund", pendingStep: null } : options.request;
  const db = { returnRequest: { findFirst: async () => request } } as unknown as Db;
  const ctx: ReturnsContext = { shop: SHOP, graphql: (async () => new Response("{}")) as unknown as AdminGraphql, db };
  const deps = {
    decide: async (...args: unknown[]) => {
      calls.push({ useCase: "decide", args: args.slice(1) });
      return options.decision ?? { ok: true };
    },
    syncDueRequests: async () => 0,
    attachLabel: answer("attachLabel"),
    markReturned: answer("markReturned"),
    receiveItems: answer("receiveItems"),
    issueSettlement: answer("issueSettlement"),
    retryRefusedStep: answer("retryRefusedStep"),
  } as unknown as RequestActionDeps;
  return { ctx, deps, calls };
}

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

async function post(entries: [string, string][], options: Parameters<typeof setUp>[0] = {}) {
  const { ctx, deps, calls } = setUp(options);
  const outcome = await submitRequestAction(ctx, deps, ID, STAFF, form(entries));
  return { outcome, calls };
}

describe("attach_label", () => {
  it("GIVEN a label link, tracking number, tracking link and carrier THEN attachLabel gets them trimmed, for this request and staff member", async () => {
    const { outcome, calls } = await post([
      ["intent", "attach_label"],
      ["labelUrl", " https://labels.example.com/R-1001.pdf "],
      ["trackingNumber", " 1Z999AA10123456784 "],
      ["trackingUrl", "https://track.example.com/1Z999AA10123456784"],
      ["carrierName", "UPS"],
    ]);
    expect(outcome).toEqual({ ok: true, intent: "attach_label", toast: "attachLabel done" });
    expect(calls).toEqual([
      {
        useCase: "attachLabel",
        args: [
          ID,
          STAFF,
          { labelUrl: "https://labels.example.com/R-1001.pdf", trackingNumber: "1Z999AA10123456784", trackingUrl: "https://track.example.com/1Z999AA10123456784", carrierName: "UPS" },
        ],
      },
    ]);
  });

  it("GIVEN an uploaded label file and no link THEN attachLabel gets the file's bytes", async () => {
    const { ctx, deps, calls } = setUp();
    const data = form([["intent", "attach_label"]]);
    data.append("labelFile", new File([new TextEncoder().encode("%PDF-1.7 label")], "label.pdf", { type: "application/pdf" }));
    const outcome = await submitRequestAction(ctx, deps, ID, STAFF, data);
    expect(outcome).toMatchObject({ ok: true, intent: "attach_label" });
    const given = calls[0]!.args[2] as { labelFile?: Uint8Array };
    expect(new TextDecoder().decode(given.labelFile)).toBe("%PDF-1.7 label");
  });

  it("GIVEN an empty file field (nothing chosen) and nothing else THEN the label is asked for", async () => {
    const { ctx, deps, calls } = setUp();
    const data = form([["intent", "attach_label"]]);
    data.append("labelFile", new File([], ""));
    const outcome = await submitRequestAction(ctx, deps, ID, STAFF, data);
    expect(outcome).toMatchObject({ ok: false, status: 400, fieldErrors: { labelUrl: "Give the label (a link or a file) or a tracking number." } });
    expect(calls).toEqual([]);
  });

  it("GIVEN only a tracking number THEN the empty fields are left out, not sent as empty text", async () => {
    const { calls } = await post([
      ["intent", "attach_label"],
      ["labelUrl", ""],
      ["trackingNumber", "TRK123"],
      ["trackingUrl", "  "],
      ["carrierName", ""],
    ]);
    expect(calls[0]!.args[2]).toEqual({ labelUrl: undefined, trackingNumber: "TRK123", trackingUrl: undefined, carrierName: undefined });
  });

  it.each([
    ["an http link", "http://labels.example.com/a.pdf"],
    ["a script link", "javascript:alert(1)"],
    ["not a link", "label.pdf"],
  ])("GIVEN %s as the label THEN 400 beside the label field and nothing is attached", async (_case, labelUrl) => {
    const { outcome, calls } = await post([
      ["intent", "attach_label"],
      ["labelUrl", labelUrl],
      ["trackingNumber", "TRK123"],
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 400, intent: "attach_label", fieldErrors: { labelUrl: expect.stringMatching(/https:\/\//) } });
    expect(calls).toEqual([]);
  });

  it("GIVEN a tracking number of 65 characters THEN 400 beside the tracking number", async () => {
    const { outcome, calls } = await post([
      ["intent", "attach_label"],
      ["trackingNumber", "9".repeat(65)],
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 400, fieldErrors: { trackingNumber: "Keep the tracking number to 64 characters or fewer." } });
    expect(calls).toEqual([]);
  });

  it("GIVEN neither a label link nor a tracking number THEN 400 asking for one of them", async () => {
    const { outcome, calls } = await post([
      ["intent", "attach_label"],
      ["carrierName", "UPS"],
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 400, fieldErrors: { labelUrl: "Give the label (a link or a file) or a tracking number." } });
    expect(calls).toEqual([]);
  });

  it("GIVEN the use case refuses (the request is not approved) THEN its status and words are the form's error", async () => {
    const { outcome } = await post(
      [
        ["intent", "attach_label"],
        ["trackingNumber", "TRK123"],
      ],
      { answers: { attachLabel: { ok: false, status: 409, error: "This request is closed: a label goes on an approved return." } } },
    );
    expect(outcome).toEqual({
      ok: false,
      intent: "attach_label",
      status: 409,
      formError: "This request is closed: a label goes on an approved return.",
      fieldErrors: {},
    });
  });
});

describe("mark_returned and retry_step", () => {
  it("GIVEN 'Parcel arrived' THEN markReturned is called for the staff member", async () => {
    const { outcome, calls } = await post([["intent", "mark_returned"]]);
    expect(outcome).toMatchObject({ ok: true, intent: "mark_returned" });
    expect(calls).toEqual([{ useCase: "markReturned", args: [ID, STAFF] }]);
  });

  it("GIVEN 'Try again' on a refused step THEN retryRefusedStep is called, and its refusal comes back as is", async () => {
    const { outcome, calls } = await post([["intent", "retry_step"]], {
      answers: { retryRefusedStep: { ok: false, status: 422, error: "Shopify refused this step: see the request's timeline, correct it and try again." } },
    });
    expect(calls).toEqual([{ useCase: "retryRefusedStep", args: [ID, STAFF] }]);
    expect(outcome).toMatchObject({ ok: false, status: 422, intent: "retry_step", formError: expect.stringMatching(/^Shopify refused/) });
  });
});

describe("receive_items", () => {
  it("GIVEN counts for two items and a note THEN receiveItems gets one line per item, in numbers", async () => {
    const { outcome, calls } = await post([
      ["intent", "receive_items"],
      ["restocked.item_a", "2"],
      ["notRestocked.item_a", "0"],
      ["missing.item_a", "1"],
      ["restocked.item_b", "0"],
      ["notRestocked.item_b", "1"],
      ["missing.item_b", "0"],
      ["inspectionNote", "  Seam torn on the jacket.  "],
    ]);
    expect(outcome).toMatchObject({ ok: true, intent: "receive_items" });
    expect(calls).toEqual([
      {
        useCase: "receiveItems",
        args: [
          ID,
          STAFF,
          {
            lines: [
              { itemId: "item_a", restocked: 2, notRestocked: 0, missing: 1 },
              { itemId: "item_b", restocked: 0, notRestocked: 1, missing: 0 },
            ],
            note: "Seam torn on the jacket.",
          },
        ],
      },
    ]);
  });

  it("GIVEN an emptied count THEN it counts as 0", async () => {
    const { calls } = await post([
      ["intent", "receive_items"],
      ["restocked.item_a", "1"],
      ["notRestocked.item_a", ""],
      ["missing.item_a", " "],
    ]);
    expect(calls[0]!.args[2]).toEqual({ lines: [{ itemId: "item_a", restocked: 1, notRestocked: 0, missing: 0 }], note: undefined });
  });

  it.each([["-1"], ["1.5"], ["two"], ["1e2"]])("GIVEN %j as a count THEN 400 beside that item's field and nothing is recorded", async (count) => {
    const { outcome, calls } = await post([
      ["intent", "receive_items"],
      ["restocked.item_a", "1"],
      ["notRestocked.item_a", "0"],
      ["missing.item_a", count],
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 400, fieldErrors: { "missing.item_a": "Enter a whole number of units, 0 or more." } });
    expect(calls).toEqual([]);
  });

  it("GIVEN no counts at all THEN 400 for the form, asking for each item", async () => {
    const { outcome, calls } = await post([["intent", "receive_items"]]);
    expect(outcome).toMatchObject({ ok: false, status: 400, formError: "Record what came back for each item." });
    expect(calls).toEqual([]);
  });

  it("GIVEN counts that do not add up THEN the use case's message is the form's error", async () => {
    const { outcome } = await post(
      [
        ["intent", "receive_items"],
        ["restocked.item_a", "1"],
        ["notRestocked.item_a", "0"],
        ["missing.item_a", "0"],
      ],
      { answers: { receiveItems: { ok: false, status: 400, error: "Harbor Rain Shell: the restocked, not restocked and missing units must add up to 2." } } },
    );
    expect(outcome).toMatchObject({ ok: false, status: 400, formError: expect.stringMatching(/must add up to 2/) });
  });
});

describe("issue_money", () => {
  it("GIVEN amounts typed as text THEN issueSettlement gets integer cents and the reason", async () => {
    const { outcome, calls } = await post([
      ["intent", "issue_money"],
      ["refund", "45.5"],
      ["bonus", "5"],
      ["reason", "Shipping was our fault"],
    ]);
    expect(outcome).toMatchObject({ ok: true, intent: "issue_money" });
    expect(calls).toEqual([{ useCase: "issueSettlement", args: [ID, STAFF, { refundCents: 4550, bonusCents: 500 }, "Shipping was our fault"] }]);
  });

  it("GIVEN no amount fields (nothing to pay back) THEN the proposal is confirmed as it is", async () => {
    const { calls } = await post([["intent", "issue_money"]]);
    expect(calls).toEqual([{ useCase: "issueSettlement", args: [ID, STAFF, {}, undefined] }]);
  });

  it.each([
    ["-10", "An amount cannot be negative."],
    ["10.005", "Use at most 2 decimals: amounts are in cents."],
    ["ten", "Enter the amount as a number, like 12.50."],
    ["", "Enter an amount, or 0 to issue nothing."],
  ])("GIVEN %j as the refund THEN 400 beside the refund field and no money moves", async (refund, message) => {
    const { outcome, calls } = await post([
      ["intent", "issue_money"],
      ["refund", refund],
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 400, fieldErrors: { refund: message } });
    expect(calls).toEqual([]);
  });

  it("GIVEN a raised amount without a reason THEN the use case's refusal is shown beside the reason field", async () => {
    const { outcome } = await post(
      [
        ["intent", "issue_money"],
        ["refund", "60"],
      ],
      { answers: { issueSettlement: { ok: false, status: 400, error: "Raising the amount needs a reason." } } },
    );
    expect(outcome).toEqual({ ok: false, intent: "issue_money", status: 400, formError: null, fieldErrors: { reason: "Raising the amount needs a reason." } });
  });

  it("GIVEN a reason and a refusal all the same (more than was paid) THEN it is the form's error, not the reason's", async () => {
    const { outcome } = await post(
      [
        ["intent", "issue_money"],
        ["refund", "900"],
        ["reason", "Goodwill"],
      ],
      { answers: { issueSettlement: { ok: false, status: 400, error: "The refund cannot pass what was paid (120.00)." } } },
    );
    expect(outcome).toMatchObject({ ok: false, status: 400, formError: "The refund cannot pass what was paid (120.00).", fieldErrors: {} });
  });
});

describe("decisions through the same dispatcher", () => {
  it("GIVEN approve THEN decide is asked to approve with the message", async () => {
    const { outcome, calls } = await post([
      ["intent", "approve"],
      ["message", "Approved: sorry about the seam."],
    ]);
    expect(outcome).toEqual({ ok: true, intent: "approve", toast: "Return approved" });
    expect(calls).toEqual([{ useCase: "decide", args: [ID, STAFF, { kind: "approve", message: "Approved: sorry about the seam.", overrideReason: undefined, fallback: undefined }] }]);
  });

  it("GIVEN an exchange whose variant sold out WHEN approved THEN 409 with decide's words and the refund / store-credit choice offered", async () => {
    const soldOut = "Rain Shell / M / Navy is sold out. Approve it as a refund or store credit instead, or decline it.";
    const { outcome } = await post([["intent", "approve"]], {
      request: { id: ID, status: "requested", rules: "[]", resolution: "exchange", pendingStep: null },
      decision: { ok: false, status: 409, error: soldOut },
    });
    expect(outcome).toEqual({ ok: false, intent: "approve", status: 409, formError: soldOut, fieldErrors: {}, offerFallback: true });
  });

  it("GIVEN a refund request answered 409 (already decided) THEN no choice is offered", async () => {
    const { outcome } = await post([["intent", "approve"]], {
      request: { id: ID, status: "approved", rules: "[]", resolution: "refund", pendingStep: null },
      decision: { ok: false, status: 409, error: "This request is approved; only requested returns can be approved or declined." },
    });
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    expect(outcome).not.toHaveProperty("offerFallback");
  });

  it("GIVEN 'Approve as store credit' THEN decide gets the fallback and the toast says what was approved", async () => {
    const { outcome, calls } = await post(
      [
        ["intent", "approve"],
        ["fallback", "store_credit"],
      ],
      { request: { id: ID, status: "requested", rules: "[]", resolution: "exchange", pendingStep: null } },
    );
    expect(calls[0]!.args[2]).toMatchObject({ kind: "approve", fallback: "store_credit" });
    expect(outcome).toEqual({ ok: true, intent: "approve", toast: "Return approved as store credit" });
  });

  it("GIVEN a fallback that is not refund or store credit THEN 400 and decide is not asked", async () => {
    const { outcome, calls } = await post([
      ["intent", "approve"],
      ["fallback", "exchange"],
    ]);
    expect(outcome).toMatchObject({ ok: false, status: 400, fieldErrors: { fallback: "Choose a refund or store credit instead of the exchange." } });
    expect(calls).toEqual([]);
  });

  it("GIVEN a request of another shop (or none) THEN 404", async () => {
    const { outcome, calls } = await post([["intent", "approve"]], { request: null });
    expect(outcome).toMatchObject({ ok: false, status: 404 });
    expect(calls).toEqual([]);
  });
});

describe("unreadable forms", () => {
  it.each([
    ["an unknown intent", [["intent", "delete"]]],
    ["no intent", [["refund", "10"]]],
  ] as [string, [string, string][]][])("GIVEN %s THEN 400 asking to reload, and nothing runs", async (_case, entries) => {
    const { outcome, calls } = await post(entries);
    expect(outcome).toMatchObject({ ok: false, status: 400, formError: "Unknown action: reload the page and try again." });
    expect(calls).toEqual([]);
  });
});
