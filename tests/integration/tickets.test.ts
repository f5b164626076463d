import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTicketToken } from "../../app/features/tickets/domain/tickets";
import { sessionToken } from "../../simulator/signing";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, installApp, signedProxyUrl, startHarness, type Harness } from "../helpers/harness";
import { decodeBody } from "../helpers/remix-data";
import { PNG } from "../helpers/returns";
import { startSmtpServer } from "../helpers/smtp";
import { lookupOrder } from "../helpers/tracking";

/**
 * A ticket's whole life through the built app: the contact block's form (signed app-proxy
 * requests), the Inbox (admin requests with a session token), the shopper's signed thread link
 * and the satisfaction survey, with mail captured by a real SMTP server.
 */

let harness: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  harness = await startHarness({ env: { TRACKING_LOOKUP_LIMIT: "1000", SMTP_URL: smtp.url } });
  await installApp(harness);
});
afterAll(async () => {
  await harness?.close();
  await smtp?.stop();
});

const OTHER_SHOP = "other-store.myshopify.com";
const LIAM = { name: "Liam O'Connor", email: "liam.oconnor@example.com", order: "#1017", orderId: "gid://shopify/Order/5017" };
const LIST_ROUTE = "routes/app.inbox._index";
const DETAIL_ROUTE = "routes/app.inbox.$id";

// ---- the storefront ------------------------------------------------------------------------------

let nextAddress = 10;
/** Each call is another shopper unless told otherwise: the rate limit is per shop and address. */
const newShopper = () => `203.0.113.${nextAddress++}`;

function contactForm(fields: Record<string, string>, attachment?: Uint8Array): FormData {
  const form = new FormData();
  const defaults = { name: LIAM.name, email: LIAM.email, topic: "order_status", message: "Hello, I have a question about my order please.", elapsed: "6500", website: "", locale: "en" };
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) form.set(key, value);
  if (attachment) form.set("attachment", new Blob([new Uint8Array(attachment)], { type: "image/png" }), "photo.png");
  return form;
}

/** The contact block's POST as Shopify's proxy forwards it, from one shopper's address. */
async function contact(fields: Record<string, string>, opts: { from?: string; attachment?: Uint8Array } = {}) {
  const response = await fetch(signedProxyUrl(harness.app.url, "/contact"), {
    method: "POST",
    headers: { "X-Forwarded-For": opts.from ?? newShopper() },
    body: contactForm(fields, opts.attachment),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const ticketByReference = (reference: unknown) => harness.db.ticket.findFirstOrThrow({ where: { shop: DEMO_SHOP, reference: String(reference) } });

/** The link in the latest email of a kind about a ticket, as the shopper would click it. */
async function linkInEmail(ticketId: string, kind: string, page: "ticket" | "csat"): Promise<URL> {
  const mail = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: ticketId, kind }, orderBy: { createdAt: "desc" } });
  const match = mail.text.match(new RegExp(`https://${DEMO_SHOP.replace(/\./g, "\\.")}/apps/support/${page}\\?\\S+`));
  if (!match) throw new Error(`No ${page} link in: ${mail.text}`);
  return new URL(match[0]);
}

/** The same link, opened through the simulated storefront (which signs and forwards it like Shopify). */
const onStorefront = (link: URL) => `${harness.shop.url}${link.pathname}${link.search}`;

// ---- the admin -----------------------------------------------------------------------------------

const bearer = () => ({ Authorization: `Bearer ${sessionToken({ shop: DEMO_SHOP, ...DEMO_CREDENTIALS })}` });

async function loaderData<T>(path: string, routeId: string, query = ""): Promise<{ status: number; data: T }> {
  const params = new URLSearchParams(query);
  params.set("_route", routeId);
  const response = await browserFetch(`${harness.app.url}${path}.data?${params}`, { headers: bearer() });
  const body = (await decodeBody(response)) as Record<string, { data?: T }>;
  return { status: response.status, data: body[routeId]?.data as T };
}

