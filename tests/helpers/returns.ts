import type { Harness } from "./harness";

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export async function returnsLookup(harness: Harness, body: Record<string, string>) {
  const response = await fetch(`${harness.shop.url}/apps/support/returns/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export type Line = { lineItemId: string; quantity: number; reason: string; note?: string; exchangeVariantId?: string };

/**
 * The returns block's submission: the token (and the block's visitor id, when given) in the signed
 * query, then multipart with a per-form key, items and photos.
 */
export function submitReturn(
  harness: Harness,
  input: { token: string; visitor?: string; idempotencyKey?: string; resolution?: string; locale?: string; items: Line[]; photos?: Record<string, Uint8Array[]> },
) {
  const form = new FormData();
  form.set("idempotencyKey", input.idempotencyKey ?? crypto.randomUUID());
  form.set("resolution", input.resolution ?? "refund");
  if (input.locale) form.set("locale", input.locale);
  form.set("items", JSON.stringify(input.items));
  for (const [lineItemId, photos] of Object.entries(input.photos ?? {})) {
    for (const photo of photos) form.append(`photo:${lineItemId}`, new Blob([new Uint8Array(photo)]), "photo.png");
  }
  const query = new URLSearchParams({ token: input.token, ...(input.visitor ? { visitor: input.visitor } : {}) });
  return fetch(`${harness.shop.url}/apps/support/returns/request?${query}`, { method: "POST", body: form });
}

/** Waits (bounded) until the app's record of a request reaches a status. */
export async function waitForStatus(harness: Harness, reference: string, status: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await harness.db.returnRequest.findFirst({ where: { reference } });
    if (row?.status === status) return row;
    if (Date.now() > deadline) throw new Error(`${reference} is ${row?.status}, not ${status}${row?.lastSyncError ? ` (${row.lastSyncError})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A new order in the simulated shop, fulfilled and delivered now, for tests that use up its units. */
export function deliveredOrder(harness: Harness, lines: { variantId: string; quantity: number }[], email = `shopper-${crypto.randomUUID().slice(0, 8)}@example.com`) {
  const store = harness.shop.store;
  const shop = store.shops()[0]!.domain;
  const order = store.createOrder(shop, {
    email,
    lineItems: lines,
    shippingAddress: { firstName: "Test", lastName: "Shopper", address1: "1 Water St", city: "Halifax", province: "Nova Scotia", provinceCode: "NS", countryCode: "CA", country: "Canada", zip: "B3H 1A1" },
  });
  const fulfillment = store.createFulfillment(shop, order.id);
  store.markDelivered(shop, fulfillment.id);
  return { name: order.name, email, lineItemIds: order.lineItems.map((l) => l.id) };
}

export const BEANIE = "gid://shopify/ProductVariant/45011";
/** The Merino Trail Tee in S, M and L, all 54.00 in the demo shop. */
export const TEE = { S: "gid://shopify/ProductVariant/45008", M: "gid://shopify/ProductVariant/45009", L: "gid://shopify/ProductVariant/45010" };
export const STORM_CAP_VARIANT = "gid://shopify/ProductVariant/45030";
