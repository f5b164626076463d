import { describe, expect, it } from "vitest";
import { demoShop, openReturn } from "../../helpers/simulated-returns";

// The @idempotent directive, accepted only where Shopify documents it.

describe("@idempotent", () => {
  it("GIVEN @idempotent on returnProcess, which does not document it, THEN the request is refused and nothing is processed", async () => {
    const shop = demoShop();
    const { ret, line } = openReturn(shop);
    const body = await shop.raw(
      `mutation($input: ReturnProcessInput!) { returnProcess(input: $input) @idempotent(key: "3f1c") { return { id } } }`,
      { input: { returnId: ret.id, returnLineItems: [{ id: line.id, quantity: 1 }] } },
    );
    expect(body.errors).toEqual([expect.objectContaining({ message: "The @idempotent directive is not supported on the returnProcess field.", extensions: { code: "BAD_REQUEST" } })]);
    expect(body.data).toBeUndefined();
    expect(line.processedQuantity).toBe(0);
  });

  it("GIVEN @idempotent on refundCreate, which documents it, THEN it is accepted, but never with a blank key", async () => {
    const shop = demoShop();
    const document = (key: string) =>
      `mutation($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "${key}") { refund { id } userErrors { message } } }`;
    const input = { orderId: shop.order("#1001").id };
    expect((await shop.raw(document("9b2e6c1a"), { input })).errors).toBeUndefined();
    expect((await shop.raw(document("  "), { input })).errors).toEqual([expect.objectContaining({ message: "The idempotency key cannot be blank." })]);
  });
});
