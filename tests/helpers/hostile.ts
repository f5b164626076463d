import { issueOrderAccessToken } from "../../app/features/tracking/domain/order-access";
import { signTicketToken } from "../../app/features/tickets/domain/tickets";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, signedProxyUrl, type Harness } from "./harness";

/** Every admin route with an action, as its data request (`.data`) posts to it. */
export const ADMIN_ACTIONS = [
  "/app.data?index",
  "/app/faq.data",
  "/app/faq/new.data",
  "/app/import-export.data",
  "/app/inbox/no-such-ticket.data",
  "/app/macros.data",
  "/app/macros/new.data",
  "/app/policies.data?index",
  "/app/policies/shipping.data",
  "/app/policies/support.data",
  "/app/returns.data?index",
  "/app/returns/no-such-request.data",
];

/** A POST to an admin action with a valid session token, whatever the body. */
export function postAdmin(harness: Harness, path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  const bearer = `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}`;
  // duplex: a streamed body (chunked, without Content-Length) needs it in Node's fetch.
  return browserFetch(`${harness.app.url}${path}`, { method: "POST", headers: { Authorization: bearer, ...headers }, body, duplex: "half" } as RequestInit);
}

export const DELIVERED_ORDER_ID = "gid://shopify/Order/5013";

/**
 * Every storefront action, signed as Shopify's proxy forwards it, with the link or order token
 * its body is read behind (valid ones, so that the body is what gets tested).
 */
export function proxyActions(harness: Harness): string[] {
  const now = new Date();
  const secret = DEMO_CREDENTIALS.apiSecret;
  const ticketLink = (purpose: "thread" | "csat") => signTicketToken(secret, { shop: DEMO_SHOP, ticketId: "no-such-ticket", purpose }, now);
  const { token } = issueOrderAccessToken(secret, { shop: DEMO_SHOP, orderId: DELIVERED_ORDER_ID }, now);
  const signed = (path: string, query: Record<string, string> = {}) => signedProxyUrl(harness.app.url, path, { query });
  return [
    signed("/contact"),
    signed("/ticket", { t: ticketLink("thread") }),
    signed("/csat", { t: ticketLink("csat") }),
    signed("/events"),
    signed("/tracking/lookup"),
    signed("/returns/lookup"),
    signed("/returns/quote"),
    signed("/returns/request", { token }),
  ];
}

/** Every table a storefront or admin action writes. */
const WRITTEN_TABLES = [
  "ticket",
  "ticketMessage",
  "outboxMessage",
  "returnRequest",
  "returnRequestItem",
  "returnPhoto",
  "returnEvent",
  "supportEvent",
  "faqVote",
  "faqArticle",
  "faqCategory",
  "macro",
  "policyVersion",
] as const;

/** The rows of each of those tables, to show that a refused request wrote none. */
export async function rowCounts(harness: Harness): Promise<Record<string, number>> {
  const counts = await Promise.all(WRITTEN_TABLES.map((table) => (harness.db[table] as unknown as { count(): Promise<number> }).count()));
  return Object.fromEntries(WRITTEN_TABLES.map((table, i) => [table, counts[i]!]));
}

/** A body a person can read: no stack trace, no source paths. */
export function looksReadable(text: string): boolean {
  return !/\n\s+at [^\n]+:\d+:\d+/.test(text) && !/node_modules|\/work\//.test(text);
}

/**
 * A body of `total` bytes streamed in 64 KB chunks (chunked: no Content-Length), after an optional
 * head; `produced` counts what the server has pulled from it so far.
 */
export function streamedBody(total: number, head: Uint8Array = new Uint8Array(0)) {
  const produced = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced.bytes >= total) return controller.close();
      const piece = produced.bytes === 0 && head.byteLength ? head : chunk;
      produced.bytes += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, produced };
}
