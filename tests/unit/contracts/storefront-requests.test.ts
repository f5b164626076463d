import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

// The services read the app's environment as they load; these tests call none of them, only their schemas.
vi.hoisted(() => {
  process.env.SHOPIFY_API_KEY ??= "contract-test";
  process.env.SHOPIFY_API_SECRET ??= "contract-test";
  process.env.SHOPIFY_APP_URL ??= "https://app.example";
});
import { checkContactForm, ContactFormSchema } from "../../../app/features/tickets/domain/tickets";
import { QuoteSchema, SubmissionSchema } from "../../../app/features/returns/returns.server";
import { SelfServiceEventSchema } from "../../../app/features/dashboard/events.server";
import { LookupSchema } from "../../../app/features/tracking/tracking.server";
import { eventBody, type StorefrontEvent } from "../../../storefront/src/core/proxy";
import { contactExtras, lookupBody, quoteBody, returnRequest } from "../../../storefront/src/payloads";
import { loadBlocks, renderBlock } from "../../../simulator/storefront";

// What each block sends (built by the storefront code itself) against what its proxy route reads
// (the route's own zod schema): a field renamed on one side fails here, not in a shopper's browser.

const src = fileURLToPath(new URL("../../../storefront/src", import.meta.url));
const sources = readdirSync(src, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(`${src}/${f}`, "utf8"))
  .join("\n");
const route = (name: string) => readFileSync(fileURLToPath(new URL(`../../../app/routes/${name}.tsx`, import.meta.url)), "utf8");
const UUID = "3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b";

