/**
 * Automation on a contact request's text: which category it belongs to, how urgent it is, which
 * order it is about, and whether to ask for photos. Keyword matching works on normalised text, so
 * "REFUND!", "refund" and "réfund" are the same word; a phrase matches only as whole words.
 */
import {
  PRIORITIES,
  TOPIC_LABELS,
  type Category,
  type CategoryRule,
  type Priority,
  type SupportSettings,
  type Topic,
} from "./types";

/** Lower case, accents folded, anything but letters and digits turned into single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Normalised text with a space on each side, so a whole-word match is a substring match. */
type MatchableText = { padded: string };

function matchable(text: string): MatchableText {
  return { padded: ` ${normaliseText(text)} ` };
}

function contains({ padded }: MatchableText, keyword: string): boolean {
  const phrase = normaliseText(keyword);
  return phrase.length > 0 && padded.includes(` ${phrase} `);
}

/** The keywords (as written) that occur in the text, each counted once. */
function matchedKeywords(text: MatchableText, keywords: readonly string[]): string[] {
  return [...new Set(keywords)].filter((keyword) => contains(text, keyword));
}

/**
 * The category whose rules' keywords occur most often (each keyword or phrase counts once; rules
 * naming the same category add up). A tie, or no hit at all, falls back to the topic the shopper
 * picked, else "other": the shopper's own choice is the best evidence left.
 */
export function categorise(
  input: { topic?: Topic; subject?: string; message: string },
  rules: readonly CategoryRule[],
): Category {
  const text = matchable(`${input.subject ?? ""}\n${input.message}`);
  const hits = new Map<Category, number>();
  for (const rule of rules) {
    const count = matchedKeywords(text, rule.keywords).length;
    if (count > 0) hits.set(rule.category, (hits.get(rule.category) ?? 0) + count);
  }
  const best = Math.max(0, ...hits.values());
  const leaders = [...hits].filter(([, count]) => count === best);
  const [leader] = leaders;
  if (best > 0 && leaders.length === 1 && leader) return leader[0];
  return input.topic ?? "other";
}

/** "Order not received" wording (P1 per industry practice), English and French. */
const NOT_RECEIVED = [
  "not received",
  "never received",
  "haven't received",
  "have not received",
  "hasn't arrived",
  "has not arrived",
  "didn't arrive",
  "did not arrive",
  "didn't receive",
  "did not receive",
  "never arrived",
  "never came",
  "never got",
  "not arrived",
  "not delivered",
  "never delivered",
  "lost package",
  "lost parcel",
  "lost order",
  "lost in transit",
  "lost in the mail",
  "got lost",
  "was lost",
  "is lost",
  "been lost",
  "pas recu",
  "jamais recu",
  "jamais arrive",
  "colis perdu",
  "commande perdue",
];

/** Payment errors (P1 per industry practice), English and French. */
const PAYMENT_PROBLEM = [
  "charged twice",
  "charged me twice",
  "double charged",
  "double charge",
  "charged two times",
  "overcharged",
  "charged the wrong amount",
  "card declined",
  "card was declined",
  "card got declined",
  "payment declined",
  "payment failed",
  "payment error",
  "payment didn't go through",
  "payment did not go through",
  "unauthorized charge",
  "unauthorised charge",
  "debite deux fois",
  "paiement refuse",
  "carte refusee",
];

/** A message this loud reads as angry: at least this many "!" … */
const ANGRY_EXCLAMATIONS = 3;
/** … or at least this many cased letters, mostly capitals. */
const SHOUTING_MIN_LETTERS = 12;
const SHOUTING_CAPITALS_SHARE = 0.7;

function angryTone(message: string): string[] {
  const signs: string[] = [];
  const exclamations = message.normalize("NFKD").split("!").length - 1;
  if (exclamations >= ANGRY_EXCLAMATIONS) signs.push(`${exclamations} exclamation marks`);
  const upper = message.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = message.match(/\p{Ll}/gu)?.length ?? 0;
  if (upper + lower >= SHOUTING_MIN_LETTERS && upper >= SHOUTING_CAPITALS_SHARE * (upper + lower)) {
    signs.push("written in capitals");
  }
  return signs;
}

