import nodemailer from "nodemailer";
import type { Db } from "../../db-client.server";
import { env } from "../../env.server";

/**
 * Messages to shoppers. Every one is written to the outbox first (the admin's Outbox page shows
 * them), then sent over SMTP when SMTP_URL is set; without it (the demo) it stays "logged".
 */
export type OutgoingMessage = { shop: string; to: string; subject: string; text: string; kind: string; relatedId?: string };

let transport: nodemailer.Transporter | undefined;
function smtp(): nodemailer.Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  return transport;
}

export async function sendToShopper(db: Db, message: OutgoingMessage): Promise<"sent" | "logged" | "failed"> {
  const row = await db.outboxMessage.create({ data: { ...message, status: "pending" } });
  const mailer = smtp();
  if (!mailer) {
    await db.outboxMessage.update({ where: { id: row.id }, data: { status: "logged" } });
    return "logged";
  }
  try {
    await mailer.sendMail({ from: env.SMTP_FROM, to: message.to, subject: message.subject, text: message.text });
    await db.outboxMessage.update({ where: { id: row.id }, data: { status: "sent", sentAt: new Date() } });
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.outboxMessage.update({ where: { id: row.id }, data: { status: "failed", error: reason.slice(0, 500) } });
    return "failed";
  }
}