describe("storefront contract: self-service events (POST /events)", () => {
  // send({ type: … }) in the FAQ block, sendEvent(endpoint, { type: … }) elsewhere.
  const sent = [...sources.matchAll(/\bsend(?:Event\([^,()]+, |\()\{ type: "(\w+)"/g)].map((m) => m[1]!);
  const read = SelfServiceEventSchema.options.map((o) => o.shape.type.value);

  it("GIVEN the event types the blocks send THEN each is one the route reads, and the route reads no other", () => {
    expect(new Set(sent)).toEqual(new Set(read));
  });

  it.each<StorefrontEvent>([
    { type: "faq_view", article: "where-is-my-order" },
    { type: "faq_search", query: "gift wrap", results: 0 },
    { type: "faq_vote", article: "returns-window", helpful: false },
    { type: "deflected", article: "where-is-my-order" },
    { type: "launcher_open" },
  ])("GIVEN a $type event as the blocks send it THEN the route's schema accepts it, with the visitor id", (event) => {
    const body = JSON.parse(JSON.stringify(eventBody(event)));
    expect(SelfServiceEventSchema.safeParse(body).success).toBe(true);
    expect(body.visitor).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });
});

describe("storefront contract: order lookups (tracking and returns POST /lookup)", () => {
  it.each([
    ["an email", "#1001", "ana@example.com", false],
    ["an email while phones are allowed", "1001", "ana@example.com", true],
    ["a phone", "#1001", "+1 (514) 555-0100", true],
  ] as const)("GIVEN %s THEN the body is one LookupSchema accepts", (_case, order, contact, phone) => {
    expect(LookupSchema.safeParse(JSON.parse(JSON.stringify(lookupBody(order, contact, phone).body))).success).toBe(true);
  });

  it("GIVEN the tracking route THEN it reads the visitor from the query, where the block puts it", () => {
    expect(route("proxy.tracking.lookup")).toContain('searchParams.get("visitor")');
    expect(sources).toMatch(/withQuery\(this\.dataset\.endpoint \+ "\/lookup", \{ visitor: visitor\(\) \}\)/);
  });
});

describe("storefront contract: returns (POST /quote, POST /request)", () => {
  const items = [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1, reason: "damaged" }];

  it("GIVEN a quote as the block sends it THEN QuoteSchema accepts it", () => {
    expect(QuoteSchema.safeParse(JSON.parse(quoteBody("tok", "refund", items))).success).toBe(true);
  });

  it("GIVEN a request as the block sends it THEN the token and visitor are in the query, the rest in the form, and SubmissionSchema accepts it", async () => {
    const photo = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" });
    const { query, form } = returnRequest({
      token: "tok",
      visitor: "visitor-1234",
      idempotencyKey: UUID,
      resolution: "exchange",
      locale: "fr-CA",
      items: [{ ...items[0]!, note: "Torn seam", exchangeVariantId: "gid://shopify/ProductVariant/2" }],
      photos: [{ lineItemId: items[0]!.lineItemId, file: photo, name: "tear.png" }],
    });
    // Through a real multipart body, as the server reads it.
    const request = new Request(`https://shop.example/apps/support/returns/request?${new URLSearchParams(query)}`, { method: "POST", body: form });
    const url = new URL(request.url);
    const received = await request.formData();
    expect(received.get("token")).toBeNull();
    expect(url.searchParams.get("visitor")).toBe("visitor-1234");
    const parsed = SubmissionSchema.safeParse({
      token: url.searchParams.get("token"),
      idempotencyKey: received.get("idempotencyKey"),
      resolution: received.get("resolution"),
      items: JSON.parse(String(received.get("items"))),
      locale: received.get("locale"),
    });
    expect(parsed.success).toBe(true);
    // The shopper's language travels with the request and is stored as one we speak.
    expect(parsed.data?.locale).toBe("fr");
    expect(received.get(`photo:${items[0]!.lineItemId}`)).toBeInstanceOf(File);
    // The route counts the return by the visitor in the query.
    expect(route("proxy.returns.request")).toContain('searchParams.get("visitor")');
  });

  it("GIVEN the block's submission THEN it sends the page's locale, and the adapter reads that field", () => {
    expect(sources).toMatch(/returnRequest\(\{[^}]*locale: this\.dataset\.locale/);
    const adapter = readFileSync(fileURLToPath(new URL("../../../app/features/returns/proxy.server.ts", import.meta.url)), "utf8");
    expect(adapter).toContain("locale: form.fields.locale");
  });

  it.each([
    ["de", "de"],
    ["es-MX", "es"],
    ["pt-BR", "en"],
    [undefined, "en"],
  ])("GIVEN the storefront locale %s THEN the request is stored in %s", (sent, stored) => {
    const parsed = SubmissionSchema.parse({ idempotencyKey: UUID, resolution: "refund", items: [{ ...items[0]!, note: "" }], locale: sent });
    expect(parsed.locale).toBe(stored);
  });
});

describe("storefront contract: contact form (POST /contact, multipart)", () => {
  const extensionsDir = fileURLToPath(new URL("../../../extensions", import.meta.url));
  const block = loadBlocks(extensionsDir).find((b) => b.extension === "harbor-support-theme" && b.handle === "contact")!;

  it("GIVEN the rendered form and the fields the script adds THEN every field the schema reads is sent, and a filled form passes the server's check", async () => {
    const html = await renderBlock(block, { extensionsDir, shop: { name: "Demo", domain: "demo.myshopify.com", currency: "CAD" }, locale: "en", assetBase: "/x" }, 0);
    const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
    const controls = [...form.matchAll(/<(?:input|select|textarea)\b[^>]*\sname="(\w+)"/g)].map((m) => m[1]!);
    const extras = contactExtras({ orderToken: "tok", elapsed: 12_000, visitor: "visitor-1234", locale: "fr" });
    const sent = new Set([...controls, ...Object.keys(extras)]);
    expect(Object.keys(ContactFormSchema.shape).filter((k) => !sent.has(k))).toEqual([]);
    const filled: Record<string, string> = { name: "Ana", email: "ana@example.com", topic: "returns", order: "#1001", message: "My parcel never came.", website: "" };
    const verdict = checkContactForm({ ...Object.fromEntries([...sent].map((k) => [k, filled[k] ?? ""])), ...extras }, null);
    expect(verdict.kind).toBe("ok");
  });

  it("GIVEN no order token THEN the form carries no order_token field at all", () => {
    expect(contactExtras({ orderToken: null, elapsed: 1, visitor: "visitor-1234", locale: undefined })).toEqual({ elapsed: "1", visitor: "visitor-1234" });
  });
});
