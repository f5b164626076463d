/** The ticket page's staff forms (reply, note, assign, status, close): validated here, carried out by tickets.server.ts. */
import { z } from "zod";
import { MESSAGE_MAX } from "./domain/tickets";
import { findTicket } from "./repo.server";
import { MacroIdSchema } from "../macros/replies.server";
import { formIssues, formTextFields } from "../../lib/forms";
import { addInternalNote, assignTicket, closeTicket, replyToTicket, setTicketStatus, type StaffActor } from "./staff-replies.server";
import type { TicketContext } from "./tickets.server";
import { storedText } from "../../lib/text";
import { TicketIdSchema } from "./ticket-detail.server";

const text = (empty: string) =>
  storedText(
    z
      .string({ required_error: empty, invalid_type_error: empty })
      .trim()
      .min(1, empty)
      .max(MESSAGE_MAX, `Keep it under ${MESSAGE_MAX.toLocaleString("en-US")} characters.`),
  );

export const InboxActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), message: text("Write a reply before sending."), macroId: MacroIdSchema.optional().catch(undefined) }),
  z.object({ intent: z.literal("note"), note: text("Write the note first.") }),
  z.object({
    intent: z.literal("assign"),
    assignee: z.union([z.literal(""), TicketIdSchema], { errorMap: () => ({ message: "Choose someone from the list." }) }),
  }),
  z.object({ intent: z.literal("status"), status: z.enum(["open", "pending"], { errorMap: () => ({ message: "Choose open or pending." }) }) }),
  z.object({ intent: z.literal("close") }),
]);

const INBOX_FIELDS = ["message", "note", "assignee", "status"] as const;

export type InboxField = (typeof INBOX_FIELDS)[number];

export type InboxOutcome =
  | { ok: true; intent: string; toast: string }
  | { ok: false; intent: string | null; status: number; fieldErrors: Partial<Record<InboxField, string>>; formError: string | null };

const TOASTS: Record<string, string> = {
  reply: "Reply sent",
  note: "Note added",
  assign: "Assignment saved",
  status: "Status updated",
  close: "Ticket closed; survey sent",
};

/** The ticket page's forms. Another shop's ticket is 404 whatever the form says. */
export async function submitInboxAction(ctx: TicketContext, id: string, staff: StaffActor, form: FormData, shopName: string): Promise<InboxOutcome> {
  const fields = formTextFields(form);
  const intent = typeof fields.intent === "string" ? fields.intent : null;
  if (!(await findTicket(ctx.db, ctx.shop, id))) {
    return { ok: false, intent, status: 404, fieldErrors: {}, formError: "This ticket does not exist in this shop." };
  }
  const parsed = InboxActionSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, intent, status: 400, ...formIssues(parsed.error, INBOX_FIELDS) };
  const input = parsed.data;
  const result =
    input.intent === "reply"
      ? await replyToTicket(ctx, id, staff, { message: input.message, macroId: input.macroId, shopName })
      : input.intent === "note"
        ? await addInternalNote(ctx, id, staff, input.note)
        : input.intent === "assign"
          ? await assignTicket(ctx, id, input.assignee || null)
          : input.intent === "status"
            ? await setTicketStatus(ctx, id, input.status)
            : await closeTicket(ctx, id, { shopName });
  if (!result.ok) {
    const fieldErrors: Partial<Record<InboxField, string>> = result.status === 400 ? { assignee: result.error } : {};
    return { ok: false, intent: input.intent, status: result.status, fieldErrors, formError: result.status === 400 ? null : result.error };
  }
  const toast = input.intent === "close" && "surveySent" in result && !result.surveySent ? "Ticket closed" : TOASTS[input.intent]!;
  return { ok: true, intent: input.intent, toast };
}
