import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, installApp, startHarness, type Harness } from "../helpers/harness";
import { BEANIE, deliveredOrder, returnsLookup, submitReturn, waitForStatus } from "../helpers/returns";

// Shopify carries out `returnRequest`, then the answer is lost (a gateway's 502): the request is
// retried, and must end as exactly one Shopify return, linked to our record.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", RETURNS_SYNC_INTERVAL_MS: "200" } });
  await installApp(harness);
});
afterAll(() => harness?.close());

async function requestReturnOfTwo() {
  const order = deliveredOrder(harness, [{ variantId: BEANIE, quantity: 2 }]);
  const lookup = await returnsLookup(harness, { order: order.name, email: order.email });
  expect(lookup.status).toBe(200);
  const response = await submitReturn(harness, { token: lookup.body.token, items: [{ lineItemId: order.lineItemIds[0]!, quantity: 2, reason: "changed-mind" }] });
  expect(response.status).toBe(201);
  const { request } = await response.json();
  return { order, reference: request.reference as string };
}

const shopifyReturns = (orderName: string) => harness.shop.store.findOrderByName(DEMO_SHOP, orderName)!.returns;

describe("returns: an answer lost after Shopify committed", () => {
  it("GIVEN returnRequest's answer lost WHEN the request is retried THEN Shopify holds one return, linked to ours", async () => {
    harness.shop.faults.loseNextMutation = 1;
    const { order, reference } = await requestReturnOfTwo();

    const row = await waitForStatus(harness, reference, "approved");

    expect(harness.shop.stats.answersLost).toBeGreaterThanOrEqual(1);
    const held = shopifyReturns(order.name);
    expect(held).toHaveLength(1);
    expect(row.shopifyReturnId).toBe(held[0]!.id);
    expect(row.syncAttempts).toBeGreaterThanOrEqual(2);
    const events = await harness.db.returnEvent.findMany({ where: { request: { reference } }, orderBy: { at: "asc" } });
    expect(events.filter((e) => e.type === "requested")).toHaveLength(1);
    expect(events.find((e) => e.type === "requested")!.detail).toContain("an earlier answer was lost");
  });

  it("GIVEN twelve requests, each with its first answer lost THEN twelve Shopify returns, not twenty-four", async () => {
    const lostBefore = harness.shop.stats.answersLost;
    const made: { order: { name: string }; reference: string }[] = [];
    for (let i = 0; i < 12; i++) {
      harness.shop.faults.loseNextMutation = 1;
      made.push(await requestReturnOfTwo());
    }
    for (const { reference } of made) await waitForStatus(harness, reference, "approved");

    expect(harness.shop.stats.answersLost - lostBefore).toBe(12);
    for (const { order, reference } of made) {
      const row = await harness.db.returnRequest.findFirstOrThrow({ where: { reference } });
      const held = shopifyReturns(order.name);
      expect(held.map((r) => r.id)).toEqual([row.shopifyReturnId]);
    }
  });
});