const rank = (priority: Priority) => PRIORITIES.indexOf(priority);
const moreUrgent = (a: Priority, b: Priority): Priority => (rank(a) <= rank(b) ? a : b);

/**
 * How urgent a contact is, with the reasons in plain words for staff. It starts from the default
 * priority of the shopper's topic, or of the category when that is more urgent (the text said more
 * than the picker); "order not received" and payment errors are P1; asking for a person or an
 * angry tone raises it one step (P1 stays P1).
 */
export function prioritise(
  input: { topic?: Topic; category: Category; message: string; orderKnown?: boolean },
  settings: Pick<SupportSettings, "topics" | "escalation">,
): { priority: Priority; reasons: string[] } {
  const reasons: string[] = [];
  const fromCategory = settings.topics[input.category].priority;
  const fromTopic = input.topic ? settings.topics[input.topic].priority : fromCategory;
  let priority = moreUrgent(fromTopic, fromCategory);
  reasons.push(
    input.topic && priority === fromTopic
      ? `Topic: ${TOPIC_LABELS[input.topic]} → ${priority}`
      : `Categorised as ${TOPIC_LABELS[input.category]} → ${priority}`,
  );

  const text = matchable(input.message);
  if (matchedKeywords(text, NOT_RECEIVED).length > 0) {
    priority = "P1";
    reasons.push("Order not received → P1");
  }
  if (matchedKeywords(text, PAYMENT_PROBLEM).length > 0) {
    priority = "P1";
    reasons.push("Payment problem → P1");
  }

  const asked = matchedKeywords(text, settings.escalation.keywords);
  const signs = angryTone(input.message);
  if (asked.length > 0) signs.unshift(`asked for a person or upset (${asked.map((k) => `"${k}"`).join(", ")})`);
  if (signs.length > 0) {
    const raised = PRIORITIES[Math.max(0, rank(priority) - 1)] ?? priority;
    const cause = signs.join(", ");
    const capitalised = cause.charAt(0).toUpperCase() + cause.slice(1);
    reasons.push(raised === priority ? `${capitalised} → stays ${priority}` : `${capitalised} → raised to ${raised}`);
    priority = raised;
  }

  if (input.orderKnown === false && (input.category === "order_status" || input.category === "returns")) {
    reasons.push("No order found: ask for the order number");
  }
  return { priority, reasons };
}

// Matched on folded text so "numéro" matches and full-width digits are ASCII; separators are
// bounded ({0,4}) so no input can make the pattern backtrack for long.
const ORDER_NUMBER =
  /(?:#\s?|\b(?:order|commande|pedido|ordine|bestellung)[\s:#.]{0,4}(?:(?:number|numero|nummer|num|nr|no|n)\b°?[\s:#.]{0,4})?)(\d{3,10})(?!\d|[-./]\d|\s\d{3})/iu;

/**
 * The order number a message mentions, as Shopify names orders ("#1017"). Only a number introduced
 * by "#" or by an order word (order, order no., order number, commande, n°, numéro, pedido,
 * bestellung …) counts, with 3–10 digits, so bare years ("2026"), prices and phone numbers are never
 * taken for orders. A number that continues into another digit group ("order 416-555-1234",
 * "order 416 555 1234") looks like a phone number and is ignored too. The first match wins.
 */
export function detectOrderNumber(text: string): string | null {
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "");
  const digits = ORDER_NUMBER.exec(folded)?.[1];
  return digits ? `#${digits}` : null;
}

/** Damage and wrong-item wording: the shopper will be asked for photos. */
const PHOTO_REASONS = [
  "damaged",
  "damage",
  "broken",
  "cracked",
  "shattered",
  "torn",
  "ripped",
  "stained",
  "scratched",
  "dented",
  "leaking",
  "defective",
  "faulty",
  "wrong item",
  "wrong product",
  "wrong one",
  "sent the wrong",
  "received the wrong",
  "got the wrong",
  "not what i ordered",
  "endommage",
  "casse",
  "abime",
  "mauvais article",
];

/** True when the text mentions damage or a wrong item, the reasons that need photos. */
export function mentionsPhotoReason(text: string): boolean {
  return matchedKeywords(matchable(text), PHOTO_REASONS).length > 0;
}
