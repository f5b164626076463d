/**
 * FAQ basics shared by the admin, the storefront block and search. Framework-free.
 */

/** The languages a shop can publish its FAQ in; the first is the one starters are written in. */
export const FAQ_LOCALES = ["en", "fr", "de", "es"] as const;
export type FaqLocale = (typeof FAQ_LOCALES)[number];

export function isFaqLocale(value: string): value is FaqLocale {
  return (FAQ_LOCALES as readonly string[]).includes(value);
}

/** Shopify's own handles stay well below this; longer ones make unreadable URLs. */
const MAX_HANDLE_LENGTH = 80;

/** Letters NFD does not split into a base letter and an accent. */
const LIGATURES: Readonly<Record<string, string>> = { ß: "ss", æ: "ae", œ: "oe", ø: "o" };

/**
 * A URL-safe handle from a title, as Shopify makes them: lower case, accents dropped, every run of
 * other characters turned into one hyphen: "Où est ma commande ?" → "ou-est-ma-commande",
 * "Größe & Passform" → "grosse-passform".
 * Empty when the text has no letters or digits; the caller decides what to use then.
 */
export function slugifyHandle(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[ßæœø]/g, (letter) => LIGATURES[letter] ?? "")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_HANDLE_LENGTH)
    .replace(/^-+|-+$/g, "");
}
