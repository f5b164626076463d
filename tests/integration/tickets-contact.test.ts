import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedProxyUrl, type Harness } from "../helpers/harness";
import { PNG } from "../helpers/returns";
import { contactForm, LIAM, startTicketsApp, ticketsKit, type Smtp } from "../helpers/tickets";
import { lookupOrder } from "../helpers/tracking";

/**
 * The contact block's form through the built app (signed app-proxy requests): what is stored, what
 * the shopper is sent (captured by a real SMTP server) and what is refused.
 */

let harness: Harness;
let smtp: Smtp;
beforeAll(async () => ({ harness, smtp } = await startTicketsApp()));
afterAll(async () => {
  await harness?.close();
  await smtp?.stop();
});

const { newShopper, contact, ticketByReference, linkInEmail } = ticketsKit(() => harness);

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