async function postForm<T>(path: string, fields: [string, string][]): Promise<{ status: number; data: T }> {
  const response = await browserFetch(`${harness.app.url}${path}.data`, {
    method: "POST",
    headers: { ...bearer(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const body = (await decodeBody(response)) as { data?: T };
  return { status: response.status, data: body.data as T };
}

type ListData = {
  counts: Record<string, number>;
  rows: { id: string; reference: string; priority: string; category: string; status: string; assignee: string | null; sla: { label: string; overdue: boolean } | null }[];
};
type DetailData = {
  ticket: { reference: string; status: string; priority: string; priorityReasons: string[]; sla: { label: string } | null; orderName: string | null };
  customer: { email: string; segment: string | null };
  order: { ok: boolean; name?: string; state?: string } | null;
  csat: { rating: number; comment: string | null } | null;
  messages: { kind: string; body: string; attachment: { url: string; type: string } | null }[];
  staff: { id: string; name: string }[];
  macros: { id: string; title: string; ok: boolean; text?: string }[];
};
type Outcome = { ok: boolean; toast?: string; formError?: string | null; fieldErrors?: Record<string, string> };

// ---------------------------------------------------------------------------------------------

describe("the contact form", () => {
  let reference: unknown;

  it("GIVEN a shopper's message about their order THEN they get a reference and a response promise", async () => {
    const { status, body, headers } = await contact({ order: "1017", message: "My order has not arrived yet and the tracking has not moved in a week." });
    expect(status).toBe(201);
    expect(body.reference).toMatch(/^HS-[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{6}$/);
    // The promise the block showed before sending (the policy endpoint's, for the topic).
    const policy = (await (await fetch(signedProxyUrl(harness.app.url, "/policy"))).json()) as { support: { topics: { topic: string; minutes: number }[] } };
    const minutes = policy.support.topics.find((t) => t.topic === "order_status")!.minutes;
    expect(body.promise).toEqual({ minutes, dueAt: expect.any(String), openNow: expect.any(Boolean) });
    expect(headers.get("cache-control")).toBe("private, no-store");
    reference = body.reference;
  });

  it("GIVEN that message THEN the ticket is categorised, prioritised with its reasons and given SLA deadlines", async () => {
    const ticket = await ticketByReference(reference);
    expect(ticket).toMatchObject({ status: "open", topic: "order_status", category: "order_status", priority: "P1", customerEmail: LIAM.email });
    expect(JSON.parse(ticket.priorityReasons)).toContain("Order not received → P1");
    expect(ticket.subject).toMatch(/^My order has not arrived yet/);
    expect(ticket.responseDueAt.getTime()).toBeGreaterThan(ticket.createdAt.getTime());
    expect(ticket.resolutionDueAt.getTime()).toBeGreaterThan(ticket.responseDueAt.getTime());
  });

  it("GIVEN the order number and the order's own email THEN the order is attached and the customer segmented", async () => {
    expect(await ticketByReference(reference)).toMatchObject({ orderId: LIAM.orderId, orderName: "#1017", segment: "new" });
  });

  it("GIVEN a stored ticket THEN the shopper receives a receipt with the reference and the thread link over SMTP", async () => {
    const ticket = await ticketByReference(reference);
    const mail = smtp.received.find((m) => m.to.includes(LIAM.email) && m.subject.includes(String(reference)));
    expect(mail?.subject).toBe(`We received your message ${reference}`);
    const link = await linkInEmail(ticket.id, "ticket_received", "ticket");
    expect(link.searchParams.get("t")).toMatch(new RegExp(`^${ticket.id}\\.\\d+\\.`));
    expect(await harness.db.outboxMessage.findFirst({ where: { relatedId: ticket.id, kind: "ticket_received" } })).toMatchObject({ status: "sent" });
  });

  it("GIVEN the receipt THEN it does not repeat the shopper's message", async () => {
    const ticket = await ticketByReference(reference);
    const receipt = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: ticket.id, kind: "ticket_received" } });
    expect(receipt.text).not.toContain("tracking has not moved");
  });

  it("GIVEN an order number whose email is not the shopper's THEN only the number is kept, and the answer is the same", async () => {
    const { status, body } = await contact({ email: "someone.else@example.com", order: "#1017", message: "Can you tell me what is in this order please?" });
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(["promise", "reference"]);
    expect(await ticketByReference(body.reference)).toMatchObject({ orderId: null, orderName: "#1017", segment: null });
  });

  it("GIVEN an order number written in the message of a five-order customer THEN it is detected, attached and the customer is VIP", async () => {
    const { body } = await contact({ name: "Maya Chen", email: "Maya.Chen@example.com", topic: "product", message: "About order #1001: does the jacket come in navy?" });
    expect(await ticketByReference(body.reference)).toMatchObject({ orderName: "#1001", orderId: expect.stringMatching(/^gid:\/\/shopify\/Order\//), segment: "vip", customerEmail: "maya.chen@example.com" });
  });

  it("GIVEN the order token from the tracking block THEN its order is attached without typing the number", async () => {
    const lookup = await lookupOrder(harness, { order: LIAM.order, email: LIAM.email });
    const { token } = (await lookup.json()) as { token: string };
    const { body } = await contact({ order_token: token, topic: "shipping", message: "Could you deliver it to my office instead?" });
    expect(await ticketByReference(body.reference)).toMatchObject({ orderId: LIAM.orderId, orderName: "#1017" });
  });

  it("GIVEN a photo THEN it is stored with the first message, typed by its content", async () => {
    const { status, body } = await contact({ topic: "returns", message: "The zipper of my jacket arrived broken, photo attached." }, { attachment: PNG });
    expect(status).toBe(201);
    const ticket = await ticketByReference(body.reference);
    const [message] = await harness.db.ticketMessage.findMany({ where: { ticketId: ticket.id } });
    expect(message).toMatchObject({ kind: "customer", attachmentType: "image/png", attachmentSize: PNG.length });
  });

  it("GIVEN the honeypot filled THEN the bot gets a plausible 201 and nothing is stored or sent", async () => {
    const [tickets, mails] = [await harness.db.ticket.count(), smtp.received.length];
    const { status, body } = await contact({ website: "https://cheap-pills.example", email: "victim@example.com" });
    expect(status).toBe(201);
    expect(body.reference).toMatch(/^HS-[A-Z2-9]{6}$/);
    expect(await harness.db.ticket.count()).toBe(tickets);
    expect(smtp.received.length).toBe(mails);
  });

  it("GIVEN a form sent within three seconds of showing it THEN it is refused as too fast and nothing is stored", async () => {
    const tickets = await harness.db.ticket.count();
    const { status, body } = await contact({ elapsed: "900" });
    expect(status).toBe(422);
    expect(body).toEqual({ error: "too_fast" });
    expect(await harness.db.ticket.count()).toBe(tickets);
  });

  it("GIVEN invalid fields and a file that is not an image THEN each field gets its code", async () => {
    const form = contactForm({ email: "liam@", topic: "nope", message: "short" });
    form.set("attachment", new Blob(["<svg/>"]), "x.svg");
    const response = await fetch(signedProxyUrl(harness.app.url, "/contact"), { method: "POST", headers: { "X-Forwarded-For": newShopper() }, body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid", fields: { email: "email", topic: "topic", message: "too_short", attachment: "photo_type" } });
  });

  it("GIVEN five forms from one shopper in ten minutes THEN the sixth is refused with Retry-After", async () => {
    const from = newShopper();
    for (let n = 0; n < 5; n++) expect((await contact({ elapsed: "10" }, { from })).status).toBe(422);
    const refused = await contact({}, { from });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("GIVEN the limit reached by one shopper THEN another shopper can still write", async () => {
    expect((await contact({})).status).toBe(201);
  });

  it("GIVEN a form sent through the storefront's app proxy THEN it is accepted", async () => {
    const response = await fetch(`${harness.shop.url}/apps/support/contact`, { method: "POST", body: contactForm({ message: "Sent through the storefront proxy, thank you." }) });
    expect(response.status).toBe(201);
  });

  it("GIVEN a form without the proxy's signature THEN it is refused", async () => {
    const url = new URL(signedProxyUrl(harness.app.url, "/contact"));
    url.searchParams.set("signature", "0".repeat(64));
    expect((await fetch(url, { method: "POST", body: contactForm({}) })).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a ticket's life in the inbox and on the shopper's link", () => {
  let id: string;
  let reference: string;

  beforeAll(async () => {
    const { body } = await contact({ order: "#1017", topic: "order_status", message: "Hi, when will my order #1017 ship? I need it for a trip next week." });
    const ticket = await ticketByReference(body.reference);
    id = ticket.id;
    reference = ticket.reference;
  });

  it("GIVEN a new ticket THEN the Open tab lists it with its priority, category and time left", async () => {
    const { status, data } = await loaderData<ListData>("/app/inbox", LIST_ROUTE);
    expect(status).toBe(200);
    expect(data.rows.find((r) => r.id === id)).toMatchObject({ reference, status: "open", category: "order_status", assignee: null, sla: { label: expect.stringMatching(/^reply (due in|overdue by)/) } });
  });

  it("GIVEN the priority and category filters THEN only matching tickets are listed", async () => {
    const ticket = await harness.db.ticket.findUniqueOrThrow({ where: { id } });
    const same = await loaderData<ListData>("/app/inbox", LIST_ROUTE, `priority=${ticket.priority}&category=order_status`);
    const other = await loaderData<ListData>("/app/inbox", LIST_ROUTE, "category=returns");
    expect(same.data.rows.map((r) => r.id)).toContain(id);
    expect(same.data.rows.every((r) => r.priority === ticket.priority && r.category === "order_status")).toBe(true);
    expect(other.data.rows.map((r) => r.id)).not.toContain(id);
  });

  it("GIVEN a ticket past its first-reply deadline THEN the overdue filter lists it and not the others", async () => {
    const { body } = await contact({ message: "This one will be overdue, sorry about that." });
    const late = await ticketByReference(body.reference);
    await harness.db.ticket.update({ where: { id: late.id }, data: { responseDueAt: new Date(Date.now() - 3_600_000) } });

    const { data } = await loaderData<ListData>("/app/inbox", LIST_ROUTE, "overdue=1");

    expect(data.rows.find((r) => r.id === late.id)?.sla).toMatchObject({ overdue: true, label: expect.stringMatching(/^reply overdue by/) });
    expect(data.rows.map((r) => r.id)).not.toContain(id);
  });

  it("GIVEN the ticket page THEN it shows the thread, the order from Shopify, the segment, the priority reasons and macros rendered for it", async () => {
    const { status, data } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    expect(status).toBe(200);
    expect(data.ticket).toMatchObject({ reference, status: "open", orderName: "#1017" });
    expect(data.ticket.priorityReasons.length).toBeGreaterThan(0);
    expect(data.order).toMatchObject({ ok: true, name: "#1017", state: "in_transit" });
    expect(data.customer).toMatchObject({ email: LIAM.email, segment: "new" });
    expect(data.messages).toEqual([expect.objectContaining({ kind: "customer", body: expect.stringContaining("trip next week") })]);
    const bug = data.macros.find((m) => m.title === "Site bug report acknowledgement");
    expect(bug).toMatchObject({ ok: true, text: expect.stringContaining(`ticket ${reference}`) });
    expect(data.macros.find((m) => m.title === "Where is my order?")).toMatchObject({ ok: true, text: expect.stringContaining("Hi Liam") });
    expect(data.macros.find((m) => m.title === "Return approved")).toMatchObject({ ok: false });
  });

  it("GIVEN a visit to the inbox THEN the staff member is listed for assignment", async () => {
    const { data } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    expect(data.staff).toEqual([expect.objectContaining({ name: expect.stringContaining(DEMO_SHOP) })]);
  });

  it("GIVEN staff reply with an edited macro THEN the shopper is emailed the text with the thread link, the macro counted and the clock stopped", async () => {
    const { data: detail } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    const macro = detail.macros.find((m) => m.title === "Where is my order?")!;
    const before = await harness.db.macro.findUniqueOrThrow({ where: { id: macro.id } });
    const text = `${macro.text}\n\nP.S. It leaves our warehouse tomorrow.`;
    const mailsBefore = smtp.received.filter((m) => m.to.includes(LIAM.email)).length;

    const { status, data } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "reply"],
      ["macroId", macro.id],
      ["message", text],
    ]);

    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, toast: "Reply sent" });
    expect((await harness.db.macro.findUniqueOrThrow({ where: { id: macro.id } })).usageCount).toBe(before.usageCount + 1);
    const ticket = await harness.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket.status).toBe("pending");
    expect(ticket.firstResponseAt).toBeInstanceOf(Date);
    expect(smtp.received.filter((m) => m.to.includes(LIAM.email)).length).toBe(mailsBefore + 1);
    const sent = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_reply" } });
    expect(sent).toMatchObject({ status: "sent", subject: expect.stringContaining(`[${reference}]`) });
    expect(sent.text).toContain("It leaves our warehouse tomorrow.");
    expect((await linkInEmail(id, "ticket_reply", "ticket")).searchParams.get("t")).toMatch(new RegExp(`^${id}\\.`));
  });

  it("GIVEN a second reply THEN the first-response time stays the first one", async () => {
    const first = (await harness.db.ticket.findUniqueOrThrow({ where: { id } })).firstResponseAt;
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "reply"],
      ["message", "One more thing: the carrier is UPS."],
    ]);
    expect(status).toBe(200);
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id } })).firstResponseAt).toEqual(first);
  });

  it("GIVEN an empty reply THEN it is refused beside the message field", async () => {
    const { status, data } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "reply"],
      ["message", "   "],
    ]);
    expect(status).toBe(400);
    expect(data.fieldErrors?.message).toMatch(/Write a reply/);
  });

  it("GIVEN an internal note THEN it is in the thread for staff and no email is sent", async () => {
    const emails = await harness.db.outboxMessage.count({ where: { relatedId: id } });
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "note"],
      ["note", "Customer is travelling: ship express at our cost."],
    ]);
    expect(status).toBe(200);
    expect(await harness.db.outboxMessage.count({ where: { relatedId: id } })).toBe(emails);
    const { data } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    expect(data.messages.at(-1)).toMatchObject({ kind: "note", body: "Customer is travelling: ship express at our cost." });
  });

  it("GIVEN a staff member chosen THEN the ticket is assigned and the list shows their name", async () => {
    const { data: detail } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    const member = detail.staff[0]!;
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "assign"],
      ["assignee", member.id],
    ]);
    expect(status).toBe(200);
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id } })).assignee).toBe(member.id);
    const { data } = await loaderData<ListData>("/app/inbox", LIST_ROUTE, "status=pending");
    expect(data.rows.find((r) => r.id === id)?.assignee).toBe(member.name);
  });

  it("GIVEN an assignee who is not on this shop's staff THEN it is refused and the assignment kept", async () => {
    const stranger = await harness.db.staffMember.create({ data: { shop: OTHER_SHOP, userId: "99", name: "Other shop's staff" } });
    const { status, data } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "assign"],
      ["assignee", stranger.id],
    ]);
    expect(status).toBe(400);
    expect(data.fieldErrors?.assignee).toBeTruthy();
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id } })).assignee).not.toBe(stranger.id);
  });

  it("GIVEN the link in the reply email THEN the shopper sees the conversation without the internal note", async () => {
    const response = await fetch(onStorefront(await linkInEmail(id, "ticket_reply", "ticket")));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain(reference);
    expect(html).toContain("It leaves our warehouse tomorrow.");
    expect(html).not.toContain("ship express at our cost");
    expect(html).toContain('<html lang="en">');
  });

  it("GIVEN the link with its signature altered THEN a 403 page explains it does not work", async () => {
    const link = await linkInEmail(id, "ticket_reply", "ticket");
    const token = link.searchParams.get("t")!;
    link.searchParams.set("t", `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`);
    const response = await fetch(onStorefront(link));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This link does not work");
  });

  it("GIVEN an expired link THEN a 403 page says it has expired", async () => {
    const token = signTicketToken(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, ticketId: id, purpose: "thread" }, new Date(Date.now() - 61 * 24 * 3_600_000));
    const response = await fetch(`${harness.shop.url}/apps/support/ticket?t=${encodeURIComponent(token)}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This link has expired");
  });

  it("GIVEN a link signed for another shop THEN it does not open this shop's ticket", async () => {
    const token = signTicketToken(DEMO_CREDENTIALS.apiSecret, { shop: OTHER_SHOP, ticketId: id, purpose: "thread" }, new Date());
    expect((await fetch(`${harness.shop.url}/apps/support/ticket?t=${encodeURIComponent(token)}`)).status).toBe(403);
  });

  it("GIVEN the shopper answers through the link THEN the message is added, the ticket is open again and the page confirms it", async () => {
    const link = await linkInEmail(id, "ticket_reply", "ticket");
    const form = new FormData();
    form.set("message", "Thanks! Express would be great, I leave on Friday.");
    form.set("attachment", new Blob([new Uint8Array(PNG)]), "ticket.png");

    const response = await fetch(onStorefront(link), { method: "POST", body: form, redirect: "manual" });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/apps/support/ticket?t=${encodeURIComponent(link.searchParams.get("t")!)}&sent=1`);
    const ticket = await harness.db.ticket.findUniqueOrThrow({ where: { id }, include: { messages: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(ticket.status).toBe("open");
    expect(ticket.messages[0]).toMatchObject({ kind: "customer", body: "Thanks! Express would be great, I leave on Friday.", attachmentType: "image/png" });
    expect(ticket.lastMessageAt.getTime()).toBe(ticket.messages[0]!.createdAt.getTime());
    const after = await fetch(`${harness.shop.url}${response.headers.get("location")}`);
    expect(await after.text()).toContain("your message was added");
  });

  it("GIVEN an empty answer through the link THEN the page shows the error and stores nothing", async () => {
    const count = await harness.db.ticketMessage.count({ where: { ticketId: id } });
    const form = new FormData();
    form.set("message", "  ");
    const response = await fetch(onStorefront(await linkInEmail(id, "ticket_reply", "ticket")), { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('aria-invalid="true" aria-describedby="message-error"');
    expect(await harness.db.ticketMessage.count({ where: { ticketId: id } })).toBe(count);
  });

  it("GIVEN the shopper's photo on the ticket page THEN staff open it through a short-lived signed URL", async () => {
    const { data } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    const url = new URL(data.messages.find((m) => m.attachment)!.attachment!.url, harness.app.url);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    url.searchParams.set("shop", OTHER_SHOP);
    expect((await fetch(url)).status).toBe(403);
  });

  it("GIVEN staff close the ticket THEN it is closed and the shopper gets the survey with a link per rating", async () => {
    const { status, data } = await postForm<Outcome>(`/app/inbox/${id}`, [["intent", "close"]]);
    expect(status).toBe(200);
    expect(data).toMatchObject({ ok: true, toast: "Ticket closed; survey sent" });
    const ticket = await harness.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket).toMatchObject({ status: "closed", closedAt: expect.any(Date), surveySentAt: expect.any(Date) });
    expect(smtp.received.filter((m) => m.to.includes(LIAM.email)).at(-1)?.subject).toBe(`How did we do? [${reference}]`);
    const survey = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_csat" } });
    for (const rating of [1, 2, 3, 4, 5]) expect(survey.text).toMatch(new RegExp(`/apps/support/csat\\?t=\\S+&rating=${rating}`));
  });

  it("GIVEN a closed ticket THEN closing it again is refused and no second survey is sent", async () => {
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [["intent", "close"]]);
    expect(status).toBe(409);
    expect(await harness.db.outboxMessage.count({ where: { relatedId: id, kind: "ticket_csat" } })).toBe(1);
  });

  it("GIVEN the survey's 4 link THEN the page has 4 chosen and nothing is recorded until it is sent", async () => {
    const link = await linkInEmail(id, "ticket_csat", "csat");
    link.searchParams.set("rating", "4");
    const response = await fetch(onStorefront(link));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('value="4" required checked');
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id } })).csatAt).toBeNull();
  });

  it("GIVEN the survey link used on the thread page THEN it is refused", async () => {
    const link = await linkInEmail(id, "ticket_csat", "csat");
    expect((await fetch(`${harness.shop.url}/apps/support/ticket?t=${encodeURIComponent(link.searchParams.get("t")!)}`)).status).toBe(403);
  });

  it("GIVEN a rating and a comment sent THEN the answer lands on the ticket and staff see it", async () => {
    const link = await linkInEmail(id, "ticket_csat", "csat");
    link.searchParams.delete("rating");
    const response = await fetch(onStorefront(link), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ rating: "4", comment: "Quick and kind, thank you." }).toString(),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(await harness.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({ csatRating: 4, csatComment: "Quick and kind, thank you.", csatAt: expect.any(Date) });
    const { data } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    expect(data.csat).toMatchObject({ rating: 4, comment: "Quick and kind, thank you." });
  });

  it("GIVEN a second answer to the survey THEN the first one stands and the page shows it", async () => {
    const link = await linkInEmail(id, "ticket_csat", "csat");
    link.searchParams.delete("rating");
    const response = await fetch(onStorefront(link), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ rating: "1" }).toString(),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("4 out of 5");
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id } })).csatRating).toBe(4);
  });

  it("GIVEN a rating out of range THEN the survey page asks again", async () => {
    const { body } = await contact({ message: "Another question for the survey test." });
    const ticket = await ticketByReference(body.reference);
    const token = signTicketToken(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, ticketId: ticket.id, purpose: "csat" }, new Date());
    const response = await fetch(`${harness.shop.url}/apps/support/csat?t=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "rating=9",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose a rating from 1 to 5.");
    expect((await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).csatAt).toBeNull();
  });

  it("GIVEN the Inbox and the ticket pages in the admin THEN they render on the server", async () => {
    const page = (path: string) => {
      const url = new URL(harness.shop.embeddedAppUrl(DEMO_SHOP));
      url.pathname = path;
      return browserFetch(url.toString());
    };
    const list = await page("/app/inbox");
    expect(list.status).toBe(200);
    expect(await list.text()).toMatch(/Open \(\d+\)/);
    const detail = await page(`/app/inbox/${id}`);
    const html = await detail.text();
    expect(detail.status).toBe(200);
    expect(html).toContain(reference);
    expect(html).toContain("Add internal note");
  });
});

// ---------------------------------------------------------------------------------------------

/** The Subject header as a mail client shows it: unfolded, with its RFC 2047 encoded words decoded. */
function decodedSubject(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const subject = headers.match(/^Subject: (.*)$/im)?.[1] ?? "";
  const qBytes = (text: string) => Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
  return subject
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      (encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : qBytes(text)).toString("utf8"),
    );
}

describe("a French shopper's ticket", () => {
  const CLAIRE = { name: "Claire Dubois", email: "claire.dubois@example.com" };
  let id: string;
  let reference: string;

  beforeAll(async () => {
    const { status, body } = await contact({
      ...CLAIRE,
      topic: "product",
      locale: "fr",
      message: "Bonjour, cette veste existe-t-elle en bleu marine ? Merci d'avance.",
    });
    expect(status).toBe(201);
    const ticket = await ticketByReference(body.reference);
    id = ticket.id;
    reference = ticket.reference;
  });

  it("GIVEN the contact form sent in French THEN the ticket keeps French as its language", async () => {
    expect(await harness.db.ticket.findUniqueOrThrow({ where: { id } })).toMatchObject({ locale: "fr", customerEmail: CLAIRE.email });
  });

  it("GIVEN the French ticket THEN the receipt's subject is French, over SMTP too", async () => {
    const receipt = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_received" } });
    expect(receipt).toMatchObject({ status: "sent", subject: `Nous avons bien reçu votre message ${reference}` });
    const mail = smtp.received.filter((m) => m.to.includes(CLAIRE.email)).at(-1);
    expect(decodedSubject(mail!.raw)).toBe(`Nous avons bien reçu votre message ${reference}`);
  });

  it("GIVEN the French receipt THEN its body is French, with the reference, the promise and the link, and not the message", async () => {
    const { text } = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_received" } });
    expect(text).toMatch(/^Bonjour,\n\nMerci d'avoir contacté .+\. Nous avons bien reçu votre message et vous répondrons par e-mail\./);
    expect(text).toContain(`Votre référence : ${reference}`);
    expect(text).toMatch(/Nous répondons généralement dans un délai de \d+\s(minutes?|heures?|jours?)\.|Nous sommes fermés pour le moment ; vous recevrez une réponse au plus tard le \d{1,2}\s/);
    expect(text).toContain("Pour consulter la conversation ou ajouter des précisions (aucun compte nécessaire) :");
    expect(text).toContain("Si vous ne nous avez pas écrit, vous pouvez ignorer cet e-mail.");
    expect(text).not.toMatch(/Hello|Thanks for contacting|bleu marine/);
    expect((await linkInEmail(id, "ticket_received", "ticket")).searchParams.get("lang")).toBe("fr");
  });

  it("GIVEN the receipt's link opened through the storefront THEN the conversation page is in French", async () => {
    const response = await fetch(onStorefront(await linkInEmail(id, "ticket_received", "ticket")));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<h1>Votre conversation avec .+<\/h1>/);
    expect(html).toContain(`Référence <strong>${reference}</strong> · En attente de notre réponse`);
    expect(html).toContain("<strong>Vous</strong>");
    expect(html).toMatch(/<time datetime="[^"]+">\d{1,2}\s[a-zéû]+\.?\s\d{4}/);
    expect(html).toContain("cette veste existe-t-elle en bleu marine ? Merci d&#39;avance.");
    expect(html).toContain('<label for="message">Votre message</label>');
    expect(html).toContain('<button type="submit">Envoyer</button>');
    expect(html).not.toMatch(/Your conversation|Your message|Waiting for our reply/);
  });

  it("GIVEN an empty answer on the French page THEN the error is in French", async () => {
    const form = new FormData();
    form.set("message", " ");
    const response = await fetch(onStorefront(await linkInEmail(id, "ticket_received", "ticket")), { method: "POST", body: form });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<p id="message-error" class="error">Écrivez votre message.</p>');
    expect(html).toContain("Votre message n&#39;a pas été envoyé : vérifiez les champs ci-dessous.");
  });

  it("GIVEN the French link after it expired THEN the 403 page says so in French", async () => {
    const token = signTicketToken(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, ticketId: id, purpose: "thread" }, new Date(Date.now() - 61 * 24 * 3_600_000));
    const response = await fetch(`${harness.shop.url}/apps/support/ticket?t=${encodeURIComponent(token)}&lang=fr`);
    const html = await response.text();
    expect(response.status).toBe(403);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Ce lien a expiré</h1>");
  });

  it("GIVEN staff reply THEN the email around their words is French", async () => {
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [
      ["intent", "reply"],
      ["message", "Bonjour Claire, oui : elle arrive en bleu marine la semaine prochaine."],
    ]);
    expect(status).toBe(200);
    const reply = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_reply" } });
    expect(reply.subject).toMatch(new RegExp(`^Re: Bonjour, cette veste .+ \\[${reference}\\]$`));
    expect(reply.text).toContain(`Pour répondre, ouvrez la conversation ${reference} (les réponses à cet e-mail pourraient ne pas nous parvenir) :`);
  });

  it("GIVEN staff close the French ticket THEN the survey email is in French with a link per rating", async () => {
    const { status } = await postForm<Outcome>(`/app/inbox/${id}`, [["intent", "close"]]);
    expect(status).toBe(200);
    const survey = await harness.db.outboxMessage.findFirstOrThrow({ where: { relatedId: id, kind: "ticket_csat" } });
    expect(survey.subject).toBe(`Qu'avez-vous pensé de notre aide ? [${reference}]`);
    expect(decodedSubject(smtp.received.filter((m) => m.to.includes(CLAIRE.email)).at(-1)!.raw)).toBe(survey.subject);
    expect(survey.text).toMatch(/^Bonjour,\n\nNous avons clôturé votre conversation HS-\w+ \(« Bonjour, cette veste .+ »\)\. Comment évalueriez-vous notre aide \?/);
    expect(survey.text).toMatch(/^5 – Excellent: https:\/\/\S+\/apps\/support\/csat\?t=\S+&rating=5&lang=fr$/m);
    expect(survey.text).toMatch(/^1 – Très mauvais: \S+&rating=1&lang=fr$/m);
    expect(survey.text).toContain("Besoin d'aide supplémentaire ? Répondez dans la conversation et elle sera rouverte :");
    expect(survey.text).not.toMatch(/How would you rate|Very poor/);
  });

  it("GIVEN the survey's link THEN the survey page is in French with the rating chosen", async () => {
    const link = await linkInEmail(id, "ticket_csat", "csat");
    link.searchParams.set("rating", "4");
    const html = await (await fetch(onStorefront(link))).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Qu&#39;avez-vous pensé de notre aide ?</h1>");
    expect(html).toContain('value="4" required checked> 4 – Bien');
    expect(html).toContain('<button type="submit">Envoyer ma réponse</button>');
  });
});

