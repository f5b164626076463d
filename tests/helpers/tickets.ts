import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, signedProxyUrl, startHarness, type Harness } from "./harness";
import { decodeBody } from "./remix-data";
import { startSmtpServer } from "./smtp";

// The ticket surfaces as their tests reach them: the contact block's form through the signed app
// proxy, the shopper's links from the outbox, and the Inbox's loaders and actions with a session token.

export type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

/** The built app, installed on the demo shop, its mail captured by a real SMTP server. */
export async function startTicketsApp(): Promise<{ harness: Harness; smtp: Smtp }> {
  const smtp = await startSmtpServer();
  try {
    const harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", SMTP_URL: smtp.url } });
    await installApp(harness);
    return { harness, smtp };
  } catch (error) {
    await smtp.stop();
    throw error;
  }
}

export const OTHER_SHOP = "other-store.myshopify.com";
export const LIAM = { name: "Liam O'Connor", email: "liam.oconnor@example.com", order: "#1017", orderId: "gid://shopify/Order/5017" };
export const LIST_ROUTE = "routes/app.inbox._index";
export const DETAIL_ROUTE = "routes/app.inbox.$id";

export function contactForm(fields: Record<string, string>, attachment?: Uint8Array): FormData {
  const form = new FormData();
  const defaults = { name: LIAM.name, email: LIAM.email, topic: "order_status", message: "Hello, I have a question about my order please.", elapsed: "6500", website: "", locale: "en" };
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) form.set(key, value);
  if (attachment) form.set("attachment", new Blob([new Uint8Array(attachment)], { type: "image/png" }), "photo.png");
  return form;
}

export type ListData = {
  counts: Record<string, number>;
  rows: { id: string; reference: string; priority: string; category: string; status: string; assignee: string | null; sla: { label: string; overdue: boolean } | null }[];
};
export type DetailData = {
  ticket: { reference: string; status: string; priority: string; priorityReasons: string[]; sla: { label: string } | null; orderName: string | null };
  customer: { email: string; segment: string | null };
  order: { ok: boolean; name?: string; state?: string } | null;
  csat: { rating: number; comment: string | null } | null;
  messages: { kind: string; body: string; attachment: { url: string; type: string } | null }[];
  staff: { id: string; name: string }[];
  macros: { id: string; title: string; ok: boolean; text?: string }[];
};
export type Outcome = { ok: boolean; toast?: string; formError?: string | null; fieldErrors?: Record<string, string> };

/** The helpers that reach the running app; `app()` is the file's harness, started in its beforeAll. */
export function ticketsKit(app: () => Harness) {
  let nextAddress = 10;
  /** Each call is another shopper unless told otherwise: the rate limit is per shop and address. */
  const newShopper = () => `203.0.113.${nextAddress++}`;

  /** The contact block's POST as Shopify's proxy forwards it, from one shopper's address. */
  async function contact(fields: Record<string, string>, opts: { from?: string; attachment?: Uint8Array } = {}) {
    const response = await fetch(signedProxyUrl(app().app.url, "/contact"), {
      method: "POST",
      headers: { "X-Forwarded-For": opts.from ?? newShopper() },
      body: contactForm(fields, opts.attachment),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  const ticketByReference = (reference: unknown) => app().db.ticket.findFirstOrThrow({ where: { shop: DEMO_SHOP, reference: String(reference) } });

  /** The link in the latest email of a kind about a ticket, as the shopper would click it. */
  async function linkInEmail(ticketId: string, kind: string, page: "ticket" | "csat"): Promise<URL> {
    const mail = await app().db.outboxMessage.findFirstOrThrow({ where: { relatedId: ticketId, kind }, orderBy: { createdAt: "desc" } });
    const match = mail.text.match(new RegExp(`https://${DEMO_SHOP.replace(/\./g, "\\.")}/apps/support/${page}\\?\\S+`));
    if (!match) throw new Error(`No ${page} link in: ${mail.text}`);
    return new URL(match[0]);
  }

  /** The same link, opened through the simulated storefront (which signs and forwards it like Shopify). */
  const onStorefront = (link: URL) => `${app().shop.url}${link.pathname}${link.search}`;

  const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });

  async function loaderData<T>(path: string, routeId: string, query = ""): Promise<{ status: number; data: T }> {
    const params = new URLSearchParams(query);
    params.set("_route", routeId);
    const response = await browserFetch(`${app().app.url}${path}.data?${params}`, { headers: bearer() });
    const body = (await decodeBody(response)) as Record<string, { data?: T }>;
    return { status: response.status, data: body[routeId]?.data as T };
  }

  async function postForm<T>(path: string, fields: [string, string][]): Promise<{ status: number; data: T }> {
    const response = await browserFetch(`${app().app.url}${path}.data`, {
      method: "POST",
      headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    const body = (await decodeBody(response)) as { data?: T };
    return { status: response.status, data: body.data as T };
  }

  return { newShopper, contact, ticketByReference, linkInEmail, onStorefront, loaderData, postForm };
}
