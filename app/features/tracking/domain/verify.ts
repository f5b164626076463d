import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Checking a shopper's lookup against the order, in ways that leak nothing: the same work whether
 * the order exists or not, constant-time comparisons, and a floor on how fast a failure answers.
 */

/** "1001", "#1001" and " #1001 " all mean order #1001; null when it cannot be an order name. */
export function normalizeOrderName(input: string): string | null {
  const name = input.trim().replace(/^#\s*/, "");
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(name) ? `#${name}` : null;
}

/**
 * Whether what the shopper typed names exactly this order, never a near one: its name, or its
 * number with or without the shop's prefix or suffix ("HB-1001-EU", "1001", "HB-1001", "1001-EU"),
 * ignoring a leading "#", spaces around it and case.
 */
export function orderNameMatches(typed: string, order: { name: string; number: number }): boolean {
  const bare = (text: string) => text.trim().replace(/^#\s*/, "").toLowerCase();
  const wanted = bare(typed);
  const name = bare(order.name);
  if (wanted === name) return true;
  const digits = String(order.number);
  const at = name.lastIndexOf(digits);
  if (order.number <= 0 || at < 0) return false;
  const [prefix, suffix] = [name.slice(0, at), name.slice(at + digits.length)];
  return wanted === digits || wanted === prefix + digits || wanted === digits + suffix;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only; a leading country code may be missing on one side, so the last 9 digits decide. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "").slice(-9);
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time does not depend on the input.
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

export type Contact = { email: string } | { phone: string };

/** Whether the shopper's email or phone is the order's. An order without one never matches it. */
export function contactMatches(order: { email: string | null; phone: string | null }, contact: Contact): boolean {
  if ("email" in contact) {
    const matches = sameSecret(normalizeEmail(order.email ?? ""), normalizeEmail(contact.email));
    return matches && Boolean(order.email);
  }
  const given = normalizePhone(contact.phone);
  const matches = sameSecret(normalizePhone(order.phone ?? ""), given);
  return matches && given.length >= 7;
}

/**
 * Whether the shopper's email or phone, as a keyed hash (null when it cannot be one), is the
 * order's as held. Always one constant-time comparison, whichever is asked and whether held or not.
 */
export function hashMatches(held: { emailHash: string | null; phoneHash: string | null }, given: string | null, contact: Contact): boolean {
  const expected = ("email" in contact ? held.emailHash : held.phoneHash) ?? "";
  return sameSecret(expected, given ?? "") && Boolean(expected) && Boolean(given);
}

/**
 * How long to wait before answering a failed lookup so that every failure takes at least
 * `floorMs`: "no such order" and "wrong email" then take the same time from outside.
 */
export function remainingDelay(startedAt: number, now: number, floorMs: number): number {
  return Math.max(0, startedAt + floorMs - now);
}
