import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_VERSION } from "../../../app/api-version";
import { startSimulator, type Simulator } from "../../../simulator/server";
import { signedToken } from "../../../simulator/signing";
import { DEMO_SHOP_DOMAIN } from "../../../simulator/store";

// The simulated shop's fault injection over real HTTP: lost answers (a gateway status or a cut
// connection) after the work is committed, and seeded probabilistic faults for benchmarks.

const SECRET = "fault-test-secret";
const REQUEST = `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { code } } }`;
// A mutation with no effect: approving a return that does not exist.
const NOOP = `mutation { returnApproveRequest(input: { id: "gid://shopify/Return/1" }) { userErrors { code } } }`;

let shop: Simulator;

beforeEach(async () => {
  shop = await startSimulator({ apiKey: "fault-test-key", apiSecret: SECRET, apiVersion: API_VERSION, webhooks: false });
});

afterEach(async () => {
  await shop.stop();
});

function post(query: string, variables: Record<string, unknown> = {}) {
  return fetch(`${shop.url}/admin/api/${API_VERSION}/graphql.json`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Shop-Domain": DEMO_SHOP_DOMAIN,
      "X-Shopify-Access-Token": signedToken("shpat", { shop: DEMO_SHOP_DOMAIN }, SECRET),
    },
    body: JSON.stringify({ query, variables }),
  });
}

const order = () => shop.store.findOrderByName(DEMO_SHOP_DOMAIN, "#1013")!;
/** A return request for one unit of the delivered demo order #1013. */
const requestOne = (line = 0) =>
  post(REQUEST, { input: { orderId: order().id, returnLineItems: [{ fulfillmentLineItemId: order().fulfillments[0]!.fulfillmentLineItems[line]!.id, quantity: 1 }] } });
const returns = () => order().returns.length;

/** The statuses of `count` no-op mutations; "cut" when no answer came. */
async function statuses(count: number): Promise<Array<number | "cut">> {
  const seen: Array<number | "cut"> = [];
  for (let i = 0; i < count; i++) seen.push(await post(NOOP).then((response) => response.status, () => "cut" as const));
  return seen;
}

describe("simulated shop: lost answers", () => {
  it("GIVEN loseNextMutation in status mode WHEN a mutation is sent THEN it answers 502 although the return was requested", async () => {
    shop.faults.loseNextMutation = 1;
    const response = await requestOne();
    expect(response.status).toBe(502);
    expect(returns()).toBe(1);
    expect(shop.stats.answersLost).toBe(1);
    expect((await requestOne(1)).status).toBe(200);
  });

  it("GIVEN loseMode cut WHEN a mutation is sent THEN the connection closes with no answer, after the work", async () => {
    shop.faults.loseNextMutation = 1;
    shop.faults.loseMode = "cut";
    await expect(requestOne()).rejects.toThrow(TypeError);
    expect(returns()).toBe(1);
    expect(shop.stats.answersLost).toBe(1);
  });

  it("GIVEN loseNextMutation WHEN a query is sent THEN its answer is not lost", async () => {
    shop.faults.loseNextMutation = 1;
    expect((await post(`query { shop { name } }`)).status).toBe(200);
    expect(shop.faults.loseNextMutation).toBe(1);
  });
});

describe("simulated shop: fault rates", () => {
  it("GIVEN a mutation fail rate of 1 WHEN a mutation is sent THEN it is refused with 503 before any work, and queries still pass", async () => {
    shop.faults.mutationFailRate = 1;
    expect((await requestOne()).status).toBe(503);
    expect(returns()).toBe(0);
    expect(shop.stats.faultsInjected).toBe(1);
    expect((await post(`query { shop { name } }`)).status).toBe(200);
  });

  it("GIVEN a mutation lose rate of 1 WHEN a mutation is sent THEN it is committed and its answer lost", async () => {
    shop.faults.mutationLoseRate = 1;
    expect((await requestOne()).status).toBe(502);
    expect(returns()).toBe(1);
    expect(shop.stats.answersLost).toBe(1);
  });

  it("GIVEN rates of 0.3 and a seed THEN some mutations fail, every fault is counted, and the same seed repeats the same run", async () => {
    Object.assign(shop.faults, { mutationFailRate: 0.3, mutationLoseRate: 0.3, loseMode: "cut", faultSeed: 42 });
    const first = await statuses(30);
    expect(first.filter((status) => status === 503).length).toBe(shop.stats.faultsInjected);
    expect(first.filter((status) => status === "cut").length).toBe(shop.stats.answersLost);
    expect(shop.stats.faultsInjected).toBeGreaterThan(0);
    expect(shop.stats.answersLost).toBeGreaterThan(0);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(0);

    const reset = await fetch(`${shop.url}/simulator/faults`, { method: "POST", body: JSON.stringify({ faultSeed: 42 }) });
    expect(reset.status).toBe(200);
    expect(await statuses(30)).toEqual(first);
  });

  it("GIVEN POST /simulator/faults THEN the new options are set, and out-of-range values are ignored", async () => {
    const response = await fetch(`${shop.url}/simulator/faults`, {
      method: "POST",
      body: JSON.stringify({ loseMode: "cut", mutationFailRate: 0.25, mutationLoseRate: 2, faultSeed: 7 }),
    });
    expect(await response.json()).toMatchObject({ loseMode: "cut", mutationFailRate: 0.25, mutationLoseRate: 0, faultSeed: 7 });
    await fetch(`${shop.url}/simulator/faults`, { method: "POST", body: JSON.stringify({ loseMode: "drop" }) });
    expect(shop.faults.loseMode).toBe("cut");
  });
});
