/**
 * Money typed by staff, read as integer cents: "12.5" is 1250. Cents keep sums exact; parsing the
 * text (not Number()) keeps "0.1" from becoming 10.000000000000002 cents and refuses "1e3".
 */

export type CentsResult = { ok: true; cents: number } | { ok: false; error: string };

// Nine digits of whole units is far beyond any return and well inside a safe integer.
const MAX_WHOLE_DIGITS = 9;

export function parseCents(text: string): CentsResult {
  const value = text.trim();
  if (value === "") return { ok: false, error: "Enter an amount, or 0 to issue nothing." };
  if (value.startsWith("-")) return { ok: false, error: "An amount cannot be negative." };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[1] === "" && !match[2])) return { ok: false, error: "Enter the amount as a number, like 12.50." };
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return { ok: false, error: "Use at most 2 decimals: amounts are in cents." };
  if (whole.replace(/^0+/, "").length > MAX_WHOLE_DIGITS) return { ok: false, error: "That amount is too large." };
  return { ok: true, cents: Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0")) };
}

/** Cents as the text a money field starts with: 1250 → "12.50". */
export function centsToInput(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
