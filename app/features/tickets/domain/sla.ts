/**
 * Service-level targets in business time: when a ticket's first response and resolution are due,
 * how a ticket stands against its target, and what the contact block promises a shopper.
 */
import { addBusinessMinutes, isOpenAt, type BusinessHours } from "../../policies/domain/business-hours";
import { formatCountdown } from "../../../lib/format";
import { type Priority, type SupportSettings, type Topic } from "./types";

/** The settings SLA arithmetic needs, with the shop's time zone resolved. */
export type SlaSettings = Pick<SupportSettings, "targets" | "peakSeasonExtraMinutes"> & BusinessHours;

type PeakOption = { peak?: boolean };

const peakExtra = (settings: SlaSettings, opts: PeakOption) => (opts.peak ? settings.peakSeasonExtraMinutes : 0);

/** When the first response is due: the priority's target in business minutes, longer in peak season. */
export function responseDueAt(createdAt: Date, priority: Priority, settings: SlaSettings, opts: PeakOption = {}): Date {
  return addBusinessMinutes(createdAt, settings.targets[priority].firstResponseMinutes + peakExtra(settings, opts), settings);
}

/**
 * When the ticket should be resolved. Peak season adds the same extra time as to the response,
 * so a resolution is never due before the first response it follows.
 */
export function resolutionDueAt(createdAt: Date, priority: Priority, settings: SlaSettings, opts: PeakOption = {}): Date {
  return addBusinessMinutes(createdAt, settings.targets[priority].resolutionMinutes + peakExtra(settings, opts), settings);
}

export type SlaStatus = "met" | "breached" | "due_soon" | "on_track";

/** A target is "due soon" with less than 30 minutes left … */
const DUE_SOON_MS = 30 * 60_000;
/** … or less than a quarter of the time it allowed (when the start is known), whichever is longer. */
const DUE_SOON_SHARE = 0.25;

/**
 * How a ticket stands against one deadline. Answered (`respondedAt` set): "met" when on or before
 * `dueAt`, else "breached". Open: "breached" once `now` is past `dueAt`; "due_soon" with less than
 * 30 minutes of clock time left, or less than 25 % of the time between `createdAt` and `dueAt`
 * when `createdAt` is given (so a 3-day target warns about 18 hours ahead); else "on_track".
 */
export function slaStatus(dueAt: Date, respondedAt: Date | null, now: Date, createdAt?: Date): SlaStatus {
  const due = dueAt.getTime();
  if (respondedAt) return respondedAt.getTime() <= due ? "met" : "breached";
  const left = due - now.getTime();
  if (left < 0) return "breached";
  const allowed = createdAt ? due - createdAt.getTime() : 0;
  return left < Math.max(DUE_SOON_MS, DUE_SOON_SHARE * allowed) ? "due_soon" : "on_track";
}

/** How one deadline reads on staff screens, for tickets and returns alike. */
export type SlaView = { status: SlaStatus; label: string; tone: "critical" | "warning" | null; overdue: boolean };

/** "due in 1 h 20 min" (a warning when due soon, by the rules above) or "overdue by 3 h". */
export function slaView(dueAt: Date, now: Date, createdAt?: Date): SlaView {
  const status = slaStatus(dueAt, null, now, createdAt);
  const left = dueAt.getTime() - now.getTime();
  if (status === "breached") return { status, label: `overdue by ${formatCountdown(left)}`, tone: "critical", overdue: true };
  return { status, label: `due in ${formatCountdown(left)}`, tone: status === "due_soon" ? "warning" : null, overdue: false };
}

/**
 * What the contact block promises for a topic: its priority, the first-response target in minutes
 * (with the peak-season extra), when a message sent `now` will be answered, and whether the team is
 * working right now.
 */
export function promiseFor(
  topic: Topic,
  settings: SlaSettings & Pick<SupportSettings, "topics">,
  now: Date,
  opts: PeakOption = {},
): { priority: Priority; minutes: number; dueAt: Date; openNow: boolean } {
  const priority = settings.topics[topic].priority;
  const minutes = settings.targets[priority].firstResponseMinutes + peakExtra(settings, opts);
  return { priority, minutes, dueAt: addBusinessMinutes(now, minutes, settings), openNow: isOpenAt(now, settings) };
}
