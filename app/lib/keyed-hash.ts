import { createHmac } from "node:crypto";

/**
 * A value (an address, an email) in a form that is not personal data: an HMAC with the app's
 * secret, so rows can be matched on it but it cannot be reversed or guessed from a list without the
 * secret. `purpose` separates uses, so a hash made for one never matches another.
 */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`harbor:${purpose}\n${value}`).digest("base64url");
}
