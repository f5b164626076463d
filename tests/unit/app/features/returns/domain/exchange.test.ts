import { describe, expect, it } from "vitest";
import { checkExchangeChoices, exchangeOptions, type VariantOption } from "../../../../../../app/features/returns/domain/exchange";

/** The Merino Trail Tee as ordered in M at 54.00, and its other variants. */
const ordered = { variantTitle: "M", unitPrice: 54 };
const variant = (title: string, overrides: Partial<VariantOption> = {}): VariantOption => ({
  variantId: `gid://shopify/ProductVariant/${title}`,
  title,
  price: 54,
  availableForSale: true,
  ...overrides,
});

describe("exchangeOptions", () => {
  it("GIVEN other sizes at the same price THEN each is offered, by id and title only", () => {
    expect(exchangeOptions(ordered, [variant("S"), variant("M"), variant("L")])).toEqual([
      { variantId: "gid://shopify/ProductVariant/S", title: "S" },
      { variantId: "gid://shopify/ProductVariant/L", title: "L" },
    ]);
  });

  it("GIVEN a dearer and a cheaper size THEN neither is offered", () => {
    expect(exchangeOptions(ordered, [variant("XL", { price: 59 }), variant("XS", { price: 49.99 }), variant("L")]).map((o) => o.title)).toEqual(["L"]);
  });

  it("GIVEN a price written with other decimals THEN it is the same price, and a cent apart is not", () => {
    expect(exchangeOptions({ variantTitle: "M", unitPrice: 19.99 }, [variant("S", { price: 19.990000001 }), variant("L", { price: 19.98 })]).map((o) => o.title)).toEqual(["S"]);
  });

  it("GIVEN a size sold out THEN it is not offered", () => {
    expect(exchangeOptions(ordered, [variant("S", { availableForSale: false }), variant("L")]).map((o) => o.title)).toEqual(["L"]);
  });

  it("GIVEN a product with one variant THEN nothing is offered", () => {
    expect(exchangeOptions(ordered, [variant("M")])).toEqual([]);
  });
});

describe("checkExchangeChoices", () => {
  const offered = { LINE1: [{ variantId: "v-L", title: "L" }], LINE2: [{ variantId: "v-blue", title: "Harbor Blue" }] };

  it("GIVEN each item names a variant its line offers THEN the variants chosen come back by line, with their titles", () => {
    expect(checkExchangeChoices([{ lineItemId: "LINE1", exchangeVariantId: "v-L" }, { lineItemId: "LINE2", exchangeVariantId: "v-blue" }], offered)).toEqual({
      ok: true,
      chosen: { LINE1: { variantId: "v-L", title: "L" }, LINE2: { variantId: "v-blue", title: "Harbor Blue" } },
    });
  });

  it("GIVEN a variant another line offers (another product) THEN that item is refused on its exchange field", () => {
    const verdict = checkExchangeChoices([{ lineItemId: "LINE1", exchangeVariantId: "v-blue" }], offered);
    expect(verdict).toEqual({ ok: false, errors: [{ lineItemId: "LINE1", field: "exchange", message: expect.stringContaining("same price") }] });
  });

  it("GIVEN a variant no line offers (other price, sold out, made up) THEN it is refused", () => {
    expect(checkExchangeChoices([{ lineItemId: "LINE1", exchangeVariantId: "gid://shopify/ProductVariant/999" }], offered).ok).toBe(false);
  });

  it("GIVEN an item without a variant THEN it is asked for, on that item", () => {
    expect(checkExchangeChoices([{ lineItemId: "LINE1", exchangeVariantId: "v-L" }, { lineItemId: "LINE2" }], offered)).toEqual({
      ok: false,
      errors: [{ lineItemId: "LINE2", field: "exchange", message: "Choose the variant you want instead." }],
    });
  });

  it("GIVEN a line the order does not have THEN it is refused", () => {
    expect(checkExchangeChoices([{ lineItemId: "LINE9", exchangeVariantId: "v-L" }], offered).ok).toBe(false);
  });
});
