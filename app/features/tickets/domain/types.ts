/**
 * Support, framework-free: priorities, the contact form's topics, ticket categories and the
 * merchant's support settings. Durations are whole minutes; instants are `Date`s; the shop's IANA
 * time zone decides business hours and calendar days.
 */

/** P1 is the most urgent. */
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What the shopper picks on the contact form. */
export const TOPICS = ["order_status", "returns", "payment", "shipping", "product", "other"] as const;
export type Topic = (typeof TOPICS)[number];

/** A ticket's category, decided by the merchant's keyword rules; the same values as the topics. */
export const CATEGORIES = TOPICS;
export type Category = Topic;

/** Plain names for staff and merchant screens. */
export const TOPIC_LABELS: Readonly<Record<Topic, string>> = Object.freeze({
  order_status: "Order status",
  returns: "Returns",
  payment: "Payment",
  shipping: "Shipping",
  product: "Product question",
  other: "Other",
});

/** Day of the week, 0 = Monday … 6 = Sunday (the index into `businessHours`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One day's opening hours, "HH:MM" on a 24-hour wall clock; `close` is later than `open` ("24:00" = midnight). */
export type DayHours = { open: string; close: string };

/** A day the shop is closed all day, whatever its weekday hours say. */
export type Holiday = { date: string; name: string };

export type ResponseTarget = { firstResponseMinutes: number; resolutionMinutes: number };

/** Tickets whose text matches these keywords (or phrases) fall in `category`. */
export type CategoryRule = { category: Category; keywords: string[] };

/** Order count / total spent from which a customer is "repeat" or "VIP". */
export type SegmentThresholds = { repeatOrders: number; vipOrders: number; vipSpend: number };

/**
 * Where the merchant placed our theme blocks: a path on the shop ("/pages/returns") or a full
 * https address. Emails, macros (`return_link`) and links point shoppers there.
 */
export type StorefrontPages = { returns: string; contact: string; faq: string };

export type SupportSettings = {
  /** Increases with every saved change. */
  version: number;
  /** IANA name; null follows the shop's time zone from Shopify. */
  timeZone: string | null;
  /** Exactly 7 entries, index 0 = Monday; null = closed that day. No overnight hours. */
  businessHours: (DayHours | null)[];
  holidays: Holiday[];
  targets: Record<Priority, ResponseTarget>;
  /** The priority a contact starts at, by the topic the shopper picked. */
  topics: Record<Topic, { priority: Priority }>;
  /** Added to promised response times while the shipping policy's peak season is active. */
  peakSeasonExtraMinutes: number;
  rules: CategoryRule[];
  /** Wording ("talk to a person", "unacceptable") that raises a ticket's priority one step. */
  escalation: { keywords: string[] };
  segments: SegmentThresholds;
  pages: StorefrontPages;
};
