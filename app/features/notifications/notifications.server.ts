import nodemailer from "nodemailer";
import type { Db } from "../../db-client.server";
import db from "../../db.server";
import { env } from "../../env.server";
import { dispatch } from "../../jobs/queue.server";
import { defineJob } from "../../jobs/registry.server";

/**
 * Messages to shoppers, relayed from an outbox: every one is written first (the admin's Outbox page
 * shows it), then a job sends it over SMTP when SMTP_URL is set; without it (the demo) it stays
 * "logged". A send that fails is tried again with doubling waits, then shown as "failed"; nothing
 * is dropped. Each try claims the message for a while, so two workers never send it at once, and
 * one killed mid-send leaves it to the next try once the claim runs out. SMTP cannot be asked
 * whether a message arrived, so a worker killed after the server took it but before it was marked
 * sent sends it again: the Message-ID is the outbox row's, so mail systems drop the copy.
 */
export type OutgoingMessage = { shop: string; to: string; subject: string; text: string; kind: string; relatedId?: string };

let transport: nodemailer.Transporter | undefined;
function smtp(): nodemailer.Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  return transport;
}

export async function sendToShopper(db: Db, message: OutgoingMessage): Promise<void> {
  const row = await db.outboxMessage.create({ data: { ...message, status: "pending", nextAttemptAt: new Date() } });
  await dispatch(emailJob, { messageId: row.id, shop: message.shop }, { jobId: `email:${row.id}:0` });
}

export function messageIdOf(outboxId: string): string {
  return `<${outboxId}@harbor-support.app>`;
}

/** One try at sending one outbox message: sent, logged, scheduled again, or failed for good. */
export async function relayMessage(db: Db, messageId: string, now = new Date()): Promise<void> {
  const claimed = await db.outboxMessage.updateMany({
    where: { id: messageId, status: { in: ["pending", "retrying", "sending"] }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { status: "sending", claimedUntil: new Date(now.getTime() + env.EMAIL_CLAIM_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
  const mailer = smtp();
  if (!mailer) {
    await db.outboxMessage.update({ where: { id: messageId }, data: { status: "logged", claimedUntil: null, nextAttemptAt: null } });
    return;
  }
  try {
    await mailer.sendMail({ from: env.SMTP_FROM, to: message.to, subject: message.subject, text: message.text, messageId: messageIdOf(message.id) });
    await db.outboxMessage.update({ where: { id: messageId }, data: { status: "sent", sentAt: new Date(), claimedUntil: null, nextAttemptAt: null, error: null } });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const last = message.attempts >= env.EMAIL_MAX_ATTEMPTS;
    const delay = env.EMAIL_RETRY_BASE_MS * 2 ** (message.attempts - 1);
    await db.outboxMessage.update({
      where: { id: messageId },
      data: last
        ? { status: "failed", error: reason, claimedUntil: null, nextAttemptAt: null }
        : { status: "retrying", error: reason, claimedUntil: null, nextAttemptAt: new Date(Date.now() + delay) },
    });
    if (!last) await dispatch(emailJob, { messageId, shop: message.shop }, { jobId: `email:${messageId}:${message.attempts}`, delayMs: delay });
  }
}

export const emailJob = defineJob<{ messageId: string; shop: string }>({
  name: "email",
  // Retries are the outbox's own (above); the queue retries only when the database could not be reached.
  attempts: 3,
  backoffMs: 5_000,
  describe: (data) => ({ shop: data.shop, id: data.messageId }),
  run: (data) => relayMessage(db, data.messageId),
});

/** Messages whose job was lost (Redis down when written, a process gone): sent by the next sweep. */
export const outboxSweepJob = defineJob<void>({
  name: "outbox-sweep",
  attempts: 1,
  backoffMs: 1_000,
  everyMs: 30_000,
  describe: () => ({}),
  async run() {
    const now = new Date();
    const due = await db.outboxMessage.findMany({
      where: {
        OR: [
          { status: { in: ["pending", "retrying"] }, nextAttemptAt: { lt: new Date(now.getTime() - 10_000) } },
          { status: "sending", claimedUntil: { lt: now } },
        ],
      },
      select: { id: true, shop: true, attempts: true },
      take: 200,
    });
    for (const message of due) await dispatch(emailJob, { messageId: message.id, shop: message.shop }, { jobId: `email:${message.id}:${message.attempts}:sweep` });
  },
});
