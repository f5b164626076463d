import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTicketToken } from "../../app/features/tickets/domain/tickets";
import { browserFetch, DEMO_CREDENTIALS, DEMO_SHOP, DEMO_STAFF, type Harness } from "../helpers/harness";
import { PNG } from "../helpers/returns";
import { DETAIL_ROUTE, LIAM, LIST_ROUTE, OTHER_SHOP, startTicketsApp, ticketsKit, type Smtp, type DetailData, type ListData, type Outcome } from "../helpers/tickets";

/**
 * A ticket's life through the built app: the Inbox (admin requests with a session token), the
 * shopper's signed thread link and the satisfaction survey, with mail captured by a real SMTP
 * server; and another shop's ticket, never shown.
 */

let harness: Harness;
let smtp: Smtp;
beforeAll(async () => ({ harness, smtp } = await startTicketsApp()));
afterAll(async () => {
  await harness?.close();
  await smtp?.stop();
});

const { contact, ticketByReference, linkInEmail, onStorefront, loaderData, postForm } = ticketsKit(() => harness);

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
    // Unanswered, so its next deadline (the stored dueAt) is the response's.
    const past = new Date(Date.now() - 3_600_000);
    await harness.db.ticket.update({ where: { id: late.id }, data: { responseDueAt: past, dueAt: past } });

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
    // {{ staff.first_name }}: the staff member's own name, from their online token.
    expect(data.macros.find((m) => m.title === "Where is my order?")).toMatchObject({ text: expect.stringContaining("Warm regards,\nSam\n") });
    expect(data.macros.find((m) => m.title === "Return approved")).toMatchObject({ ok: false });
  });

  it("GIVEN a visit to the inbox THEN the staff member is listed for assignment", async () => {
    const { data } = await loaderData<DetailData>(`/app/inbox/${id}`, DETAIL_ROUTE);
    expect(data.staff).toEqual([expect.objectContaining({ name: DEMO_STAFF })]);
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

    const response = await fetch(onStorefront(link), { method: "POST", body: form });

    // Shopify's proxy follows redirects itself: the answer is the page, which moves the browser on by GET.
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("your message was added");
    const sentAddress = `?t=${encodeURIComponent(link.searchParams.get("t")!)}&sent=1`;
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${sentAddress.replace("&", "&amp;")}">`);
    const ticket = await harness.db.ticket.findUniqueOrThrow({ where: { id }, include: { messages: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(ticket.status).toBe("open");
    expect(ticket.messages[0]).toMatchObject({ kind: "customer", body: "Thanks! Express would be great, I leave on Friday.", attachmentType: "image/png" });
    expect(ticket.lastMessageAt.getTime()).toBe(ticket.messages[0]!.createdAt.getTime());
    const after = await fetch(`${onStorefront(link).split("?")[0]}${sentAddress}`);
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
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<meta http-equiv="refresh" content="0;url=?t=${encodeURIComponent(link.searchParams.get("t")!)}">`);
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
        dueAt: new Date(Date.now() + 3_600_000),
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
