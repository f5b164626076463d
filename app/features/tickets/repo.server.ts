import { type Prisma } from "@prisma/client";
import { type Db } from "../../db-client.server";
import { newTicketReference, type Attachment } from "./domain/tickets";

/**
 * Tickets and their threads in the database. Every function takes the shop and reads or writes
 * only that shop's rows, so another shop's id reads as missing.
 */

export const TICKET_STATUSES = ["open", "pending", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Who wrote a thread entry: the shopper, staff to the shopper, or staff to staff (never sent). */
export type MessageKind = "customer" | "reply" | "note";

export type NewTicket = {
  shop: string;
  topic: string;
  category: string;
  priority: string;
  priorityReasons: string[];
  subject: string;
  customerName: string;
  customerEmail: string;
  customerId: string | null;
  segment: string | null;
  orderId: string | null;
  orderName: string | null;
  visitor: string | null;
  locale: string;
  responseDueAt: Date;
  resolutionDueAt: Date;
  createdAt: Date;
  message: string;
  attachment: Attachment | null;
};

const REFERENCE_ATTEMPTS = 5;

// By code, not class: the SQLite and PostgreSQL clients each have their own error classes.
const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === "P2002";

/** Stores a ticket and its first message; a reference already used in the shop is drawn again. */
export async function createTicket(db: Db, input: NewTicket) {
  const { message, attachment, priorityReasons, shop, createdAt, ...fields } = input;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.ticket.create({
        data: {
          ...fields,
          shop,
          reference: newTicketReference(),
          status: "open",
          priorityReasons: JSON.stringify(priorityReasons),
          customerEmail: fields.customerEmail.toLowerCase(),
          createdAt,
          lastMessageAt: createdAt,
          // Until the first reply, the next deadline is the response's.
          dueAt: fields.responseDueAt,
          messages: { create: [{ shop, kind: "customer", author: fields.customerName, body: message, createdAt, ...attachmentData(attachment) }] },
        },
        select: { id: true, reference: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

export function attachmentData(attachment: Attachment | null) {
  return attachment
    ? { attachment: Buffer.from(attachment.bytes), attachmentType: attachment.type, attachmentSize: attachment.bytes.length }
    : {};
}

/** The fields every screen needs, without message bodies or attachment bytes. */
const TICKET_SUMMARY = {
  id: true,
  reference: true,
  status: true,
  topic: true,
  category: true,
  priority: true,
  priorityReasons: true,
  subject: true,
  customerName: true,
  customerEmail: true,
  customerId: true,
  segment: true,
  orderId: true,
  orderName: true,
  locale: true,
  assignee: true,
  responseDueAt: true,
  resolutionDueAt: true,
  firstResponseAt: true,
  closedAt: true,
  surveySentAt: true,
  csatRating: true,
  csatComment: true,
  csatAt: true,
  createdAt: true,
  lastMessageAt: true,
} satisfies Prisma.TicketSelect;

const MESSAGE_FIELDS = {
  id: true,
  kind: true,
  author: true,
  body: true,
  macroId: true,
  attachmentType: true,
  attachmentSize: true,
  createdAt: true,
} satisfies Prisma.TicketMessageSelect;

export function findTicket(db: Db, shop: string, id: string) {
  return db.ticket.findFirst({ where: { id, shop }, select: TICKET_SUMMARY });
}

export type TicketSummary = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

/** The ticket with its thread, oldest first; the shopper's view leaves internal notes out. */
export function findTicketWithThread(db: Db, shop: string, id: string, opts: { withNotes: boolean }) {
  return db.ticket.findFirst({
    where: { id, shop },
    select: {
      ...TICKET_SUMMARY,
      messages: {
        where: opts.withNotes ? {} : { kind: { not: "note" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: MESSAGE_FIELDS,
      },
    },
  });
}

export type TicketWithThread = NonNullable<Awaited<ReturnType<typeof findTicketWithThread>>>;

export function addMessage(
  db: Db | Prisma.TransactionClient,
  shop: string,
  ticketId: string,
  input: { kind: MessageKind; author: string; body: string; macroId?: string | null; attachment?: Attachment | null; at: Date },
) {
  return db.ticketMessage.create({
    data: {
      shop,
      ticketId,
      kind: input.kind,
      author: input.author,
      body: input.body,
      macroId: input.macroId ?? null,
      createdAt: input.at,
      ...attachmentData(input.attachment ?? null),
    },
    select: { id: true },
  });
}

/** One attachment of the shop's, or null. */
export function findAttachment(db: Db, shop: string, messageId: string) {
  return db.ticketMessage.findFirst({
    where: { id: messageId, shop, attachment: { not: null } },
    select: { attachment: true, attachmentType: true },
  });
}

// ---- staff --------------------------------------------------------------------------------------

/** Remembers who works in the inbox (for assignment), refreshed on every visit. */
export function rememberStaff(db: Db, shop: string, userId: string, name: string) {
  return db.staffMember.upsert({
    where: { shop_userId: { shop, userId } },
    create: { shop, userId, name },
    update: { name },
    select: { id: true },
  });
}

export function listStaff(db: Db, shop: string) {
  return db.staffMember.findMany({ where: { shop }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