// ---------------------------------------------------------------------------------------------

describe("another shop's ticket", () => {
  let other: { id: string };
  beforeAll(async () => {
    other = await harness.db.ticket.create({
      data: {
        shop: OTHER_SHOP,
        reference: "HS-OTHER2",
        status: "open",
        topic: "other",
        category: "other",
        priority: "P4",
        subject: "Not yours",
        customerName: "Someone",
        customerEmail: "someone@example.com",
        responseDueAt: new Date(Date.now() + 3_600_000),
        resolutionDueAt: new Date(Date.now() + 7_200_000),
        messages: { create: [{ shop: OTHER_SHOP, kind: "customer", author: "Someone", body: "Hello from another shop" }] },
      },
    });
  });

  it("GIVEN its id THEN the ticket page is not found", async () => {
    expect((await loaderData<DetailData>(`/app/inbox/${other.id}`, DETAIL_ROUTE)).status).toBe(404);
  });

  it("GIVEN its id THEN it is never listed", async () => {
    const { data } = await loaderData<ListData>("/app/inbox", LIST_ROUTE, "status=all");
    expect(data.rows.map((r) => r.id)).not.toContain(other.id);
  });

  it.each([
    [[["intent", "reply"], ["message", "Hi"]]],
    [[["intent", "note"], ["note", "Hi"]]],
    [[["intent", "assign"], ["assignee", ""]]],
    [[["intent", "status"], ["status", "pending"]]],
    [[["intent", "close"]]],
    [[["intent", "delete"]]],
  ] as [string, string][][][])("GIVEN its id and the form %j THEN the action is not found and changes nothing", async (fields) => {
    const { status } = await postForm<Outcome>(`/app/inbox/${other.id}`, fields);
    expect(status).toBe(404);
    const row = await harness.db.ticket.findUniqueOrThrow({ where: { id: other.id }, include: { messages: true } });
    expect(row).toMatchObject({ status: "open", assignee: null, surveySentAt: null });
    expect(row.messages).toHaveLength(1);
    expect(await harness.db.outboxMessage.count({ where: { relatedId: other.id } })).toBe(0);
  });

  it("GIVEN a link correctly signed for this shop with its id THEN the storefront page says it is not available", async () => {
    const token = signTicketToken(DEMO_CREDENTIALS.apiSecret, { shop: DEMO_SHOP, ticketId: other.id, purpose: "thread" }, new Date());
    const response = await fetch(`${harness.shop.url}/apps/support/ticket?t=${encodeURIComponent(token)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Hello from another shop");
  });
});
