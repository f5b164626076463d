import type { Db } from "../../db-client.server";
import { isPeakSeason, type ShippingPolicy } from "./domain/shipping";
import { describeHours, isOpenAt } from "./domain/business-hours";
import { formatResponseTime } from "../../lib/format";
import { promiseFor, type SlaSettings } from "../tickets/domain/sla";
import { TOPICS, type SupportSettings, type Topic } from "../tickets/domain/types";
import { currentPolicy, SHIPPING, SUPPORT } from "./repo.server";

/**
 * The support settings in force for a shop, resolved against its time zone: what replies, the
 * contact block and SLA timers quote. Peak season (from the shipping policy) lengthens promises.
 */
export type SupportProfile = {
  settings: SupportSettings;
  shipping: ShippingPolicy;
  sla: SlaSettings & Pick<SupportSettings, "topics">;
  timeZone: string;
  peak: boolean;
  /** "Monday–Friday, 9:00–17:00 (America/Toronto)" */
  hoursText: string;
  /** "within 2 hours" for a topic's first response. */
  responseTimeFor(topic: Topic): string;
  links: { returns(shop: string): string };
};

export async function supportProfile(db: Db, shop: string, shopTimeZone: string, now = new Date()): Promise<SupportProfile> {
  const [settings, shipping] = await Promise.all([currentPolicy(db, shop, SUPPORT), currentPolicy(db, shop, SHIPPING)]);
  const timeZone = settings.timeZone ?? shopTimeZone;
  const sla = { ...settings, timeZone };
  const peak = isPeakSeason(shipping, now, timeZone);
  return {
    settings,
    shipping,
    sla,
    timeZone,
    peak,
    hoursText: `${describeHours(settings)} (${timeZone})`,
    responseTimeFor: (topic) => `within ${formatResponseTime(promiseFor(topic, sla, now, { peak }).minutes)}`,
    links: { returns: (domain) => absoluteUrl(domain, settings.pages.returns) },
  };
}

/** A storefront page setting as a link for an email: full addresses as they are, paths on the shop's domain. */
export function absoluteUrl(shopDomain: string, page: string): string {
  return page.startsWith("https://") ? page : `https://${shopDomain}${page}`;
}

/** The contact block's promise per topic, as the storefront policy endpoint serves it. */
export function topicPromises(profile: SupportProfile, now: Date) {
  return TOPICS.map((topic) => {
    const promise = promiseFor(topic, profile.sla, now, { peak: profile.peak });
    return { topic, minutes: promise.minutes, dueAt: promise.dueAt.toISOString(), openNow: promise.openNow };
  });
}

export const isOpenNow = (profile: SupportProfile, now: Date) => isOpenAt(now, profile.sla);

/** Who signs a reply: the staff member's first name when Shopify gave it, else the team. */
export function staffFirstName(user: { first_name?: string | null } | null | undefined): string {
  return user?.first_name?.trim() || "The support team";
}
