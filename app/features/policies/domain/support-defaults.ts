/** The support settings a shop starts with: hours, targets, rules and storefront pages. Framework-free. */
import { deepFreeze } from "./policy-schema";
import type { StorefrontPages, SupportSettings } from "../../tickets/domain/types";

const HOUR = 60;

export const DAY = 24 * HOUR;

const WEEKDAY_HOURS = { open: "09:00", close: "17:00" };

export const DEFAULT_PAGES: StorefrontPages = { returns: "/pages/returns", contact: "/pages/contact", faq: "/pages/faq" };

/**
 * What a merchant who changes nothing gets: Monday–Friday 9:00–17:00 in the shop's time zone,
 * response and resolution targets per priority from industry practice (P1 order not received /
 * payment error: 30 min / 4 h; P2 returns and damage: 2 h / 48 h; P3 product questions: 24 h / 72 h;
 * P4 feedback: 72 h / 7 days), 2 more hours promised in peak season, English keyword rules, and
 * the blocks on /pages/returns, /pages/contact and /pages/faq.
 * Deeply frozen: copy it to edit.
 */
export const DEFAULT_SUPPORT_SETTINGS: SupportSettings = deepFreeze({
  version: 1,
  timeZone: null,
  businessHours: [WEEKDAY_HOURS, WEEKDAY_HOURS, WEEKDAY_HOURS, WEEKDAY_HOURS, WEEKDAY_HOURS, null, null],
  holidays: [],
  targets: {
    P1: { firstResponseMinutes: 30, resolutionMinutes: 4 * HOUR },
    P2: { firstResponseMinutes: 2 * HOUR, resolutionMinutes: 48 * HOUR },
    P3: { firstResponseMinutes: 24 * HOUR, resolutionMinutes: 72 * HOUR },
    P4: { firstResponseMinutes: 72 * HOUR, resolutionMinutes: 7 * DAY },
  },
  topics: {
    order_status: { priority: "P2" },
    returns: { priority: "P2" },
    payment: { priority: "P1" },
    shipping: { priority: "P2" },
    product: { priority: "P3" },
    other: { priority: "P4" },
  },
  peakSeasonExtraMinutes: 2 * HOUR,
  rules: [
    {
      category: "order_status",
      keywords: [
        "where is my order",
        "where's my order",
        "wheres my order",
        "order status",
        "tracking",
        "tracking number",
        "track my order",
        "not received",
        "never received",
        "haven't received",
        "never arrived",
        "hasn't arrived",
        "not arrived",
        "delivered but",
        "late",
        "delayed",
        "still waiting",
        "lost",
        "shipped yet",
        "out for delivery",
      ],
    },
    {
      category: "returns",
      keywords: [
        "return",
        "returns",
        "returning",
        "refund",
        "refunds",
        "exchange",
        "send it back",
        "send back",
        "damaged",
        "broken",
        "defective",
        "wrong item",
        "wrong size",
        "doesn't fit",
        "too small",
        "too big",
        "store credit",
      ],
    },
    {
      category: "payment",
      keywords: [
        "charged twice",
        "double charged",
        "charged",
        "payment",
        "paid",
        "card declined",
        "declined",
        "invoice",
        "receipt",
        "billing",
        "credit card",
        "paypal",
        "overcharged",
        "transaction",
      ],
    },
    {
      category: "shipping",
      keywords: [
        "shipping cost",
        "shipping",
        "delivery time",
        "how long",
        "ship to",
        "ship internationally",
        "international",
        "customs",
        "duties",
        "address",
        "express",
        "free shipping",
        "carrier",
      ],
    },
    {
      category: "product",
      keywords: [
        "size",
        "sizing",
        "size chart",
        "material",
        "fabric",
        "in stock",
        "out of stock",
        "restock",
        "back in stock",
        "available",
        "availability",
        "dimensions",
        "measurements",
        "care instructions",
        "warranty",
      ],
    },
    {
      category: "other",
      keywords: ["feedback", "suggestion", "wholesale", "partnership", "collaboration", "sponsorship"],
    },
  ],
  escalation: {
    keywords: [
      "talk to a person",
      "talk to a human",
      "talk to someone",
      "speak to a person",
      "speak to a human",
      "speak to someone",
      "real person",
      "manager",
      "supervisor",
      "unacceptable",
      "ridiculous",
      "terrible",
      "worst",
      "scam",
      "fraud",
      "furious",
      "disgusting",
      "lawyer",
      "legal action",
      "chargeback",
    ],
  },
  segments: { repeatOrders: 2, vipOrders: 5, vipSpend: 1000 },
  pages: DEFAULT_PAGES,
} satisfies SupportSettings);
