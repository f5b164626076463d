/**
 * A URL path or cookie value decoded, or null when its percent-encoding is malformed
 * (`/%E0%A4%A`): such a request is the client's mistake, answered 400, never a thrown URIError.
 */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
